// What the date and month columns share: a reader that remembers the dates it has read, and a date
// written as a `Date` or an Excel serial.
import { isoDateToExcelSerial } from '../../dates.js';
import { CellFault, type CellReader } from '../../parse/cell-reader.js';
import { describeFound } from '../../parse/found.js';
import type { ColumnLayout } from '../layout.js';
import type { DateCells } from './column-type.js';
import type { ExpectedKey } from '../../i18n/problems.js';
import { phrase, say } from '../../i18n/say.js';

/**
 * Date columns repeat the same few values down a sheet, and turning a cell into an ISO date costs a Date
 * formatting call; each reader remembers what it has read (bounded by the sheet's distinct values).
 */
function remembering(parse: (cell: unknown) => string | undefined): (cell: unknown) => string | undefined {
  const byTime = new Map<number, string | undefined>();
  const byValue = new Map<number | string, string | undefined>();
  return (cell) => {
    const key =
      cell instanceof Date
        ? cell.getTime()
        : typeof cell === 'number' || typeof cell === 'string'
          ? cell
          : undefined;
    if (key === undefined) return parse(cell);
    const memo = cell instanceof Date ? byTime : byValue;
    if (memo.has(key)) return memo.get(key);
    const value = parse(cell);
    memo.set(key, value);
    return value;
  };
}

/** A date or month column: the parsed ISO text, or a fault saying what was expected. */
export function calendarReader(
  column: ColumnLayout,
  parseCell: (cell: unknown) => string | undefined,
  code: string,
  expectedKey: ExpectedKey,
): CellReader {
  const parse = remembering(parseCell);
  const expected = phrase(expectedKey);
  return (cell) =>
    parse(cell) ??
    new CellFault(
      code,
      say('problem.mustBe', { column: column.header, expected, found: describeFound(cell) }),
    );
}

/** An ISO date as the cell that holds it. */
export const dateCell =
  (dates: DateCells) =>
  (iso: string): Date | number =>
    dates === 'serial' ? isoDateToExcelSerial(iso) : new Date(`${iso}T00:00:00.000Z`);
