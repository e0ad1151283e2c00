// What changed between an earlier month's view and P's (DESIGN §4, month on month): which councils' first
// returns count for P, projects new, removed, moved in phase or RAG, or newly overdue; what each
// council's ledger dates in between and how it restated the months before; skills whose coverage changed.
import { addMonths, financialYearOf, monthIndexInFinancialYear, periodLabel, type Period } from '../dates.js';
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

/** What month on month compares of a month's view. */
export interface MonthFacts {
  period: MonthView['period'];
  /** The councils with a return that counts for the month. */
  returns: ReadonlySet<string>;
  contributions: { councils: readonly Pick<CouncilContribution, 'council' | 'contributedPence'>[] };
  skills: { coverage: readonly Pick<SkillCoverage, 'skill' | 'status'>[] };
  projects: { items: readonly ProjectFacts[] };
}

/** The month P is compared with by default: P−1, or none in April. */
export function defaultComparison(period: Period): Period | null {
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

/** Projects and skills of P as month on month compares them: P's view without the first returns. */
export type SettledFacts = Pick<MonthFacts, 'skills' | 'projects'>;

/**
 * What changed in projects and skills from `before` to `after`: a pure comparison of two views, so
 * swapping them swaps `new` and `removed`.
 */
export function compareMonths(
  before: SettledFacts,
  after: SettledFacts,
): Pick<Changes, 'projects' | 'skills'> {
  const statusBefore = new Map(before.skills.coverage.map((s) => [s.skill, s.status]));
  return {
    projects: projectChanges(before.projects.items, after.projects.items),
    skills: after.skills.coverage.flatMap((s) => {
      const from = statusBefore.get(s.skill);
      return from === undefined || from === s.status ? [] : [{ skill: s.skill, from, to: s.status }];
    }),
  };
}

export interface MonthOnMonth {
  /** The view of the month compared with. */
  before: MonthFacts;
  /** P's projects and skills without the first returns. */
  settled: SettledFacts;
  /** Every council of the partnership, in its order. */
  councils: readonly string[];
  /** The councils with a return that counts for P. */
  returnsOfP: ReadonlySet<string>;
  /** The month compared with (`before`'s). */
  since: Period;
  /** L(c, M): what the ledger of c's return that counts for P dates up to the end of M. */
  ledger: (council: string, month: Period) => number;
}

/** No month to compare with (April, the FY's first month): nothing is news. */
export const NO_CHANGES: Changes = {
  since: null,
  firstReturns: [],
  projects: [],
  contributions: [],
  skills: [],
};

/**
 * The changes from the month compared with to P (DESIGN §4, month on month). A council whose first
 * return counts for P is named as such, its projects and skills left out of the comparison and its
 * ledger counted as received only for what it dates after that month: never its whole year as news.
 */
export function monthOnMonth(period: Period, input: MonthOnMonth): Changes {
  const { before, since, settled, councils, returnsOfP, ledger } = input;
  const contributedBefore = new Map(
    before.contributions.councils.map((c) => [c.council, c.contributedPence]),
  );
  const firstReturns = councils.filter((c) => returnsOfP.has(c) && !before.returns.has(c)).sort();
  const first = new Set(firstReturns);
  return {
    since,
    firstReturns,
    ...compareMonths(before, settled),
    contributions: councils.map((council) => {
      if (!returnsOfP.has(council)) return { council, receivedPence: 0, restatedPence: 0 };
      const upToSince = ledger(council, since);
      const restatedPence = first.has(council) ? 0 : upToSince - (contributedBefore.get(council) ?? 0);
      return { council, receivedPence: ledger(council, period) - upToSince, restatedPence };
    }),
  };
}
