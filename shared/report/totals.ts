// The partnership's headline contribution totals (DESIGN §4 "Headline totals"): one definition, so the
// JSON, the add-in, the workbook and the e-mail can never disagree about what is still to pay, behind
// profile or paid ahead.
import type { ContributionTotals, CouncilContribution } from '../schemas.js';

/** What a council still owes (a positive balance) and what it has paid beyond its due (a negative one). */
export const outstandingOf = (c: Pick<CouncilContribution, 'balancePence'>): number =>
  Math.max(0, c.balancePence);
/** What a council should have contributed by the end of the month and has not. */
export const arrearsOf = (c: Pick<CouncilContribution, 'profiledDuePence' | 'contributedPence'>): number =>
  Math.max(0, c.profiledDuePence - c.contributedPence);
export const overpaidOf = (c: Pick<CouncilContribution, 'balancePence'>): number =>
  Math.max(0, -c.balancePence);

/** Sums over every council; an overpayment never hides another council's arrears. */
export function contributionTotals(councils: readonly CouncilContribution[]): ContributionTotals {
  const totals: ContributionTotals = {
    duePence: 0,
    profiledDuePence: 0,
    cashPaidPence: 0,
    inKindPence: 0,
    contributedPence: 0,
    outstandingPence: 0,
    arrearsPence: 0,
    overpaidPence: 0,
  };
  for (const c of councils) {
    totals.duePence += c.duePence;
    totals.profiledDuePence += c.profiledDuePence;
    totals.cashPaidPence += c.cashPaidPence;
    totals.inKindPence += c.inKindPence;
    totals.contributedPence += c.contributedPence;
    totals.outstandingPence += outstandingOf(c);
    totals.arrearsPence += arrearsOf(c);
    totals.overpaidPence += overpaidOf(c);
  }
  return totals;
}
