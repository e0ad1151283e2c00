// Pieces the row rules of both workbooks share: a column's header by key, JSON row numbers and the
// duplicate-row check by the layout's row key.
import type { Problem } from '../schemas.js';
import { columnOf, type SheetLayout } from '../sheets/index.js';
import type { Severity } from './problems.js';
import { ukDate } from './found.js';
import { problem } from './problems.js';
import type { Located } from './sheet.js';
import { say } from '../i18n/say.js';

/** The header of a sheet's column, by its key (a key the sheet does not have does not compile). */
export const header = <K extends string>(layout: SheetLayout<K>, key: NoInfer<K>): string =>
  columnOf(layout, key).header;

/** JSON rows are numbered as if row 1 held the headers. */
export const locate = <T>(rows: readonly T[]): Located<T>[] =>
  rows.map((value, i) => ({ row: i + 2, value }));

/**
 * Whether every named field of a row was read. A rule runs only over fields that were read: a faulty
 * cell is reported once, by the reader, and never again as if it were blank.
 */
export const wasRead = (located: Located<object>, ...keys: readonly string[]): boolean =>
  located.unread === undefined || keys.every((key) => !located.unread!.has(key));

/** Rows whose every cell was read: the only rows a submission or partnership may accept. */
export const wholeRows = <T>(rows: readonly Located<T>[]): Located<T>[] =>
  rows.filter((r) => r.unread === undefined);

const keyPart = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value).trim().toLowerCase();

/**
 * Rows with the same values in the layout's row-key columns (compared case-insensitively, so Project IDs
 * upper-cased and e-mails lower-cased alike). Each repeat is reported against the first row. A row whose
 * row-key cell could not be read is not compared.
 */
export function duplicateRowProblems(
  layout: SheetLayout,
  rows: readonly Located<object>[],
  severity: Severity,
): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  const headers = layout.rowKey.map((key) => header(layout, key));
  const what = { and: headers };
  const wording = severity === 'error' ? 'problem.duplicate' : 'problem.duplicateWarning';
  for (const located of rows) {
    if (!wasRead(located, ...layout.rowKey)) continue;
    const { row, value } = located;
    const record = value as Record<string, unknown>;
    const parts = layout.rowKey.map((key) => record[key]);
    const key = parts.map(keyPart).join('\u0000');
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row);
      continue;
    }
    const shown = parts.filter((p) => keyPart(p) !== '').map(String);
    problems.push(
      problem(
        layout.sheet,
        row,
        headers[0] ?? null,
        'duplicate-row',
        severity,
        say(wording, { what, row: earlier, values: shown.join(', ') }),
      ),
    );
  }
  return problems;
}

/** An end date before its start date (To before From, Due before Start, Left before Joined). */
export function datesOutOfOrder<K extends string>(
  layout: SheetLayout<K>,
  row: number,
  code: string,
  [startKey, start]: [NoInfer<K>, string | undefined],
  [endKey, end]: [NoInfer<K>, string | undefined],
): Problem[] {
  if (start === undefined || end === undefined || end >= start) return [];
  const endHeader = header(layout, endKey);
  const said = say('problem.datesOutOfOrder', {
    column: endHeader,
    end: ukDate(end),
    startColumn: header(layout, startKey),
    start: ukDate(start),
  });
  return [problem(layout.sheet, row, endHeader, code, 'error', said)];
}
