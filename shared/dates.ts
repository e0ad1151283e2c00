// Periods, financial years and calendar dates as the design names them (DESIGN §2). Dates are ISO
// strings `YYYY-MM-DD` and periods `YYYY-MM`; both compare correctly as strings.
import type { z } from 'zod';
import { monthLabel, shortMonthLabel as shortMonth } from './i18n/index.js';
import { FINANCIAL_YEAR_PATTERN, ISO_DATE_PATTERN, PERIOD_PATTERN } from './vocabulary.js';

export type IsoDate = string;

/**
 * A month written `YYYY-MM` that has been checked: only `isValidPeriod`, `asPeriod`, the functions here
 * and `periodSchema` make one, so code that takes a `Period` need not check it again. The brand is
 * zod's, so that what `periodSchema` parses (a return's period and months, a query) is a `Period`.
 */
export type Period = string & z.core.$brand<'Period'>;

/** Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
export const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Arithmetic on the characters rather than a Date, a pattern or slices per call: every date of every
// submitted row passes through here. The same test as ISO_DATE_PATTERN, then a day the month has.
export function isValidIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) return false;
  const y = digitsAt(text, 0, 4);
  const m = digitsAt(text, 5, 7);
  const d = digitsAt(text, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

const HYPHEN = 0x2d;

/** The number the ASCII digits from `from` to `to` write, or -1 if any is not one. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

export const isValidPeriod = (text: string): text is Period => PERIOD_PATTERN.test(text);

/** The period `text` names; a RangeError (a programming error, not bad input) if it is not one. */
export function asPeriod(text: string): Period {
  if (!isValidPeriod(text)) throw new RangeError(`"${text}" is not a period written YYYY-MM`);
  return text;
}

export function excelSerialToIsoDate(serial: number): IsoDate {
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** The clock the partnership's councils read: times in workbooks are shown in it. */
export const UK_TIME_ZONE = 'Europe/London';

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant (ISO date-time) as an Excel date-time serial on the wall clock of `timeZone`: Excel keeps
 * date-times as days since its epoch, with no time zone, so the cell shows what a clock there showed.
 */
export function isoTimeToExcelSerial(iso: string, timeZone: string = UK_TIME_ZONE): number {
  let clock = wallClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, clock);
  }
  const part = Object.fromEntries(clock.formatToParts(new Date(iso)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return (wall - EXCEL_EPOCH_UTC) / DAY_MS;
}

export function isoDateToExcelSerial(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / DAY_MS);
}

/**
 * A `Date` from a spreadsheet library stands for a calendar day. exceljs gives UTC midnight; other
 * writers give local midnight, so a date within 12 hours of midnight is rounded to the nearest day.
 */
export function jsDateToIsoDate(date: Date): IsoDate | undefined {
  const t = date.getTime();
  if (Number.isNaN(t)) return undefined;
  return new Date(Math.round(t / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Reads a date cell: an Excel serial, a `Date`, ISO `YYYY-MM-DD` or UK `dd/mm/yyyy` text. */
export function parseDateValue(value: unknown): IsoDate | undefined {
  if (value instanceof Date) return jsDateToIsoDate(value);
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 1 && value < 2958466 ? excelSerialToIsoDate(value) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+Z?)?$/.exec(text);
  if (iso) {
    const date = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isValidIsoDate(date) ? date : undefined;
  }
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) {
    const date = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
    return isValidIsoDate(date) ? date : undefined;
  }
  return undefined;
}

/** Reads a month cell: `YYYY-MM` text, or any date (its month is taken). */
export function parseMonthValue(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    if (isValidPeriod(text)) return text;
    const mmYyyy = /^(\d{1,2})\/(\d{4})$/.exec(text);
    if (mmYyyy) {
      const period = `${mmYyyy[2]}-${mmYyyy[1]!.padStart(2, '0')}`;
      return isValidPeriod(period) ? period : undefined;
    }
  }
  return parseDateValue(value)?.slice(0, 7);
}

/** A financial year label names two consecutive years: `2026-27`, never `2026-99`. */
export const isValidFinancialYear = (text: string): boolean =>
  FINANCIAL_YEAR_PATTERN.test(text) && (Number(text.slice(0, 4)) + 1) % 100 === Number(text.slice(5));

/** The financial year label (`2026-27`) of a period or date: April to March. */
export function financialYearOf(periodOrDate: string): string {
  const year = Number(periodOrDate.slice(0, 4));
  const month = Number(periodOrDate.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The FY before `fy` ("2026-27" → "2025-26"). */
export const previousFinancialYear = (fy: string): string =>
  financialYearOf(addMonths(`${fy.slice(0, 4)}-04`, -1));

/** The FY after `fy` ("2026-27" → "2027-28"). */
export const nextFinancialYear = (fy: string): string =>
  financialYearOf(addMonths(`${fy.slice(0, 4)}-04`, 12));

/** The twelve periods of a financial year, April first. */
export function monthsOfFinancialYear(financialYear: string): Period[] {
  const start = Number(financialYear.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    const year = i < 9 ? start : start + 1;
    return `${year}-${String(month).padStart(2, '0')}` as Period;
  });
}

/**
 * Where a period sits in its financial year: worked out once per view and handed to every part of the
 * consolidation, so that the year, its months so far and the month's number are never derived twice.
 */
export interface YearToDate {
  period: Period;
  financialYear: string;
  /** April up to and including the period. */
  months: readonly Period[];
  /** The period's month number in the year (April = 1): `months.length`. */
  monthIndex: number;
  /**
   * Which month's data counts in this period's view (DESIGN §4): a month of the same financial year, not
   * after the period. Used for returns, contribution rows and CDO time alike.
   */
  counts(month: string): boolean;
}

export function yearToDate(period: Period): YearToDate {
  const financialYear = financialYearOf(period);
  const all = monthsOfFinancialYear(financialYear);
  const months = all.slice(0, all.indexOf(period) + 1);
  const first = months[0]!;
  return {
    period,
    financialYear,
    months,
    monthIndex: months.length,
    counts: (month) => month >= first && month <= period,
  };
}

/** Months of the period's financial year up to and including the period (April = 1). */
export function monthIndexInFinancialYear(period: string): number {
  return monthsOfFinancialYear(financialYearOf(period)).findIndex((month) => month === period) + 1;
}

export const firstDayOf = (period: string): IsoDate => `${period}-01`;

/** The month of a calendar day (a valid `YYYY-MM-DD`, as a clock gives it). */
export const periodOfDay = (day: IsoDate): Period => day.slice(0, 7) as Period;

export function lastDayOf(period: string): IsoDate {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The month `months` after (or before) `period`: a `Period` again when given one. */
export function addMonths(period: Period, months: number): Period;
export function addMonths(period: string, months: number): string;
export function addMonths(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

// Made once: building an ICU formatter per call would cost seconds over a view's many dates.
const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: UK_TIME_ZONE });

/** "March 2027" for subjects and headings (shared/i18n writes it in Welsh too: "Mawrth 2027"). */
export const periodLabel = (period: string): string => monthLabel('en', period);

/** "Mar" for a chart axis of one financial year's months. */
export const shortMonthLabel = (period: string): string => shortMonth('en', period);

/**
 * "05/11/2026", as a date is written wherever a person reads it (DESIGN §2): from an ISO date, or from
 * an ISO time as the day it was on the UK clock.
 */
export function dateLabel(isoDateOrTime: string): string {
  const day = ISO_DATE_PATTERN.test(isoDateOrTime) ? isoDateOrTime : UK_DAY.format(new Date(isoDateOrTime));
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** The day a period's return is due: the deadline day of the month after the period. */
export const submissionDeadline = (period: string, deadlineDay: number): IsoDate =>
  `${addMonths(period, 1)}-${String(deadlineDay).padStart(2, '0')}`;

/** "05/11/2026": the day an instant falls on in the UK, as a person reads a date. */
export const ukDateOfInstant = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: UK_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
