// Readers of the parts around the sheets: relationships, the workbook (its sheets and date system), the
// shared strings and the cell formats (only how each shows a number: as a date, a percentage or itself).
// Each takes the events of xml-guard.ts's checked pass (`readPart`), so a part is read once.
//
// The structure of these parts is followed as exceljs 4.4.0's streaming reader (which the service used
// before) followed it, refusing as damaged what it could not read; only inside fonts, fills, borders and
// differential formats, whose content is not used, an element is simply skipped to its own end tag. The
// text read is what Excel shows, which is not always what exceljs gave: test/server/workbook/
// workbook-reader.test.ts compares the two and lists every difference. The guard's checks come first in
// every case.
import type { SaxesTagPlain } from 'saxes';
import { isPercentFormat } from '../../shared/parse/cells.js';
import type { PartReader } from './xml-guard.js';
import { WorkbookRejected } from './rejected.js';

/** What a reader that cannot make sense of a part throws; read.ts answers it as a damaged workbook. */
export const damaged = (): WorkbookRejected =>
  new WorkbookRejected('unreadable', 422, 'This workbook is damaged and could not be read.');

type Attributes = Record<string, string>;

/** One `<Relationship>`: its attributes as written (Id, Type, Target, ...). */
export type Relationship = Partial<Record<'Id' | 'Type' | 'Target', string>>;

/**
 * A relationships part: `<Relationships>` holding `<Relationship>` elements and nothing else; any
 * other element makes it damaged. Reading stops at `</Relationships>`.
 */
export class RelationshipsReader implements PartReader {
  relationships: Relationship[] | undefined;
  private current: Attributes | undefined;
  private inRelationship = false;
  private done = false;

  open(tag: SaxesTagPlain): void {
    if (this.done) return;
    if (this.inRelationship) {
      if (tag.name === 'Relationship') this.current = tag.attributes;
      return;
    }
    if (tag.name === 'Relationships') this.relationships = [];
    else if (tag.name === 'Relationship') {
      this.inRelationship = true;
      this.current = tag.attributes;
    } else throw damaged();
  }

  close(tag: SaxesTagPlain): void {
    if (this.done) return;
    if (this.inRelationship) {
      if (!this.relationships) throw damaged();
      this.relationships.push(this.current!);
      this.inRelationship = false;
    } else if (tag.name === 'Relationships') this.done = true;
    else throw damaged();
  }

  text(): void {}
}

// ---- Sections: how the workbook and styles readers follow the elements of their part ---------------

/** An element of the part being followed; `close` answers false when the section has ended. */
interface Section {
  open(tag: SaxesTagPlain): void;
  close(name: string): boolean;
}

/** An element read from its start tag alone; the first end tag after it ends it. */
class Leaf implements Section {
  constructor(
    private readonly tag: string,
    private readonly read: (attributes: Attributes) => void = () => undefined,
  ) {}
  open(tag: SaxesTagPlain): void {
    if (tag.name === this.tag) this.read(tag.attributes);
  }
  close(): boolean {
    return false;
  }
}

/** An element skipped to its own end tag. */
class Skipped implements Section {
  constructor(private readonly tag: string) {}
  open(): void {}
  close(name: string): boolean {
    return name !== this.tag;
  }
}

/** An item of a list: begins at a start tag it knows, and `close` answers false when it has ended. */
interface Item<T> {
  begin(tag: SaxesTagPlain): boolean;
  open(tag: SaxesTagPlain): void;
  close(name: string): boolean;
  readonly model: T;
}

/** An item read from its start tag alone, ended by the first end tag after it. */
class LeafItem<T> implements Item<T | undefined> {
  model: T | undefined;
  constructor(
    private readonly tag: string,
    private readonly read: (attributes: Attributes) => T,
  ) {}
  begin(tag: SaxesTagPlain): boolean {
    if (tag.name !== this.tag) return false;
    this.model = this.read(tag.attributes);
    return true;
  }
  open(tag: SaxesTagPlain): void {
    this.begin(tag);
  }
  close(): boolean {
    return false;
  }
}

/** An item with content of its own (a font, a fill, ...), skipped to its own end tag. */
class SkippedItem implements Item<undefined> {
  readonly model = undefined;
  private depth = 0;
  constructor(private readonly tag: string) {}
  begin(tag: SaxesTagPlain): boolean {
    if (tag.name !== this.tag) return false;
    this.depth = 1;
    return true;
  }
  open(): void {
    this.depth += 1;
  }
  close(): boolean {
    this.depth -= 1;
    return this.depth > 0;
  }
}

/**
 * A list (`<sheets>`, `<cellXfs>`, ...): its items in order. Its own start tag starts it afresh; an end
 * tag met between items ends it.
 */
class List<T> implements Section {
  items: T[] | undefined;
  private inItem = false;
  constructor(
    private readonly tag: string,
    private readonly item: Item<T>,
  ) {}
  open(tag: SaxesTagPlain): void {
    if (this.inItem) this.item.open(tag);
    else if (tag.name === this.tag) this.items = [];
    else this.inItem = this.item.begin(tag);
  }
  close(name: string): boolean {
    if (!this.inItem) return false;
    if (!this.item.close(name)) {
      // A list's items come after its start tag.
      if (!this.items) throw damaged();
      this.items.push(this.item.model);
      this.inItem = false;
    }
    return true;
  }
}

/**
 * A part read section by section: an element named in `sections` starts that section, which reads
 * until it ends; the root's end tag ends the part (anything after it is not read).
 */
abstract class SectionedPart implements PartReader {
  protected finished = false;
  private current: Section | undefined;
  constructor(
    private readonly root: string,
    private readonly sections: ReadonlyMap<string, Section>,
  ) {}

  open(tag: SaxesTagPlain): void {
    if (this.finished) return;
    if (this.current) this.current.open(tag);
    else if (tag.name !== this.root) {
      this.current = this.sections.get(tag.name);
      this.current?.open(tag);
    }
  }

  close(tag: SaxesTagPlain): void {
    if (this.finished) return;
    if (this.current) {
      if (!this.current.close(tag.name)) this.current = undefined;
    } else if (tag.name === this.root) {
      this.finished = true;
      this.finish();
    }
  }

  text(): void {}

  protected abstract finish(): void;
}

// ---- The workbook -------------------------------------------------------------------------------

export interface SheetEntry {
  name: string;
  rId: string | undefined;
}

/** `xl/workbook.xml`: the sheets in order (named, with their relationship ids) and the date system. */
export class WorkbookReader extends SectionedPart {
  /** The sheets, once `</workbook>` is read; none if it never is. */
  sheets: SheetEntry[] = [];
  /** Dates count from 1904 (old Mac workbooks) rather than 1900. */
  date1904 = false;
  private readonly sheetList: List<SheetEntry | undefined>;

  constructor() {
    const sheetList = new List(
      'sheets',
      new LeafItem('sheet', (a): SheetEntry => {
        // A sheet must have a name.
        if (a['name'] === undefined) throw damaged();
        return { name: a['name'], rId: a['r:id'] };
      }),
    );
    super(
      'workbook',
      new Map<string, Section>([
        ['fileVersion', new Skipped('fileVersion')],
        ['workbookPr', new Leaf('workbookPr', (a) => (this.date1904 = a['date1904'] === '1'))],
        ['bookViews', new List('bookViews', new LeafItem('workbookView', () => undefined))],
        ['sheets', sheetList],
        ['definedNames', new List('definedNames', new LeafItem('definedName', () => undefined))],
        ['calcPr', new Leaf('calcPr')],
      ]),
    );
    this.sheetList = sheetList;
  }

  protected finish(): void {
    this.sheets = (this.sheetList.items ?? []).filter((s): s is SheetEntry => s !== undefined);
  }
}

// ---- Shared strings -----------------------------------------------------------------------------

/**
 * `xl/sharedStrings.xml`: each `<si>`'s text as Excel shows it: the text of its `<t>`, or of its rich-text
 * runs joined; a phonetic reading (`<rPh>`, the small kana Excel can show above Japanese text) is not part
 * of it, nor is whitespace between elements.
 */
export class SharedStringsReader implements PartReader {
  readonly strings: string[] = [];
  private current = '';
  /** The text of the `<t>` being read, or undefined outside one (or inside a phonetic reading). */
  private run: string | undefined;
  private inPhonetic = false;

  open(tag: SaxesTagPlain): void {
    switch (tag.name) {
      case 'si':
        this.current = '';
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 't':
        if (!this.inPhonetic) this.run = '';
        break;
      default:
        break;
    }
  }

  text(text: string): void {
    if (this.run !== undefined) this.run += text;
  }

  close(tag: SaxesTagPlain): void {
    switch (tag.name) {
      case 't':
        if (this.run !== undefined) this.current += unescapeText(this.run);
        this.run = undefined;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'si':
        this.strings.push(this.current);
        this.current = '';
        break;
      default:
        break;
    }
  }
}

// ---- Cell formats -------------------------------------------------------------------------------

/** The built-in number formats that show dates or times (ECMA-376 §18.8.30, as exceljs lists them). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** The built-in percentage formats, `0%` and `0.00%` (ECMA-376 §18.8.30). */
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

/** A number format's code shows a date or time: y, m, d, h, s (or b) outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** How a cell format shows a number: as a date (or time), as a percentage, or as the number itself. */
export type NumberShown = 'date' | 'percent' | 'number';

/** What a cell format (a `<cellXfs>` entry, the `s` of a cell or row) says about the cell's value. */
export interface CellFormats {
  /** Undefined when there is no such format; else how it shows a number. Throws when there can be none. */
  shows(index: number): NumberShown | undefined;
}

/** A workbook without a styles part has one cell format, the default, which a row may not name. */
export const DEFAULT_CELL_FORMATS: CellFormats = {
  shows(index) {
    if (index === 0) throw damaged();
    return undefined;
  },
};

/**
 * A cell format as read: its number format id as written (NaN when it has none), and whether it names
 * a font, fill and border (which the styles part must then have).
 */
type CellFormat = { numFmtId: number; font: boolean; fill: boolean; border: boolean } | undefined;

const names = (value: string | undefined): boolean => !Number.isNaN(parseInt(value!, 10));

/**
 * A `<cellXfs>` (or `<cellStyleXfs>`) entry: begins at `<xf>`, or at the `<alignment>` or `<protection>`
 * that belongs to one, which then belong to the entry read before; ends at `</xf>`.
 */
class CellFormatItem implements Item<CellFormat>, Section {
  model: CellFormat;
  private inDetail = false;
  begin(tag: SaxesTagPlain): boolean {
    return this.start(tag);
  }
  open(tag: SaxesTagPlain): void {
    if (!this.inDetail) this.start(tag);
  }
  private start(tag: SaxesTagPlain): boolean {
    switch (tag.name) {
      case 'xf':
        this.model = {
          numFmtId: parseInt(tag.attributes['numFmtId']!, 10),
          font: names(tag.attributes['fontId']),
          fill: names(tag.attributes['fillId']),
          border: names(tag.attributes['borderId']),
        };
        return true;
      case 'alignment':
      case 'protection':
        this.inDetail = true;
        return true;
      default:
        return false;
    }
  }
  close(name: string): boolean {
    if (this.inDetail) {
      // Alignment and protection belong to an entry.
      if (!this.model) throw damaged();
      this.inDetail = false;
      return true;
    }
    return name !== 'xf';
  }
}

interface NumberFormat {
  id: number;
  code: string;
}

const numberFormat = (a: Attributes): NumberFormat => {
  // A number format must have its code.
  if (a['formatCode'] === undefined) throw damaged();
  return { id: parseInt(a['numFmtId']!, 10), code: a['formatCode'] };
};

/** `xl/styles.xml`: its cell formats, for which cells hold dates and which show percentages. */
export class StylesReader extends SectionedPart implements CellFormats {
  private readonly numberFormats = new List('numFmts', new LeafItem('numFmt', numberFormat));
  private readonly cellFormats = new List('cellXfs', new CellFormatItem());
  /** Per cell format, read once `</styleSheet>` is: undefined (none), or how it shows a number. */
  private readonly shown: (NumberShown | undefined)[] = [];
  private formats: CellFormat[] | undefined;
  private readonly codes = new Map<number, string>();

  private readonly fonts = new List('fonts', new SkippedItem('font'));
  private readonly fills = new List('fills', new SkippedItem('fill'));
  private readonly borders = new List('borders', new SkippedItem('border'));
  /** Which of fonts, fills and borders the part has (at least one of). */
  private has = { font: false, fill: false, border: false };

  constructor() {
    const sections = new Map<string, Section>([
      ['cellStyleXfs', new List('cellStyleXfs', new CellFormatItem())],
      ['dxfs', new List('dxfs', new SkippedItem('dxf'))],
      ['numFmt', new Leaf('numFmt', numberFormat)],
      ['font', new SkippedElement()],
      ['fill', new SkippedElement()],
      ['border', new SkippedElement()],
      ['style', new CellFormatItem()],
      ['cellStyles', new Skipped('cellStyles')],
      ['tableStyles', new Skipped('tableStyles')],
      ['extLst', new Skipped('extLst')],
    ]);
    super('styleSheet', sections);
    sections.set('numFmts', this.numberFormats);
    sections.set('fonts', this.fonts);
    sections.set('fills', this.fills);
    sections.set('borders', this.borders);
    sections.set('cellXfs', this.cellFormats);
  }

  protected finish(): void {
    const formats = this.cellFormats.items;
    this.formats = formats?.length ? formats : undefined;
    this.has = {
      font: !!this.fonts.items?.length,
      fill: !!this.fills.items?.length,
      border: !!this.borders.items?.length,
    };
    for (const format of this.numberFormats.items ?? []) if (format) this.codes.set(format.id, format.code);
  }

  shows(index: number): NumberShown | undefined {
    // A styles part that never ends its styleSheet, or holds no cell formats, has none to name.
    if (!this.finished || !this.formats) throw damaged();
    if (!(index in this.shown)) this.shown[index] = this.formatShows(this.formats[index]);
    return this.shown[index];
  }

  /** The format's own code for its number format id, else the built-in one of that id (none for 0). */
  private formatShows(format: CellFormat): NumberShown | undefined {
    if (!format) return undefined;
    // A format naming a font, fill or border in a part that has none.
    const { has } = this;
    if ((format.font && !has.font) || (format.fill && !has.fill) || (format.border && !has.border))
      throw damaged();
    const id = format.numFmtId;
    if (!id) return 'number';
    const code = this.codes.get(id);
    if (code) {
      // A date's letters count even when escaped (`\d`), as exceljs counted them; an escaped `\%` is
      // printed, not a percentage.
      if (isDateFormat(code.replace(/[\\](.)/g, '$1'))) return 'date';
      return isPercentFormat(code) ? 'percent' : 'number';
    }
    return BUILT_IN_DATE_FORMATS.has(id) ? 'date' : BUILT_IN_PERCENT_FORMATS.has(id) ? 'percent' : 'number';
  }
}

/** A font, fill or border outside its list, skipped to its own end tag. */
class SkippedElement implements Section {
  private depth = 0;
  open(): void {
    this.depth += 1;
  }
  close(): boolean {
    this.depth -= 1;
    return this.depth > 0;
  }
}

/**
 * Undoes the escapes OOXML adds to text (its `ST_Xstring`), once the XML parser has undone the XML ones:
 * `_xHHHH_` stands for the character HHHH (Excel writes a carriage return as `_x000D_`, and text that
 * itself looks like an escape with its `_` as `_x005F_`).
 */
export function unescapeText(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
