// The consolidated view for a period (DESIGN §4): a pure function of the partnership settings and every
// stored return. The month's view picks the versions that count, then merges contributions, skills and
// projects; the view for P adds what changed since an earlier month and the year's trend.
import { financialYearOf, isValidPeriod, monthsOfFinancialYear } from '../dates.js';
import type { ConsolidatedView, MonthView, Partnership, SubmissionRecord } from '../schemas.js';
import { changesBetween, comparisonProblem, defaultComparison } from './changes.js';
import { consolidateContributions } from './contributions.js';
import { consolidateProjects } from './projects.js';
import { selectSubmissions } from './select.js';
import { consolidateSkills } from './skills.js';
import { YearOfReturns } from './year.js';

export { apportionLargestRemainder, type ApportionWeight } from './apportion.js';
export { changesBetween, comparisonProblem, defaultComparison, type MonthFacts } from './changes.js';
export { ConsolidationError } from './errors.js';

export interface ConsolidateOptions {
  /** The month to compare P with (same FY, before P); P−1 by default. */
  compare?: string | undefined;
}

/** The view of one month by the rules of DESIGN §4, without comparing it with any other. */
export function consolidateMonth(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  period: string,
): MonthView {
  const councilOrder = partnership.councils.map((c) => c.id);
  const selection = selectSubmissions(partnership, submissions, period);
  const { chosen } = selection;
  const contributions = consolidateContributions(partnership, chosen, period);
  const projects = consolidateProjects(councilOrder, chosen, period);
  return {
    period,
    financialYear: financialYearOf(period),
    partnership: partnership.name,
    contributions: contributions.contributions,
    skills: consolidateSkills(councilOrder, chosen, period),
    projects: projects.projects,
    dataQuality: {
      missing: selection.missing,
      carriedForward: selection.carriedForward,
      warnings: [...selection.warnings, ...contributions.warnings, ...projects.warnings],
    },
    submissions: councilOrder.flatMap((council) => {
      const record = chosen.get(council);
      if (record === undefined) return [];
      const { period: from, version, submittedAt, review } = record;
      return [{ council, period: from, version, submittedAt, review }];
    }),
  };
}

export function consolidate(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  period: string,
  options: ConsolidateOptions = {},
): ConsolidatedView {
  if (!isValidPeriod(period)) throw new RangeError(`"${period}" is not a period written YYYY-MM`);
  const since = options.compare ?? defaultComparison(period);
  if (since !== null) {
    const problem = isValidPeriod(since) ? comparisonProblem(period, since) : 'compare is not a month';
    if (problem !== null) throw new RangeError(problem);
  }
  const view = consolidateMonth(partnership, submissions, period);
  // No other month of the view can count a return from after P or from another financial year.
  const { financialYear } = view;
  const ofTheYear = submissions.filter(
    (r) => r.period <= period && financialYearOf(r.period) === financialYear,
  );
  const year = new YearOfReturns(partnership, ofTheYear);
  const months = monthsOfFinancialYear(financialYear).filter((month) => month <= period);
  return {
    ...view,
    changes: changesBetween(since === null ? null : year.facts(since), view),
    trend: year.trend(months, new Map([[period, view]])),
  };
}
