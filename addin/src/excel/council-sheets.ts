// Reads the council sheets for Check and Submit in two round trips, whatever the number of rows:
// one to learn which sheets and tables exist, one to read each whole table (or used range) at once.
import { ABOUT_SHEET, COUNCIL_LAYOUTS } from '../../../shared/layouts.js';
import { topLeftOf } from './addresses.js';
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
      range.load('values, address');
      const worksheet = table.worksheet;
      worksheet.load('name');
      reads.push({ name, table, range, worksheet });
    } else if (!sheet.isNullObject) {
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load('values, address');
      reads.push({ name, range, worksheet: sheet });
    }
  }
  await context.sync();

  const snapshot: CouncilSnapshot = {
    sheets: {},
    marks: marksSetting.isNullObject ? [] : parseMarks(marksSetting.value),
  };
  for (const { name, table, range, worksheet } of reads) {
    const sheet = worksheet.name;
    if (range.isNullObject) {
      snapshot.sheets[name] = { sheet, values: [], firstRow: 1, firstColumn: 0 };
      continue;
    }
    const topLeft = topLeftOf(range.address);
    snapshot.sheets[name] = {
      sheet,
      ...(table ? { table: table.name } : {}),
      values: range.values,
      firstRow: topLeft.row,
      firstColumn: topLeft.column,
    };
  }
  return snapshot;
}
