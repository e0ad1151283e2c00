// The consolidated view as rows for the consolidated sheets' layouts (CONSOLIDATED_SHEETS): what the
// add-in writes into Excel and what a consolidated workbook holds, from one mapping.
import type { ConsolidatedView } from '../schemas.js';
import { returnsReport } from './data-quality.js';

export interface ConsolidatedSheetRows {
  contributions: object[];
  skills: object[];
  people: object[];
  projects: object[];
  dataQuality: object[];
  submissions: object[];
}

export function consolidatedSheetRows(view: ConsolidatedView): ConsolidatedSheetRows {
  return {
    contributions: view.contributions.councils,
    skills: view.skills.coverage,
    people: view.skills.people.map((p) => ({
      ...p,
      councils: p.councils.join('; '),
      skills: p.skills.map((s) => `${s.skill} (${s.level}, ${s.daysPerMonth} days/month)`).join('; '),
    })),
    projects: view.projects.items.map((p) => ({
      ...p,
      partners: p.partners.join('; '),
      reportedBy: p.reportedBy.join('; '),
    })),
    dataQuality: returnsReport(view).lines,
    submissions: view.submissions,
  };
}
