// The report of a consolidated view: its headline figures, councils, projects, skills, returns and summary
// sentences, built once per view. Its own module, so the report's parts (charts) import it directly
// rather than through the folder's index, which re-exports them.
import type { Locale } from '../i18n/index.js';
import type { ConsolidatedView } from '../schemas.js';
import { councilLines, type CouncilLine } from './councils.js';
import { returnsReport, type ReturnsReport } from './data-quality.js';
import { headlineFigures, type HeadlineFigure } from './headline.js';
import { projectsReport, type ProjectsReport } from './projects.js';
import { skillsReport, type SkillsReport } from './skills.js';
import { summaryLines, type SummaryLine } from './summary.js';

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

/** The report in `locale` (DESIGN §12); its Summary lines are English (the workbook asks for others). */
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
