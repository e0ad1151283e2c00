// Writes a header and rows as a new Excel table at A1 of a sheet: values and number formats in blocks
// under the request size limit, then the table over the whole block.
import type { SheetLayout } from '../../../shared/sheets/index.js';
import { blockAddress, columnLetters, onSheet } from './addresses.js';
import { cellRow } from './cell-values.js';
import { chunkRowsByJsonSize, WRITE_BUDGET_BYTES } from './chunks.js';

const POINTS_PER_CHARACTER = 7;

/** `grid` is rowsToGrid's output: the header row first. */
export async function writeNewTable(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  grid: readonly (readonly unknown[])[],
  budget = WRITE_BUDGET_BYTES,
): Promise<Excel.Table> {
  const width = layout.columns.length;
  const formats = layout.columns.map((c) => c.numberFormat ?? 'General');
  const rows = grid.map(cellRow);
  // An empty table still has one (blank) data row.
  if (rows.length === 1) rows.push(layout.columns.map(() => ''));
  for (const chunk of chunkRowsByJsonSize(rows, budget / 2)) {
    context.application.suspendApiCalculationUntilNextSync();
    const range = sheet.getRange(blockAddress({ column: 0, row: 1 + chunk.start }, chunk.rows.length, width));
    range.numberFormat = chunk.rows.map((_, i) => (chunk.start + i === 0 ? formats.map(() => '@') : formats));
    range.values = chunk.rows;
    // One request per block: each must stay under Excel on the web's 5 MB limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  const table = sheet.tables.add(
    onSheet(layout.sheet, blockAddress({ column: 0, row: 1 }, rows.length, width)),
    true,
  );
  table.name = layout.table;
  layout.columns.forEach((column, index) => {
    const letter = columnLetters(index);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = column.width * POINTS_PER_CHARACTER;
  });
  sheet.freezePanes.freezeRows(1);
  return table;
}
