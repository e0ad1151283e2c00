// The CDO's reminder to the councils still awaiting a proposal of the year's cost shares (DESIGN §10,
// issue 24): the service sends it through the outbox with the 07:00 run's composer, keyed by the day so
// that two clicks, or two instances, send one reminder a day to each contact; nor does a contact the
// 07:00 run reminded that day get a second (queueAgreementReminders).
import type { Agreement, ReminderOutcome } from '../../shared/agreements.js';
import type { Actor } from '../../shared/api.js';
import { addMonths, submissionDeadline, type IsoDate } from '../../shared/dates.js';
import type { Config } from '../config.js';
import { HttpError, notFound } from '../errors.js';
import { byContact, queueAgreementReminders, yearMailOptions } from '../mail/year-emails.js';
import { Agreements } from '../store/agreements.js';
import type { Store } from '../store/index.js';
import { todayIn } from './clock.js';
import { isErasedAddress } from './personal-data.js';

/** The outbox period of the CDO's reminders of one proposal on one day (the partnership's calendar day). */
export const reminderKey = (agreement: Pick<Agreement, 'fy' | 'id'>, day: IsoDate): string =>
  `${agreement.fy} agreement ${agreement.id} reminder ${day}`;

/** The next return deadline on or after `today`: the day the e-mail asks the councils to decide by. */
function nextDeadline(today: IsoDate, deadlineDay: number): IsoDate {
  const lastMonth = addMonths(today.slice(0, 7), -1);
  const due = submissionDeadline(lastMonth, deadlineDay);
  return due >= today ? due : submissionDeadline(today.slice(0, 7), deadlineDay);
}

export type ReminderConfig = Pick<Config, 'timeZone' | 'mailFrom'> &
  Partial<Pick<Config, 'publicUrl' | 'port'>>;

/**
 * Queues a reminder to the contact of each council awaiting proposal `id` (POST
 * /agreements/{id}/reminders, `agreement remind`). A contact reminded today already, by the CDO or the
 * 07:00 run, is not e-mailed again: its councils are answered as `remindedEarlierToday`, not as an error,
 * since the reminder asked for is on its way either way. Refused (409) when the proposal is no longer
 * open or nobody awaits.
 */
export async function remindAgreement(
  store: Store,
  id: number,
  actor: Actor,
  now: Date,
  config: ReminderConfig,
): Promise<ReminderOutcome> {
  const agreement = await new Agreements(store.db).get(id);
  if (!agreement) throw notFound(`There is no agreement ${id}.`);
  if (agreement.status !== 'proposed')
    throw new HttpError(
      409,
      'agreement-not-open',
      `Agreement ${id} is ${agreement.status}; a reminder can be sent only while it is proposed.`,
    );
  if (agreement.awaiting.length === 0)
    throw new HttpError(
      409,
      'nobody-awaiting',
      `Every Member council has decided on agreement ${id}; nobody is awaiting, so there is nobody to remind.`,
    );
  const current = await store.currentPartnership();
  if (!current)
    throw new HttpError(409, 'no-partnership', 'The partnership settings have not been set up yet.');
  const { partnership } = current;
  const today = todayIn(config.timeZone, now);
  const deadline = nextDeadline(today, partnership.submissionDeadlineDay);
  const mail = { ...yearMailOptions(config), date: now };
  const groups = byContact(
    partnership,
    agreement.awaiting.map((council) => ({ council })),
  );
  const queued = new Set<string>();
  const reached = new Set<string>();
  // One contact at a time: whether its row was added now is then known exactly, even with another
  // instance queueing the same key at the same moment (the outbox's unique key decides).
  for (const [contact, rows] of groups) {
    if (isErasedAddress(contact)) continue;
    const councils = rows.map((r) => r.council);
    councils.forEach((c) => reached.add(c));
    const added = await queueAgreementReminders(
      store.mail,
      partnership,
      { ...agreement, awaiting: councils },
      { keyedBy: 'day', period: reminderKey(agreement, today), deadline, timeZone: config.timeZone },
      mail,
    );
    if (added > 0) councils.forEach((c) => queued.add(c));
  }
  const outcome: ReminderOutcome = {
    queued: agreement.awaiting.filter((c) => queued.has(c)),
    remindedEarlierToday: agreement.awaiting.filter((c) => reached.has(c) && !queued.has(c)),
    withoutContact: agreement.awaiting.filter((c) => !reached.has(c)),
  };
  await store.recordAudit({
    at: now.toISOString(),
    actor,
    action: 'agreement.remind',
    target: `agreement ${id} ${agreement.fy} reminded ${outcome.queued.join(', ') || 'nobody new today'}`,
    status: 202,
    detail: outcome,
  });
  return outcome;
}
