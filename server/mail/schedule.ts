// When the month's e-mails are due (DESIGN §6), in the partnership's local time (Europe/London): the
// roll-up for P at 07:00 the day after P's deadline; reminders at 07:00 the configured number of days
// before it. Wall-clock strings are compared, so daylight-saving changes need no arithmetic.
import { addMonths, periodOfDay, submissionDeadline, type Period } from '../../shared/dates.js';
import type { Partnership } from '../../shared/schemas.js';

/** Local time of day at which the roll-up and the reminders go out. */
export const SEND_TIME = '07:00';
/** Every day at SEND_TIME: each run sends whatever is due and not yet in the outbox. */
export const DAILY_PATTERN = '0 7 * * *';

/** The wall-clock date and time in `timeZone`: `YYYY-MM-DD` and `HH:MM`. */
export function localDateTime(now: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

type Settings = Pick<Partnership, 'submissionDeadlineDay' | 'reminderDaysBeforeDeadline'>;

export const rollupDate = (period: string, s: Settings): string =>
  addDays(submissionDeadline(period, s.submissionDeadlineDay), 1);

export const reminderDate = (period: string, s: Settings): string =>
  addDays(submissionDeadline(period, s.submissionDeadlineDay), -s.reminderDaysBeforeDeadline);

export interface DueJobs {
  /** The latest period whose roll-up time has passed. */
  rollup?: Period;
  /** The period whose reminders are due: their time has passed and its deadline has not. */
  reminder?: Period;
}

/**
 * What should have been sent by `now`. Only the latest roll-up counts, so a service that was down on
 * the day sends it at its next start, and a new installation does not send a year of old roll-ups.
 */
export function dueJobs(settings: Settings, now: Date, timeZone: string): DueJobs {
  const { date, time } = localDateTime(now, timeZone);
  const stamp = `${date}T${time}`;
  const month = periodOfDay(date);
  const passed = (day: string) => `${day}T${SEND_TIME}` <= stamp;
  const rollup = [addMonths(month, -1), addMonths(month, -2)].find((p) => passed(rollupDate(p, settings)));
  const reminder = [month, addMonths(month, -1)].find(
    (p) => passed(reminderDate(p, settings)) && date <= submissionDeadline(p, settings.submissionDeadlineDay),
  );
  return { ...(rollup ? { rollup } : {}), ...(reminder ? { reminder } : {}) };
}
