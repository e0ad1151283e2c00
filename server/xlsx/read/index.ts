// Reads an .xlsx into plain cell grids. The zip is checked first (zip-guard.ts); then each part the
// workbook uses is read once, in workbook order, from the checked zip as correctly decoded UTF-8 text: one
// SAX pass checks it (xml-guard.ts) and reads it (relationships.ts, workbook-part.ts, shared-strings.ts and
// styles.ts for the parts around the sheets; a worksheet's tokens, worksheet-tokens.ts, checked by
// sheet-checks.ts and read by worksheet.ts). Limits on rows, cells and cell length are enforced while
// reading, so memory stays bounded whatever the file holds. exceljs is not used to read.
import path from 'node:path';
import { WorkbookRejected } from './rejected.js';
import { RelationshipsReader, type Relationship } from './relationships.js';
import { SharedStringsReader } from './shared-strings.js';
import { SheetChecks } from './sheet-checks.js';
import { DEFAULT_CELL_FORMATS, StylesReader, type CellFormats } from './styles.js';
import { WorkbookReader } from './workbook-part.js';
import { SheetReader, type PercentValue, type SheetGrid } from './worksheet.js';
import { WorksheetTokens } from './worksheet-tokens.js';
import { readPart, type PartReader } from './xml-guard.js';
import { inspectZip, type CheckedZip } from './zip-guard.js';

export { WorkbookRejected } from './rejected.js';
export type { SheetGrid } from './worksheet.js';

/** Sheets by name, as the workbook names them. */
export type WorkbookGrids = Record<string, SheetGrid>;

export interface ReadLimits {
  maxBytes: number;
  maxUncompressedBytes: number;
  maxRowsPerSheet: number;
  /** Excel's own limit for one cell is 32,767 characters. */
  maxCellChars: number;
}

/** How a number a cell shows as a percentage is told (by its format's code) and read. */
export interface PercentRule {
  isPercentFormat(code: string): boolean;
  value: PercentValue;
}

/** Cells kept per sheet, blanks inside the used width included: bounds memory when a cell sits far right. */
const MAX_CELLS_PER_SHEET = 5_000_000;
/** A council workbook has four sheets; thousands only serve to make the reader's lookups slow. */
const MAX_SHEETS = 255;

const OFFICE_DOCUMENT = /\/officeDocument$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;
const WORKSHEET = /\/worksheet$/;

/**
 * Safely reads an .xlsx (zip/XXE/bomb checks first, then one checked streaming pass per part) into grids,
 * numbers shown as percentages read by `percent`.
 */
export async function readXlsx(
  input: Buffer,
  caps: ReadLimits,
  percent: PercentRule,
): Promise<WorkbookGrids> {
  const zip = await inspectZip(input, caps);
  try {
    const workbookPart = await relatedPart(zip, '', OFFICE_DOCUMENT);
    if (!workbookPart)
      throw new WorkbookRejected('not-xlsx', 422, 'This file is not an Excel workbook (.xlsx).');
    const workbook = await read(zip, workbookPart, new WorkbookReader());
    const relsPart = relsPathOf(workbookPart);
    const rels = zip.has(relsPart) ? await readRels(zip, relsPart) : [];
    const partOf = (type: RegExp) => {
      const rel = rels.find((r) => type.test(r.Type!));
      return rel && resolveTarget(workbookPart, rel.Target!);
    };
    const sharedStringsPart = partOf(SHARED_STRINGS);
    const sharedStrings =
      sharedStringsPart && zip.has(sharedStringsPart)
        ? (await read(zip, sharedStringsPart, new SharedStringsReader())).strings
        : undefined;
    const stylesPart = partOf(STYLES);
    const formats: CellFormats =
      stylesPart && zip.has(stylesPart)
        ? await read(zip, stylesPart, new StylesReader(percent.isPercentFormat))
        : DEFAULT_CELL_FORMATS;

    const { sheets, date1904 } = workbook;
    if (sheets.length > MAX_SHEETS) {
      throw new WorkbookRejected(
        'bad-workbook',
        422,
        `This workbook has ${sheets.length.toLocaleString('en-GB')} sheets; a workbook for the service has at most ${MAX_SHEETS}.`,
      );
    }
    const facts = { sharedStrings: sharedStrings?.length ?? 0, maxCellChars: caps.maxCellChars };
    const limitsOfSheet = { ...caps, maxCells: MAX_CELLS_PER_SHEET };
    const grids: WorkbookGrids = {};
    for (const sheet of sheets) {
      const rel = rels.find((r) => r.Id === sheet.rId && WORKSHEET.test(r.Type!));
      const part = rel && resolveTarget(workbookPart, rel.Target!);
      if (!part || !zip.has(part)) continue; // chart sheets and dialog sheets hold no cells
      const reader = new SheetReader(sheet.name, limitsOfSheet, {
        sharedStrings,
        formats,
        date1904,
        percentValue: percent.value,
      });
      const tokens = new WorksheetTokens(new SheetChecks({ name: sheet.name, ...facts }), reader);
      await readPart(part, await zip.openText(part), tokens.reader, tokens.checks);
      grids[sheet.name] = reader.grid();
    }
    return grids;
  } catch (error) {
    if (error instanceof WorkbookRejected) throw error;
    throw new WorkbookRejected('unreadable', 422, 'This workbook is damaged and could not be read.');
  }
}

/** Reads a part of the checked zip with `reader`, checking it as it goes (xml-guard.ts). */
async function read<T extends PartReader>(zip: CheckedZip, part: string, reader: T): Promise<T> {
  await readPart(part, await zip.openText(part), reader);
  return reader;
}

async function readRels(zip: CheckedZip, part: string): Promise<Relationship[]> {
  return (await read(zip, part, new RelationshipsReader())).relationships ?? [];
}

async function relatedPart(zip: CheckedZip, from: string, type: RegExp): Promise<string | undefined> {
  const relsPart = relsPathOf(from);
  if (!zip.has(relsPart)) return undefined;
  const rel = (await readRels(zip, relsPart)).find((r) => type.test(r.Type!));
  return rel && resolveTarget(from, rel.Target!);
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ('') → `_rels/.rels`. */
function relsPathOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

/** A relationship's target (a relationship without one is damage, refused as such above). */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}
