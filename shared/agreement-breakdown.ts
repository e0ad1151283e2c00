// One Member's proposed due with what the method weighed it by (its share, the method and its inputs),
// as the proposal e-mail and the pane's agreement view both show it, in either language (DESIGN §12).
import type { Agreement } from './agreements.js';
import { agreementFigures } from './glossary.js';
import { message, type Locale } from './i18n/index.js';
import { vocabularyWord } from './i18n/vocabulary-words.js';
import { formatPounds } from './money.js';

/** A share of the net cost in per cent, to two places: the figure a finance officer checks. */
const percentOf = (part: number, whole: number): string =>
  whole === 0 ? '0.00%' : `${((part * 100) / whole).toFixed(2)}%`;

/** The figures of one Member's proposed due: the due, its share and what the method weighed. */
export function proposalRows(
  agreement: Agreement,
  council: string,
  locale: Locale = 'en',
): [string, string][] {
  const figures = agreementFigures(locale);
  // UK number formats in both languages (DESIGN §12).
  const partOf = (part: number, total: number) =>
    message(locale, 'year.partOf', {
      part: part.toLocaleString('en-GB'),
      total: total.toLocaleString('en-GB'),
    });
  const { snapshot } = agreement;
  const due = agreement.dues.find((d) => d.council === council)!;
  const settings = snapshot.settings.councils.find((c) => c.id === council);
  const method = snapshot.appliedMethod;
  const fixed = snapshot.settings.costShares.find((s) => s.council === council);
  const population = snapshot.settings.councils
    .filter((c) => agreement.dues.some((d) => d.council === c.id))
    .reduce((sum, c) => sum + c.population, 0);
  return [
    [figures.due(agreement.fy), formatPounds(due.duePence)],
    [figures.share, percentOf(due.duePence, snapshot.netCostPence)],
    [figures.netCost, formatPounds(snapshot.netCostPence)],
    [
      figures.method,
      method === 'Hybrid'
        ? message(locale, 'year.hybrid', { percent: snapshot.settings.hybridEqualPercent })
        : vocabularyWord(locale, method),
    ],
    [figures.months, String(due.monthsOfMembership)],
    ...(method === 'Population' || method === 'Hybrid'
      ? ([[figures.population, partOf(settings?.population ?? 0, population)]] as [string, string][])
      : []),
    ...(method === 'Usage'
      ? ([
          [
            figures.usageDays,
            partOf(
              due.usageDays ?? 0,
              agreement.dues.reduce((sum, d) => sum + (d.usageDays ?? 0), 0),
            ),
          ],
        ] as [string, string][])
      : []),
    ...(method === 'Fixed' && fixed
      ? ([[figures.fixedShare, `${fixed.sharePercent}%`]] as [string, string][])
      : []),
  ];
}
