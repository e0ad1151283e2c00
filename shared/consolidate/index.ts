// The consolidated view for a period (DESIGN §4): a pure function of the partnership settings and every
// stored return; it picks the versions that count, then merges contributions, skills and projects.
import { financialYearOf, isValidPeriod } from '../dates.js';
import type { ConsolidatedView, Partnership, SubmissionRecord } from '../schemas.js';
import { consolidateContributions } from './contributions.js';
import { consolidateProjects } from './projects.js';
import { selectSubmissions } from './select.js';
import { consolidateSkills } from './skills.js';

export { apportionLargestRemainder, type ApportionWeight } from './apportion.js';
export { ConsolidationError } from './errors.js';

export function consolidate(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  period: string,
): ConsolidatedView {
  if (!isValidPeriod(period)) throw new RangeError(`"${period}" is not a period written YYYY-MM`);
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
