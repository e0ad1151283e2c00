// When the roll-up and reminders are due, in London time across the clock changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueJobs, localDateTime } from '../../../server/mail/schedule.js';

const LONDON = 'Europe/London';
const settings = { submissionDeadlineDay: 10, reminderDaysBeforeDeadline: 3 };
const at = (iso: string) => new Date(iso);

describe('mail schedule', () => {
  it('reads wall-clock time in London, summer and winter', () => {
    expect(localDateTime(at('2027-04-11T06:00:00Z'), LONDON)).toEqual({ date: '2027-04-11', time: '07:00' });
    expect(localDateTime(at('2027-01-11T07:00:00Z'), LONDON)).toEqual({ date: '2027-01-11', time: '07:00' });
    expect(localDateTime(at('2027-03-31T23:30:00Z'), LONDON)).toEqual({ date: '2027-04-01', time: '00:30' });
  });

  it('makes the roll-up for P due at 07:00 London time the day after the deadline', () => {
    // 11 April 2027 is in British Summer Time: 07:00 there is 06:00 UTC.
    expect(dueJobs(settings, at('2027-04-11T05:59:00Z'), LONDON).rollup).toBe('2027-02');
    expect(dueJobs(settings, at('2027-04-11T06:00:00Z'), LONDON).rollup).toBe('2027-03');
    expect(dueJobs(settings, at('2027-04-30T12:00:00Z'), LONDON).rollup).toBe('2027-03');
    // In winter 07:00 London is 07:00 UTC.
    expect(dueJobs(settings, at('2027-01-11T06:59:00Z'), LONDON).rollup).toBe('2026-11');
    expect(dueJobs(settings, at('2027-01-11T07:00:00Z'), LONDON).rollup).toBe('2026-12');
  });

  it('never makes a roll-up due for a month that has not ended (DESIGN §6)', () => {
    const londonMonth = (now: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit' }).format(now);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 27 }),
        fc.date({ min: at('2026-01-01T00:00:00Z'), max: at('2029-12-31T23:59:59Z'), noInvalidDate: true }),
        (submissionDeadlineDay, reminderDaysBeforeDeadline, now) => {
          const { rollup } = dueJobs({ submissionDeadlineDay, reminderDaysBeforeDeadline }, now, LONDON);
          if (rollup !== undefined) expect(rollup < londonMonth(now)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('makes reminders due from the configured days before the deadline until the deadline day ends', () => {
    expect(dueJobs(settings, at('2027-04-07T05:59:00Z'), LONDON).reminder).toBeUndefined();
    expect(dueJobs(settings, at('2027-04-07T06:00:00Z'), LONDON).reminder).toBe('2027-03');
    expect(dueJobs(settings, at('2027-04-10T22:59:00Z'), LONDON).reminder).toBe('2027-03');
    expect(dueJobs(settings, at('2027-04-10T23:00:00Z'), LONDON).reminder).toBeUndefined();
  });

  it('handles a reminder that falls in the month being reported on, on the day the clocks go forward', () => {
    // Deadline 2 April, reminder 5 days before: 28 March 2027, the first day of summer time.
    const early = { submissionDeadlineDay: 2, reminderDaysBeforeDeadline: 5 };
    expect(dueJobs(early, at('2027-03-28T05:59:00Z'), LONDON).reminder).toBeUndefined();
    expect(dueJobs(early, at('2027-03-28T06:00:00Z'), LONDON).reminder).toBe('2027-03');
    expect(dueJobs(early, at('2027-04-02T12:00:00Z'), LONDON)).toEqual({
      rollup: '2027-02',
      reminder: '2027-03',
    });
    expect(dueJobs(early, at('2027-04-03T06:00:00Z'), LONDON)).toEqual({ rollup: '2027-03' });
  });
});
