// The partnership's year (DESIGN §10): proposing its cost shares, closing it with the statements recorded
// from the view for March, reopening it, and the year as the API answers it. What the consolidated view
// says of the year is year-in-view.ts's.
import type { Agreement, Statement, YearRecord } from '../../shared/agreements.js';
import type { Actor } from '../../shared/api.js';
import { inKindValuePence } from '../../shared/consolidate/contributions.js';
import { monthsOfFinancialYear, ukDateOfInstant } from '../../shared/dates.js';
import type { ConsolidatedView, Partnership } from '../../shared/schemas.js';
import type { Config } from '../config.js';
import {
  queueProposalEmails,
  queueYearStatementEmails,
  yearMailOptions,
  type YearMailOptions,
} from '../mail/year-emails.js';
import { Agreements } from '../store/agreements.js';
import type { Store } from '../store/index.js';
import { Years, type RecordedStatements } from '../store/years.js';
import { HttpError } from '../errors.js';
import { agreementSnapshot } from '../../shared/agreement-snapshot.js';
import { currentPeriod } from './clock.js';
import { consolidatedView } from './consolidated-view.js';

/** A date as a person reads it (05/11/2026), from an instant. */
export const ukDate = ukDateOfInstant;

/**
 * Each council's final statement from the view for March: the agreed dues when the year's latest
 * agreement stands agreed (they are the ones statements use), else the dues in force; contributed to
 * the end of March, month by month from the return that counts for March.
 */
export async function yearStatements(
  store: Store,
  march: ConsolidatedView,
  agreement: Agreement | undefined,
): Promise<RecordedStatements> {
  const months = monthsOfFinancialYear(march.financialYear);
  const agreed =
    agreement?.status === 'agreed' ? new Map(agreement.dues.map((d) => [d.council, d.duePence])) : null;
  const statements: Statement[] = [];
  for (const c of march.contributions.councils) {
    const duePence = agreed ? (agreed.get(c.council) ?? 0) : c.duePence;
    const monthlyPence = months.map(() => 0);
    const counted = await store.latestSubmissionUpTo(c.council, months[11]!);
    if (counted && counted.period >= months[0]!)
      for (const row of counted.data.contributions) {
        const index = months.indexOf(row.month);
        if (index < 0) continue;
        monthlyPence[index]! += row.type === 'Cash' ? (row.amountPence ?? 0) : inKindValuePence(row);
      }
    statements.push({
      council: c.council,
      name: c.name,
      membership: c.membership,
      duePence,
      cashPaidPence: c.cashPaidPence,
      inKindPence: c.inKindPence,
      contributedPence: c.contributedPence,
      balancePence: duePence - c.contributedPence,
      monthlyPence,
      broughtForwardPence: c.broughtForwardPence ?? 0,
    });
  }
  return {
    netCostPence: march.contributions.netCostPence,
    agreementId: agreed ? agreement!.id : null,
    statements,
  };
}

/** What proposing and closing need of the configuration: the time zone, and how their e-mails are sent. */
export type YearConfig = Pick<Config, 'timeZone'> & Partial<Pick<Config, 'mailFrom' | 'publicUrl' | 'port'>>;

/**
 * Queues a step's e-mails once it is committed. A failure here must not turn a done step into an error
 * (a retried proposal would supersede the first): the 07:00 run queues whatever is missing (MailService).
 */
async function queueYearMail(
  store: Store,
  queue: (partnership: Partnership, mail: YearMailOptions) => Promise<number>,
  config: YearConfig,
  now: Date,
): Promise<void> {
  // Without a sender (the demo's first start), the mail service's start-up check queues them.
  const { mailFrom } = config;
  if (mailFrom === undefined) return;
  try {
    const current = await store.currentPartnership();
    if (current) await queue(current.partnership, { ...yearMailOptions({ ...config, mailFrom }), date: now });
  } catch {
    // Left to the next 07:00 run, which queues the same keys.
  }
}

/** Proposes the FY's cost shares from the settings in force now (POST /agreements, `agreement propose`). */
export async function proposeAgreement(
  store: Store,
  input: { fy: string; note?: string | undefined },
  actor: Actor,
  now: Date,
  config: YearConfig,
): Promise<Agreement> {
  const today = currentPeriod(config.timeZone, now);
  const proposed = await new Agreements(store.db).propose(
    ({ version, partnership }) => agreementSnapshot(partnership, version, input.fy, today),
    { fy: input.fy, note: input.note ?? '' },
    actor,
    now.toISOString(),
  );
  if (!proposed)
    throw new HttpError(409, 'no-partnership', 'The partnership settings have not been set up yet.');
  await queueYearMail(
    store,
    (partnership, mail) => queueProposalEmails(store.mail, partnership, proposed, mail),
    config,
    now,
  );
  return proposed;
}

/** The year as GET /years/{fy} answers it: when closed, with the agreement its statements rest on. */
export async function yearRecord(store: Store, fy: string): Promise<YearRecord> {
  const agreements = new Agreements(store.db);
  const close = await new Years(store.db).current(fy);
  const agreement =
    close?.agreementId != null ? await agreements.get(close.agreementId) : (await agreements.list(fy))[0];
  return {
    fy,
    status: close ? 'closed' : 'open',
    closedAt: close?.closedAt ?? null,
    closedBy: close?.closedBy ?? null,
    netCostPence: close?.netCostPence ?? null,
    agreement: agreement ?? null,
    statements: close?.statements ?? [],
  };
}

/** Closes the FY once its March has passed (POST /years/{fy}/close, `year close`). */
export async function closeYear(
  store: Store,
  fy: string,
  actor: Actor,
  now: Date,
  config: YearConfig,
): Promise<YearRecord> {
  const march = monthsOfFinancialYear(fy)[11]!;
  if (currentPeriod(config.timeZone, now) <= march)
    throw new HttpError(
      409,
      'year-not-ended',
      `${fy} cannot be closed until its March has passed: from 1 April ${march.slice(0, 4)}.`,
    );
  const [agreement] = await new Agreements(store.db).list(fy);
  const recorded = await yearStatements(store, await consolidatedView(store, march), agreement);
  const result = await new Years(store.db).close(fy, recorded, actor, now.toISOString());
  if (result.kind === 'already-closed')
    throw new HttpError(409, 'year-closed', `${fy} was closed on ${ukDate(result.close.closedAt)} already.`);
  const closed = await yearRecord(store, fy);
  await queueYearMail(
    store,
    (partnership, mail) => queueYearStatementEmails(store.mail, partnership, closed, mail),
    config,
    now,
  );
  return closed;
}

/** Reopens a closed FY, with the reason (POST /years/{fy}/reopen, `year reopen`). */
export async function reopenYear(
  store: Store,
  fy: string,
  reason: string,
  actor: Actor,
  now: Date,
): Promise<YearRecord> {
  const reopened = await new Years(store.db).reopen(fy, reason, actor, now.toISOString());
  if (!reopened) throw new HttpError(409, 'year-open', `${fy} is not closed; there is nothing to reopen.`);
  return yearRecord(store, fy);
}
