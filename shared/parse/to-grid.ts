// Typed rows back to cells for a layout: the reverse of the reader, used by the template writer, the
// add-in and the consolidated workbook. Blank cells are '' (Office.js reads null as "leave unchanged").
import { firstDayOf, isoDateToExcelSerial } from '../dates.js';
import type { ColumnLayout, SheetLayout } from '../sheets/index.js';
import { penceToPounds } from '../money.js';

type CellWriter = (value: unknown) => unknown;

const listText = (value: unknown): unknown => (Array.isArray(value) ? value.map(String).join('; ') : value);

function cellWriter(column: ColumnLayout, dates: 'Date' | 'serial'): CellWriter {
  const date = (iso: string): Date | number =>
    dates === 'serial' ? isoDateToExcelSerial(iso) : new Date(`${iso}T00:00:00.000Z`);
  switch (column.type) {
    case 'money':
      return (v) => (typeof v === 'number' ? penceToPounds(v) : v);
    case 'date':
      return (v) => (typeof v === 'string' ? date(v) : v);
    case 'month':
      return (v) => (typeof v === 'string' ? date(firstDayOf(v)) : v);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? (v ? 'Yes' : 'No') : v);
    default:
      return listText;
  }
}

/** Typed rows back to cells for a layout: header row first; money as pounds numbers, dates as `Date` (UTC midnight) or Excel serials. */
export function rowsToGrid(
  layout: Pick<SheetLayout, 'columns'>,
  rows: readonly object[],
  options: { dates?: 'Date' | 'serial' } = {},
): unknown[][] {
  const { columns } = layout;
  const writers = columns.map((c) => cellWriter(c, options.dates ?? 'Date'));
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
