// Set up sheets: creates the About, Contributions, Skills and Projects sheets as the sheet definitions
// describe them, or repairs them — adds missing columns, refreshes drop-down lists, rules, input
// prompts, formats and frozen headers. It never deletes a row, a value or a column the user added.
import {
  ABOUT_LABELS,
  ABOUT_SHEET,
  columnRule,
  COUNCIL_LAYOUTS,
  normaliseHeader,
  TEXT_FORMAT,
  type ColumnLayout,
  type ListSource,
  type SheetLayout,
} from '../../../shared/sheets/index.js';
import { LAYOUT_VERSION } from '../../../shared/vocabulary.js';
import { blockAddress, columnLetters, onSheet, topLeftOf } from './addresses.js';
import type { DropDownLists } from './lists-sheet.js';
import { listFormulas, queueListsSheet } from './lists-sheet.js';
import { claimOwnedSheets, WorkbookProtected } from './owned-sheets.js';
import { t as say } from '../words.js';

export interface SetupOptions {
  council: string;
  period: string;
  lists: DropDownLists;
}

export interface SetupReport {
  created: string[];
  repaired: { sheet: string; addedColumns: string[] }[];
  /** Sheets left alone because they hold something else; the reason is a sentence for the user. */
  skipped: { sheet: string; reason: string }[];
}

/** Excel column widths are in points; layouts give them in characters of the default font. */
const POINTS_PER_CHARACTER = 7;

interface Found {
  layout: SheetLayout;
  sheet: Excel.Worksheet;
  table: Excel.Table;
  header?: Excel.Range;
  body?: Excel.Range;
  used?: Excel.Range;
}

export async function setUpCouncilSheets(
  context: Excel.RequestContext,
  options: SetupOptions,
): Promise<SetupReport> {
  const { worksheets, tables } = context.workbook;
  const { lists } = await claimOwnedSheets(context, ['lists']);
  const found: Found[] = COUNCIL_LAYOUTS.map((layout) => ({
    layout,
    sheet: worksheets.getItemOrNullObject(layout.sheet),
    table: tables.getItemOrNullObject(layout.table),
  }));
  const about = worksheets.getItemOrNullObject(ABOUT_SHEET);
  for (const f of found) {
    f.sheet.load('name');
    f.table.load('name');
  }
  about.load('name');
  const structure = context.workbook.protection;
  structure.load('protected');
  await context.sync();

  const missing = [
    ...found.filter((f) => f.sheet.isNullObject && f.table.isNullObject),
    ...(about.isNullObject ? [{ layout: { sheet: ABOUT_SHEET } }] : []),
  ];
  if (structure.protected && missing.length) throw new WorkbookProtected(missing.map((f) => f.layout.sheet));

  const protections: { name: string; protection: Excel.WorksheetProtection; found?: Found }[] = [];
  for (const f of found) {
    if (!f.table.isNullObject) {
      f.header = f.table.getHeaderRowRange();
      f.header.load('values, address');
      f.body = f.table.getDataBodyRange();
      f.body.load('rowCount, address');
      f.sheet = f.table.worksheet;
    } else if (!f.sheet.isNullObject) {
      f.used = f.sheet.getUsedRangeOrNullObject(true);
      f.used.load('values, address');
    }
    if (!f.table.isNullObject || !f.sheet.isNullObject)
      protections.push({ name: f.layout.sheet, protection: f.sheet.protection, found: f });
  }
  const aboutUsed = about.isNullObject ? null : about.getUsedRangeOrNullObject(true);
  aboutUsed?.load('values, address');
  if (!about.isNullObject) protections.push({ name: ABOUT_SHEET, protection: about.protection });
  if (lists.existed) protections.push({ name: lists.name, protection: lists.sheet.protection });
  for (const p of protections) p.protection.load('protected');
  await context.sync();

  // A protected sheet refuses the add-in's changes: stop before changing any, and name them. A sheet
  // left alone (it holds something else) does not count.
  const locked = protections.filter((p) => p.protection.protected && !(p.found && leftAlone(p.found)));
  if (locked.length) throw new SheetsProtected(locked.map((p) => p.name));

  const report: SetupReport = { created: [], repaired: [], skipped: [] };
  if (lists.notice) report.skipped.push({ sheet: lists.name, reason: lists.notice });
  const validation = listFormulas(options.lists, lists.name);
  queueListsSheet(lists.sheet, lists.existed, options.lists);
  queueAbout(context, about.isNullObject ? null : about, aboutUsed, options);

  for (const f of found) {
    if (f.header && f.body) {
      const { added, names } = queueRepairTable(f.table, f.layout, f.header.values[0] ?? [], f.body.rowCount);
      report.repaired.push({ sheet: f.layout.sheet, addedColumns: added });
      queueColumnRules(f.table, f.layout, names, validation);
      f.sheet.freezePanes.freezeRows(topLeftOf(f.header.address).row);
      continue;
    }
    const used = f.used && !f.used.isNullObject ? f.used : null;
    if (leftAlone(f)) {
      report.skipped.push({
        sheet: f.layout.sheet,
        reason: say('excel.sheetHoldsOther', { sheet: f.layout.sheet }),
      });
      continue;
    }
    const sheet = f.sheet.isNullObject ? worksheets.add(f.layout.sheet) : f.sheet;
    let table: Excel.Table;
    let names: ReadonlyMap<string, string> = new Map(f.layout.columns.map((c) => [c.header, c.header]));
    if (used) {
      // The user's own sheet with our headers (e.g. pasted from last year's file): make it a table.
      table = sheet.tables.add(used.address, true);
      table.name = f.layout.table;
      const repair = queueRepairTable(
        table,
        f.layout,
        used.values[0] ?? [],
        Math.max(used.values.length - 1, 1),
      );
      names = repair.names;
      report.repaired.push({ sheet: f.layout.sheet, addedColumns: repair.added });
      sheet.freezePanes.freezeRows(topLeftOf(used.address).row);
    } else {
      const headers = f.layout.columns.map((c) => c.header);
      sheet.getRange(blockAddress({ column: 0, row: 1 }, 1, headers.length)).values = [headers];
      table = sheet.tables.add(
        onSheet(f.layout.sheet, blockAddress({ column: 0, row: 1 }, 2, headers.length)),
        true,
      );
      table.name = f.layout.table;
      f.layout.columns.forEach((column, index) => {
        queueColumnFormat(table, column.header, column, 1);
        sheet.getRange(`${columnLetters(index)}:${columnLetters(index)}`).format.columnWidth =
          column.width * POINTS_PER_CHARACTER;
      });
      sheet.freezePanes.freezeRows(1);
      report.created.push(f.layout.sheet);
    }
    queueColumnRules(table, f.layout, names, validation);
  }
  await context.sync();
  return report;
}

/** A sheet without our table that holds something other than our headers: set-up leaves it alone. */
function leftAlone(f: Found): boolean {
  if (f.header || !f.used || f.used.isNullObject) return false;
  const firstRow = (f.used.values[0] ?? []).map((v) => normaliseHeader(String(v ?? '')));
  return !holdsLayoutHeaders(firstRow, f.layout);
}

/**
 * Sheets protected with Review › Protect Sheet: Excel refuses the add-in's changes to them, so the pane
 * changes nothing and names them.
 */
export class SheetsProtected extends Error {
  constructor(readonly sheets: readonly string[]) {
    const names = sheets.map((s) => `“${s}”`).join(', ');
    super(
      sheets.length === 1
        ? say('excel.sheetProtected', { sheet: names })
        : say('excel.sheetsProtected', { sheets: names }),
    );
    this.name = 'SheetsProtected';
  }
}

/** A sheet is ours to convert when its first row holds at least half of the layout's required headers. */
function holdsLayoutHeaders(firstRow: readonly string[], layout: SheetLayout): boolean {
  const required = layout.columns.filter((c) => c.required).map((c) => normaliseHeader(c.header));
  return required.filter((h) => firstRow.includes(h)).length * 2 >= required.length;
}

/**
 * Adds the layout's missing columns at the end (with their formats). Returns their headers, and each
 * layout header's name in this table: users may spell a header in their own case and spacing.
 */
function queueRepairTable(
  table: Excel.Table,
  layout: SheetLayout,
  headers: readonly unknown[],
  rows: number,
): { added: string[]; names: Map<string, string> } {
  const present = new Map(headers.map((h) => [normaliseHeader(String(h ?? '')), String(h ?? '')]));
  const names = new Map<string, string>();
  const added: string[] = [];
  for (const column of layout.columns) {
    const own = present.get(normaliseHeader(column.header));
    names.set(column.header, own ?? column.header);
    if (own !== undefined) continue;
    table.columns.add(undefined, undefined, column.header);
    queueColumnFormat(table, column.header, column, rows);
    added.push(column.header);
  }
  return { added, names };
}

function queueColumnFormat(table: Excel.Table, name: string, column: ColumnLayout, rows: number): void {
  if (!column.numberFormat) return;
  const format = column.numberFormat;
  table.columns.getItem(name).getDataBodyRange().numberFormat = Array.from({ length: rows }, () => [format]);
}

/**
 * Each layout column present gets its rule from shared/sheets' columnRule (the template's too): its
 * drop-down list or bounds, with Excel's answer to a value outside them, and its input prompt. The old
 * validation goes first, so a list that is empty now leaves no rule pointing at another list's column.
 */
function queueColumnRules(
  table: Excel.Table,
  layout: SheetLayout,
  names: ReadonlyMap<string, string>,
  validation: ReadonlyMap<ListSource, string>,
): void {
  for (const column of layout.columns) {
    const rule = columnRule(column, (source) => validation.get(source));
    if (!rule && !column.list) continue;
    const dv = table.columns
      .getItem(names.get(column.header) ?? column.header)
      .getDataBodyRange().dataValidation;
    dv.clear();
    const check = rule && excelRule(rule);
    if (check && rule.alert) {
      dv.rule = check;
      dv.errorAlert = {
        showAlert: true,
        style:
          rule.alert.style === 'stop'
            ? Excel.DataValidationAlertStyle.stop
            : Excel.DataValidationAlertStyle.warning,
        title: rule.alert.title,
        message: rule.alert.message,
      };
    }
    if (rule?.prompt) dv.prompt = { showPrompt: true, ...rule.prompt };
  }
}

function excelRule({ list, number }: NonNullable<ReturnType<typeof columnRule>>) {
  if (list !== undefined) return { list: { inCellDropDown: true, source: list } };
  if (number === undefined) return undefined;
  const bounds: Excel.BasicDataValidation =
    number.max === undefined
      ? { formula1: number.min, operator: Excel.DataValidationOperator.greaterThanOrEqualTo }
      : { formula1: number.min, formula2: number.max, operator: Excel.DataValidationOperator.between };
  return number.whole ? { wholeNumber: bounds } : { decimal: bounds };
}

/** About: label | value. Existing labels keep their place; missing ones are added below. */
function queueAbout(
  context: Excel.RequestContext,
  existing: Excel.Worksheet | null,
  used: Excel.Range | null,
  options: SetupOptions,
): void {
  const sheet = existing ?? context.workbook.worksheets.add(ABOUT_SHEET);
  const wanted: [string, string | number][] = [
    [ABOUT_LABELS.council, options.council],
    [ABOUT_LABELS.period, options.period],
    [ABOUT_LABELS.layoutVersion, LAYOUT_VERSION],
  ];
  const origin = used && !used.isNullObject ? topLeftOf(used.address) : { column: 0, row: 1 };
  const labels =
    used && !used.isNullObject ? used.values.map((r) => normaliseHeader(String(r[0] ?? ''))) : [];
  let nextRow = origin.row + labels.length;
  for (const [label, value] of wanted) {
    const at = labels.indexOf(normaliseHeader(label));
    const row = at >= 0 ? origin.row + at : nextRow++;
    const cells = sheet.getRange(blockAddress({ column: origin.column, row }, 1, 2));
    cells.numberFormat = [[TEXT_FORMAT, typeof value === 'number' ? 'General' : TEXT_FORMAT]];
    cells.values = [[label, value]];
  }
  sheet.getRange(`${columnLetters(origin.column)}:${columnLetters(origin.column)}`).format.columnWidth =
    16 * POINTS_PER_CHARACTER;
  sheet.getRange(
    `${columnLetters(origin.column + 1)}:${columnLetters(origin.column + 1)}`,
  ).format.columnWidth = 24 * POINTS_PER_CHARACTER;
}
