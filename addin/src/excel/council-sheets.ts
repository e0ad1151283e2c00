// Reads the council sheets for Check and Submit: one round trip to learn which sheets and tables
// exist, one for their sizes, then the values in blocks, so that no answer can pass Excel on the web's
// 5 MB limit on responses (a small return still takes one round trip for its values). Each value is
// read with its number format, so that a number shown as a percentage reads as the service's reader
// reads it (shared/parse/cells.ts).
import { ABOUT_SHEET, COUNCIL_LAYOUTS } from '../../../shared/sheets/index.js';
import { shownValue } from '../../../shared/parse/cells.js';
import { blockAddress, topLeftOf } from './addresses.js';
import { isPayloadTooLarge, READ_CELL_BUDGET } from './chunks.js';
import type { Mark } from './marks.js';
import { MARKS_SETTING, parseMarks } from './marks.js';

export interface SheetSnapshot {
  /** The sheet's name as the workbook spells it. */
  sheet: string;
  /** The Excel table holding the data, when there is one. */
  table?: string;
  values: unknown[][];
  /** The Excel row number of values[0]. */
  firstRow: number;
  /** The 0-based column of values[][0]. */
  firstColumn: number;
}

export interface CouncilSnapshot {
  /** Sheets found, by the name the layouts use (About, Contributions, Skills, Projects). */
  sheets: Record<string, SheetSnapshot>;
  /** Cells marked by the previous Check. */
  marks: Mark[];
}

export const COUNCIL_SHEET_NAMES = [ABOUT_SHEET, ...COUNCIL_LAYOUTS.map((l) => l.sheet)];

export async function readCouncilSheets(context: Excel.RequestContext): Promise<CouncilSnapshot> {
  const { worksheets, tables, settings } = context.workbook;
  const sheets = COUNCIL_SHEET_NAMES.map((name) => ({ name, sheet: worksheets.getItemOrNullObject(name) }));
  const layoutTables = new Map(
    COUNCIL_LAYOUTS.map((l) => [l.sheet, tables.getItemOrNullObject(l.table)] as const),
  );
  for (const { sheet } of sheets) sheet.load('name');
  for (const table of layoutTables.values()) table.load('name');
  const marksSetting = settings.getItemOrNullObject(MARKS_SETTING);
  marksSetting.load('value');
  await context.sync();

  const reads: { name: string; table?: Excel.Table; range: Excel.Range; worksheet: Excel.Worksheet }[] = [];
  for (const { name, sheet } of sheets) {
    const table = layoutTables.get(name);
    if (table && !table.isNullObject) {
      const range = table.getRange();
      range.load('address, rowCount, columnCount');
      const worksheet = table.worksheet;
      worksheet.load('name');
      reads.push({ name, table, range, worksheet });
    } else if (!sheet.isNullObject) {
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load('address, rowCount, columnCount');
      reads.push({ name, range, worksheet: sheet });
    }
  }
  await context.sync();

  const snapshot: CouncilSnapshot = {
    sheets: {},
    marks: marksSetting.isNullObject ? [] : parseMarks(marksSetting.value),
  };
  const regions: Region[] = [];
  for (const { name, table, range, worksheet } of reads) {
    const sheet = worksheet.name;
    if (range.isNullObject) {
      snapshot.sheets[name] = { sheet, values: [], firstRow: 1, firstColumn: 0 };
      continue;
    }
    const topLeft = topLeftOf(range.address);
    const values: unknown[][] = [];
    snapshot.sheets[name] = {
      sheet,
      ...(table ? { table: table.name } : {}),
      values,
      firstRow: topLeft.row,
      firstColumn: topLeft.column,
    };
    regions.push({ sheet, topLeft, rows: range.rowCount, columns: range.columnCount, values });
  }
  await readValues(context, regions);
  return snapshot;
}

interface Region {
  sheet: string;
  topLeft: { column: number; row: number };
  rows: number;
  columns: number;
  /** Filled in by readValues, row by row. */
  values: unknown[][];
}

interface Block {
  region: Region;
  /** Offset of the block's first row in the region, and its number of rows. */
  start: number;
  count: number;
}

function blocksOf(region: Region, start: number, end: number, budget: number): Block[] {
  const perBlock = Math.max(1, Math.floor(budget / region.columns));
  const blocks: Block[] = [];
  for (let at = start; at < end; at += perBlock)
    blocks.push({ region, start: at, count: Math.min(perBlock, end - at) });
  return blocks;
}

/**
 * Reads the regions' values, up to `budget` cells per round trip. Should Excel still refuse an answer
 * as too large (long texts), the budget is halved and the rest read again in smaller blocks.
 */
async function readValues(
  context: Excel.RequestContext,
  regions: readonly Region[],
  budget = READ_CELL_BUDGET,
): Promise<void> {
  let pending = regions.flatMap((r) => blocksOf(r, 0, r.rows, budget));
  while (pending.length > 0) {
    const batch: Block[] = [];
    let cells = 0;
    for (const block of pending) {
      const size = block.count * block.region.columns;
      if (batch.length > 0 && cells + size > budget) break;
      batch.push(block);
      cells += size;
    }
    const ranges = batch.map((b) => {
      const range = context.workbook.worksheets
        .getItem(b.region.sheet)
        .getRange(
          blockAddress(
            { column: b.region.topLeft.column, row: b.region.topLeft.row + b.start },
            b.count,
            b.region.columns,
          ),
        );
      range.load('values, numberFormat');
      return range;
    });
    try {
      // One round trip per block of reads is the point: each answer must stay under 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const single = batch.length === 1 && batch[0]!.count === 1;
      if (!isPayloadTooLarge(error) || single) throw error;
      budget = Math.max(1, Math.floor(budget / 2));
      pending = pending.flatMap((b) => blocksOf(b.region, b.start, b.start + b.count, budget));
      continue;
    }
    batch.forEach((b, i) => {
      const { values, numberFormat } = ranges[i]!;
      b.region.values.push(...values.map((row, r) => row.map((v, c) => shownValue(v, numberFormat[r]![c]!))));
    });
    pending = pending.slice(batch.length);
  }
}
