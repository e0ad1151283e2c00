// The consolidated view for a period (DESIGN §4): a pure function of the partnership settings and every
// stored return. The month's view picks the versions that count, then merges contributions, skills and
// projects; the view for P adds what changed since an earlier month and the year's trend.
import { asPeriod, isValidPeriod, yearToDate, type YearToDate } from '../dates.js';
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
  return monthView(partnership, submissions, yearToDate(asPeriod(period)));
}

function monthView(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  year: YearToDate,
): MonthView {
  const { period, financialYear } = year;
  const councilOrder = partnership.councils.map((c) => c.id);
  const selection = selectSubmissions(partnership, submissions, year);
  const { chosen } = selection;
  const contributions = consolidateContributions(partnership, chosen, year);
  const projects = consolidateProjects(councilOrder, chosen, period);
  return {
    period,
    financialYear,
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
  const year = yearToDate(asPeriod(period));
  const since = options.compare ?? defaultComparison(period);
  if (since !== null) {
    const problem = isValidPeriod(since) ? comparisonProblem(period, since) : 'compare is not a month';
    if (problem !== null) throw new RangeError(problem);
  }
  const view = monthView(partnership, submissions, year);
  // No other month of the view can count a return from after P or from another financial year.
  const returns = new YearOfReturns(
    partnership,
    submissions.filter((r) => year.counts(r.period)),
  );
  return {
    ...view,
    changes: changesBetween(since === null ? null : returns.facts(since), view),
    trend: returns.trend(year.months, new Map([[period, view]])),
  };
}
