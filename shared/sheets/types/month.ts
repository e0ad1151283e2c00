// A month: a period written YYYY-MM in JSON, the month's first day (or any date in it) in the cell.
import { firstDayOf, parseMonthValue } from '../../dates.js';
import { PERIOD_PATTERN } from '../../vocabulary.js';
import { MONTH_FORMAT, periodSchema } from '../cells.js';
import { build, type Options } from './build.js';
import { calendarReader, dateCell } from './calendar.js';
import type { ColumnType } from './column-type.js';

export const month = <K extends string, const O extends Options<'month'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'month',
    header,
    key,
    periodSchema,
    (value) => typeof value === 'string' && PERIOD_PATTERN.test(value),
    { width: 11, ...options },
    { numberFormat: MONTH_FORMAT },
  );

export const MONTH: ColumnType = {
  reader: (column) => calendarReader(column, parseMonthValue, 'invalid-month', 'problem.expected.month'),
  writer: (dates) => {
    const cell = dateCell(dates);
    return (v) => (typeof v === 'string' ? cell(firstDayOf(v)) : v);
  },
};
