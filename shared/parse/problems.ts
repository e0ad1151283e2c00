// Building and ordering problems, and the small pieces of wording their messages share.
import { jsDateToIsoDate } from '../dates.js';
import type { Problem } from '../schemas.js';
import { ExcelErrorValue, type PlainCell } from './cells.js';

export type Severity = Problem['severity'];

export const problem = (
  sheet: string,
  row: number | null,
  column: string | null,
  code: string,
  severity: Severity,
  message: string,
): Problem => ({ sheet, row, column, code, severity, message });

/** An ISO date as a UK reader writes it: 31/03/2027. */
export const ukDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const MAX_QUOTED = 60;

/** What a cell held, for "— found …" at the end of a message. */
export function describeFound(cell: PlainCell): string {
  if (typeof cell === 'string') {
    return `"${cell.length > MAX_QUOTED ? `${cell.slice(0, MAX_QUOTED)}…` : cell}"`;
  }
  if (cell instanceof Date) return `the date ${ukDate(jsDateToIsoDate(cell) ?? '')}`;
  if (cell instanceof ExcelErrorValue) return cell.text;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export { plainNumber } from '../sheets/index.js';

/** Sheet order first, then row (problems with a whole sheet first); stable within a row. */
export function sortProblems(problems: Problem[], sheetOrder: readonly string[]): Problem[] {
  const rank = (sheet: string): number => {
    const i = sheetOrder.indexOf(sheet);
    return i === -1 ? sheetOrder.length : i;
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.sheet) - rank(b.p.sheet) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
