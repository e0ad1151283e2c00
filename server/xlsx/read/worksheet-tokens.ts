// A worksheet's XML as the events its checks (sheet-checks.ts) and its reader (worksheet.ts) both take:
// one tokenizer, so that the cells the checks pass are exactly the cells the reader reads. It follows
// `<sheetData><row><c>` and a cell's value (`<v>`, or the `<t>` runs of an inline string, never a
// phonetic reading's), and tells each event to the checks first, then to the reader.
//
// Its rules, which the checks and the reader share:
// - a row is one opened inside `<sheetData>`; a row opened inside another replaces it, and a cell open
//   then ends unread (the row it belonged to is gone);
// - an end of row with no row open (one that ended inside another, or one outside the sheet's data) is
//   told as such: exceljs could not read it, so the reader refuses it as damage;
// - a cell is one opened inside a row, and ends at its own end tag;
// - a cell's value text is the text inside its `<v>` and `<t>` elements, outside a phonetic reading.
import type { SaxesTagPlain } from 'saxes';
import type { Attributes, PartReader } from './xml-guard.js';

/** A cell's value element: `<v>`, or a `<t>` run of an inline string. */
export type ValueElement = 'v' | 't';

/** What the checks and the reader of a worksheet are told, in document order. */
export interface SheetEvents {
  /** `<dimension>`: the size the sheet declares. */
  dimension?(ref: string): void;
  /** A `<col>` of `<cols>`: a range of columns and their format. */
  column?(attributes: Attributes): void;
  row(attributes: Attributes): void;
  rowEnd(): void;
  /** An end of row with no row open. */
  strayRowEnd?(): void;
  cell(attributes: Attributes): void;
  cellEnd(): void;
  /** `<is>`: the cell's value is an inline string, its runs joined. */
  inlineString?(): void;
  valueStart?(element: ValueElement): void;
  valueText(text: string): void;
  valueEnd?(element: ValueElement): void;
}

type Token =
  | 'dimension'
  | 'column'
  | 'row'
  | 'rowEnd'
  | 'strayRowEnd'
  | 'cell'
  | 'cellEnd'
  | 'inlineString'
  | 'valueStart'
  | 'valueEnd';

/**
 * Tokenizes a worksheet for its checks and its reader. The checks take it as the part's checks and the
 * reader as the part's reader (`readPart`), which tells every SAX event to the checks before the
 * reader: `checks` tokenizes the event and tells the checks; `reader` tells the reader the same token.
 */
export class WorksheetTokens {
  readonly checks: PartReader;
  readonly reader: PartReader;

  private inSheetData = false;
  private inCols = false;
  private rowOpen = false;
  private cellOpen = false;
  private inPhonetic = false;
  /** Value elements open in the cell (a `<v>` inside a `<v>` is still the value's). */
  private valueDepth = 0;
  /** The token the last SAX event made, if any, and what it carries. */
  private token: Token | undefined;
  private tag: SaxesTagPlain | undefined;

  constructor(checks: SheetEvents, reader: SheetEvents) {
    this.checks = {
      open: (tag) => {
        this.token = this.opened(tag);
        this.tag = tag;
        if (this.token) tell(checks, this.token, tag);
      },
      close: (tag) => {
        this.token = this.closed(tag);
        this.tag = tag;
        if (this.token) tell(checks, this.token, tag);
      },
      text: (text) => {
        this.token = undefined;
        if (this.isValueText()) checks.valueText(text);
      },
    };
    this.reader = {
      open: () => {
        if (this.token) tell(reader, this.token, this.tag!);
      },
      close: () => {
        if (this.token) tell(reader, this.token, this.tag!);
      },
      text: (text) => {
        if (this.isValueText()) reader.valueText(text);
      },
    };
  }

  private isValueText(): boolean {
    return this.valueDepth > 0 && !this.inPhonetic;
  }

  private opened(tag: SaxesTagPlain): Token | undefined {
    switch (tag.name) {
      case 'dimension':
        return 'dimension';
      case 'cols':
        this.inCols = true;
        return undefined;
      case 'col':
        return this.inCols ? 'column' : undefined;
      case 'sheetData':
        this.inSheetData = true;
        return undefined;
      case 'row':
        if (!this.inSheetData) return undefined;
        this.rowOpen = true;
        this.endCell();
        return 'row';
      case 'c':
        if (!this.rowOpen) return undefined;
        this.endCell();
        this.cellOpen = true;
        return 'cell';
      case 'rPh':
        if (this.cellOpen) this.inPhonetic = true;
        return undefined;
      case 'is':
        return this.cellOpen ? 'inlineString' : undefined;
      case 'v':
      case 't':
        if (!this.cellOpen || this.inPhonetic) return undefined;
        this.valueDepth += 1;
        return 'valueStart';
      default:
        return undefined;
    }
  }

  private closed(tag: SaxesTagPlain): Token | undefined {
    switch (tag.name) {
      case 'cols':
        this.inCols = false;
        return undefined;
      case 'sheetData':
        this.inSheetData = false;
        return undefined;
      case 'row':
        if (!this.rowOpen) return 'strayRowEnd';
        this.rowOpen = false;
        return 'rowEnd';
      case 'c':
        if (!this.cellOpen) return undefined;
        this.endCell();
        return 'cellEnd';
      case 'rPh':
        this.inPhonetic = false;
        return undefined;
      case 'v':
      case 't':
        if (!this.cellOpen || this.inPhonetic || this.valueDepth === 0) return undefined;
        this.valueDepth -= 1;
        return 'valueEnd';
      default:
        return undefined;
    }
  }

  private endCell(): void {
    this.cellOpen = false;
    this.inPhonetic = false;
    this.valueDepth = 0;
  }
}

function tell(to: SheetEvents, token: Token, tag: SaxesTagPlain): void {
  switch (token) {
    case 'dimension':
      return to.dimension?.(tag.attributes['ref'] ?? '');
    case 'column':
      return to.column?.(tag.attributes);
    case 'row':
      return to.row(tag.attributes);
    case 'rowEnd':
      return to.rowEnd();
    case 'strayRowEnd':
      return to.strayRowEnd?.();
    case 'cell':
      return to.cell(tag.attributes);
    case 'cellEnd':
      return to.cellEnd();
    case 'inlineString':
      return to.inlineString?.();
    case 'valueStart':
      return to.valueStart?.(tag.name as ValueElement);
    case 'valueEnd':
      return to.valueEnd?.(tag.name as ValueElement);
  }
}
