// A date: written YYYY-MM-DD in JSON, a date (or a UK date as text) in the cell.
import { isValidIsoDate, parseDateValue } from '../../dates.js';
import { DATE_FORMAT, isoDateSchema } from '../cells.js';
import { build, type Options } from './build.js';
import { calendarReader, dateCell } from './calendar.js';
import type { ColumnType } from './column-type.js';

export const date = <K extends string, const O extends Options<'date'>>(header: string, key: K, options: O) =>
  build(
    'date',
    header,
    key,
    isoDateSchema,
    (value) => typeof value === 'string' && isValidIsoDate(value),
    { width: 11, ...options },
    { numberFormat: DATE_FORMAT },
  );

export const DATE: ColumnType = {
  reader: (column) => calendarReader(column, parseDateValue, 'invalid-date', 'problem.expected.date'),
  writer: (dates) => {
    const cell = dateCell(dates);
    return (v) => (typeof v === 'string' ? cell(v) : v);
  },
};
