// `xl/styles.xml`: of its cell formats, only how each shows a number (as a date, a percentage or
// itself), followed section by section (sections.ts). The text read is what Excel shows, which is not
// always what exceljs gave: test/server/workbook/workbook-reader.test.ts compares the two and lists every
// difference.
import type { SaxesTagPlain } from 'saxes';
import { damaged } from './rejected.js';
import {
  Leaf,
  LeafItem,
  List,
  SectionedPart,
  Skipped,
  SkippedItem,
  type Item,
  type Section,
} from './sections.js';
import type { Attributes } from './xml-guard.js';

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

  /** `isPercentFormat`: whether a number format's code shows a number as a percentage. */
  constructor(private readonly isPercentFormat: (code: string) => boolean) {
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
      return this.isPercentFormat(code) ? 'percent' : 'number';
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
