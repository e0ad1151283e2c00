// The in-memory workbook behind the fake office.js: sheets of cells (value, number format, fill),
// tables, data validation, conditional formats, charts and settings, with Excel's rules for what a
// typed or written value becomes.

export type CellValue = string | number | boolean;

export interface Cell {
  value: CellValue;
  numberFormat: string;
  fill?: string;
  /** Set when a string starting with = was written without the text prefix: Excel made it a formula. */
  formula?: string;
}

export interface Rect {
  r0: number; // 0-based, inclusive
  c0: number;
  r1: number;
  c1: number;
}

export interface Table {
  name: string;
  sheet: Sheet;
  rect: Rect; // header row included
}

export interface RangeRule {
  rect: Rect;
  rule: unknown;
  errorAlert?: unknown;
}

export interface ConditionalFormat {
  rect: Rect;
  type: string;
  rule?: unknown;
  fill?: string;
  font?: { color?: string; bold?: boolean };
}

/** Cells on a sheet, as a chart's series refers to them; `broken` once Excel would show #REF!. */
export interface SheetRange {
  sheet: Sheet;
  rect: Rect;
  broken?: boolean;
}

export interface ChartSeries {
  /** The series' own name, used when `nameRef` is absent. */
  name: string;
  /** The header cell the name is read from, when Excel took it from the source data. */
  nameRef?: SheetRange;
  values?: SheetRange;
  xValues?: SheetRange;
  fill?: string;
  lineColor?: string;
  lineStyle?: string;
}

export interface Chart {
  name: string;
  type: string;
  /** The range given to charts.add (or setData), as an address. */
  source: string;
  /** How the series were read from it: Columns or Rows (Auto resolved). */
  seriesBy: string;
  title: string;
  /** The cells the chart covers after setPosition: its top-left cell and, if given, its bottom-right. */
  position?: { from: string; to?: string };
  series: ChartSeries[];
  /** Number formats set on the axes (Excel otherwise follows the source cells' formats). */
  axisFormats: { value?: string; category?: string };
}

export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  visibility: string;
  frozenRows: number;
  columnWidths: Map<number, number>;
  validations: RangeRule[];
  conditionalFormats: ConditionalFormat[];
  charts: Chart[];
  /** Charts ever added to the sheet: Excel names a new one "Chart N" and never reuses an N. */
  chartsAdded: number;
}

export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const key = (r: number, c: number): string => `${r},${c}`;

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** `A1`, `A1:C3`, `C:C`, `2:4`, with or without a sheet and `$` signs. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let local = address;
  let sheet: string | undefined;
  const bang = address.lastIndexOf('!');
  if (bang >= 0) {
    sheet = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    local = address.slice(bang + 1);
  }
  const parts = local.replace(/\$/g, '').split(':');
  const parse = (part: string, end: boolean): { r: number; c: number } => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[2]))
      throw new ExcelError('InvalidArgument', `The address ${address} is not valid.`);
    const c = m[1] ? columnNumber(m[1]) : end ? MAX_COLUMNS - 1 : 0;
    const r = m[2] ? Number(m[2]) - 1 : end ? MAX_ROWS - 1 : 0;
    return { r, c };
  };
  const a = parse(parts[0] ?? '', false);
  const b = parts[1] ? parse(parts[1], true) : a;
  return { ...(sheet ? { sheet } : {}), rect: { r0: a.r, c0: a.c, r1: b.r, c1: b.c } };
}

export function formatAddress(sheet: string | undefined, rect: Rect): string {
  const first = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
  const last = `${columnLetters(rect.c1)}${rect.r1 + 1}`;
  const local = first === last ? first : `${first}:${last}`;
  if (!sheet) return local;
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${local}`;
}

const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const POUNDS = /^(-)?£(-)?(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?$/;
const PERCENT = /^(-?\d+(?:\.\d+)?)%$/;
const SCIENTIFIC = /^-?\d+(\.\d+)?e[+-]?\d+$/i;
const BOOLEAN = /^(true|false)$/i;

/** What Excel makes of text typed into a General cell that reads as a number: value and format. */
function typedNumber(text: string): { value: number; format: string } | undefined {
  const plain = (digits: string) => Number(digits.replace(/,/g, ''));
  if (THOUSANDS.test(text)) return { value: plain(text), format: text.includes('.') ? '#,##0.00' : '#,##0' };
  const pounds = POUNDS.exec(text);
  if (pounds) {
    const sign = pounds[1] || pounds[2] ? -1 : 1;
    return {
      value: sign * plain(`${pounds[3]}${pounds[4] ?? ''}`),
      format: pounds[4] ? '£#,##0.00' : '£#,##0',
    };
  }
  const percent = PERCENT.exec(text);
  if (percent) return { value: Number(percent[1]) / 100, format: percent[1]!.includes('.') ? '0.00%' : '0%' };
  if (SCIENTIFIC.test(text)) return { value: Number(text), format: '0.00E+00' };
  return undefined;
}

/** `name`, or `name2`, `name3`… — the first that `taken` (lower case) does not hold, as Excel numbers headers. */
function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name}${n}`.toLowerCase())) return `${name}${n}`;
}

export function dateSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export class Workbook {
  readonly sheets: Sheet[] = [];
  readonly tables: Table[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet?: string;
  selection?: string;
  /** Opened read-only (View mode): Excel refuses every change with AccessDenied. */
  readOnly = false;
  /** Round trips made (context.sync calls), and the size of the biggest request. */
  syncCount = 0;
  largestRequestBytes = 0;
  largestResponseBytes = 0;
  /** Answers refused for their size (ResponsePayloadSizeLimitExceeded). */
  refusedAnswers = 0;
  /** Round trips that ran with calculation suspended (suspendApiCalculationUntilNextSync). */
  suspendedSyncs = 0;

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
    if (this.sheet(name)) throw new ExcelError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    if (name.length > 31 || /[\\/?*[\]:]/.test(name))
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
    };
    this.sheets.push(sheet);
    return sheet;
  }

  table(name: string): Table | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
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
    while (this.table(`Table${n}`)) n++;
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
  }

  headers(table: Table): string[] {
    return this.values(table.sheet, { ...table.rect, r1: table.rect.r0 })[0]!.map(String);
  }

  /** Appends rows below a table; formats, validation and conditional formats follow the last row. */
  addTableRows(table: Table, rows: unknown[][]): void {
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

  addTableColumn(table: Table, name: string): void {
    const c = table.rect.c1 + 1;
    if (this.tables.some((t) => t !== table && t.sheet === table.sheet && t.rect.c0 <= c && t.rect.c1 >= c))
      throw new ExcelError('InvalidOperation', 'The new column would overlap another table.');
    const taken = new Set(this.headers(table).map((h) => h.toLowerCase()));
    this.write(table.sheet, table.rect.r0, c, `'${uniqueName(name, taken)}`);
    table.rect.c1 = c;
  }

  /** Range.delete(Up): removes the cells and moves those below up; tables over those rows shrink. */
  deleteUp(sheet: Sheet, rect: Rect): void {
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
