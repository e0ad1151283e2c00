// The report of a consolidated view: its headline figures, councils, projects, skills, returns and summary
// sentences, built once per view. Its own module, so the report's parts (charts) import it directly
// rather than through the folder's index, which re-exports them.
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
// several writers: each view's report is built once (50,000 projects are walked once, not per sheet).
const reports = new WeakMap<ConsolidatedView, Report>();

export function buildReport(view: ConsolidatedView): Report {
  const known = reports.get(view);
  if (known) return known;
  const parts = { projects: projectsReport(view), skills: skillsReport(view), returns: returnsReport(view) };
  const report: Report = {
    headline: headlineFigures(view),
    councils: councilLines(view),
    ...parts,
    summary: summaryLines(view, parts),
  };
  reports.set(view, report);
  return report;
}
