// Reads one worksheet's cells into a grid, from its tokens (worksheet-tokens.ts), each told here once
// the sheet's checks have passed it: each value as Excel shows it (a formula's cached result of whatever
// type, text unescaped once, rich-text runs joined without phonetic readings, a number formatted as a
// percentage as the caller's rule gives it; test/server/workbook/workbook-reader.test.ts lists where that
// differs from what exceljs 4.4.0's streaming reader gave), and the grid bounded as it grows: rows with
// data, cells kept, and the length of each cell's text.
import { columnLetter, cellAt, columnOf, EXCEL_COLUMNS } from '../cell-ref.js';
import { damaged, WorkbookRejected } from './rejected.js';
import { unescapeText } from './shared-strings.js';
import type { CellFormats, NumberShown } from './styles.js';
import type { SheetEvents, ValueElement } from './worksheet-tokens.js';
import type { Attributes } from './xml-guard.js';

/** A sheet's cells: values[0] is Excel row `firstRow`. */
export interface SheetGrid {
  values: unknown[][];
  firstRow?: number;
}

export interface SheetLimits {
  maxRowsPerSheet: number;
  maxCellChars: number;
  /** Cells kept, blanks inside the used width included: bounds memory when a cell sits far right. */
  maxCells: number;
}

/** The value a number shown as a percentage (`0%`, `0.00%`, ...) is read as. */
export type PercentValue = (n: number) => string | number;

/** What the sheet's cells refer to: the shared strings, the cell formats and the date system. */
export interface SheetContext {
  sharedStrings: readonly string[] | undefined;
  formats: CellFormats;
  date1904: boolean;
  percentValue: PercentValue;
}

const count = (n: number): string => n.toLocaleString('en-GB');

/** Rows between those with data are blank; they share one empty row. */
const BLANK_ROW: unknown[] = [];

/** A cell's value kept while its row is read: '' for a blank (or not yet given) value. */
type GridValue = number | string | boolean | Date;

export class SheetReader implements SheetEvents {
  private readonly values: unknown[][] = [];
  private rowsWithData = 0;
  private cellCount = 0;

  /** The row being read, its number, and how its format shows numbers. */
  private rowNumber = 0;
  private rowShows: NumberShown = 'number';
  /** The row's cells in the order first met: column, value, and how its format shows numbers. */
  private readonly columns: number[] = [];
  private readonly cellValues: GridValue[] = [];
  private readonly cellShows: NumberShown[] = [];
  /** Per column, where its cell is in the lists above, plus one (0: none yet). */
  private readonly slot = new Int32Array(EXCEL_COLUMNS + 1);
  private inOrder = true;

  /** The cell being read. */
  private ref = '';
  private style = 0;
  private type: string | undefined;
  /** The cell's text: its `<v>`, or its inline string's runs; undefined until either is met. */
  private value: string | undefined;
  /** The text of the `<v>` or `<t>` being read; undefined outside them. */
  private run: string | undefined;

  constructor(
    private readonly name: string,
    private readonly limits: SheetLimits,
    private readonly context: SheetContext,
  ) {}

  /** The grid read: values[0] is row 1. */
  grid(): SheetGrid {
    return { values: this.values, firstRow: 1 };
  }

  row(attributes: Attributes): void {
    // A row inside a row replaces it: the outer one's cells so far are not kept.
    this.clearRow();
    this.rowNumber = parseInt(attributes['r']!, 10);
    this.rowShows = 'number';
    const style = attributes['s'];
    if (style) this.rowShows = this.context.formats.shows(parseInt(style, 10)) ?? 'number';
  }

  /** An end of row with no row open (one that ended inside another) is damage exceljs could not read. */
  strayRowEnd(): void {
    throw damaged();
  }

  cell(attributes: Attributes): void {
    this.ref = attributes['r']!;
    this.style = parseInt(attributes['s']!, 10);
    this.type = attributes['t'];
    this.value = undefined;
    this.run = undefined;
  }

  inlineString(): void {
    // An inline string: its runs (or its one <t>) are joined.
    this.value = '';
  }

  valueStart(): void {
    // The last <v> of a cell is its value.
    this.run = '';
  }

  valueText(text: string): void {
    if (this.run !== undefined) this.run += text;
  }

  valueEnd(element: ValueElement): void {
    if (this.run === undefined) return;
    if (element === 'v') {
      const isText = this.type === 'str' || this.type === 'inlineStr';
      this.value = isText ? unescapeText(this.run) : this.run;
    } else {
      this.value = (this.value ?? '') + unescapeText(this.run);
    }
    this.run = undefined;
  }

  cellEnd(): void {
    this.run = undefined;
    const column = columnOf(cellAt(this.ref));
    let at = this.slot[column]! - 1;
    if (at < 0) {
      at = this.columns.length;
      if (at > 0 && column < this.columns[at - 1]!) this.inOrder = false;
      this.columns.push(column);
      this.cellValues.push('');
      this.cellShows.push(this.rowShows);
      this.slot[column] = at + 1;
    }
    if (this.style) {
      const shows = this.context.formats.shows(this.style);
      if (shows !== undefined) this.cellShows[at] = shows;
    }
    // A formula's cached result is read as any other value of its type; a cell written twice keeps the
    // later value, unless that has none.
    if (this.value !== undefined) this.cellValues[at] = this.cellValue(this.value, this.cellShows[at]!);
  }

  private cellValue(text: string, shows: NumberShown): GridValue {
    switch (this.type) {
      case 's':
        return this.context.sharedStrings?.[parseInt(text, 10)] ?? '';
      case 'inlineStr':
      case 'str':
      case 'e':
        return text;
      case 'b':
        return parseInt(text, 10) !== 0;
      default: {
        const n = parseFloat(text);
        if (!Number.isFinite(n)) return '';
        if (shows === 'percent') return this.context.percentValue(n);
        if (shows === 'number') return n;
        // Excel's serial day number, counted as exceljs counts it (the same rounding).
        const offset = this.context.date1904 ? 1462 : 0;
        const date = new Date(Math.round((n - 25_569 + offset) * 24 * 3600 * 1000));
        return Number.isNaN(date.getTime()) ? '' : date;
      }
    }
  }

  rowEnd(): void {
    const cells = this.rowCells();
    this.clearRow();
    if (cells.length > 0) this.keepRow(cells);
  }

  /** The row's cells as the grid keeps them: in column order, blanks between, none after the last. */
  private rowCells(): unknown[] {
    const { columns, cellValues } = this;
    let order: number[] | undefined;
    if (!this.inOrder) {
      order = columns.map((_, i) => i);
      order.sort((a, b) => columns[a]! - columns[b]!);
    }
    const cells: unknown[] = [];
    const { maxCellChars } = this.limits;
    for (let k = 0; k < columns.length; k++) {
      const i = order ? order[k]! : k;
      const value = cellValues[i]!;
      if (value === '') continue;
      const column = columns[i]!;
      if (typeof value === 'string' && value.length > maxCellChars) {
        const letter = columnLetter(column);
        throw new WorkbookRejected(
          'cell-too-long',
          422,
          `Sheet ${this.name}, cell ${letter}${this.rowNumber} holds ${count(value.length)} characters; Excel allows at most ${count(maxCellChars)} in one cell.`,
          { sheet: this.name, row: this.rowNumber, column: letter },
        );
      }
      while (cells.length < column - 1) cells.push('');
      cells.push(value);
    }
    return cells;
  }

  private clearRow(): void {
    for (const column of this.columns) this.slot[column] = 0;
    this.columns.length = 0;
    this.cellValues.length = 0;
    this.cellShows.length = 0;
    this.inOrder = true;
  }

  private keepRow(cells: unknown[]): void {
    const { name, limits, values } = this;
    this.rowsWithData += 1;
    if (this.rowsWithData > limits.maxRowsPerSheet) {
      throw new WorkbookRejected(
        'too-many-rows',
        413,
        `Sheet ${name} has more than ${count(limits.maxRowsPerSheet)} rows with data, more than a return may hold.`,
        { sheet: name },
      );
    }
    while (values.length < this.rowNumber - 1) {
      values.push(BLANK_ROW);
      this.cellCount += 1;
    }
    values.push(cells);
    this.cellCount += cells.length;
    if (this.cellCount > limits.maxCells) {
      throw new WorkbookRejected(
        'too-many-cells',
        413,
        `Sheet ${name} spans more than ${count(limits.maxCells)} cells; delete unused rows and columns and try again.`,
        { sheet: name },
      );
    }
  }
}
