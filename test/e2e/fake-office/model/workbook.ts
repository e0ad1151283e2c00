// The in-memory workbook behind the fake office.js: sheets of cells (value, number format, fill),
// tables, data validation, conditional formats, charts and settings, with Excel's rules for what a
// typed or written value becomes.

import { key, MAX_COLUMNS, MAX_ROWS, overlaps } from './addresses.js';
import type { Cell, CellValue, ChartSeries, Rect, Sheet, SheetRange, Table } from './types.js';
import { ExcelError } from './types.js';
import {
  BOOLEAN,
  dateSerial,
  ISO_DATE,
  ISO_MONTH,
  NUMBER,
  typedNumber,
  UK_DATE,
  uniqueName,
} from './typed-values.js';

export class Workbook {
  readonly sheets: Sheet[] = [];
  readonly tables: Table[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet?: string;
  selection?: string;
  /** Opened read-only (View mode): Excel refuses every change with AccessDenied. */
  readOnly = false;
  /** The newest ExcelApi requirement set this Excel has: a newer member fails with ApiNotFound. */
  excelApi = '1.12';
  /** Round trips made (context.sync calls), and the size of the biggest request. */
  syncCount = 0;
  largestRequestBytes = 0;
  largestResponseBytes = 0;
  /** Answers refused for their size (ResponsePayloadSizeLimitExceeded). */
  refusedAnswers = 0;
  /** Round trips that ran with calculation suspended (suspendApiCalculationUntilNextSync). */
  suspendedSyncs = 0;
  /**
   * The user is typing in a cell: Excel answers every request with InvalidOperationInCellEditMode
   * ("Application-specific API error handling"; office-js #625, #856, #3020).
   */
  cellEditMode = false;
  /** Review › Protect Workbook: sheets cannot be added, renamed or hidden (office-js #6784). */
  structureProtected = false;
  /** Defined names (Formulas › Name Manager), lower case: tables share their namespace. */
  readonly names = new Set<string>();

  /** A new workbook, as Excel opens one: a blank Sheet1, active. */
  constructor(firstSheet = 'Sheet1') {
    this.addSheet(firstSheet);
    this.activeSheet = firstSheet;
  }

  /** The active sheet: where Office.js reads an address that names no sheet. */
  active(): Sheet {
    return (this.activeSheet ? this.sheet(this.activeSheet) : undefined) ?? this.sheets[0]!;
  }

  sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  requireSheet(name: string): Sheet {
    const s = this.sheet(name);
    if (!s) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: worksheet ${name}.`);
    return s;
  }

  addSheet(name: string): Sheet {
    if (this.structureProtected)
      throw new ExcelError('AccessDenied', 'You cannot perform the requested operation.');
    if (this.sheet(name)) throw new ExcelError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    // Worksheet.name reference: at most 31 characters, not blank, none of []:*?/\, no leading or
    // trailing apostrophe, and not "History" (Excel keeps that name for itself).
    if (
      name.trim().length === 0 ||
      name.length > 31 ||
      /[\\/?*[\]:]/.test(name) ||
      /^'|'$/.test(name) ||
      name.toLowerCase() === 'history'
    )
      throw new ExcelError('InvalidArgument', `${name} is not a valid sheet name.`);
    const sheet: Sheet = {
      name,
      cells: new Map(),
      visibility: 'Visible',
      frozenRows: 0,
      columnWidths: new Map(),
      validations: [],
      conditionalFormats: [],
      charts: [],
      chartsAdded: 0,
      protected: false,
      merged: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  table(name: string): Table | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Refuses a change to `rect`'s cells as Excel does: a protected sheet refuses it (AccessDenied);
   * writing or deleting cells of a filtered table throws FilteredRangeConflict until its filters are
   * cleared ("Application-specific API error handling"; office-js #224, #994, #468).
   */
  guardChange(sheet: Sheet, rect: Rect, kind: 'cells' | 'format'): void {
    if (sheet.protected) throw new ExcelError('AccessDenied', 'You cannot perform the requested operation.');
    if (kind !== 'cells') return;
    const filtered = this.tables.find((t) => t.sheet === sheet && t.filtered && overlaps(t.rect, rect));
    if (filtered)
      throw new ExcelError(
        'FilteredRangeConflict',
        `The operation can't be completed because the table ${filtered.name} is filtered.`,
      );
  }

  cell(sheet: Sheet, r: number, c: number): Cell | undefined {
    return sheet.cells.get(key(r, c));
  }

  private ensure(sheet: Sheet, r: number, c: number): Cell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = { value: '', numberFormat: 'General' };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }

  /** What Excel stores when a value is written (or typed) into a cell with the cell's format. */
  write(sheet: Sheet, r: number, c: number, value: unknown): void {
    if (value === null || value === undefined) return; // Office.js: null leaves the cell unchanged
    const cell = this.ensure(sheet, r, c);
    delete cell.formula;
    if (typeof value === 'number' || typeof value === 'boolean') {
      cell.value = value;
      return;
    }
    if (typeof value !== 'string')
      throw new ExcelError('InvalidArgument', `A cell value must be a string, number or boolean.`);
    if (value.startsWith("'")) {
      cell.value = value.slice(1);
      return;
    }
    if (cell.numberFormat === '@') {
      cell.value = value;
      return;
    }
    if (value.startsWith('=')) {
      cell.formula = value;
      cell.value = '#NAME?';
      return;
    }
    const trimmed = value.trim();
    if (NUMBER.test(trimmed)) {
      cell.value = Number(trimmed);
      return;
    }
    if (BOOLEAN.test(trimmed)) {
      cell.value = trimmed.toUpperCase() === 'TRUE';
      return;
    }
    const typed = typedNumber(trimmed);
    if (typed) {
      cell.value = typed.value;
      if (cell.numberFormat === 'General') cell.numberFormat = typed.format;
      return;
    }
    // Text starting + or - that is not a number is a formula, as text starting = is (Range.values
    // reference: "a string starting with =, + or - is treated as a formula"), e.g. "- see notes".
    if (/^[+-]/.test(trimmed)) {
      cell.formula = `=${trimmed}`;
      cell.value = '#NAME?';
      return;
    }
    const month = ISO_MONTH.exec(trimmed);
    const iso = ISO_DATE.exec(trimmed);
    const uk = UK_DATE.exec(trimmed);
    if (month || iso || uk) {
      cell.value = month
        ? dateSerial(Number(month[1]), Number(month[2]), 1)
        : iso
          ? dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]))
          : dateSerial(Number(uk![3]), Number(uk![2]), Number(uk![1]));
      if (cell.numberFormat === 'General') cell.numberFormat = month ? 'mmm-yy' : 'dd/mm/yyyy';
      return;
    }
    cell.value = value;
  }

  setFormat(sheet: Sheet, r: number, c: number, format: unknown): void {
    if (format === null || format === undefined) return;
    this.ensure(sheet, r, c).numberFormat = String(format);
  }

  setFill(sheet: Sheet, rect: Rect, fill: string | undefined): void {
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) {
        if (fill === undefined) {
          const cell = this.cell(sheet, r, c);
          if (cell) delete cell.fill;
        } else this.ensure(sheet, r, c).fill = fill;
      }
  }

  clearContents(sheet: Sheet, rect: Rect): void {
    this.guardChange(sheet, rect, 'cells');
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) {
        cell.value = '';
        delete cell.formula;
      }
    }
  }

  /** The bounding box of the cells holding values, or undefined for an empty sheet. */
  usedRect(sheet: Sheet): Rect | undefined {
    let rect: Rect | undefined;
    for (const [k, cell] of sheet.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      rect = rect
        ? {
            r0: Math.min(rect.r0, r),
            c0: Math.min(rect.c0, c),
            r1: Math.max(rect.r1, r),
            c1: Math.max(rect.c1, c),
          }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    for (const t of this.tables.filter((t) => t.sheet === sheet)) {
      rect = rect
        ? {
            r0: Math.min(rect.r0, t.rect.r0),
            c0: Math.min(rect.c0, t.rect.c0),
            r1: Math.max(rect.r1, t.rect.r1),
            c1: Math.max(rect.c1, t.rect.c1),
          }
        : { ...t.rect };
    }
    return rect;
  }

  values(sheet: Sheet, rect: Rect): CellValue[][] {
    const rows: CellValue[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: CellValue[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.cell(sheet, r, c)?.value ?? '');
      rows.push(row);
    }
    return rows;
  }

  formats(sheet: Sheet, rect: Rect): string[][] {
    const rows: string[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: string[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.cell(sheet, r, c)?.numberFormat ?? 'General');
      rows.push(row);
    }
    return rows;
  }

  addTable(sheet: Sheet, rect: Rect, hasHeaders: boolean): Table {
    this.guardChange(sheet, rect, 'format');
    // TableCollection.add reference: a table cannot be made over merged cells.
    if (sheet.merged.some((m) => overlaps(m, rect)))
      throw new ExcelError('MergedRangeConflict', 'A table cannot be created over merged cells.');
    for (const t of this.tables)
      if (
        t.sheet === sheet &&
        !(rect.r1 < t.rect.r0 || rect.r0 > t.rect.r1 || rect.c1 < t.rect.c0 || rect.c0 > t.rect.c1)
      )
        throw new ExcelError('InvalidOperation', 'A table cannot overlap another table.');
    if (!hasHeaders) throw new ExcelError('NotImplemented', 'The fake only makes tables with headers.');
    const body = { ...rect };
    if (body.r1 === body.r0) body.r1 += 1; // a table always has a data row
    // Excel's headers are unique text: a blank one becomes ColumnN, a repeated one gets a number
    // (Notes, Notes2), numbers and booleans become their text.
    const seen = new Set<string>();
    for (let c = rect.c0; c <= rect.c1; c++) {
      const header = this.cell(sheet, rect.r0, c)?.value;
      const text = header === undefined || header === '' ? `Column${c - rect.c0 + 1}` : String(header);
      const unique = uniqueName(text, seen);
      seen.add(unique.toLowerCase());
      if (unique !== header) this.write(sheet, rect.r0, c, `'${unique}`);
    }
    let n = 1;
    while (this.table(`Table${n}`) || this.names.has(`table${n}`)) n++;
    const table: Table = { name: `Table${n}`, sheet, rect: body };
    this.tables.push(table);
    return table;
  }

  /** Excel's rules for a table's name; throws InvalidArgument, as Excel does, for a name it refuses. */
  checkTableName(name: string, table?: Table): void {
    const cellLike =
      /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name);
    if (name.length === 0 || name.length > 255 || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || cellLike)
      throw new ExcelError('InvalidArgument', `The table name "${name}" isn't valid.`);
    const other = this.table(name);
    if (other && other !== table)
      throw new ExcelError('InvalidArgument', `A table named ${name} already exists.`);
    // Tables and defined names share one namespace.
    if (this.names.has(name.toLowerCase()))
      throw new ExcelError('InvalidArgument', `The name ${name} is already used by a defined name.`);
  }

  headers(table: Table): string[] {
    return this.values(table.sheet, { ...table.rect, r1: table.rect.r0 })[0]!.map(String);
  }

  /** Appends rows below a table; formats, validation and conditional formats follow the last row. */
  addTableRows(table: Table, rows: unknown[][]): void {
    this.guardChange(table.sheet, table.rect, 'cells');
    const width = table.rect.c1 - table.rect.c0 + 1;
    const last = table.rect.r1;
    for (const [i, row] of rows.entries()) {
      if (row.length !== width)
        throw new ExcelError('InvalidArgument', `Each row must have ${width} values; one has ${row.length}.`);
      const r = last + 1 + i;
      for (let j = 0; j < width; j++) {
        const c = table.rect.c0 + j;
        const above = this.cell(table.sheet, last, c);
        if (above) this.setFormat(table.sheet, r, c, above.numberFormat);
        if (row[j] === null)
          throw new ExcelError('InvalidArgument', 'Rows added to a table cannot hold null.');
        this.write(table.sheet, r, c, row[j]);
      }
    }
    this.extendTable(table, rows.length);
  }

  /**
   * A table grows by `rows` at the bottom (rows added, or typed just below it): data validation,
   * conditional formats and chart series over its last row grow with it, as Excel's do.
   */
  extendTable(table: Table, rows: number): void {
    const oldBottom = table.rect.r1;
    table.rect.r1 += rows;
    const within = (rect: Rect) =>
      rect.r1 === oldBottom && rect.c0 >= table.rect.c0 && rect.c1 <= table.rect.c1;
    for (const list of [table.sheet.validations, table.sheet.conditionalFormats])
      for (const entry of list) if (within(entry.rect)) entry.rect.r1 += rows;
    for (const ref of this.chartRefs())
      if (ref.sheet === table.sheet && !ref.broken && within(ref.rect)) ref.rect.r1 += rows;
  }

  /** Every range a chart's series refers to, on any sheet. */
  private *chartRefs(): Generator<SheetRange> {
    for (const sheet of this.sheets)
      for (const chart of sheet.charts)
        for (const series of chart.series)
          for (const ref of [series.nameRef, series.values, series.xValues]) if (ref) yield ref;
  }

  /**
   * The series Excel makes of a chart's source data (Insert Chart's rules): by columns when the range
   * has more rows than columns (Auto), each column a series; the first row names the series when its
   * cells are text, the first column gives the categories when its cells are text, and a blank top-left
   * cell makes both labels. Numbers in the first column (years, dates) are a series of their own.
   */
  seriesFromSource(source: SheetRange, seriesBy: string): { seriesBy: string; series: ChartSeries[] } {
    const { sheet, rect } = source;
    const height = rect.r1 - rect.r0 + 1;
    const width = rect.c1 - rect.c0 + 1;
    const by = seriesBy === 'Auto' ? (height > width ? 'Columns' : 'Rows') : seriesBy;
    // Read by columns; by rows is the same with rows and columns swapped.
    const across = by === 'Columns';
    const lines = across ? width : height;
    const length = across ? height : width;
    const at = (line: number, i: number) =>
      across ? this.cell(sheet, rect.r0 + i, rect.c0 + line) : this.cell(sheet, rect.r0 + line, rect.c0 + i);
    const isText = (cell: Cell | undefined) => typeof cell?.value === 'string' && cell.value !== '';
    const isBlank = (cell: Cell | undefined) => cell === undefined || cell.value === '';
    const cornerBlank = isBlank(at(0, 0)) && lines > 1 && length > 1;
    const every = (count: number, test: (k: number) => boolean) =>
      Array.from({ length: count }, (_, k) => k).every(test);
    // The first row names the series when its cells right of the corner (or its one cell) are text.
    const named =
      length > 1 &&
      (cornerBlank || (lines === 1 ? isText(at(0, 0)) : every(lines - 1, (k) => isText(at(k + 1, 0)))));
    const first = named ? 1 : 0;
    const labelled = lines > 1 && (cornerBlank || every(length - first, (k) => isText(at(0, first + k))));
    const ref = (line: number, from: number, to: number): SheetRange => ({
      sheet,
      rect: across
        ? { r0: rect.r0 + from, c0: rect.c0 + line, r1: rect.r0 + to, c1: rect.c0 + line }
        : { r0: rect.r0 + line, c0: rect.c0 + from, r1: rect.r0 + line, c1: rect.c0 + to },
    });
    const series: ChartSeries[] = [];
    for (let line = labelled ? 1 : 0; line < lines; line++) {
      const s: ChartSeries = {
        name: named ? String(at(line, 0)?.value ?? '') : `Series${series.length + 1}`,
        values: ref(line, first, length - 1),
      };
      if (named) s.nameRef = ref(line, 0, 0);
      if (labelled) s.xValues = ref(0, first, length - 1);
      series.push(s);
    }
    return { seriesBy: by, series };
  }

  /** What a series shows now: the cells it refers to, read live, row by row. */
  readRange(ref: SheetRange | undefined): CellValue[] {
    if (!ref) return [];
    if (ref.broken) return ['#REF!'];
    return this.values(ref.sheet, ref.rect).flat();
  }

  /**
   * A column added at a table's right: Excel inserts cells there, moving what is to the right of the
   * table (in its rows) one column right. It fails when that would push a value off the sheet
   * (NonBlankCellOffSheet) or cut through another table or merged cells (InsertDeleteConflict)
   * (TableColumnCollection.add reference; office-js #2093, #5909).
   */
  addTableColumn(table: Table, name: string): void {
    const sheet = table.sheet;
    this.guardChange(sheet, table.rect, 'cells');
    const c = table.rect.c1 + 1;
    const rows = { r0: table.rect.r0, r1: table.rect.r1 };
    const shifted = { ...rows, c0: c, c1: MAX_COLUMNS - 1 };
    const cuts = (r: Rect) => overlaps(r, shifted) && (r.r0 < rows.r0 || r.r1 > rows.r1);
    if (this.tables.some((t) => t !== table && t.sheet === sheet && cuts(t.rect)) || sheet.merged.some(cuts))
      throw new ExcelError('InsertDeleteConflict', 'The insert would move part of a table or merged cells.');
    for (let r = rows.r0; r <= rows.r1; r++) {
      const last = this.cell(sheet, r, MAX_COLUMNS - 1);
      if (last && (last.value !== '' || last.formula))
        throw new ExcelError('NonBlankCellOffSheet', 'The insert would push non-blank cells off the sheet.');
    }
    const moved = new Map<string, Cell>();
    for (const [k, cell] of sheet.cells) {
      const [r, col] = k.split(',').map(Number) as [number, number];
      moved.set(r >= rows.r0 && r <= rows.r1 && col >= c ? key(r, col + 1) : k, cell);
    }
    sheet.cells.clear();
    for (const [k, cell] of moved) sheet.cells.set(k, cell);
    for (const t of this.tables)
      if (t !== table && t.sheet === sheet && overlaps(t.rect, shifted)) {
        t.rect.c0 += 1;
        t.rect.c1 += 1;
      }
    const taken = new Set(this.headers(table).map((h) => h.toLowerCase()));
    this.write(table.sheet, table.rect.r0, c, `'${uniqueName(name, taken)}`);
    table.rect.c1 = c;
  }

  /** Range.delete(Up): removes the cells and moves those below up; tables over those rows shrink. */
  deleteUp(sheet: Sheet, rect: Rect): void {
    this.guardChange(sheet, rect, 'cells');
    // Cells move up under the deleted ones: Excel refuses when that would move part of a table or of
    // merged cells (InsertDeleteConflict; "Application-specific API error handling" error list).
    const moving = { r0: rect.r0, c0: rect.c0, r1: MAX_ROWS - 1, c1: rect.c1 };
    const cut = (r: Rect) => overlaps(r, moving) && (r.c0 < rect.c0 || r.c1 > rect.c1);
    if (this.tables.some((t) => t.sheet === sheet && cut(t.rect)) || sheet.merged.some(cut))
      throw new ExcelError('InsertDeleteConflict', 'The delete would move part of a table or merged cells.');
    const height = rect.r1 - rect.r0 + 1;
    const moved = new Map<string, Cell>();
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      if (c < rect.c0 || c > rect.c1 || r < rect.r0) moved.set(k, cell);
      else if (r > rect.r1) moved.set(key(r - height, c), cell);
    }
    sheet.cells.clear();
    for (const [k, cell] of moved) sheet.cells.set(k, cell);
    // A chart's reference within the columns moves up with its cells, shrinks by the rows deleted
    // from it, and breaks (#REF!) when all its cells go.
    for (const ref of this.chartRefs()) {
      const r = ref.rect;
      if (ref.sheet !== sheet || ref.broken || r.c0 < rect.c0 || r.c1 > rect.c1 || r.r1 < rect.r0) continue;
      const above = Math.max(0, Math.min(rect.r1, r.r0 - 1) - rect.r0 + 1);
      const inside = Math.max(0, Math.min(rect.r1, r.r1) - Math.max(rect.r0, r.r0) + 1);
      if (inside === r.r1 - r.r0 + 1) ref.broken = true;
      else ref.rect = { ...r, r0: r.r0 - above, r1: r.r1 - above - inside };
    }
    for (const t of this.tables.filter((t) => t.sheet === sheet)) {
      if (t.rect.c0 < rect.c0 || t.rect.c1 > rect.c1) continue;
      if (rect.r0 > t.rect.r0 && rect.r1 <= t.rect.r1) t.rect.r1 -= height;
      else if (rect.r0 > t.rect.r1) continue;
      else if (rect.r1 < t.rect.r0) {
        t.rect.r0 -= height;
        t.rect.r1 -= height;
      }
    }
  }
}
