// A sheet of typed rows laid out by a SheetLayout, as an Excel table: the cells come from the parser's
// rowsToGrid (money in pounds, dates as Excel dates), so what is written reads back the same.
import type { SheetLayout } from '../../shared/sheets/index.js';
import { rowsToGrid } from '../../shared/parse/index.js';
import type { Cell, SheetColumn, SheetSpec } from './xlsx-writer.js';

/** Text wraps within its column, so that a long title or update neither runs on nor widens the page. */
export const sheetColumns = (layout: SheetLayout): SheetColumn[] =>
  layout.columns.map((c) => ({
    header: c.header,
    width: c.width,
    numberFormat: c.numberFormat,
    wrap: c.type === 'text' || c.type === 'councilList' || c.type === 'choice',
  }));

/** Rows go through rowsToGrid a batch at a time, so a large sheet is never held as one grid. */
const BATCH_ROWS = 2_000;

/** The cells of one row per item (made by `toRow` a batch at a time), in the layout's column order. */
export function* layoutRows<T>(
  layout: SheetLayout,
  items: readonly T[],
  toRow: (item: T) => object = (item) => item as object,
): Generator<Cell[]> {
  for (let start = 0; start < items.length; start += BATCH_ROWS) {
    const grid = rowsToGrid(layout, items.slice(start, start + BATCH_ROWS).map(toRow), { dates: 'serial' });
    for (let i = 1; i < grid.length; i++) yield grid[i] as Cell[];
  }
}

/** A sheet holding `items` (as rows by `toRow`) as an Excel table named by the layout, header frozen. */
export function layoutSheet<T>(
  layout: SheetLayout,
  items: readonly T[],
  extra: Partial<SheetSpec> = {},
  toRow?: (item: T) => object,
): SheetSpec {
  return {
    name: layout.sheet,
    columns: sheetColumns(layout),
    rows: layoutRows(layout, items, toRow),
    rowCount: items.length,
    table: layout.table,
    freezeHeader: true,
    ...extra,
  };
}

/** The 0-based position of a layout column, by key. */
export function columnIndex(layout: SheetLayout, key: string): number {
  const index = layout.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`Layout ${layout.sheet} has no column ${key}`);
  return index;
}
