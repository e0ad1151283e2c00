// The workbook reader (server/workbook/read.ts, xlsx-parts.ts, sheet-reader.ts) reads every part in
// the one SAX pass that checks it. It used to hand the checked parts to exceljs 4.4.0's streaming
// reader, and it still gives what that gave, cell by cell (compared here with exceljs's public streaming
// reader, reading the same benign files straight from their bytes), except where exceljs did not give
// what Excel shows. Those differences are intended, and DIFFERENCES below lists every one of them.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
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

/** Cell formats of the hand-made workbook: 1 `0.00%` (built in), 2 `0.0%`, 3 a date (built in), 4 `0"%"`. */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0&quot;%&quot;"/></numFmts>
<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs>
</styleSheet>`;

/** Shared strings of the hand-made workbook, by index. */
const SHARED_STRINGS = [
  '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0" type="noConversion"/></si>',
  '<si><t>line_x000D_break</t></si>',
  '<si><t>_x005F_x0041_ is typed, not A</t></si>',
  '<si>\n  <t>pretty</t>\n</si>',
];

/**
 * Every intended difference from exceljs 4.4.0's streaming reader, in one place: a cell as a file may
 * hold it (at `{ref}`), what exceljs gave for it ('' for blank), and what the reader gives, which is what
 * Excel shows in that cell. The sheet's name is the one difference outside a cell.
 */
const DIFFERENCES: readonly { what: string; cell: string; exceljs: unknown; ours: unknown }[] = [
  {
    what: 'a formula whose cached result is 0',
    cell: '<c r="{ref}"><f>0*1</f><v>0</v></c>',
    exceljs: '',
    ours: 0,
  },
  {
    what: 'a formula whose cached result is TRUE',
    cell: '<c r="{ref}" t="b"><f>1=1</f><v>1</v></c>',
    exceljs: 1,
    ours: true,
  },
  {
    what: 'a formula whose cached result is FALSE',
    cell: '<c r="{ref}" t="b"><f>1=0</f><v>0</v></c>',
    exceljs: '',
    ours: false,
  },
  {
    what: 'a formula whose cached result is an error',
    cell: '<c r="{ref}" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    exceljs: '',
    ours: '#DIV/0!',
  },
  {
    what: 'a formula whose cached result is a date',
    cell: '<c r="{ref}" s="3"><f>DATE(2026,4,1)</f><v>46113</v></c>',
    exceljs: 46_113,
    ours: new Date(Date.UTC(2026, 3, 1)),
  },
  {
    what: 'a formula whose text result holds an XML escape (decoded once, not twice)',
    cell: '<c r="{ref}" t="str"><f>A1</f><v>&amp;lt;b&amp;gt;</v></c>',
    exceljs: '<b>',
    ours: '&lt;b&gt;',
  },
  {
    what: 'an inline string that holds an XML escape',
    cell: '<c r="{ref}" t="inlineStr"><is><t>Fish &amp;amp; chips</t></is></c>',
    exceljs: 'Fish & chips',
    ours: 'Fish &amp; chips',
  },
  {
    what: 'an inline string in rich-text runs (joined, not the last run alone)',
    cell: '<c r="{ref}" t="inlineStr"><is><r><t xml:space="preserve">Joint </t></r><r><rPr><b/></rPr><t>website</t></r></is></c>',
    exceljs: 'website',
    ours: 'Joint website',
  },
  {
    what: 'an inline string with a phonetic reading',
    cell: '<c r="{ref}" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>',
    exceljs: 'トウキョウ',
    ours: '東京',
  },
  {
    what: 'a shared string with a phonetic reading',
    cell: '<c r="{ref}" t="s"><v>0</v></c>',
    exceljs: 'トウキョウ',
    ours: '東京',
  },
  {
    what: "a shared string with OOXML's escape of a carriage return",
    cell: '<c r="{ref}" t="s"><v>1</v></c>',
    exceljs: 'line_x000D_break',
    ours: 'line\rbreak',
  },
  {
    what: 'a shared string with text that looks like an escape (its _ escaped)',
    cell: '<c r="{ref}" t="s"><v>2</v></c>',
    exceljs: '_x005F_x0041_ is typed, not A',
    ours: '_x0041_ is typed, not A',
  },
  {
    what: 'a shared string written with line breaks between its elements',
    cell: '<c r="{ref}" t="s"><v>3</v></c>',
    exceljs: 'pretty\n',
    ours: 'pretty',
  },
  {
    what: 'text after the value, outside <v>',
    cell: '<c r="{ref}"><v>1</v>2</c>',
    exceljs: 12,
    ours: 1,
  },
  {
    what: 'a number with a built-in percentage format',
    cell: '<c r="{ref}" s="1"><v>0.125</v></c>',
    exceljs: 0.125,
    ours: '12.5%',
  },
  {
    what: 'a formula result with a percentage format of its own, beyond its shown decimals',
    cell: '<c r="{ref}" s="2"><f>7/300</f><v>2.3333333333333334E-2</v></c>',
    exceljs: 0.023_333_333_333_333_334,
    ours: '2.33333333333333%',
  },
];

/** The sheet's name in workbook.xml: Excel writes a typed `&lt;` as `&amp;lt;`. */
const SHEET_NAME = {
  written: 'Costs &amp;lt;2026&amp;gt;',
  exceljs: 'Costs <2026>',
  ours: 'Costs &lt;2026&gt;',
};

/** The hand-made workbook: one difference a row, in column A, with the styles and shared strings above. */
function differencesWorkbook(): Buffer {
  const sheetData = DIFFERENCES.map(
    (d, i) => `<row r="${i + 1}">${d.cell.replace('{ref}', `A${i + 1}`)}</row>`,
  ).join('');
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${SHARED_STRINGS.join('')}</sst>`;
  return buildZip(
    minimalXlsxParts(
      [{ name: SHEET_NAME.written, sheetData }],
      [
        { name: 'xl/styles.xml', data: STYLES },
        { name: 'xl/sharedStrings.xml', data: sst },
      ],
    ).map((part) =>
      part.name === 'xl/_rels/workbook.xml.rels'
        ? {
            ...part,
            data: String(part.data).replace(
              '</Relationships>',
              `<Relationship Id="rIdStyles" Type="${RELATIONSHIP}/styles" Target="styles.xml"/><Relationship Id="rIdStrings" Type="${RELATIONSHIP}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
            ),
          }
        : part,
    ),
  );
}

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('where the reader differs from exceljs: it reads what Excel shows', () => {
  const bytes = differencesWorkbook();
  const both = Promise.all([readWorkbookGrids(bytes), exceljsGrids(bytes)]);
  const cellA = (grids: WorkbookGrids, name: string, row: number): unknown =>
    grids[name]?.values[row - 1]?.[0] ?? '';

  it('names the sheet as Excel does, its escapes decoded once', async () => {
    const [ours, theirs] = await both;
    expect(Object.keys(theirs)).toEqual([SHEET_NAME.exceljs]);
    expect(Object.keys(ours)).toEqual([SHEET_NAME.ours]);
  });

  it.each(DIFFERENCES.map((d, i) => [d.what, i + 1, d] as const))('%s', async (_, row, d) => {
    const [ours, theirs] = await both;
    expect(cellA(theirs, SHEET_NAME.exceljs, row)).toEqual(d.exceljs);
    expect(cellA(ours, SHEET_NAME.ours, row)).toEqual(d.ours);
  });
});

describe('everywhere else the reader gives the cells exceljs gave', () => {
  it('for a workbook exceljs wrote: text, numbers, dates by format, booleans, errors, formulas, rich text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Données £ & <co>');
    sheet.addRow(['Header', 'Amount (£)', 'When', 'Paid', 'Error']);
    sheet.addRow(['Café “Ω” 😀', 1200.5, new Date(Date.UTC(2027, 1, 28)), true, { error: '#DIV/0!' }]);
    sheet.addRow([
      { richText: [{ text: 'Bold ' }, { text: 'and plain', font: { bold: true } }] },
      { formula: 'B2*2', result: 2401 },
      { formula: 'A1', result: 'text' },
      // A % in quotes or escaped is printed, not a percentage: the number is as typed.
      50,
      7.5,
    ]);
    sheet.getCell('D3').numFmt = '0"%"';
    sheet.getCell('E3').numFmt = '0.0\\%';
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
          ['Bold and plain', 2401, 'text', 50, 7.5],
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
    // One Projects sheet, three times: text, money, a boolean and a date (fixtures/sheetjs/README.md).
    for (const name of ['shared-strings.xlsx', 'inline-strings.xlsx', 'date-1904.xlsx']) {
      await sameAsExceljs(await readFile(new URL(`../fixtures/sheetjs/${name}`, import.meta.url)));
    }
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

  it('for cells written out of order or twice, and for values exceljs read as Excel does', async () => {
    const sheet = (sheetData: string) => buildZip(minimalXlsxParts([{ name: 'Sheet1', sheetData }]));
    const read = (sheetData: string) => sameAsExceljs(sheet(sheetData));
    // Out of order: in column order. Twice: the later value, unless it has none.
    expect(
      await read(
        '<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="A1"/><c r="B1"><v>2</v></c><c r="B1"><v></v></c></row>',
      ),
    ).toEqual({ Sheet1: { firstRow: 1, values: [[1, '', 3]] } });
    // A boolean is anything but 0; an inline string keeps its spaces; a formula's cached number or
    // text is its value; a formula never calculated (no cached result) is blank.
    expect(
      await read(
        `<row r="2"><c r="A2" t="str"><v>x &amp; y</v></c><c r="B2"><f>1+1</f><v>2</v></c><c r="C2" t="str"><f>"a"</f><v>a</v></c><c r="D2" t="b"><v>yes</v></c>${textCell('E2', ' padded ')}<c r="$F$2"><v>1e3</v></c><c r="G2"><f>1+1</f></c></row>`,
      ),
    ).toEqual({ Sheet1: { firstRow: 1, values: [[], ['x & y', 2, 'a', true, ' padded ', 1000]] } });
  });
});
