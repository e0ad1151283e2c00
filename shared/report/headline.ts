// The headline figures every surface states, in one order and with one label each: the e-mail's
// figures, the Summary sheet of the consolidated workbook and of the add-in's consolidated view.
import type { ConsolidatedView } from '../schemas.js';

export type HeadlineKey =
  | 'budgetPence'
  | 'fundingPence'
  | 'netCostPence'
  | 'duePence'
  | 'profiledDuePence'
  | 'cashPaidPence'
  | 'inKindPence'
  | 'contributedPence'
  | 'outstandingPence'
  | 'overpaidPence';

export interface HeadlineFigure {
  key: HeadlineKey;
  label: string;
  /** What the figure is, for a reader who has not seen the design. */
  note: string;
  pence: number;
}

const LABELS: readonly (readonly [HeadlineKey, string, string])[] = [
  ['budgetPence', 'Budget', 'Sum of the budget lines of the financial year'],
  ['fundingPence', 'Confirmed funding', 'Expected funding is not counted'],
  ['netCostPence', 'Net cost this year', 'Budget less confirmed funding'],
  ['duePence', 'Due for the year', 'The net cost shared between the paying councils'],
  ['profiledDuePence', 'Profiled due to date', 'The part of the year’s due for the months so far'],
  ['cashPaidPence', 'Cash paid', 'Cash contributions to date'],
  ['inKindPence', 'In-kind', 'Staff time contributed to date, at its day rate'],
  ['contributedPence', 'Contributed to date', 'Cash plus in-kind'],
  ['outstandingPence', 'Outstanding', 'Still to be paid this year by councils that are behind their due'],
  ['overpaidPence', 'Overpaid', 'Paid beyond this year’s due; it does not reduce what others owe'],
];

export function headlineFigures(view: ConsolidatedView): HeadlineFigure[] {
  const { totals, budgetPence, fundingPence, netCostPence } = view.contributions;
  const values: Record<HeadlineKey, number> = { ...totals, budgetPence, fundingPence, netCostPence };
  return LABELS.map(([key, label, note]) => ({ key, label, note, pence: values[key] }));
}
