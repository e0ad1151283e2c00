// A sheet's rows as JSON carries them, and the quick check that takes the place of their schema for the
// thousands of rows of a large return.
import { z } from 'zod';
import { message } from '../i18n/index.js';
import { REFUSED, type Column } from './column.js';

/** Rows a sheet of a return or of the partnership may hold, whether sent as a workbook or as JSON. */
export const MAX_ROWS_PER_SHEET = 50_000;

/** A sheet's rows as JSON carries them: an array of the row schema. */
export const sheetRows = <T extends z.ZodType>(row: T) =>
  z
    .array(row, {
      error: (issue) => (issue.input === undefined ? message('en', 'problem.json.sheetRequired') : undefined),
    })
    .max(MAX_ROWS_PER_SHEET);

/**
 * A sheet's rows as `sheetRows(schema)` gives them, checked with each column's quick test instead of
 * the schema: a few milliseconds for the thousands of rows of a large return, where the schema takes
 * several times that. Undefined when any row would be refused; the schema, run then, says what and where.
 */
export function quickRows(
  columns: readonly Column[],
): (rows: unknown) => Record<string, unknown>[] | undefined {
  const keys = new Set<string>(columns.map((c) => c.key));
  return (rows) => {
    if (!Array.isArray(rows) || rows.length > MAX_ROWS_PER_SHEET) return undefined;
    const checked: Record<string, unknown>[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row: unknown = rows[i];
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
      const values = row as Record<string, unknown>;
      // The schema is strict: a property that is no column refuses the row.
      for (const key in values) if (!keys.has(key)) return undefined;
      const out: Record<string, unknown> = {};
      for (const column of columns) {
        const value = column.quick(values[column.key]);
        if (value === REFUSED) return undefined;
        if (value !== undefined) out[column.key] = value;
      }
      checked[i] = out;
    }
    return checked;
  };
}
