// Small helpers to hold a written workbook in memory and look inside it.
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

export { writtenBytes } from '../../server/workbook/bytes.js';

/** The text of every part of a zip, by part name. */
export async function zipParts(zip: Buffer): Promise<Map<string, string>> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const parts = new Map<string, string>();
  for await (const entry of file.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await file.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  return parts;
}

/** A workbook the service wrote, as exceljs reads it: a reader that is not ours checks what we write. */
export async function openWorkbook(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  return book;
}

/** The workbook's sheet names, in order. */
export const sheetNames = (book: ExcelJS.Workbook): string[] => book.worksheets.map((sheet) => sheet.name);

/**
 * A sheet's rows below its first, each by that row's labels: a cell's value, a formula's result, and no
 * key for an empty cell. Blank rows are left out.
 */
export function sheetRecords(book: ExcelJS.Workbook, sheet: string): Record<string, unknown>[] {
  const worksheet = book.getWorksheet(sheet);
  if (!worksheet) throw new Error(`The workbook has no sheet ${sheet}.`);
  const rows: ExcelJS.Row[] = [];
  worksheet.eachRow((row) => rows.push(row));
  const [header, ...body] = rows;
  const labels = new Map<number, string>();
  header?.eachCell((cell, column) => labels.set(column, String(cell.value)));
  return body.map((row) => {
    const record: Record<string, unknown> = {};
    row.eachCell((cell, column) => {
      const label = labels.get(column);
      if (label !== undefined) record[label] = cell.result ?? cell.value;
    });
    return record;
  });
}
