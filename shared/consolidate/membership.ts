// Months of membership (DESIGN §4 rule 2): a council pays for month M only if it belonged for the
// whole of M — joined on or before the 1st and did not leave before the month's last day.
import { firstDayOf, lastDayOf, monthsOfFinancialYear } from '../dates.js';
import type { Council } from '../schemas.js';

export function monthsOfMembership(council: Council, financialYear: string): number {
  return monthsOfFinancialYear(financialYear).filter(
    (month) =>
      (council.joined === undefined || council.joined <= firstDayOf(month)) &&
      (council.left === undefined || council.left >= lastDayOf(month)),
  ).length;
}
