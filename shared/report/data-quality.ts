// Returns and data quality in sentences: missing and carried-forward returns, conflicts between councils'
// returns and the consolidation's warnings, worded once for the e-mail, the workbook and the add-in.
import { periodLabel } from '../dates.js';
import type { ConsolidatedView, ProjectConflict, SkillConflict } from '../schemas.js';
import { councilNames } from './councils.js';

export interface DataQualityLine {
  kind: string;
  council?: string;
  project?: string;
  message: string;
}

export interface ReturnsReport {
  /** Names of the Members with no return for the period nor any earlier month of the year. */
  missing: string[];
  /** "West Oxfordshire District Council (using February 2027)". */
  carriedForward: string[];
  /** One sentence per conflict between councils' returns, projects first. */
  conflicts: string[];
  /** Every line of the Data quality sheet. */
  lines: DataQualityLine[];
}

const FIELD_LABELS: Record<ProjectConflict['field'], string> = {
  title: 'title',
  phase: 'phase',
  rag: 'RAG',
  lead: 'lead council',
};

export function returnsReport(view: ConsolidatedView): ReturnsReport {
  const name = councilNames(view);
  const { dataQuality: dq, period, financialYear } = view;
  const projectConflict = (c: ProjectConflict) =>
    `Project ${c.project}: ${name(c.council)} reports ${FIELD_LABELS[c.field]} "${c.value}"; the lead council says "${c.leadValue}"`;
  const skillConflict = (c: SkillConflict) =>
    `${c.email}, ${c.skill}: ${c.field === 'level' ? 'level' : 'days per month'} differs between councils (${c.values
      .map((v) => `${name(v.council)}: ${v.value}`)
      .join('; ')})`;
  return {
    missing: dq.missing.map(name),
    carriedForward: dq.carriedForward.map((c) => `${name(c.council)} (using ${periodLabel(c.from)})`),
    conflicts: [...view.projects.conflicts.map(projectConflict), ...view.skills.conflicts.map(skillConflict)],
    lines: [
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
        message: `${projectConflict(c)}.`,
      })),
      ...view.skills.conflicts.map((c) => ({ kind: 'Skill conflict', message: `${skillConflict(c)}.` })),
      ...dq.warnings.map((w) => ({
        kind: w.code,
        council: w.council ?? undefined,
        project: w.project ?? undefined,
        message: w.message,
      })),
    ],
  };
}
