// The workbook reader (server/workbook/read.ts, xlsx-parts.ts, sheet-reader.ts) reads every part in
// the one SAX pass that checks it. It used to hand the checked parts to exceljs 4.4.0's streaming
// reader; what it gives the parser must stay what that gave. Here it is compared with exceljs's public
// streaming reader (reading the same benign files straight from their bytes), cell by cell.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { demoPartnership } from '../../../demo/partnership.js';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { writtenBytes } from '../../../server/workbook/bytes.js';
import { readWorkbookGrids, type WorkbookGrids } from '../../../server/workbook/read.js';
import { writePartnershipWorkbook } from '../../../server/workbook/write-template.js';
import { buildZip, minimalXlsxParts, textCell } from '../../helpers/zip.js';
import { unzipParts } from '../hostile/corpus.js';
import { councilWorkbook } from '../helpers/council-workbook.js';

/** A cell value as the workbook reader used to pass exceljs's on to the parser. */
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
    if ('formula' in v || 'sharedFormula' in v) return gridValue(v.result);
    if (typeof v.error === 'string') return v.error;
    if (typeof v.text === 'string') return v.text;
  }
  return '';
}

/** Parts exceljs's streaming reader must have read before any sheet, or it reads the sheets at random. */
const FIRST_PARTS = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/** The grids exceljs's public streaming reader gives for a workbook, laid out as the reader lays them. */
async function exceljsGrids(bytes: Buffer): Promise<WorkbookGrids> {
  // The same parts, in the order that reader needs (SheetJS, for one, writes sheets first).
  const parts = await unzipParts(bytes);
  const rank = (name: string) =>
    FIRST_PARTS.includes(name) ? FIRST_PARTS.indexOf(name) : FIRST_PARTS.length;
  const inOrder = buildZip(parts.sort((a, b) => rank(a.name) - rank(b.name)));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([inOrder]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const grids: WorkbookGrids = {};
  for await (const sheet of reader) {
    const values: unknown[][] = [];
    for await (const row of sheet) {
      const cells: unknown[] = [];
      row.eachCell((cell, column) => {
        const value = gridValue(cell.value);
        if (value === '') return;
        while (cells.length < column - 1) cells.push('');
        cells.push(value);
      });
      if (cells.length === 0) continue;
      while (values.length < row.number - 1) values.push([]);
      values.push(cells);
    }
    grids[(sheet as unknown as { name: string }).name] = { values, firstRow: 1 };
  }
  return grids;
}

const sameAsExceljs = async (bytes: Buffer) => {
  const ours = await readWorkbookGrids(bytes);
  expect(ours).toEqual(await exceljsGrids(bytes));
  return ours;
};

describe('the workbook reader gives the cells exceljs gave', () => {
  it('for a workbook exceljs wrote: text, numbers, dates by format, booleans, errors, formulas, rich text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Données £ & <co>');
    sheet.addRow(['Header', 'Amount (£)', 'When', 'Paid', 'Error']);
    sheet.addRow(['Café “Ω” 😀', 1200.5, new Date(Date.UTC(2027, 1, 28)), true, { error: '#DIV/0!' }]);
    sheet.addRow([
      { richText: [{ text: 'Bold ' }, { text: 'and plain', font: { bold: true } }] },
      { formula: 'B2*2', result: 2401 },
      // exceljs drops a formula's cached 0, so such a cell reads as blank.
      { formula: 'B2*0', result: 0 },
      { formula: 'A1', result: 'text' },
    ]);
    sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
    sheet.addRow([]);
    sheet.getRow(5).numFmt = 'yyyy-mm-dd';
    sheet.getCell('B5').value = 46_113;
    sheet.getCell('D5').value = 0.25;
    sheet.getCell('D5').numFmt = 'h:mm';
    book.addWorksheet('Second').addRow(['x']);
    expect(await sameAsExceljs(Buffer.from(await book.xlsx.writeBuffer()))).toEqual({
      'Données £ & <co>': {
        firstRow: 1,
        values: [
          ['Header', 'Amount (£)', 'When', 'Paid', 'Error'],
          ['Café “Ω” 😀', 1200.5, new Date(Date.UTC(2027, 1, 28)), true, '#DIV/0!'],
          ['Bold and plain', 2401, '', 'text'],
          [],
          ['', new Date(Date.UTC(2026, 3, 1)), '', new Date(Date.UTC(1899, 11, 30, 6))],
        ],
      },
      Second: { firstRow: 1, values: [['x']] },
    });
    book.properties.date1904 = true;
    await sameAsExceljs(Buffer.from(await book.xlsx.writeBuffer()));
  });

  it('for workbooks SheetJS wrote, with shared or inline strings and either date system', async () => {
    const book = XLSX.utils.book_new();
    const rows = [
      ['Title', 'Amount', 'Paid', 'Start'],
      ['a & b <c>', 1200.5, true, new Date(Date.UTC(2026, 3, 1))],
      [null, '£1,200', false, 46_113],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Projects');
    for (const bookSST of [true, false]) {
      await sameAsExceljs(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST }) as Buffer);
    }
    book.Workbook = { WBProps: { date1904: true } };
    await sameAsExceljs(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  });

  it('for our own council template and partnership workbook, and the template saved again by exceljs', async () => {
    const template = await councilWorkbook(
      'cherwell',
      '2026-10',
      demoPartnership,
      demoCouncilSubmission('cherwell', '2026-10'),
    );
    await sameAsExceljs(template);
    await sameAsExceljs(await writtenBytes((out) => writePartnershipWorkbook(out, demoPartnership)));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    await sameAsExceljs(Buffer.from(await book.xlsx.writeBuffer()));
  });

  it('for cells written out of order, twice, or with text exceljs read in its own way', async () => {
    const sheet = (sheetData: string) => buildZip(minimalXlsxParts([{ name: 'Sheet1', sheetData }]));
    const read = (sheetData: string) => sameAsExceljs(sheet(sheetData));
    // Out of order: in column order. Twice: the later value, unless it has none.
    expect(
      await read(
        '<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="A1"/><c r="B1"><v>2</v></c><c r="B1"><v></v></c></row>',
      ),
    ).toEqual({ Sheet1: { firstRow: 1, values: [[1, '', 3]] } });
    // A string cell's escapes are undone once more; an inline string keeps its last run only; text
    // after </v> belongs to the value; a boolean is anything but 0.
    expect(
      await read(
        `<row r="2"><c r="A2" t="str"><v>x &amp;amp; y</v></c><c r="B2" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c><c r="C2"><v>1</v>2</c><c r="D2" t="b"><v>yes</v></c>${textCell('E2', ' padded ')}<c r="$F$2"><v>1e3</v></c></row>`,
      ),
    ).toEqual({ Sheet1: { firstRow: 1, values: [[], ['x & y', 'b', 12, true, ' padded ', 1000]] } });
  });
});
