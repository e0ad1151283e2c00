// Replaces the data rows of an Excel table with new rows, matching columns by header so that columns
// the user added (and their position) are kept. Writes go in blocks sized by their JSON, one request
// each, so none exceeds Excel on the web's 5 MB limit.
import { normaliseHeader } from '../../../shared/sheets/index.js';
import { blockAddress, sheetOf, topLeftOf } from './addresses.js';
import { cellValue } from './cell-values.js';
import { chunkRowsByJsonSize, WRITE_BUDGET_BYTES } from './chunks.js';

export interface TableRows {
  /** Header texts of `rows`' columns; matched to the table's headers case- and space-insensitively. */
  headers: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/**
 * Table-wide rows for `data`: the table's own column order, `null` (leave the cell alone) in columns
 * the data does not cover. Excel refuses `null` in rows it adds, so new rows get `''` there instead.
 */
export function alignToTable<F extends null | ''>(
  tableHeaders: readonly unknown[],
  data: TableRows,
  fill: F,
): (string | number | boolean | F)[][] {
  const position = new Map(data.headers.map((h, i) => [normaliseHeader(h), i]));
  const sources = tableHeaders.map((h) => position.get(normaliseHeader(String(h ?? ''))));
  return data.rows.map((row) => sources.map((i) => (i === undefined ? fill : cellValue(row[i]))));
}

export async function replaceTableRows(
  context: Excel.RequestContext,
  tableName: string,
  data: TableRows,
  budget = WRITE_BUDGET_BYTES,
): Promise<void> {
  const table = context.workbook.tables.getItem(tableName);
  // With a filter on, Excel refuses to write, delete or add the table's rows (FilteredRangeConflict;
  // "Error handling with the application-specific JavaScript APIs"; office-js #224, #994, #468), or
  // writes into the wrong rows: every row is shown again first (ExcelApi 1.2).
  table.clearFilters();
  const header = table.getHeaderRowRange();
  header.load('values, address');
  const body = table.getDataBodyRange();
  body.load('rowCount, address');
  await context.sync();
  const sheet = context.workbook.worksheets.getItem(sheetOf(header.address));

  const tableHeaders = header.values[0] ?? [];
  const width = tableHeaders.length;
  const bodyStart = topLeftOf(body.address);
  const existing = body.rowCount;
  const wanted = data.rows.length;
  // A table always keeps one data row, blank when there is no data.
  const keep = Math.max(wanted, 1);

  if (existing > keep) {
    sheet
      .getRange(blockAddress({ ...bodyStart, row: bodyStart.row + keep }, existing - keep, width))
      .delete(Excel.DeleteShiftDirection.up);
  }
  if (wanted === 0) {
    sheet.getRange(blockAddress(bodyStart, 1, width)).clear(Excel.ClearApplyTo.contents);
    await context.sync();
    return;
  }

  const inPlace = alignToTable(
    tableHeaders,
    { headers: data.headers, rows: data.rows.slice(0, existing) },
    null,
  );
  for (const chunk of chunkRowsByJsonSize(inPlace, budget)) {
    context.application.suspendApiCalculationUntilNextSync();
    sheet.getRange(
      blockAddress({ ...bodyStart, row: bodyStart.row + chunk.start }, chunk.rows.length, width),
    ).values = chunk.rows;
    // One request per block is the point: each must stay under the 5 MB limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  const added = alignToTable(tableHeaders, { headers: data.headers, rows: data.rows.slice(existing) }, '');
  for (const chunk of chunkRowsByJsonSize(added, budget)) {
    context.application.suspendApiCalculationUntilNextSync();
    table.rows.add(undefined, chunk.rows);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per block, as above
    await context.sync();
  }
}
