import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { writtenBytes } from '../../../server/workbook/bytes.js';
import { readWorkbookGrids, WorkbookRejected } from '../../../server/workbook/read.js';
import { writePartnershipWorkbook } from '../../../server/workbook/write-template.js';
import { COST_SHARES_LAYOUT } from '../../../shared/sheets/index.js';
import { plainCell } from '../../../shared/parse/cells.js';
import { columnReader } from '../../../shared/parse/columns.js';
import { parseCouncilWorkbook, parsePartnershipWorkbook } from '../../../shared/parse/index.js';
import type { Partnership } from '../../../shared/schemas.js';
import { convertWithLibreOffice } from '../../helpers/libreoffice.js';
import { requireTool } from '../../helpers/tools.js';
import { buildZip, minimalXlsxParts, textCell, type ZipPart } from '../../helpers/zip.js';
import { councilWorkbook } from '../helpers/council-workbook.js';

/** The rejection a read ends with, for asserting on its code, status, message and place. */
async function rejection(
  input: Buffer,
  limits?: Parameters<typeof readWorkbookGrids>[1],
): Promise<WorkbookRejected> {
  const error: unknown = await readWorkbookGrids(input, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookRejected);
  return error as WorkbookRejected;
}

/** A workbook SheetJS wrote (fixtures/sheetjs/README.md says how), as another program writes them. */
const sheetjsFixture = (name: string): Promise<Buffer> =>
  readFile(new URL(`../fixtures/sheetjs/${name}`, import.meta.url));

const sheetXlsx = (sheetData: string, name = 'Sheet1', extra: ZipPart[] = []) =>
  buildZip(minimalXlsxParts([{ name, sheetData }], extra));

describe('reading a council workbook written by another program', () => {
  it('finds columns by header in any order, skips blank rows, ignores extra columns and reads text money and dates', async () => {
    // SheetJS's: sheets before the workbook part, text in inline strings, the columns of each sheet in
    // another order with one of our own, blank rows, money as text ('£1,200.50', '300'), a date cell and
    // dates as text ('01/09/2026', '2027-03-31'). fixtures/sheetjs/README.md lists its rows.
    const bytes = await sheetjsFixture('council-return.xlsx');

    const parsed = parseCouncilWorkbook(await readWorkbookGrids(bytes), { partnership: demoPartnership });

    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed.ok).toBe(true);
    expect(parsed.about).toEqual({ council: 'cherwell', period: '2026-11', layoutVersion: 1 });
    expect(parsed.submission.contributions).toEqual([
      expect.objectContaining({
        month: '2026-05',
        type: 'Cash',
        budgetLine: 'CDO salary',
        amountPence: 120_050,
        reference: 'INV-1',
      }),
      expect.objectContaining({
        month: '2026-10',
        type: 'Cash',
        budgetLine: 'Shared team',
        amountPence: 30_000,
      }),
    ]);
    expect(parsed.submission.skills).toEqual([
      expect.objectContaining({
        email: 'Marcus@Reid-Research.example',
        from: '2026-09-01',
        to: '2027-03-31',
        daysPerMonth: 8,
      }),
    ]);
    expect(parsed.submission.projects).toEqual([
      expect.objectContaining({
        id: 'OXD-001',
        start: '2026-04-01',
        due: '2027-03-31',
        budgetPence: 18_000_000,
      }),
    ]);
    expect(parsed.problems.some((p) => p.severity === 'note' && p.sheet === 'Contributions')).toBe(true);
  });

  it('keeps text intact where multi-byte characters straddle the chunks the zip inflates in', async () => {
    const text = '£€ “quoted” — naïve café 😀 '.repeat(1_200);
    // Written by hand and deflated: exceljs 4.4.0's writer itself breaks an emoji that falls on the
    // boundary of its own buffers into two U+FFFD.
    const rows = Array.from(
      { length: 12 },
      (_, i) => `<row r="${i + 1}">${textCell(`A${i + 1}`, `${i}: ${text.slice(0, 30_000)}`)}</row>`,
    );
    const grids = await readWorkbookGrids(sheetXlsx(rows.join(''), 'Notes'));
    expect(grids.Notes?.values.map((row) => row[0])).toEqual(
      Array.from({ length: 12 }, (_, i) => `${i}: ${text.slice(0, 30_000)}`),
    );
  });

  it('gives formula cells their cached result, flattens rich text and keeps types', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Contributions');
    sheet.addRow(['Month', 'Amount (£)', 'Reference', 'Paid']);
    sheet.addRow([
      new Date(Date.UTC(2026, 4, 1)),
      { formula: 'B3*2', result: 250.5 },
      { richText: [{ text: 'INV-' }, { text: '7', font: { bold: true } }] },
      true,
    ]);
    sheet.getCell('A2').numFmt = 'mmm yyyy';
    sheet.addRow([null, 125.25, { formula: 'CONCAT("a","b")', result: 'ab' }]);
    const grids = await readWorkbookGrids(Buffer.from(await book.xlsx.writeBuffer()));
    expect(grids.Contributions).toEqual({
      firstRow: 1,
      values: [
        ['Month', 'Amount (£)', 'Reference', 'Paid'],
        [new Date(Date.UTC(2026, 4, 1)), 250.5, 'INV-7', true],
        ['', 125.25, 'ab'],
      ],
    });
  });

  it('reads a minimal workbook built by hand (the base of the hostile cases below)', async () => {
    const grids = await readWorkbookGrids(
      sheetXlsx(`<row r="2">${textCell('B2', 'hello')}<c r="C2"><v>3.5</v></c></row>`),
    );
    expect(grids).toEqual({ Sheet1: { firstRow: 1, values: [[], ['', 'hello', 3.5]] } });
  });
});

/** Loads a workbook into exceljs, lets `edit` change it as a person would in Excel, and saves it. */
async function editedInExcel(bytes: Buffer, edit: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The cell of `row` in the column whose header (in row 1) is `header`. */
function cellUnder(sheet: ExcelJS.Worksheet, header: string, row: number): ExcelJS.Cell {
  const headers = sheet.getRow(1).values as unknown[];
  const column = headers.indexOf(header);
  if (column < 1) throw new Error(`no column ${header}`);
  return sheet.getCell(row, column);
}

describe('what a finance officer typed is what the service reads', () => {
  it('accepts a Cash row whose Amount is a formula showing 0, as the pane does', async () => {
    const template = await councilWorkbook(
      'cherwell',
      '2026-10',
      demoPartnership,
      demoCouncilSubmission('cherwell', '2026-10'),
    );
    const bytes = await editedInExcel(template, (book) => {
      const sheet = book.getWorksheet('Contributions')!;
      const type = (row: number) => String(cellUnder(sheet, 'Type', row).value);
      const cashRow = [...Array(sheet.rowCount - 1).keys()]
        .map((i) => i + 2)
        .find((r) => type(r) === 'Cash')!;
      cellUnder(sheet, 'Amount (£)', cashRow).value = { formula: '0*1', result: 0 };
      cellUnder(sheet, 'Reference', cashRow).value = 'PO <12> & &lt;';
    });
    const parsed = parseCouncilWorkbook(await readWorkbookGrids(bytes), {
      partnership: demoPartnership,
      council: 'cherwell',
      period: '2026-10',
    });
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed.submission.contributions).toContainEqual(
      expect.objectContaining({ type: 'Cash', amountPence: 0, reference: 'PO <12> & &lt;' }),
    );
  });

  it('reads Cost shares typed as 12.5% (stored as 0.125 formatted as a percentage) or as text', async () => {
    const fixed: Partnership = {
      ...demoPartnership,
      costShareMethod: 'Fixed',
      costShares: ['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'].map(
        (council) => ({ financialYear: '2026-27', council, sharePercent: 1 }),
      ),
    };
    const template = await writtenBytes((out) => writePartnershipWorkbook(out, fixed));
    const bytes = await editedInExcel(template, (book) => {
      const sheet = book.getWorksheet('Cost shares')!;
      const share = (row: number, value: number | string, numFmt?: string) => {
        const cell = cellUnder(sheet, 'Share (%)', row);
        cell.value = value;
        // A style of its own: exceljs shares one style object between the cells of a column.
        if (numFmt) cell.style = { ...cell.style, numFmt };
      };
      // As Excel stores "12.5%" typed into a number cell: the fraction, shown as a percentage.
      share(2, 0.125, '0.00%');
      share(3, '12.5%');
      share(4, 0.25, '0%');
      share(5, 50);
    });
    const { partnership, problems } = parsePartnershipWorkbook(await readWorkbookGrids(bytes));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // 12.5 + 12.5 + 25 + 50 = 100, as the Fixed method needs.
    expect(partnership?.costShares.map((s) => s.sharePercent)).toEqual([12.5, 12.5, 25, 50]);
  });
});

const hasLibreOffice = requireTool('libreoffice');

/** A flat OpenDocument spreadsheet of one sheet, one row of `cells` (table:table-cell elements). */
const fods = (sheet: string, cells: string[]): string => `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:percentage-style style:name="N11"><number:number number:decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <style:style style:name="percent" style:family="table-cell" style:data-style-name="N11"/>
  <style:style style:name="bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 </office:automatic-styles>
 <office:body><office:spreadsheet><table:table table:name="${sheet}"><table:table-row>
  ${cells.join('\n  ')}
 </table:table-row></table:table></office:spreadsheet></office:body>
</office:document>`;

describe.skipIf(!hasLibreOffice)('workbooks LibreOffice saved as .xlsx', () => {
  /** Writes `name` with `content`, has LibreOffice convert it to .xlsx, and reads that. */
  async function convertedAndRead(name: string, content: string) {
    const dir = await mkdtemp(path.join(tmpdir(), 'lo-read-'));
    try {
      await writeFile(path.join(dir, name), content);
      const out = path.join(dir, 'out');
      const [xlsx] = await convertWithLibreOffice(path.join(dir, name), 'xlsx', out);
      return await readWorkbookGrids(await readFile(xlsx!));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('reads formula results of every type, escapes once, rich text joined and a percentage', async () => {
    const grids = await convertedAndRead(
      'cells.fods',
      fods('Cells &amp; &lt;more&gt;', [
        // Typed text that looks like an XML escape.
        '<table:table-cell office:value-type="string"><text:p>&amp;lt;</text:p></table:table-cell>',
        '<table:table-cell table:formula="of:=0*1" office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell>',
        '<table:table-cell table:formula="of:=&quot;a&quot;&amp;&quot;b&quot;" office:value-type="string" office:string-value="ab"><text:p>ab</text:p></table:table-cell>',
        '<table:table-cell table:formula="of:=1=1" office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>',
        '<table:table-cell table:formula="of:=1=0" office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>',
        '<table:table-cell table:formula="of:=1/0"><text:p>#DIV/0!</text:p></table:table-cell>',
        '<table:table-cell table:style-name="percent" office:value-type="percentage" office:value="0.125"><text:p>12.50%</text:p></table:table-cell>',
        '<table:table-cell office:value-type="string"><text:p>Bold <text:span text:style-name="bold">and</text:span> plain</text:p></table:table-cell>',
      ]),
    );
    // Worked out by hand from what each cell shows in LibreOffice (and Excel).
    expect(grids).toEqual({
      'Cells & <more>': {
        firstRow: 1,
        values: [['&lt;', 0, 'ab', true, false, '#DIV/0!', '12.5%', 'Bold and plain']],
      },
    });
  });

  it('reads a percentage from a CSV as text, and a percentage column reads it as 12.5', async () => {
    const grids = await convertedAndRead('shares.csv', 'Share (%),Reference\n12.5%,&lt;\n');
    expect(grids).toEqual({
      shares: {
        firstRow: 1,
        values: [
          ['Share (%)', 'Reference'],
          ['12.5%', '&lt;'],
        ],
      },
    });
    const share = COST_SHARES_LAYOUT.columns.find((c) => c.header === 'Share (%)')!;
    expect(columnReader(share, {})(plainCell(grids.shares!.values[1]![0])!)).toBe(12.5);
  });
});

describe('refusing hostile or broken files before using them', () => {
  it('refuses a file that is not a zip at all', async () => {
    const error = await rejection(Buffer.from('Council ID,cherwell\nPeriod,2026-11\n'));
    expect([error.code, error.status, error.message]).toEqual([
      'not-xlsx',
      422,
      'This file is not an Excel workbook (.xlsx).',
    ]);
  });

  it('explains an old .xls or password-protected workbook', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    const error = await rejection(ole);
    expect(error.code).toBe('not-xlsx');
    expect(error.message).toMatch(/\.xls file or a password-protected workbook/);
  });

  it('refuses a zip that is not a workbook', async () => {
    const error = await rejection(buildZip([{ name: 'notes.txt', data: 'hello' }]));
    expect(error.code).toBe('not-xlsx');
  });

  it('refuses a file over the size limit', async () => {
    const error = await rejection(sheetXlsx('<row r="1"><c r="A1"><v>1</v></c></row>'), { maxBytes: 200 });
    expect([error.code, error.status]).toEqual(['too-large', 413]);
  });

  it('refuses a zip bomb: a small file whose sheet inflates past the default 100 MB', async () => {
    const huge = Buffer.alloc(120 * 1024 * 1024, ' ');
    const bomb = sheetXlsx(huge.toString('latin1'));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await rejection(bomb);
    expect([error.code, error.status]).toEqual(['zip-bomb', 413]);
    expect(error.message).toMatch(/more than 100 MB/);
  });

  it('refuses a part compressed far beyond what a real sheet compresses, even under the size cap', async () => {
    const error = await rejection(sheetXlsx(' '.repeat(20 * 1024 * 1024)));
    expect([error.code, error.status]).toEqual(['zip-bomb', 422]);
    expect(error.message).toMatch(/compressed \d+ to 1/);
  });

  it('refuses a part whose header declares far less than it inflates to, while inflating it', async () => {
    const parts = minimalXlsxParts([{ name: 'Sheet1', sheetData: ' '.repeat(5 * 1024 * 1024) }]).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: 1_000 } : p,
    );
    const error = await rejection(buildZip(parts));
    expect([error.code, error.status]).toEqual(['zip-bomb', 422]);
    expect(error.message).toMatch(/xl\/worksheets\/sheet1\.xml holds more data than its header declares/);
  });

  it('refuses more inflated XML than the cap allows when the headers understate every part', async () => {
    const parts = minimalXlsxParts(
      [{ name: 'Sheet1', sheetData: '<row r="1"/>' }],
      [
        { name: 'xl/a.xml', data: ' '.repeat(600_000) },
        { name: 'xl/b.xml', data: ' '.repeat(600_000) },
      ],
    );
    const error = await rejection(buildZip(parts), { maxUncompressedBytes: 1_000_000 });
    expect([error.code, error.status]).toEqual(['zip-bomb', 413]);
  });

  it('refuses XML with a document type declaration', async () => {
    const parts = minimalXlsxParts([{ name: 'Sheet1', sheetData: '<row r="1"/>' }]).map((p) =>
      p.name === 'xl/workbook.xml'
        ? { ...p, data: String(p.data).replace('?>', '?><!DOCTYPE workbook [<!ENTITY lol "lol">]>') }
        : p,
    );
    const error = await rejection(buildZip(parts));
    expect([error.code, error.status]).toEqual(['xml-entities', 422]);
    expect(error.message).toMatch(/xl\/workbook\.xml/);
  });

  it('finds an entity declaration split across two inflated chunks', async () => {
    // zlib hands inflated data over in 16 KiB chunks: put the marker across the first boundary.
    const sharedStrings = `${' '.repeat(16 * 1024 - 4)}<!ENTITY x SYSTEM "file:///etc/passwd">`;
    const error = await rejection(
      sheetXlsx('<row r="1"/>', 'Sheet1', [{ name: 'xl/sharedStrings.xml', data: sharedStrings }]),
    );
    expect(error.code).toBe('xml-entities');
  });

  it('refuses a sheet with more rows than a return may hold, naming the sheet', async () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const error = await rejection(sheetXlsx(rows.join(''), 'Projects'));
    expect([error.code, error.status, error.where]).toEqual(['too-many-rows', 413, { sheet: 'Projects' }]);
    expect(error.message).toBe(
      'Sheet Projects has more than 50,000 rows with data, more than a return may hold.',
    );
  });

  it('counts only rows with data against the row limit', async () => {
    const rows = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `<row r="${2 * i + 1}"><c r="A${2 * i + 1}"><v>${i}</v></c></row><row r="${2 * i + 2}"/>`,
      ).join('');
    await expect(readWorkbookGrids(sheetXlsx(rows(10)), { maxRowsPerSheet: 10 })).resolves.toBeDefined();
    expect((await rejection(sheetXlsx(rows(11)), { maxRowsPerSheet: 10 })).code).toBe('too-many-rows');
  });

  it('refuses a cell longer than Excel allows, naming sheet, row and column', async () => {
    const error = await rejection(
      sheetXlsx(`<row r="5">${textCell('C5', 'x'.repeat(1_000_000))}</row>`, 'Projects'),
    );
    expect([error.code, error.status, error.where]).toEqual([
      'cell-too-long',
      422,
      { sheet: 'Projects', row: 5, column: 'C' },
    ]);
    expect(error.message).toBe(
      'Sheet Projects, cell C5 holds 1,000,000 characters; Excel allows at most 32,767 in one cell.',
    );
  });

  it("counts a cell's own text against that limit, not its phonetic reading", async () => {
    const text = '東'.repeat(32_767);
    const grids = await readWorkbookGrids(
      sheetXlsx(
        `<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t><rPh sb="0" eb="1"><t>トウ</t></rPh></is></c></row>`,
      ),
    );
    expect(grids.Sheet1?.values).toEqual([[text]]);
  });

  it('refuses a sheet that spreads a few cells across millions of blank positions', async () => {
    const rows = Array.from(
      { length: 400 },
      (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`,
    );
    const error = await rejection(sheetXlsx(rows.join('')));
    expect([error.code, error.status]).toEqual(['too-many-cells', 413]);
  });

  it('refuses ISO-text date cells rather than misreading 2026-04-01 as the number 2026', async () => {
    // SheetJS's, with a Start column whose one date is the cell `t="d"` with the text 2026-04-01T00:00:00.000Z.
    const error = await rejection(await sheetjsFixture('iso-date-cells.xlsx'));
    expect([error.code, error.status]).toEqual(['unsupported-cells', 422]);
    expect(error.message).toMatch(/open it in Excel, save it, and try again/);
  });

  it('refuses a workbook whose sheet XML is broken', async () => {
    const error = await rejection(sheetXlsx('<row r="1"><c r="A1"><v>1</v></row>'));
    expect([error.code, error.status]).toEqual(['unreadable', 422]);
  });
});

describe('never sizing anything from what a file declares', () => {
  const refused = async (sheetData: string, name = 'Skills') => {
    const error = await rejection(sheetXlsx(sheetData, name));
    expect([error.code, error.status]).toEqual(['bad-workbook', 422]);
    return error.message;
  };
  const header = `<row r="1">${textCell('A1', 'Skill')}</row>`;

  it('refuses a row numbered beyond Excel’s last row before reserving anything for it', async () => {
    const before = process.memoryUsage().rss;
    expect(await refused(`${header}<row r="2000000000">${textCell('A2000000000', 'x')}</row>`)).toBe(
      'Sheet Skills has a row numbered "2000000000"; Excel\'s rows run from 1 to 1,048,576.',
    );
    expect(await refused(`${header}<row r="1048577"/>`)).toMatch(/row numbered "1048577"/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses negative, non-numeric and missing row numbers and rows out of order', async () => {
    expect(await refused(`<row r="-5"/>`)).toMatch(/row numbered "-5"/);
    expect(await refused(`<row r="1e9"/>`)).toMatch(/row numbered "1e9"/);
    expect(await refused(`${header}<row/>`)).toBe('Sheet Skills has a row without a row number after row 1.');
    expect(await refused(`${header}<row r="1"/>`)).toBe('Sheet Skills, row 1 comes after row 1.');
  });

  it('refuses a cell beyond column XFD or outside its row, naming the sheet and cell', async () => {
    expect(await refused(`<row r="1">${textCell('XFE1', 'x')}</row>`)).toBe(
      'Sheet Skills, row 1 has a cell "XFE1", which is not a cell of that row within Excel\'s limits (column XFD, row 1,048,576).',
    );
    expect(await refused(`<row r="1">${textCell('ZZZZZZ1', 'x')}</row>`)).toMatch(/cell "ZZZZZZ1"/);
    expect(await refused(`<row r="1">${textCell('A7', 'x')}</row>`)).toMatch(/cell "A7"/);
    expect(await refused(`<row r="1"><c><v>1</v></c></row>`)).toMatch(/cell without a reference/);
  });

  it('refuses lying dimensions, spans and column ranges', async () => {
    const sheet = (head: string, data: string) =>
      minimalXlsxParts([{ name: 'Skills', sheetData: data }]).map((p) =>
        p.name === 'xl/worksheets/sheet1.xml'
          ? { ...p, data: String(p.data).replace('<sheetData>', `${head}<sheetData>`) }
          : p,
      );
    const codeOf = async (parts: ZipPart[]) => (await rejection(buildZip(parts))).message;
    expect(await codeOf(sheet('<dimension ref="A1:XFD2000000000"/>', header))).toMatch(
      /declares its size as "A1:XFD2000000000"/,
    );
    expect(await codeOf(sheet('<cols><col min="1" max="2000000000" width="9"/></cols>', header))).toMatch(
      /formats columns 1 to 2000000000/,
    );
    expect(await refused(`<row r="1" spans="1:99999">${textCell('A1', 'x')}</row>`)).toMatch(
      /declares the columns "1:99999"/,
    );
  });

  it('refuses style and shared-string indexes that point at nothing', async () => {
    expect(await refused(`<row r="1"><c r="B1" s="99999999"><v>1</v></c></row>`)).toMatch(
      /cell B1 uses cell format "99999999"/,
    );
    expect(await refused(`<row r="1"><c r="C1" t="s"><v>4000000000</v></c></row>`)).toBe(
      'Sheet Skills, cell C1 refers to shared string "4000000000", but the workbook holds 0.',
    );
  });

  it('refuses elements nested deeper than any spreadsheet nests them', async () => {
    const deep = `${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`;
    expect(await refused(`<row r="1"><c r="A1">${deep}</c></row>`)).toMatch(/nests elements more than 64/);
  });

  it('reads only XML parts, whatever name a relationship points at', async () => {
    const parts = minimalXlsxParts([{ name: 'Skills', sheetData: header }]).map((p) =>
      p.name === 'xl/_rels/workbook.xml.rels'
        ? { ...p, data: String(p.data).replace('worksheets/sheet1.xml', 'worksheets/sheet1.bin') }
        : p.name === 'xl/worksheets/sheet1.xml'
          ? { ...p, name: 'xl/worksheets/sheet1.bin' }
          : p,
    );
    const error = await rejection(buildZip(parts));
    expect([error.code, error.message]).toEqual([
      'unreadable',
      "This workbook's part xl/worksheets/sheet1.bin is not an XML part.",
    ]);
  });
});
