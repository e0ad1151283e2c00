// Who pays what (DESIGN §4 rules 1–7): net cost, dues by the cost-share method, what each council has
// paid in cash and in kind up to P, and how that compares with its due profiled over the months so far.
import type { YearToDate } from '../dates.js';
import { say } from '../i18n/say.js';
import type {
  ConsolidatedView,
  ContributionRow,
  CouncilContribution,
  DataQualityWarning,
  Partnership,
  SubmissionRecord,
} from '../schemas.js';
import { contributionTotals } from '../report/totals.js';
import { apportionLargestRemainder } from './apportion.js';
import { monthsOfMembership } from './membership.js';
import { decimalToFraction, roundFraction } from './rational.js';
import { warning } from './warning.js';
import { costShareWeights, type Payer } from './weights.js';

export type ContributionsView = ConsolidatedView['contributions'];

/** round(Days × Day rate in pence), exactly: Days is read as the decimal the cell shows. */
export function inKindValuePence(row: ContributionRow): number {
  if (row.days === undefined || row.dayRatePence === undefined) return row.amountPence ?? 0;
  // Days come in half days, so 2 × Days × rate is usually a safe integer: round its half exactly.
  const doubled = row.days * 2 * row.dayRatePence;
  if (Number.isInteger(row.days * 2) && Number.isSafeInteger(doubled)) return Math.floor((doubled + 1) / 2);
  const days = decimalToFraction(row.days);
  return Number(roundFraction(days.numerator * BigInt(row.dayRatePence), days.denominator));
}

function paidToDate(rows: readonly ContributionRow[], year: YearToDate): { cash: number; inKind: number } {
  let cash = 0;
  let inKind = 0;
  for (const row of rows) {
    if (!year.counts(row.month)) continue;
    if (row.type === 'Cash') cash += row.amountPence ?? 0;
    else inKind += inKindValuePence(row);
  }
  return { cash, inKind };
}

/**
 * L(c, M) of DESIGN §4 month on month: what a return's ledger (its Contributions rows) counts as
 * contributed, cash plus in kind, up to the end of `year`'s month.
 */
export function ledgerPence(rows: readonly ContributionRow[], year: YearToDate): number {
  const { cash, inKind } = paidToDate(rows, year);
  return cash + inKind;
}

function status(balance: number, contributed: number, profiledDue: number): CouncilContribution['status'] {
  if (balance <= 0) return 'paid';
  return contributed >= profiledDue ? 'on-track' : 'behind';
}

/** The year's money and what each council is due: the same for every month of the FY but with Usage. */
export interface DueShares {
  budgetPence: number;
  fundingPence: number;
  netCostPence: number;
  surplusPence: number;
  appliedMethod: ContributionsView['appliedMethod'];
  monthsOfMembership: ReadonlyMap<string, number>;
  dues: ReadonlyMap<string, number>;
  warnings: readonly DataQualityWarning[];
}

/** Usage weights count CDO time up to P, so only then do dues differ between months of one FY. */
export const duesVaryByMonth = (partnership: Partnership): boolean => partnership.costShareMethod === 'Usage';

export function dueShares(partnership: Partnership, year: YearToDate): DueShares {
  const { financialYear } = year;
  const budgetPence = partnership.budget
    .filter((b) => b.financialYear === financialYear)
    .reduce((sum, b) => sum + b.amountPence, 0);
  const fundingPence = partnership.funding
    .filter((f) => f.financialYear === financialYear && f.status === 'Confirmed')
    .reduce((sum, f) => sum + f.amountPence, 0);
  const netCostPence = Math.max(0, budgetPence - fundingPence);
  const surplusPence = Math.max(0, fundingPence - budgetPence);

  const months = new Map(partnership.councils.map((c) => [c.id, monthsOfMembership(c, financialYear)]));
  const payers: Payer[] = partnership.councils
    .filter((c) => c.membership === 'Member' && (months.get(c.id) ?? 0) > 0)
    .map((council) => ({ council, months: months.get(council.id) ?? 0 }));
  const { weights, appliedMethod, warnings } = costShareWeights(partnership, payers, year);
  if (payers.length === 0 && netCostPence > 0) {
    warnings.push(
      warning('no-paying-councils', null, null, say('warning.noPayingCouncils', { year: financialYear })),
    );
  }
  const dues =
    payers.length > 0 ? apportionLargestRemainder(netCostPence, weights) : new Map<string, number>();
  return {
    budgetPence,
    fundingPence,
    netCostPence,
    surplusPence,
    appliedMethod,
    monthsOfMembership: months,
    dues,
    warnings,
  };
}

export function consolidateContributions(
  partnership: Partnership,
  chosen: ReadonlyMap<string, SubmissionRecord>,
  year: YearToDate,
  shares: DueShares = dueShares(partnership, year),
): { contributions: ContributionsView; warnings: DataQualityWarning[] } {
  const { budgetPence, fundingPence, netCostPence, surplusPence, appliedMethod, dues } = shares;
  const months = shares.monthsOfMembership;
  const k = BigInt(year.monthIndex);
  const councils = partnership.councils.map((council): CouncilContribution => {
    const duePence = dues.get(council.id) ?? 0;
    const profiledDuePence = Number(roundFraction(BigInt(duePence) * k, 12n));
    const { cash, inKind } = paidToDate(chosen.get(council.id)?.data.contributions ?? [], year);
    const contributedPence = cash + inKind;
    const balancePence = duePence - contributedPence;
    return {
      council: council.id,
      name: council.name,
      membership: council.membership,
      monthsOfMembership: months.get(council.id) ?? 0,
      duePence,
      profiledDuePence,
      cashPaidPence: cash,
      inKindPence: inKind,
      contributedPence,
      balancePence,
      status: status(balancePence, contributedPence, profiledDuePence),
    };
  });

  return {
    contributions: {
      budgetPence,
      fundingPence,
      netCostPence,
      surplusPence,
      method: partnership.costShareMethod,
      appliedMethod,
      totals: contributionTotals(councils),
      councils,
    },
    warnings: [...shares.warnings],
  };
}
