// The consolidated view as rows for the consolidated sheets' layouts (CONSOLIDATED_SHEETS): what the
// add-in writes into Excel and what a consolidated workbook holds, from one mapping.
import type { ConsolidatedView } from './schemas.js';

export interface ConsolidatedSheetRows {
  contributions: object[];
  skills: object[];
  people: object[];
  projects: object[];
  dataQuality: object[];
  submissions: object[];
}

export function consolidatedSheetRows(view: ConsolidatedView): ConsolidatedSheetRows {
  const dq = view.dataQuality;
  return {
    contributions: view.contributions.councils,
    skills: view.skills.coverage,
    people: view.skills.people.map((p) => ({
      ...p,
      councils: p.councils.join('; '),
      skills: p.skills.map((s) => `${s.skill} (${s.level}, ${s.daysPerMonth} d/m)`).join('; '),
    })),
    projects: view.projects.items.map((p) => ({
      ...p,
      partners: p.partners.join('; '),
      reportedBy: p.reportedBy.join('; '),
    })),
    dataQuality: [
      ...dq.missing.map((council) => ({
        kind: 'Missing return',
        council,
        message: `No return for ${view.period} or earlier in ${view.financialYear}.`,
      })),
      ...dq.carriedForward.map(({ council, from }) => ({
        kind: 'Carried forward',
        council,
        message: `No return for ${view.period}: the return for ${from} is used.`,
      })),
      ...view.projects.conflicts.map((c) => ({
        kind: 'Project conflict',
        council: c.council,
        project: c.project,
        message: `${c.field} is “${c.value}” here but “${c.leadValue}” in the lead council's return.`,
      })),
      ...view.skills.conflicts.map((c) => ({
        kind: 'Skill conflict',
        message: `${c.email}, ${c.skill}: ${c.field} differs — ${c.values.map((v) => `${v.council} ${v.value}`).join(', ')}.`,
      })),
      ...dq.warnings.map((w) => ({
        kind: 'Warning',
        council: w.council ?? undefined,
        project: w.project ?? undefined,
        message: w.message,
      })),
    ],
    submissions: view.submissions,
  };
}
