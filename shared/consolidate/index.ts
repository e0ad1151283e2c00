// The consolidated view for a period (DESIGN §4): a pure function of the partnership settings and every
// stored return. The month's view picks the versions that count, then merges contributions, skills and
// projects; the view for P adds what changed since an earlier month and the year's trend.
import { asPeriod, isValidPeriod, yearToDate, type Period, type YearToDate } from '../dates.js';
import type { ConsolidatedView, MonthView, Partnership, SubmissionRecord } from '../schemas.js';
import { comparisonProblem, defaultComparison, monthOnMonth, NO_CHANGES } from './changes.js';
import { ledgerPence } from './contributions.js';
import { MonthFold } from './month.js';
import { consolidateSkills } from './skills.js';
import { YearOfReturns } from './year.js';

export { apportionLargestRemainder, type ApportionWeight } from './apportion.js';
export {
  compareMonths,
  comparisonProblem,
  defaultComparison,
  type MonthFacts,
  type SettledFacts,
} from './changes.js';
export { ConsolidationError } from './errors.js';

export interface ConsolidateOptions {
  /** The month to compare P with (same FY, before P); P−1 by default. */
  compare?: string | undefined;
}

/** One council's returns after another (in their order otherwise), as the folds take them. */
const byCouncil = (submissions: readonly SubmissionRecord[]): SubmissionRecord[] =>
  [...submissions].sort((a, b) => (a.council < b.council ? -1 : a.council > b.council ? 1 : 0));

/** The view of one month by the rules of DESIGN §4, without comparing it with any other. */
export function consolidateMonth(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  period: Period,
): MonthView {
  const month = new MonthFold(partnership, yearToDate(period));
  for (const record of byCouncil(submissions)) month.add(record);
  return month.view();
}

/**
 * The month P is compared with: `compare`, or by default the month before (none in April). A RangeError
 * (a programming error: a caller that takes it from a request checks it first, with `comparisonProblem`)
 * when it is not a month of P's financial year before P.
 */
export function comparisonMonth(period: Period, compare?: string): Period | null {
  if (compare === undefined) return defaultComparison(period);
  if (!isValidPeriod(compare)) throw new RangeError('compare is not a month');
  const problem = comparisonProblem(period, compare);
  if (problem !== null) throw new RangeError(problem);
  return compare;
}

/**
 * The consolidated view of P, fed one stored return at a time so that a large partnership's returns
 * need not all be held at once: each council's returns come together, as the store reads them.
 */
export class Consolidation {
  /** P's financial year up to P: its months are the only ones whose returns can count. */
  readonly year: YearToDate;
  private readonly month: MonthFold;

  /** `since`: the month P is compared with, as `comparisonMonth` gives it (by default the month before). */
  constructor(
    private readonly partnership: Partnership,
    period: Period,
    private readonly since: Period | null = defaultComparison(period),
  ) {
    this.year = yearToDate(period);
    this.month = new MonthFold(partnership, this.year, since);
  }

  add(record: SubmissionRecord): void {
    this.month.add(record);
  }

  view(): ConsolidatedView {
    const view = this.month.view();
    const { partnership, since } = this;
    // No other month of the view can count a return from after P or from another financial year.
    const returns = new YearOfReturns(partnership, this.month.earlier);
    // Every month's money is read from the ledgers of the returns that count for P (DESIGN §4, Ledger).
    const chosen = this.month.chosen;
    const ledger = (council: string, month: Period): number =>
      ledgerPence(chosen.get(council)?.data.contributions ?? [], yearToDate(month));
    const contributed = (month: Period): number =>
      [...chosen.keys()].reduce((sum, council) => sum + ledger(council, month), 0);
    return {
      ...view,
      changes: since === null ? NO_CHANGES : this.changesSince(since, view, returns, ledger),
      trend: returns.trend(this.year.months, new Map([[this.year.period, view]]), contributed),
    };
  }

  private changesSince(
    since: Period,
    view: MonthView,
    returns: YearOfReturns,
    ledger: (council: string, month: Period) => number,
  ): ConsolidatedView['changes'] {
    const { partnership, year } = this;
    const councils = partnership.councils.map((c) => c.id);
    const before = returns.facts(since);
    const chosen = this.month.chosen;
    const settledReturns = new Map([...chosen].filter(([council]) => before.returns.has(council)));
    // Without first returns P's projects and skills are its own view's; they are worked out again only
    // when a first return would otherwise be news.
    const settled =
      settledReturns.size === chosen.size
        ? view
        : {
            skills: consolidateSkills(councils, settledReturns, year.period),
            projects: { items: this.month.settledProjects() ?? [] },
          };
    return monthOnMonth(year.period, {
      before,
      since,
      settled,
      councils,
      returnsOfP: new Set(chosen.keys()),
      ledger,
    });
  }
}

export function consolidate(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  period: string,
  options: ConsolidateOptions = {},
): ConsolidatedView {
  const month = asPeriod(period);
  const consolidation = new Consolidation(partnership, month, comparisonMonth(month, options.compare));
  for (const record of byCouncil(submissions)) consolidation.add(record);
  return consolidation.view();
}
