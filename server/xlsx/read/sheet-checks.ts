// The checks on a worksheet's tokens (worksheet-tokens.ts), made before its reader sees each one: every
// number a reader could be made to size something from (row numbers, cell references, the dimension,
// row spans, column ranges, style and shared-string indexes) within Excel's own limits and the workbook's
// own parts, and no cell longer than Excel allows. A refusal names the sheet and cell.
import { cellAt, columnLetter, columnOf, EXCEL_COLUMNS, EXCEL_ROWS, rowOf } from '../cell-ref.js';
import { badWorkbook, WorkbookRejected } from './rejected.js';
import type { SheetEvents } from './worksheet-tokens.js';
import type { Attributes } from './xml-guard.js';

/** Excel's limit on the cell formats of one workbook. */
const EXCEL_CELL_FORMATS = 65_490;

/** What a worksheet's cells may point at. */
export interface SheetFacts {
  name: string;
  /** Strings in the shared-strings part. */
  sharedStrings: number;
  maxCellChars: number;
}

const count = (n: number): string => n.toLocaleString('en-GB');

/** The cell being read: where it is, and what its value text comes to so far. */
interface CellInProgress {
  ref: string;
  row: number;
  column: number;
  sharedString: boolean;
  chars: number;
  value: string;
}

export class SheetChecks implements SheetEvents {
  private readonly name: string;
  private readonly inSheet: string;
  private readonly sharedStrings: number;
  private readonly maxCellChars: number;
  /** The open row's number (the tokens tell a cell only inside an open row). */
  private rowNumber = 0;
  private lastRow = 0;
  private cellInProgress: CellInProgress | undefined;

  constructor({ name, sharedStrings, maxCellChars }: SheetFacts) {
    this.name = name;
    this.inSheet = `Sheet ${name}`;
    this.sharedStrings = sharedStrings;
    this.maxCellChars = maxCellChars;
  }

  private styleIndex(attributes: Attributes, where: string): void {
    const s = attributes['s'] ?? attributes['style'];
    if (s === undefined) return;
    const index = wholeNumber(s);
    if (index === undefined || index >= EXCEL_CELL_FORMATS) {
      throw badWorkbook(`${this.inSheet}, ${where} uses cell format "${clip(s)}", which does not exist.`);
    }
  }

  dimension(ref: string): void {
    if (!ref.split(':').every((end) => cellAt(end) >= 0))
      throw badWorkbook(`${this.inSheet} declares its size as "${clip(ref)}", beyond Excel's limits.`);
  }

  column(attributes: Attributes): void {
    const min = wholeNumber(attributes['min'] ?? '');
    const max = wholeNumber(attributes['max'] ?? '');
    if (!min || !max || min > max || max > EXCEL_COLUMNS) {
      throw badWorkbook(
        `${this.inSheet} formats columns ${clip(attributes['min'] ?? '?')} to ${clip(attributes['max'] ?? '?')}; Excel's columns run from 1 to ${count(EXCEL_COLUMNS)} (XFD).`,
      );
    }
    this.styleIndex(attributes, `column ${columnLetter(min)}`);
  }

  row(attributes: Attributes): void {
    const r = attributes['r'];
    const number = wholeNumber(r ?? '');
    const { inSheet, name } = this;
    if (!number || number > EXCEL_ROWS) {
      throw badWorkbook(
        r === undefined
          ? `${inSheet} has a row without a row number after row ${count(this.lastRow)}.`
          : `${inSheet} has a row numbered "${clip(r)}"; Excel's rows run from 1 to ${count(EXCEL_ROWS)}.`,
        { sheet: name },
      );
    }
    if (number <= this.lastRow) {
      throw badWorkbook(`${inSheet}, row ${count(number)} comes after row ${count(this.lastRow)}.`, {
        sheet: name,
        row: number,
      });
    }
    const spans = attributes['spans'];
    if (spans) {
      for (const span of spans.split(/\s+/)) {
        if (!span) continue;
        const ends = span.split(':').map(wholeNumber);
        if (ends.length > 2 || ends.some((end) => !end || end > EXCEL_COLUMNS)) {
          throw badWorkbook(
            `${inSheet}, row ${count(number)} declares the columns "${clip(span)}"; Excel's columns run from 1 to ${count(EXCEL_COLUMNS)} (XFD).`,
            { sheet: name, row: number },
          );
        }
      }
    }
    this.styleIndex(attributes, `row ${count(number)}`);
    this.rowNumber = this.lastRow = number;
  }

  rowEnd(): void {}

  cell(attributes: Attributes): void {
    const row = this.rowNumber;
    const ref = attributes['r'];
    const at = ref === undefined ? -1 : cellAt(ref);
    if (at < 0 || rowOf(at) !== row) {
      throw badWorkbook(
        ref === undefined
          ? `${this.inSheet}, row ${count(row)} has a cell without a reference.`
          : `${this.inSheet}, row ${count(row)} has a cell "${clip(ref)}", which is not a cell of that row within Excel's limits (column XFD, row ${count(EXCEL_ROWS)}).`,
        { sheet: this.name, row },
      );
    }
    this.styleIndex(attributes, `cell ${ref}`);
    this.cellInProgress = {
      ref: ref!,
      row,
      column: columnOf(at),
      sharedString: attributes['t'] === 's',
      chars: 0,
      value: '',
    };
  }

  valueText(text: string): void {
    const cell = this.cellInProgress!;
    cell.chars += text.length;
    // An index has a few digits; more than that is refused below without being kept.
    if (cell.sharedString && cell.value.length <= 20) cell.value += text.slice(0, 21);
  }

  cellEnd(): void {
    const cell = this.cellInProgress!;
    const { inSheet, name, maxCellChars, sharedStrings } = this;
    if (cell.chars > maxCellChars) {
      throw new WorkbookRejected(
        'cell-too-long',
        422,
        `${inSheet}, cell ${cell.ref} holds ${count(cell.chars)} characters; Excel allows at most ${count(maxCellChars)} in one cell.`,
        { sheet: name, row: cell.row, column: columnLetter(cell.column) },
      );
    }
    if (cell.sharedString) {
      const index = wholeNumber(cell.value.trim());
      if (index === undefined || index >= sharedStrings) {
        throw badWorkbook(
          `${inSheet}, cell ${cell.ref} refers to shared string "${clip(cell.value)}", but the workbook holds ${count(sharedStrings)}.`,
          { sheet: name, row: cell.row, column: columnLetter(cell.column) },
        );
      }
    }
    this.cellInProgress = undefined;
  }
}

/** A whole number written in plain digits (no sign, no exponent), or undefined; never more than 9 digits. */
export function wholeNumber(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > 9) return undefined;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
  }
  return n;
}

/** A value from the file, shortened for a message. */
const clip = (text: string): string => (text.length > 20 ? `${text.slice(0, 20)}…` : text);
