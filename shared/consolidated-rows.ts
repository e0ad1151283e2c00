// The consolidated view as rows for the consolidated sheets' layouts (CONSOLIDATED_SHEETS): what the
// add-in writes into Excel and what a consolidated workbook holds, from one mapping.
import { periodLabel } from './dates.js';
import type { ConsolidatedView } from './schemas.js';

export interface ConsolidatedSheetRows {
  contributions: object[];
  skills: object[];
  people: object[];
  projects: object[];
  dataQuality: object[];
  submissions: object[];
}

const FIELD_LABELS = { title: 'Title', phase: 'Phase', rag: 'RAG', lead: 'Lead council' } as const;

export function consolidatedSheetRows(view: ConsolidatedView): ConsolidatedSheetRows {
  const { dataQuality: dq, period, financialYear } = view;
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
    dataQuality: [
      ...dq.missing.map((council) => ({
        kind: 'Missing return',
        council,
        message: `No return for ${periodLabel(period)} nor any earlier month of ${financialYear}.`,
      })),
      ...dq.carriedForward.map(({ council, from }) => ({
        kind: 'Carried forward',
        council,
        message: `No return for ${periodLabel(period)}; the return for ${periodLabel(from)} is used.`,
      })),
      ...view.projects.conflicts.map((c) => ({
        kind: 'Project conflict',
        council: c.council,
        project: c.project,
        message: `${FIELD_LABELS[c.field]} is "${c.value}" here but "${c.leadValue}" in the lead council's return.`,
      })),
      ...view.skills.conflicts.map((c) => ({
        kind: 'Skill conflict',
        message: `${c.email}, ${c.skill}: ${c.field === 'level' ? 'level' : 'days per month'} differs between councils (${c.values.map((v) => `${v.council}: ${v.value}`).join('; ')}).`,
      })),
      ...dq.warnings.map((w) => ({
        kind: w.code,
        council: w.council ?? undefined,
        project: w.project ?? undefined,
        message: w.message,
      })),
    ],
    submissions: view.submissions,
  };
}
