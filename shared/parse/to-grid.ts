// Typed rows back to cells for a layout: the reverse of the reader, used by the template writer, the
// add-in and the consolidated workbook. Blank cells are '' (Office.js reads null as "leave unchanged").
import type { SheetLayout } from '../sheets/layout.js';
import { COLUMN_TYPES, type DateCells } from '../sheets/types/index.js';

/** Typed rows back to cells for a layout: header row first; money as pounds numbers, dates as `Date` (UTC midnight) or Excel serials. */
export function rowsToGrid(
  layout: Pick<SheetLayout, 'columns'>,
  rows: readonly object[],
  options: { dates?: DateCells } = {},
): unknown[][] {
  const { columns } = layout;
  const writers = columns.map((c) => COLUMN_TYPES[c.type].writer(options.dates ?? 'Date'));
  const grid: unknown[][] = [columns.map((c) => c.header)];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    const cells = new Array<unknown>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const value = record[columns[i]!.key];
      cells[i] = value === undefined || value === null ? '' : writers[i]!(value);
    }
    grid.push(cells);
  }
  return grid;
}
