// Reads each XML part in one SAX pass that both checks it and hands its events to the part's reader
// (xlsx-parts.ts, sheet-reader.ts). The checks see every event before the reader does, and a refusal of
// theirs wins over anything the reader finds anywhere in the part, so a hostile part is refused exactly
// as if it had been read through by the checks alone first. They cover every number a reader could be
// made to size something from: row numbers, cell references, the dimension, row spans, column ranges,
// style and shared-string indexes, and how deeply elements nest. A spreadsheet reader that pads rows and
// columns up to whatever a file declares (`<row r="2000000000">` or `<col max="2000000000">` would take
// gigabytes) is never given anything outside Excel's own limits.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { columnLetter } from './columns.js';
import { WorkbookRejected } from './rejected.js';

/** Excel's last row and last column (XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
/** Excel's limit on the cell formats of one workbook. */
const EXCEL_CELL_FORMATS = 65_490;
/** Excel nests sheet XML about ten levels deep; far deeper only serves to exhaust the parser. */
const MAX_DEPTH = 64;

/** What a worksheet's cells may point at. */
export interface SheetFacts {
  name: string;
  /** Strings in the shared-strings part. */
  sharedStrings: number;
  maxCellChars: number;
}

/** What reads a part's content, one SAX event at a time, after the checks have passed each event. */
export interface PartReader {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
}

const count = (n: number): string => n.toLocaleString('en-GB');

const badWorkbook = (message: string, where?: WorkbookRejected['where']) =>
  new WorkbookRejected('bad-workbook', 422, message, where);

/**
 * Reads one part through, checking it as it goes: well-formed, not nested too deeply, and, for a
 * worksheet, every reference and index within Excel's limits and the workbook's own parts. A refusal
 * names the sheet and cell. Whatever the reader throws (a limit of its own, or damage it cannot read)
 * is kept until the part has passed every check, then thrown; from then on the reader sees no more
 * events, so it holds nothing more either.
 */
export async function readPart(
  part: string,
  text: Readable,
  reader: PartReader,
  sheet?: SheetFacts,
): Promise<void> {
  const pass = new GuardedPass(part, reader, sheet);
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => pass.open(tag));
  parser.on('closetag', (tag) => pass.close(tag));
  parser.on('text', (t) => pass.text(t));
  parser.on('error', (error) => {
    pass.failure ??= error;
  });
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      parser.write(chunk);
      if (pass.failure) break;
    }
    if (!pass.failure) parser.close();
  } catch (error) {
    pass.failure ??= error;
  }
  text.destroy();
  if (pass.failure instanceof WorkbookRejected) throw pass.failure;
  if (pass.failure) {
    throw new WorkbookRejected(
      'unreadable',
      422,
      `This workbook is damaged: its part ${part} is not well-formed XML.`,
    );
  }
  pass.end();
}

/** One part's pass: the checks on every event, then the reader while it has found nothing. */
class GuardedPass {
  /** Why the checks (or the XML parser) refuse the part. */
  failure: unknown;
  /** What the reader threw, kept for after the checks. */
  found: unknown;
  reading = true;
  private depth = 0;
  private readonly checks: SheetChecks | undefined;

  constructor(
    private readonly part: string,
    private readonly reader: PartReader,
    sheet: SheetFacts | undefined,
  ) {
    this.checks = sheet && new SheetChecks(sheet);
  }

  open(tag: SaxesTagPlain): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      throw badWorkbook(
        `This workbook's part ${this.part} nests elements more than ${MAX_DEPTH} levels deep.`,
      );
    }
    this.checks?.open(tag);
    if (this.reading) {
      try {
        this.reader.open(tag);
      } catch (error) {
        this.stopReading(error);
      }
    }
  }

  close(tag: SaxesTagPlain): void {
    this.depth -= 1;
    this.checks?.close(tag);
    if (this.reading) {
      try {
        this.reader.close(tag);
      } catch (error) {
        this.stopReading(error);
      }
    }
  }

  text(text: string): void {
    this.checks?.text(text);
    if (this.reading) {
      try {
        this.reader.text(text);
      } catch (error) {
        this.stopReading(error);
      }
    }
  }

  /** The part passed every check: now what the reader found, if anything, is the answer. */
  end(): void {
    if (!this.reading) throw this.found;
  }

  private stopReading(error: unknown): void {
    this.found = error;
    this.reading = false;
  }
}

/** The cell being read: where it is, and what its `<v>`/`<t>` text comes to so far. */
interface CellInProgress {
  ref: string;
  row: number;
  column: number;
  sharedString: boolean;
  chars: number;
  value: string;
}

class SheetChecks {
  private readonly name: string;
  private readonly inSheet: string;
  private readonly sharedStrings: number;
  private readonly maxCellChars: number;
  private inSheetData = false;
  private inCols = false;
  private row: number | undefined;
  private lastRow = 0;
  private cell: CellInProgress | undefined;
  /** Inside a cell's `<v>` or `<t>`: the text a reader keeps as its value. */
  private valueDepth = 0;
  /** Inside a cell's phonetic reading (`<rPh>`), whose text is not the cell's. */
  private inPhonetic = false;

  constructor({ name, sharedStrings, maxCellChars }: SheetFacts) {
    this.name = name;
    this.inSheet = `Sheet ${name}`;
    this.sharedStrings = sharedStrings;
    this.maxCellChars = maxCellChars;
  }

  private styleIndex(tag: SaxesTagPlain, where: string): void {
    const s = tag.attributes['s'] ?? tag.attributes['style'];
    if (s === undefined) return;
    const index = wholeNumber(s);
    if (index === undefined || index >= EXCEL_CELL_FORMATS) {
      throw badWorkbook(`${this.inSheet}, ${where} uses cell format "${clip(s)}", which does not exist.`);
    }
  }

  open(tag: SaxesTagPlain): void {
    const attributes = tag.attributes;
    switch (tag.name) {
      case 'dimension': {
        const ref = attributes['ref'] ?? '';
        if (!ref.split(':').every((end) => cellAt(end) >= 0))
          throw badWorkbook(`${this.inSheet} declares its size as "${clip(ref)}", beyond Excel's limits.`);
        break;
      }
      case 'cols':
        this.inCols = true;
        break;
      case 'col': {
        if (!this.inCols) break;
        const min = wholeNumber(attributes['min'] ?? '');
        const max = wholeNumber(attributes['max'] ?? '');
        if (!min || !max || min > max || max > EXCEL_COLUMNS) {
          throw badWorkbook(
            `${this.inSheet} formats columns ${clip(attributes['min'] ?? '?')} to ${clip(attributes['max'] ?? '?')}; Excel's columns run from 1 to ${count(EXCEL_COLUMNS)} (XFD).`,
          );
        }
        this.styleIndex(tag, `column ${columnLetter(min)}`);
        break;
      }
      case 'sheetData':
        this.inSheetData = true;
        break;
      case 'row':
        if (this.inSheetData) this.openRow(tag);
        break;
      case 'c':
        if (this.row !== undefined) this.openCell(tag, this.row);
        break;
      case 'rPh':
        if (this.cell) this.inPhonetic = true;
        break;
      case 'v':
      case 't':
        if (this.cell && !this.inPhonetic) this.valueDepth += 1;
        break;
      default:
        break;
    }
  }

  private openRow(tag: SaxesTagPlain): void {
    const r = tag.attributes['r'];
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
    const spans = tag.attributes['spans'];
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
    this.styleIndex(tag, `row ${count(number)}`);
    this.row = this.lastRow = number;
  }

  private openCell(tag: SaxesTagPlain, row: number): void {
    const ref = tag.attributes['r'];
    const at = ref === undefined ? -1 : cellAt(ref);
    if (at < 0 || rowOf(at) !== row) {
      throw badWorkbook(
        ref === undefined
          ? `${this.inSheet}, row ${count(row)} has a cell without a reference.`
          : `${this.inSheet}, row ${count(row)} has a cell "${clip(ref)}", which is not a cell of that row within Excel's limits (column XFD, row ${count(EXCEL_ROWS)}).`,
        { sheet: this.name, row },
      );
    }
    this.styleIndex(tag, `cell ${ref}`);
    this.cell = {
      ref: ref!,
      row,
      column: columnOf(at),
      sharedString: tag.attributes['t'] === 's',
      chars: 0,
      value: '',
    };
  }

  text(text: string): void {
    const cell = this.cell;
    if (!cell || this.valueDepth === 0) return;
    cell.chars += text.length;
    // An index has a few digits; more than that is refused below without being kept.
    if (cell.sharedString && cell.value.length <= 20) cell.value += text.slice(0, 21);
  }

  close(tag: SaxesTagPlain): void {
    switch (tag.name) {
      case 'cols':
        this.inCols = false;
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
      case 'row':
        this.row = undefined;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'v':
      case 't':
        if (this.cell && !this.inPhonetic) this.valueDepth -= 1;
        break;
      case 'c':
        this.closeCell();
        break;
      default:
        break;
    }
  }

  private closeCell(): void {
    const cell = this.cell;
    const { inSheet, name, maxCellChars, sharedStrings } = this;
    if (cell && cell.chars > maxCellChars) {
      throw new WorkbookRejected(
        'cell-too-long',
        422,
        `${inSheet}, cell ${cell.ref} holds ${count(cell.chars)} characters; Excel allows at most ${count(maxCellChars)} in one cell.`,
        { sheet: name, row: cell.row, column: columnLetter(cell.column) },
      );
    }
    if (cell?.sharedString) {
      const index = wholeNumber(cell.value.trim());
      if (index === undefined || index >= sharedStrings) {
        throw badWorkbook(
          `${inSheet}, cell ${cell.ref} refers to shared string "${clip(cell.value)}", but the workbook holds ${count(sharedStrings)}.`,
          { sheet: name, row: cell.row, column: columnLetter(cell.column) },
        );
      }
    }
    this.cell = undefined;
    this.inPhonetic = false;
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

/**
 * `B12` (or `$B$12`: one to three letters, one to seven digits) within Excel's grid → its place as
 * `(row - 1) * EXCEL_COLUMNS + (column - 1)`; anything else → -1. A number, not an object: it is
 * worked out for every cell.
 */
export function cellAt(ref: string): number {
  const length = ref.length;
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let column = 0;
  const lettersFrom = i;
  for (; i < length; i++) {
    const letter = ref.charCodeAt(i) - 64;
    if (letter < 1 || letter > 26) break;
    column = column * 26 + letter;
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return -1;
  if (ref.charCodeAt(i) === 36) i += 1;
  let row = 0;
  const digitsFrom = i;
  for (; i < length; i++) {
    const digit = ref.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    row = row * 10 + digit;
  }
  const digits = i - digitsFrom;
  if (digits < 1 || digits > 7) return -1;
  return row >= 1 && row <= EXCEL_ROWS && column <= EXCEL_COLUMNS
    ? (row - 1) * EXCEL_COLUMNS + (column - 1)
    : -1;
}

/** The row and column (both from 1) of a place given by `cellAt`. */
export const rowOf = (at: number): number => Math.floor(at / EXCEL_COLUMNS) + 1;
export const columnOf = (at: number): number => (at % EXCEL_COLUMNS) + 1;

/** A value from the file, shortened for a message. */
const clip = (text: string): string => (text.length > 20 ? `${text.slice(0, 20)}…` : text);
