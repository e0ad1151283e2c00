// Reads an uploaded .xlsx into plain cell grids for the parser. The zip is checked first (zip-guard.ts);
// then exceljs's streaming reader parses the parts, fed from the checked zip rather than from the raw
// bytes, in workbook order, as correctly decoded UTF-8 text. Limits on rows, cells and cell length are
// enforced while reading, so memory stays bounded whatever the file holds.
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetGrid, WorkbookGrids } from '../../shared/parse/index.js';
import { MAX_ROWS_PER_SHEET } from '../../shared/schemas.js';
import { columnLetter } from './columns.js';
import { WorkbookRejected } from './rejected.js';
import { guardPart, type SheetFacts } from './xml-guard.js';
import { inspectZip, type CheckedZip } from './zip-guard.js';

export { WorkbookRejected } from './rejected.js';

export type { SheetGrid, WorkbookGrids } from '../../shared/parse/index.js';

export interface ReadLimits {
  maxBytes: number;
  maxUncompressedBytes: number;
  maxRowsPerSheet: number;
  maxCellChars: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRowsPerSheet: MAX_ROWS_PER_SHEET,
  /** Excel's own limit for one cell. */
  maxCellChars: 32_767,
};

/** Cells kept per sheet, blanks inside the used width included: bounds memory when a cell sits far right. */
const MAX_CELLS_PER_SHEET = 5_000_000;
/** A council workbook has four sheets; thousands only serve to make the reader's lookups slow. */
const MAX_SHEETS = 255;

const OFFICE_DOCUMENT = /\/officeDocument$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;
const WORKSHEET = /\/worksheet$/;

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}
/**
 * The parts of exceljs's streaming WorkbookReader used here (exceljs 4.x). Its public entry point reads
 * the raw zip by local headers, which the central-directory checks cannot vouch for, and decodes UTF-8
 * chunk by chunk; feeding it the checked parts avoids both. Hence package.json pins exceljs to one exact
 * version, and test/server/workbook/exceljs-contract.test.ts fails on an upgrade that changes these internals.
 */
interface StreamingWorkbookReader {
  workbookRels?: Relationship[];
  sharedStrings?: unknown[];
  model?: { sheets?: { name: string; rId: string }[] };
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** Safely reads an .xlsx (zip/XXE/bomb checks first, then a streaming read) into grids for the parser. */
export async function readWorkbookGrids(input: Buffer, limits?: Partial<ReadLimits>): Promise<WorkbookGrids> {
  const caps = { ...DEFAULT_READ_LIMITS, ...limits };
  const zip = await inspectZip(input, caps);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as StreamingWorkbookReader;

  try {
    const workbookPart = await relatedPart(zip, reader, '', OFFICE_DOCUMENT);
    if (!workbookPart)
      throw new WorkbookRejected('not-xlsx', 422, 'This file is not an Excel workbook (.xlsx).');
    await reader._parseWorkbook(await guarded(zip, workbookPart));
    const relsPart = relsPathOf(workbookPart);
    const rels = zip.has(relsPart) ? await readRels(zip, reader, relsPart) : [];
    const partOf = (type: RegExp) => {
      const rel = rels.find((r) => type.test(r.Type));
      return rel && resolveTarget(workbookPart, rel.Target);
    };
    const sharedStrings = partOf(SHARED_STRINGS);
    if (sharedStrings && zip.has(sharedStrings)) {
      for await (const _ of reader._parseSharedStrings(await guarded(zip, sharedStrings))) {
        // cached on the reader
      }
    }
    const styles = partOf(STYLES);
    if (styles && zip.has(styles)) await reader._parseStyles(await guarded(zip, styles));

    const sheets = reader.model?.sheets ?? [];
    if (sheets.length > MAX_SHEETS) {
      throw new WorkbookRejected(
        'bad-workbook',
        422,
        `This workbook has ${sheets.length.toLocaleString('en-GB')} sheets; a workbook for the service has at most ${MAX_SHEETS}.`,
      );
    }
    const facts = { sharedStrings: reader.sharedStrings?.length ?? 0, maxCellChars: caps.maxCellChars };
    const grids: WorkbookGrids = {};
    for (const sheet of sheets) {
      const rel = rels.find((r) => r.Id === sheet.rId && WORKSHEET.test(r.Type));
      const part = rel && resolveTarget(workbookPart, rel.Target);
      if (!part || !zip.has(part)) continue; // chart sheets and dialog sheets hold no cells
      const [emitted] = reader._parseWorksheet(
        await guarded(zip, part, { name: sheet.name, ...facts }),
        sheet.rId,
      );
      if (emitted) grids[sheet.name] = await readSheet(sheet.name, emitted.value, caps);
    }
    return grids;
  } catch (error) {
    if (error instanceof WorkbookRejected) throw error;
    throw new WorkbookRejected('unreadable', 422, 'This workbook is damaged and could not be read.');
  }
}

async function readRels(
  zip: CheckedZip,
  reader: StreamingWorkbookReader,
  part: string,
): Promise<Relationship[]> {
  await reader._parseRels(await guarded(zip, part));
  return reader.workbookRels ?? [];
}

async function relatedPart(
  zip: CheckedZip,
  reader: StreamingWorkbookReader,
  from: string,
  type: RegExp,
): Promise<string | undefined> {
  const relsPart = relsPathOf(from);
  if (!zip.has(relsPart)) return undefined;
  const rel = (await readRels(zip, reader, relsPart)).find((r) => type.test(r.Type));
  return rel && resolveTarget(from, rel.Target);
}

/** A part for exceljs to read, once xml-guard.ts has read it through and found nothing to refuse. */
async function guarded(zip: CheckedZip, part: string, sheet?: SheetFacts): Promise<Readable> {
  await guardPart(part, await zip.openText(part), sheet);
  return zip.openText(part);
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ('') → `_rels/.rels`. */
function relsPathOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

async function readSheet(
  name: string,
  rows: AsyncIterable<ExcelJS.Row>,
  caps: ReadLimits,
): Promise<SheetGrid> {
  const values: unknown[][] = [];
  let rowsWithData = 0;
  let cells = 0;
  for await (const row of rows) {
    const cellsOfRow: unknown[] = [];
    row.eachCell((cell, column) => {
      const value = gridValue(cell.value);
      if (value === '') return;
      if (typeof value === 'string' && value.length > caps.maxCellChars) {
        const letter = columnLetter(column);
        throw new WorkbookRejected(
          'cell-too-long',
          422,
          `Sheet ${name}, cell ${letter}${row.number} holds ${value.length.toLocaleString('en-GB')} characters; Excel allows at most ${caps.maxCellChars.toLocaleString('en-GB')} in one cell.`,
          { sheet: name, row: row.number, column: letter },
        );
      }
      while (cellsOfRow.length < column - 1) cellsOfRow.push('');
      cellsOfRow.push(value);
    });
    if (cellsOfRow.length === 0) continue;
    rowsWithData += 1;
    if (rowsWithData > caps.maxRowsPerSheet) {
      throw new WorkbookRejected(
        'too-many-rows',
        413,
        `Sheet ${name} has more than ${caps.maxRowsPerSheet.toLocaleString('en-GB')} rows with data, more than a return may hold.`,
        { sheet: name },
      );
    }
    // Rows between those with data are blank; they share one empty row and count once each.
    while (values.length < row.number - 1) {
      values.push(BLANK_ROW);
      cells += 1;
    }
    values.push(cellsOfRow);
    cells += cellsOfRow.length;
    if (cells > MAX_CELLS_PER_SHEET) {
      throw new WorkbookRejected(
        'too-many-cells',
        413,
        `Sheet ${name} spans more than ${MAX_CELLS_PER_SHEET.toLocaleString('en-GB')} cells; delete unused rows and columns and try again.`,
        { sheet: name },
      );
    }
  }
  return { values, firstRow: 1 };
}

const BLANK_ROW: unknown[] = [];

/** A cell value as the parser expects it: number, string, boolean, Date, or '' for blank. */
function gridValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: string | null }[]).map((run) => run.text ?? '').join('');
    }
    // A formula cell gives its cached result: what the user sees.
    if ('formula' in v || 'sharedFormula' in v) return gridValue(v.result);
    if (typeof v.error === 'string') return v.error;
    if (typeof v.text === 'string') return v.text;
  }
  return '';
}
