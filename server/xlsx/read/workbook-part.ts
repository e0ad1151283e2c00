// `xl/workbook.xml`: the sheets in order and the date system, followed section by section (sections.ts).
import { damaged } from './rejected.js';
import { Leaf, LeafItem, List, SectionedPart, Skipped, type Section } from './sections.js';

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
