// Calendar days as the partnership sees them: in its time zone (Europe/London by default), so a return
// sent at 00:30 BST on the 11th is late for a deadline of the 10th.
import { addMonths, periodOfDay, type IsoDate, type Period } from '../../shared/dates.js';

export function todayIn(timeZone: string, now: Date): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export const currentPeriod = (timeZone: string, now: Date): Period => periodOfDay(todayIn(timeZone, now));

/** The period most recently closed: the month before the current one. */
export const previousPeriod = (timeZone: string, now: Date): Period =>
  addMonths(currentPeriod(timeZone, now), -1);
