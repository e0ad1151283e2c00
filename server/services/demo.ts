// The first start of an empty database loads the demo partnership and its councils' returns for the
// last two months, and creates one token per role, so the consolidated view is alive at once.
import { demoUpTo, type DemoMonth } from '../../demo/months.js';
import { addMonths, financialYearOf } from '../../shared/dates.js';
import type { Role } from '../../shared/vocabulary.js';
import { serviceActor } from '../auth/actors.js';
import { createToken } from '../auth/tokens.js';
import { InvalidInput } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import { Agreements } from '../store/agreements.js';
import { previousPeriod } from './clock.js';
import { closeYear, proposeAgreement } from './partnership-year.js';
import { submitReturn } from '../returns/submit-return.js';

export interface DemoToken {
  role: Role;
  council?: string;
  label: string;
  token: string;
}

export interface DemoLoad {
  periods: string[];
  tokens: DemoToken[];
}

const DEMO_TOKENS: { role: Role; council?: string; label: string }[] = [
  { role: 'admin', label: 'Demo administrator' },
  { role: 'cdo', label: 'Demo CDO' },
  { role: 'viewer', label: 'Demo board member' },
  { role: 'council', council: 'cherwell', label: 'Demo Cherwell finance officer' },
];

const DEMO_ACTOR = serviceActor('demo', 'demo data');

/** The councils that have agreed this year's cost shares in the demo; Vale of White Horse is awaited. */
const DEMO_AGREED = ['cherwell', 'south-oxfordshire', 'west-oxfordshire'];

export async function loadDemo(store: Store, logger: Logger, now: Date, timeZone: string): Promise<DemoLoad> {
  const { partnership, months, lastYear } = demoUpTo(previousPeriod(timeZone, now));
  await store.savePartnership(partnership, DEMO_ACTOR, now.toISOString());
  // Last year's March first (unless it is one of the two months), so that last year can be closed.
  const loaded = months.some((m) => m.period === lastYear.period) ? months : [lastYear, ...months];
  for (const month of loaded) await submitMonth(store, logger, month, now);
  // Last year closed, with its statements and balances brought forward; this year's cost shares proposed
  // and agreed by three councils of four. No e-mail is queued here: the mail service's start-up check
  // queues the statements and the proposal for the demo's .example addresses.
  const config = { timeZone };
  await closeYear(store, lastYear.financialYear, DEMO_ACTOR, now, config);
  const proposed = await proposeAgreement(
    store,
    { fy: financialYearOf(months[1].period), note: 'The demo: three councils have agreed; one is awaited.' },
    DEMO_ACTOR,
    now,
    config,
  );
  const agreements = new Agreements(store.db);
  for (const council of DEMO_AGREED)
    await agreements.decide(
      proposed.id,
      council,
      { decision: 'agree', comment: '' },
      DEMO_ACTOR,
      now.toISOString(),
    );
  const tokens: DemoToken[] = [];
  for (const spec of DEMO_TOKENS)
    tokens.push({ ...spec, token: (await createToken(store, spec, DEMO_ACTOR, now)).token });
  return { periods: months.map((m) => m.period), tokens };
}

async function submitMonth(
  store: Store,
  logger: Logger,
  { period, returns }: DemoMonth,
  now: Date,
): Promise<void> {
  // Sent on the 5th of the following month (or now, if that is still to come), in good time.
  const sentAt = new Date(Math.min(now.getTime(), Date.parse(`${addMonths(period, 1)}-05T09:30:00Z`)));
  for (const [council, submission] of Object.entries(returns)) {
    try {
      await submitReturn(store, {
        council,
        period,
        input: { kind: 'json', body: submission },
        source: 'cli',
        actor: DEMO_ACTOR,
        now: sentAt,
      });
    } catch (error) {
      // The demo covers its own financial year; outside it a return may not fit the budget lines.
      if (!(error instanceof InvalidInput)) throw error;
      logger.warn({ council, period, problems: error.problems.length }, 'demo return not loaded');
    }
  }
}
