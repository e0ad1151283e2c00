// One Member's proposed due with what the method weighed it by (its share, the method and its inputs),
// as the proposal e-mail and the pane's agreement view both show it.
import type { Agreement } from './agreements.js';
import { AGREEMENT_FIGURES } from './glossary.js';
import { formatPounds } from './money.js';

/** A share of the net cost in per cent, to two places: the figure a finance officer checks. */
const percentOf = (part: number, whole: number): string =>
  whole === 0 ? '0.00%' : `${((part * 100) / whole).toFixed(2)}%`;

/** The figures of one Member's proposed due: the due, its share and what the method weighed. */
export function proposalRows(agreement: Agreement, council: string): [string, string][] {
  const { snapshot } = agreement;
  const due = agreement.dues.find((d) => d.council === council)!;
  const settings = snapshot.settings.councils.find((c) => c.id === council);
  const method = snapshot.appliedMethod;
  const fixed = snapshot.settings.costShares.find((s) => s.council === council);
  const population = snapshot.settings.councils
    .filter((c) => agreement.dues.some((d) => d.council === c.id))
    .reduce((sum, c) => sum + c.population, 0);
  return [
    [AGREEMENT_FIGURES.due(agreement.fy), formatPounds(due.duePence)],
    [AGREEMENT_FIGURES.share, percentOf(due.duePence, snapshot.netCostPence)],
    [AGREEMENT_FIGURES.netCost, formatPounds(snapshot.netCostPence)],
    [
      AGREEMENT_FIGURES.method,
      method === 'Hybrid' ? `Hybrid (${snapshot.settings.hybridEqualPercent}% equal)` : method,
    ],
    [AGREEMENT_FIGURES.months, String(due.monthsOfMembership)],
    ...(method === 'Population' || method === 'Hybrid'
      ? ([
          [
            AGREEMENT_FIGURES.population,
            `${(settings?.population ?? 0).toLocaleString('en-GB')} of ${population.toLocaleString('en-GB')}`,
          ],
        ] as [string, string][])
      : []),
    ...(method === 'Usage'
      ? ([
          [
            AGREEMENT_FIGURES.usageDays,
            `${(due.usageDays ?? 0).toLocaleString('en-GB')} of ${agreement.dues
              .reduce((sum, d) => sum + (d.usageDays ?? 0), 0)
              .toLocaleString('en-GB')}`,
          ],
        ] as [string, string][])
      : []),
    ...(method === 'Fixed' && fixed
      ? ([[AGREEMENT_FIGURES.fixedShare, `${fixed.sharePercent}%`]] as [string, string][])
      : []),
  ];
}
