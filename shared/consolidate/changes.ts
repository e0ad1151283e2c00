// What changed between an earlier month's view and P's (DESIGN §4, month on month): projects new,
// removed, moved in phase or RAG, or newly overdue; what each council paid in between; skills whose
// coverage changed. A pure comparison of two views, so swapping them swaps `new` and `removed`.
import { addMonths, financialYearOf, monthIndexInFinancialYear, periodLabel } from '../dates.js';
import type {
  Changes,
  ConsolidatedProject,
  CouncilContribution,
  MonthView,
  ProjectChange,
  SkillCoverage,
} from '../schemas.js';
import { PROJECT_CHANGE_KINDS } from '../vocabulary.js';

export type ProjectFacts = Pick<ConsolidatedProject, 'id' | 'title' | 'phase' | 'rag' | 'overdue'>;

/** What month on month compares of a month's view; a whole MonthView is one. */
export interface MonthFacts {
  period: MonthView['period'];
  contributions: { councils: readonly Pick<CouncilContribution, 'council' | 'contributedPence'>[] };
  skills: { coverage: readonly Pick<SkillCoverage, 'skill' | 'status'>[] };
  projects: { items: readonly ProjectFacts[] };
}

/** The month P is compared with by default: P−1, or none in April. */
export function defaultComparison(period: string): string | null {
  return monthIndexInFinancialYear(period) > 1 ? addMonths(period, -1) : null;
}

/** Why `compare` cannot be compared with `period`, in plain English, or null when it can. */
export function comparisonProblem(period: string, compare: string): string | null {
  if (financialYearOf(compare) !== financialYearOf(period) || compare >= period) {
    return (
      `compare must be a month of ${financialYearOf(period)} before ${periodLabel(period)}; ` +
      `${compare} is not.`
    );
  }
  return null;
}

const KIND_ORDER = new Map(PROJECT_CHANGE_KINDS.map((kind, i) => [kind, i]));

function projectChanges(before: readonly ProjectFacts[], after: readonly ProjectFacts[]) {
  const earlier = new Map(before.map((p) => [p.id, p]));
  const later = new Map(after.map((p) => [p.id, p]));
  const changes: ProjectChange[] = [];
  for (const p of after) {
    const { id: project, title } = p;
    const old = earlier.get(project);
    if (old === undefined) {
      changes.push({ project, title, kind: 'new', from: null, to: p.phase });
      continue;
    }
    if (old.phase !== p.phase) changes.push({ project, title, kind: 'phase', from: old.phase, to: p.phase });
    if (old.rag !== p.rag) changes.push({ project, title, kind: 'rag', from: old.rag, to: p.rag });
    if (p.overdue && !old.overdue) changes.push({ project, title, kind: 'overdue', from: false, to: true });
  }
  for (const old of before) {
    if (!later.has(old.id)) {
      changes.push({ project: old.id, title: old.title, kind: 'removed', from: old.phase, to: null });
    }
  }
  return changes.sort((a, b) =>
    a.project !== b.project
      ? a.project < b.project
        ? -1
        : 1
      : (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0),
  );
}

/** The changes from `before` (the earlier month, or null in April) to `after` (P). */
export function changesBetween(before: MonthFacts | null, after: MonthFacts): Changes {
  if (before === null) return { since: null, projects: [], contributions: [], skills: [] };
  const paidBefore = new Map(before.contributions.councils.map((c) => [c.council, c.contributedPence]));
  const statusBefore = new Map(before.skills.coverage.map((s) => [s.skill, s.status]));
  return {
    since: before.period,
    projects: projectChanges(before.projects.items, after.projects.items),
    contributions: after.contributions.councils.map((c) => ({
      council: c.council,
      receivedPence: c.contributedPence - (paidBefore.get(c.council) ?? 0),
    })),
    skills: after.skills.coverage.flatMap((s) => {
      const from = statusBefore.get(s.skill);
      return from === undefined || from === s.status ? [] : [{ skill: s.skill, from, to: s.status }];
    }),
  };
}
