// Every kind of warning the consolidation gives, each made by the code that gives it (the consolidation
// of June 2026 over the demo partnership of the worked example, DESIGN §4, made to go wrong one way at a
// time; the view's year for the settings changed since an agreement).
import { settingsChangedWarnings } from '../../server/services/year-in-view.js';
import type { Agreement } from '../../shared/agreements.js';
import { consolidate } from '../../shared/consolidate/index.js';
import type { ConsolidatedView, PartnershipInput } from '../../shared/schemas.js';
import { demoPartnership, record } from '../shared/consolidate.fixtures.js';

export const PERIOD = '2026-06';

const base = demoPartnership();
const view = (overrides: Partial<PartnershipInput>, records = [record('cherwell', PERIOD)]) =>
  consolidate(demoPartnership(overrides), records, PERIOD);
const warningsOf = (v: ConsolidatedView) => v.dataQuality.warnings;
const project = {
  title: 'Shared website',
  theme: 'Digital government',
  phase: 'Beta',
  rag: 'Green',
} as const;

/** An agreement of 2026-27 made on 5 November 2026, superseded by a change of settings: what the warning reads. */
const agreedThen = (dues: readonly [string, number][]) =>
  ({
    fy: '2026-27',
    agreedAt: '2026-11-05T12:00:00.000Z',
    supersededBy: 'settings',
    dues: dues.map(([council, duePence]) => ({ council, duePence, monthsOfMembership: 12 })),
  }) as Agreement;

/** The warnings of each way of going wrong, by the name of the way. */
export function everyWarning() {
  const equal = view({});
  const equalDues = equal.contributions.councils.map((c): [string, number] => [c.council, c.duePence]);
  return {
    // A return from a council the partnership does not have.
    stranger: warningsOf(view({}, [record('elsewhere', PERIOD)])),
    // Cherwell reports a project Vale leads, Vale does not list it, and Cherwell is not its partner.
    notLed: warningsOf(
      view({}, [
        record('cherwell', PERIOD, {
          projects: [{ ...project, id: 'P-1', lead: 'vale-of-white-horse', partners: [] }],
        }),
      ]),
    ),
    // Fixed shares that give West Oxfordshire, an Observer, a share.
    observerShare: warningsOf(
      view({
        costShareMethod: 'Fixed',
        councils: base.councils.map((c) =>
          c.id === 'west-oxfordshire' ? { ...c, membership: 'Observer' as const } : c,
        ),
        costShares: base.councils.map((c) => ({ financialYear: '2026-27', council: c.id, sharePercent: 25 })),
      }),
    ),
    noMembers: warningsOf(
      view({ councils: base.councils.map((c) => ({ ...c, membership: 'Observer' as const })) }),
    ),
    noPopulations: warningsOf(
      view({ costShareMethod: 'Population', councils: base.councils.map((c) => ({ ...c, population: 0 })) }),
    ),
    // CDO time only after June.
    noUsage: warningsOf(
      view({
        costShareMethod: 'Usage',
        cdoTime: [{ month: '2026-07', council: 'cherwell', days: 5 }],
      }),
    ),
    // Cherwell's due is £64,793.16 now; £60,000.00 was agreed.
    dueChanged: settingsChangedWarnings(
      agreedThen(equalDues.map(([council, due]) => [council, council === 'cherwell' ? 6_000_000 : due])),
      equal,
    ),
    sameDues: settingsChangedWarnings(agreedThen(equalDues), equal),
  };
}
