// What the consolidated view says of the partnership's year (DESIGN §10): the FY's latest agreement, the
// warning when the settings changed after it was agreed, and what last year's close brought forward.
// Below both the view (consolidated-view.ts) and the year's close (partnership-year.ts), which reads
// the view for March, so neither imports the other back.
import type { Agreement, AgreementSummary } from '../../shared/agreements.js';
import { previousFinancialYear, ukDateOfInstant } from '../../shared/dates.js';
import { warning } from '../../shared/consolidate/warning.js';
import { say } from '../../shared/i18n/say.js';
import { formatPounds } from '../../shared/money.js';
import type { ConsolidatedView, DataQualityWarning } from '../../shared/schemas.js';
import { Agreements } from '../store/agreements.js';
import type { Store } from '../store/index.js';
import { Years } from '../store/years.js';

export function agreementSummary(latest: Agreement | undefined): AgreementSummary {
  if (!latest) return { id: null, status: 'none', agreedAt: null, awaiting: [], declined: [] };
  return {
    id: latest.id,
    status: latest.status,
    agreedAt: latest.agreedAt,
    awaiting: latest.awaiting,
    declined: latest.decisions.filter((d) => d.decision === 'decline').map((d) => d.council),
  };
}

/**
 * `settings-changed-since-agreement` (DESIGN §10): the latest agreement was agreed and the settings have
 * changed since. One warning per council whose due in force differs from the agreed one; one for the
 * partnership when the dues came out the same.
 */
export function settingsChangedWarnings(
  latest: Agreement | undefined,
  view: ConsolidatedView,
): DataQualityWarning[] {
  if (!latest || latest.agreedAt === null || latest.supersededBy !== 'settings') return [];
  const agreedOn = ukDateOfInstant(latest.agreedAt);
  const agreed = new Map(latest.dues.map((d) => [d.council, d.duePence]));
  const warnings = view.contributions.councils.flatMap((c): DataQualityWarning[] => {
    const was = agreed.get(c.council) ?? 0;
    if (was === c.duePence) return [];
    return [
      warning(
        'settings-changed-since-agreement',
        c.council,
        null,
        say('warning.settingsChanged.council', {
          council: c.name,
          due: formatPounds(c.duePence),
          agreed: formatPounds(was),
          date: agreedOn,
        }),
      ),
    ];
  });
  if (warnings.length > 0) return warnings;
  return [
    warning(
      'settings-changed-since-agreement',
      null,
      null,
      say('warning.settingsChanged.partnership', { year: latest.fy, date: agreedOn }),
    ),
  ];
}

/** The view for P with its FY's agreement and what last year's close brought forward (DESIGN §10). */
export async function withPartnershipYear(store: Store, view: ConsolidatedView): Promise<ConsolidatedView> {
  const [latest] = await new Agreements(store.db).list(view.financialYear);
  const lastYear = await new Years(store.db).current(previousFinancialYear(view.financialYear));
  const brought = new Map(lastYear?.statements.map((s) => [s.council, s.balancePence]) ?? []);
  const councils = view.contributions.councils.map((c) => ({
    ...c,
    broughtForwardPence: brought.get(c.council) ?? 0,
  }));
  return {
    ...view,
    agreement: agreementSummary(latest),
    contributions: {
      ...view.contributions,
      councils,
      totals: {
        ...view.contributions.totals,
        broughtForwardPence: councils.reduce((sum, c) => sum + c.broughtForwardPence, 0),
      },
    },
    dataQuality: {
      ...view.dataQuality,
      warnings: [...view.dataQuality.warnings, ...settingsChangedWarnings(latest, view)],
    },
  };
}
