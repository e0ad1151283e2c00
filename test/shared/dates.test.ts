import { describe, expect, it } from 'vitest';
import {
  addMonths,
  asPeriod,
  yearToDate,
  excelSerialToIsoDate,
  financialYearOf,
  isoDateToExcelSerial,
  isValidIsoDate,
  lastDayOf,
  monthIndexInFinancialYear,
  monthsOfFinancialYear,
  parseDateValue,
  parseMonthValue,
  periodLabel,
  submissionDeadline,
} from '../../shared/dates.js';

describe('periods and financial years', () => {
  it('puts February 2027 in FY 2026-27 and April 2026 first', () => {
    expect(financialYearOf('2027-02')).toBe('2026-27');
    expect(financialYearOf('2026-04')).toBe('2026-27');
    expect(financialYearOf('2026-03')).toBe('2025-26');
    expect(financialYearOf('2099-12')).toBe('2099-00');
    expect(monthIndexInFinancialYear('2026-04')).toBe(1);
    expect(monthIndexInFinancialYear('2027-03')).toBe(12);
    expect(monthsOfFinancialYear('2026-27')).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
  });

  it('knows month ends, deadlines and labels', () => {
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2027-02')).toBe('2027-02-28');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(submissionDeadline('2026-12', 10)).toBe('2027-01-10');
    expect(periodLabel('2027-03')).toBe('March 2027');
  });
});

describe('date cells', () => {
  it('reads Excel serials, Dates, ISO and UK text', () => {
    expect(excelSerialToIsoDate(46113)).toBe('2026-04-01');
    expect(isoDateToExcelSerial('2026-04-01')).toBe(46113);
    expect(parseDateValue(46113)).toBe('2026-04-01');
    expect(parseDateValue(new Date(Date.UTC(2026, 3, 1)))).toBe('2026-04-01');
    expect(parseDateValue('2026-04-01')).toBe('2026-04-01');
    expect(parseDateValue('1/4/2026')).toBe('2026-04-01');
    expect(parseDateValue('31/02/2026')).toBeUndefined();
    expect(parseDateValue('next Tuesday')).toBeUndefined();
    expect(parseDateValue(true)).toBeUndefined();
  });

  it('reads months as YYYY-MM or as any date in the month', () => {
    expect(parseMonthValue('2026-05')).toBe('2026-05');
    expect(parseMonthValue('15/05/2026')).toBe('2026-05');
    expect(parseMonthValue(46143)).toBe('2026-05');
    expect(parseMonthValue('2026-13')).toBeUndefined();
  });
});

describe('ISO dates', () => {
  it('accepts real calendar days only, leap years included', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate('2027-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-12-31')).toBe(true);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-01-00')).toBe(false);
    expect(isValidIsoDate('2026-1-01')).toBe(false);
  });

  it('agrees with the calendar for every day of four years', () => {
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000) {
      expect(isValidIsoDate(new Date(t).toISOString().slice(0, 10))).toBe(true);
    }
  });
});

describe('a period within its financial year', () => {
  it('knows its year, its months so far and its month number, and which months count', () => {
    const year = yearToDate(asPeriod('2027-02'));
    expect(year.financialYear).toBe('2026-27');
    expect(year.months).toHaveLength(11);
    expect(year.months[0]).toBe('2026-04');
    expect(year.months.at(-1)).toBe('2027-02');
    expect(year.monthIndex).toBe(11);
    expect(['2026-03', '2026-04', '2027-02', '2027-03'].map((m) => year.counts(m))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(yearToDate(asPeriod('2026-04')).months).toEqual(['2026-04']);
  });

  it('is made only from a real month', () => {
    expect(() => asPeriod('2026-13')).toThrow(RangeError);
    expect(() => asPeriod('2026-4')).toThrow(/YYYY-MM/);
  });
});
