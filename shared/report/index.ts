// What every surface shows of a consolidated view (the e-mail, the consolidated workbook, the add-in):
// each figure, table and sentence is computed here once, from the view alone.
import type { Locale } from '../i18n/index.js';
import type { ConsolidatedView } from '../schemas.js';
import { councilLines, type CouncilLine } from './councils.js';
import { returnsReport, type ReturnsReport } from './data-quality.js';
import { headlineFigures, type HeadlineFigure } from './headline.js';
import { projectsReport, type ProjectsReport } from './projects.js';
import { skillsReport, type SkillsReport } from './skills.js';
import { summaryLines, type SummaryLine } from './summary.js';

export {
  CHART_COLOURS,
  consolidatedCharts,
  skillsCoverageChart,
  type ChartSeriesSpec,
  type ConsolidatedChart,
} from './charts.js';
export {
  CHANGE_LABELS,
  changeRows,
  sinceReport,
  trendRows,
  type ChangeRow,
  type SinceReport,
  type TrendRow,
} from './changes.js';
export { councilNames, type CouncilLine } from './councils.js';
export type { DataQualityLine } from './data-quality.js';
export type { HeadlineFigure, HeadlineKey } from './headline.js';
export type { OverdueProject, PhaseRagRow } from './projects.js';
export {
  CONSOLIDATED_HIGHLIGHTS,
  consolidatedSheetItems,
  consolidatedSheetRows,
  type ConsolidatedSheetRows,
} from './sheet-rows.js';
export { costSharesLine, moneyLabel, summaryLines, type SummaryLine } from './summary.js';
export { contributionTotals } from './totals.js';

export interface Report {
  headline: HeadlineFigure[];
  councils: CouncilLine[];
  projects: ProjectsReport;
  skills: SkillsReport;
  returns: ReturnsReport;
  summary: SummaryLine[];
}

// A view is never changed once consolidated, and one workbook or e-mail asks for its report from
// several writers: each view's report is built once per language (50,000 projects are walked once, not
// per sheet).
const reports: Record<Locale, WeakMap<ConsolidatedView, Report>> = { en: new WeakMap(), cy: new WeakMap() };

/** The report in `locale` (DESIGN §12); the Summary's lines stay English for now. */
export function buildReport(view: ConsolidatedView, locale: Locale = 'en'): Report {
  const known = reports[locale].get(view);
  if (known) return known;
  const parts = {
    projects: projectsReport(view, locale),
    skills: skillsReport(view),
    returns: returnsReport(view, locale),
  };
  const report: Report = {
    headline: headlineFigures(view, locale),
    councils: councilLines(view, locale),
    ...parts,
    summary: summaryLines(view, locale === 'en' ? parts : buildReport(view, 'en')),
  };
  reports[locale].set(view, report);
  return report;
}
