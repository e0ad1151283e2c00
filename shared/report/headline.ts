// The headline figures every surface states, in one order and with one label each: the e-mail's
// figures, the Summary sheet of the consolidated workbook and of the add-in's consolidated view.
import { asSentence, glossaryFigures } from '../glossary.js';
import { messagesIn, type Locale } from '../i18n/index.js';
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

function labels(locale: Locale): readonly (readonly [HeadlineKey, string, string])[] {
  const m = messagesIn(locale);
  const figures = glossaryFigures(locale);
  /** The glossary's label and its explanation, as a sentence. */
  const glossary = (key: keyof typeof figures): readonly [string, string] => [
    figures[key].label,
    asSentence(figures[key].explanation),
  ];
  return [
    ['budgetPence', m('headline.budget.label'), m('headline.budget.note')],
    ['fundingPence', m('headline.funding.label'), m('headline.funding.note')],
    ['netCostPence', m('headline.netCost.label'), m('headline.netCost.note')],
    ['duePence', ...glossary('duePence')],
    ['profiledDuePence', ...glossary('profiledDuePence')],
    ['cashPaidPence', m('headline.cashPaid.label'), m('headline.cashPaid.note')],
    ['inKindPence', m('headline.inKind.label'), m('headline.inKind.note')],
    ['contributedPence', ...glossary('contributedPence')],
    ['outstandingPence', ...glossary('outstandingPence')],
    ['arrearsPence', ...glossary('arrearsPence')],
    ['overpaidPence', ...glossary('overpaidPence')],
  ];
}

export function headlineFigures(view: ConsolidatedView, locale: Locale = 'en'): HeadlineFigure[] {
  const { totals, budgetPence, fundingPence, netCostPence } = view.contributions;
  const values: Record<HeadlineKey, number> = { ...totals, budgetPence, fundingPence, netCostPence };
  return labels(locale).map(([key, label, note]) => ({ key, label, note, pence: values[key] }));
}
