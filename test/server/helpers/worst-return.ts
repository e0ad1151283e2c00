// The worst return a council token can send within the limits: a valid council workbook whose Skills and
// Projects sheets each hold the most rows a sheet may (49,999 under the header), every cell "x", so nearly every cell is
// wrong (a million problems or so) from an upload of a megabyte or two. Apart from vitest, so the hostile
// bench sends it too.
import { demoPartnership } from '../../../demo/partnership.js';
import { columnLetter } from '../../../server/workbook/columns.js';
import { COUNCIL_LAYOUTS } from '../../../shared/sheets/index.js';
import { MAX_ROWS_PER_SHEET } from '../../../shared/schemas.js';
import { buildZip } from '../../helpers/zip.js';
import { sheetPartName, textOf, unzipParts } from '../hostile/corpus.js';
import { councilWorkbook } from './council-workbook.js';

export const WORST_COUNCIL = 'cherwell';
export const WORST_PERIOD = '2026-10';

/** Rows of "x" under the header row (row 1), in every column of the sheet. */
function wrongRows(columns: number, rows: number): string {
  const cells = (r: number) =>
    Array.from(
      { length: columns },
      (_, i) => `<c r="${columnLetter(i + 1)}${r}" t="inlineStr"><is><t>x</t></is></c>`,
    ).join('');
  const out: string[] = [];
  for (let r = 2; r < rows + 2; r++) out.push(`<row r="${r}">${cells(r)}</row>`);
  return out.join('');
}

/** The header row counts as a row with data, so a sheet holds at most MAX_ROWS_PER_SHEET - 1 rows under it. */
export async function worstReturn(rowsPerSheet = MAX_ROWS_PER_SHEET - 1): Promise<Buffer> {
  const parts = await unzipParts(await councilWorkbook(WORST_COUNCIL, WORST_PERIOD, demoPartnership));
  const filled = new Map(
    COUNCIL_LAYOUTS.filter((l) => l.sheet !== 'Contributions').map((l) => [
      sheetPartName(parts, l.sheet),
      l.columns.length,
    ]),
  );
  return buildZip(
    parts.map((part) => {
      const columns = filled.get(part.name);
      if (columns === undefined) return part;
      // Keep the header row the template wrote; everything after it becomes the wrong rows.
      const xml = textOf(part).replace(
        /(<sheetData>\s*<row [^>]*r="1"[^>]*>[\s\S]*?<\/row>)[\s\S]*<\/sheetData>/,
        (_m, header: string) => `${header}${wrongRows(columns, rowsPerSheet)}</sheetData>`,
      );
      return { ...part, data: Buffer.from(xml) };
    }),
  );
}
