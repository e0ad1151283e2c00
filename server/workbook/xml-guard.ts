// Reads each XML part once with a SAX parser before exceljs does, and checks every number exceljs would
// trust to size something: row numbers, cell references, the dimension, row spans, column ranges,
// style and shared-string indexes, and how deeply elements nest. exceljs pads rows and columns up to
// whatever a file declares (`<row r="2000000000">` or `<col max="2000000000">` would take gigabytes), so
// nothing reaches it that lies outside Excel's own limits.
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

const count = (n: number): string => n.toLocaleString('en-GB');

const badWorkbook = (message: string, where?: WorkbookRejected['where']) =>
  new WorkbookRejected('bad-workbook', 422, message, where);

/**
 * Checks one part: well-formed, not nested too deeply, and, for a worksheet, every reference and index
 * within Excel's limits and the workbook's own parts. Throws a `WorkbookRejected` naming the sheet and cell.
 */
export async function guardPart(part: string, text: Readable, sheet?: SheetFacts): Promise<void> {
  const parser = new SaxesParser();
  let depth = 0;
  let failure: unknown;
  const onTag = sheet ? sheetChecks(sheet) : undefined;
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth > MAX_DEPTH) {
      throw badWorkbook(`This workbook's part ${part} nests elements more than ${MAX_DEPTH} levels deep.`);
    }
    onTag?.open(tag);
  });
  parser.on('closetag', (tag) => {
    depth -= 1;
    onTag?.close(tag);
  });
  if (onTag) parser.on('text', onTag.text);
  parser.on('error', (error) => {
    failure ??= error;
  });
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      parser.write(chunk);
      if (failure) break;
    }
    if (!failure) parser.close();
  } catch (error) {
    failure ??= error;
  }
  text.destroy();
  if (failure instanceof WorkbookRejected) throw failure;
  if (failure) {
    throw new WorkbookRejected(
      'unreadable',
      422,
      `This workbook is damaged: its part ${part} is not well-formed XML.`,
    );
  }
}

interface CellInProgress {
  ref: string;
  row: number;
  column: number;
  sharedString: boolean;
  chars: number;
  value: string;
}

function sheetChecks({ name, sharedStrings, maxCellChars }: SheetFacts) {
  const inSheet = `Sheet ${name}`;
  let inSheetData = false;
  let inCols = false;
  let row: number | undefined;
  let lastRow = 0;
  let cell: CellInProgress | undefined;
  /** Inside a cell's `<v>` or `<t>`: the text exceljs keeps as its value. */
  let valueDepth = 0;

  const styleIndex = (tag: SaxesTagPlain, where: string) => {
    const s = tag.attributes['s'] ?? tag.attributes['style'];
    if (s === undefined) return;
    const index = wholeNumber(s);
    if (index === undefined || index >= EXCEL_CELL_FORMATS) {
      throw badWorkbook(`${inSheet}, ${where} uses cell format "${clip(s)}", which does not exist.`);
    }
  };

  return {
    open(tag: SaxesTagPlain) {
      const attr = (key: string) => tag.attributes[key];
      switch (tag.name) {
        case 'dimension': {
          const ref = attr('ref') ?? '';
          if (!ref.split(':').every((end) => cellRef(end) !== undefined))
            throw badWorkbook(`${inSheet} declares its size as "${clip(ref)}", beyond Excel's limits.`);
          break;
        }
        case 'cols':
          inCols = true;
          break;
        case 'col': {
          if (!inCols) break;
          const min = wholeNumber(attr('min') ?? '');
          const max = wholeNumber(attr('max') ?? '');
          if (!min || !max || min > max || max > EXCEL_COLUMNS) {
            throw badWorkbook(
              `${inSheet} formats columns ${clip(attr('min') ?? '?')} to ${clip(attr('max') ?? '?')}; Excel's columns run from 1 to ${count(EXCEL_COLUMNS)} (XFD).`,
            );
          }
          styleIndex(tag, `column ${columnLetter(min)}`);
          break;
        }
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          if (!inSheetData) break;
          const r = attr('r');
          const number = wholeNumber(r ?? '');
          if (!number || number > EXCEL_ROWS) {
            throw badWorkbook(
              r === undefined
                ? `${inSheet} has a row without a row number after row ${count(lastRow)}.`
                : `${inSheet} has a row numbered "${clip(r)}"; Excel's rows run from 1 to ${count(EXCEL_ROWS)}.`,
              { sheet: name },
            );
          }
          if (number <= lastRow) {
            throw badWorkbook(`${inSheet}, row ${count(number)} comes after row ${count(lastRow)}.`, {
              sheet: name,
              row: number,
            });
          }
          for (const span of (attr('spans') ?? '').split(/\s+/).filter(Boolean)) {
            const ends = span.split(':').map(wholeNumber);
            if (ends.length > 2 || ends.some((end) => !end || end > EXCEL_COLUMNS)) {
              throw badWorkbook(
                `${inSheet}, row ${count(number)} declares the columns "${clip(span)}"; Excel's columns run from 1 to ${count(EXCEL_COLUMNS)} (XFD).`,
                { sheet: name, row: number },
              );
            }
          }
          styleIndex(tag, `row ${count(number)}`);
          row = lastRow = number;
          break;
        }
        case 'c': {
          if (row === undefined) break;
          const ref = attr('r');
          const at = ref === undefined ? undefined : cellRef(ref);
          if (!at || at.row !== row) {
            throw badWorkbook(
              ref === undefined
                ? `${inSheet}, row ${count(row)} has a cell without a reference.`
                : `${inSheet}, row ${count(row)} has a cell "${clip(ref)}", which is not a cell of that row within Excel's limits (column XFD, row ${count(EXCEL_ROWS)}).`,
              { sheet: name, row },
            );
          }
          styleIndex(tag, `cell ${ref}`);
          cell = { ref: ref!, row, column: at.column, sharedString: attr('t') === 's', chars: 0, value: '' };
          break;
        }
        case 'v':
        case 't':
          if (cell) valueDepth += 1;
          break;
        default:
          break;
      }
    },
    text(text: string) {
      if (!cell || valueDepth === 0) return;
      cell.chars += text.length;
      // An index has a few digits; more than that is refused below without being kept.
      if (cell.sharedString && cell.value.length <= 20) cell.value += text.slice(0, 21);
    },
    close(tag: SaxesTagPlain) {
      switch (tag.name) {
        case 'cols':
          inCols = false;
          break;
        case 'sheetData':
          inSheetData = false;
          break;
        case 'row':
          row = undefined;
          break;
        case 'v':
        case 't':
          if (cell) valueDepth -= 1;
          break;
        case 'c':
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
          cell = undefined;
          break;
        default:
          break;
      }
    },
  };
}

/** A whole number written in plain digits (no sign, no exponent), or undefined; never more than 9 digits. */
function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** `B12` (or `$B$12`) within Excel's grid → its row and column; anything else → undefined. */
function cellRef(ref: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  const column = [...match[1]!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  const row = Number(match[2]);
  return row >= 1 && row <= EXCEL_ROWS && column <= EXCEL_COLUMNS ? { row, column } : undefined;
}

/** A value from the file, shortened for a message. */
const clip = (text: string): string => (text.length > 20 ? `${text.slice(0, 20)}…` : text);
