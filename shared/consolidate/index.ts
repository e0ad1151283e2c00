// The consolidated view for a period (DESIGN §4): a pure function of the partnership settings and every
// stored return. The month's view picks the versions that count, then merges contributions, skills and
// projects; the view for P adds what changed since an earlier month and the year's trend.
import { asPeriod, isValidPeriod, yearToDate, type YearToDate } from '../dates.js';
import type { ConsolidatedView, MonthView, Partnership, SubmissionRecord } from '../schemas.js';
import { changesBetween, comparisonProblem, defaultComparison } from './changes.js';
import { MonthFold } from './month.js';
import { YearOfReturns } from './year.js';

export { apportionLargestRemainder, type ApportionWeight } from './apportion.js';
export { changesBetween, comparisonProblem, defaultComparison, type MonthFacts } from './changes.js';
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
  period: string,
): MonthView {
  const month = new MonthFold(partnership, yearToDate(asPeriod(period)));
  for (const record of byCouncil(submissions)) month.add(record);
  return month.view();
}

/**
 * The consolidated view of P, fed one stored return at a time so that a large partnership's returns
 * need not all be held at once: each council's returns come together, as the store reads them.
 */
export class Consolidation {
  private readonly year: YearToDate;
  private readonly since: string | null;
  private readonly month: MonthFold;

  constructor(
    private readonly partnership: Partnership,
    period: string,
    options: ConsolidateOptions = {},
  ) {
    this.year = yearToDate(asPeriod(period));
    this.since = options.compare ?? defaultComparison(period);
    if (this.since !== null) {
      const problem = isValidPeriod(this.since)
        ? comparisonProblem(period, this.since)
        : 'compare is not a month';
      if (problem !== null) throw new RangeError(problem);
    }
    this.month = new MonthFold(partnership, this.year);
  }

  add(record: SubmissionRecord): void {
    this.month.add(record);
  }

  view(): ConsolidatedView {
    const view = this.month.view();
    // No other month of the view can count a return from after P or from another financial year.
    const returns = new YearOfReturns(this.partnership, this.month.earlier);
    return {
      ...view,
      changes: changesBetween(this.since === null ? null : returns.facts(this.since), view),
      trend: returns.trend(this.year.months, new Map([[this.year.period, view]])),
    };
  }
}

export function consolidate(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  period: string,
  options: ConsolidateOptions = {},
): ConsolidatedView {
  const consolidation = new Consolidation(partnership, period, options);
  for (const record of byCouncil(submissions)) consolidation.add(record);
  return consolidation.view();
}
