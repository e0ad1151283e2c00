// The headline figures every surface states, in one order and with one label each: the e-mail's
// figures, the Summary sheet of the consolidated workbook and of the add-in's consolidated view.
import { asSentence, FIGURES } from '../glossary.js';
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
  | 'arrearsPence'
  | 'overpaidPence';

export interface HeadlineFigure {
  key: HeadlineKey;
  label: string;
  /** What the figure is, for a reader who has not seen the design: the glossary's line where it has one. */
  note: string;
  pence: number;
}

/** The glossary's label and its explanation, as a sentence. */
const glossary = (key: keyof typeof FIGURES): readonly [string, string] => [
  FIGURES[key].label,
  asSentence(FIGURES[key].explanation),
];

const LABELS: readonly (readonly [HeadlineKey, string, string])[] = [
  ['budgetPence', 'Budget', 'Sum of the budget lines of the financial year.'],
  ['fundingPence', 'Confirmed funding', 'Expected funding is not counted.'],
  ['netCostPence', 'Net cost this year', 'Budget less confirmed funding.'],
  ['duePence', ...glossary('duePence')],
  ['profiledDuePence', ...glossary('profiledDuePence')],
  ['cashPaidPence', 'Cash paid', 'Cash contributions to the end of this month.'],
  ['inKindPence', 'In-kind', 'Staff time contributed to the end of this month, at its day rate.'],
  ['contributedPence', ...glossary('contributedPence')],
  ['outstandingPence', ...glossary('outstandingPence')],
  ['arrearsPence', ...glossary('arrearsPence')],
  ['overpaidPence', ...glossary('overpaidPence')],
];
export function headlineFigures(view: ConsolidatedView): HeadlineFigure[] {
  const { totals, budgetPence, fundingPence, netCostPence } = view.contributions;
  const values: Record<HeadlineKey, number> = { ...totals, budgetPence, fundingPence, netCostPence };
  return LABELS.map(([key, label, note]) => ({ key, label, note, pence: values[key] }));
}
