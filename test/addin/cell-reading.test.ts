// The pane and the service read the same cells alike. The pane reads Office.js values with their number
// formats (here from the E2E tests' in-memory Excel, which stores what a person types as Excel does:
// "12.5%" becomes 0.125 formatted 0.00%); the service reads the saved .xlsx (here written by exceljs with
// the same cells). Both give the parser the same grid, so Check in the pane and the upload agree.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { snapshotGrids } from '../../addin/src/excel/check.js';
import { readCouncilSheets } from '../../addin/src/excel/council-sheets.js';
import { readWorkbookGrids } from '../../server/workbook/read.js';
import { CONTRIBUTIONS_LAYOUT, PROJECTS_LAYOUT, SKILLS_LAYOUT } from '../../shared/sheets/index.js';
import { parseCouncilWorkbook, type WorkbookGrids } from '../../shared/parse/index.js';
import { RequestContext } from '../e2e/fake-office/excel/request-context.js';
import { EXCEL_ENUMS } from '../e2e/fake-office/enums.js';
import { Workbook } from '../e2e/fake-office/model/workbook.js';

const headers = (layout: { columns: readonly { header: string }[] }) => layout.columns.map((c) => c.header);
const ABOUT = [
  ['Council ID', 'cherwell'],
  ['Period', '2026-10'],
  ['Layout version', 1],
];
const column = (header: string) => headers(CONTRIBUTIONS_LAYOUT).indexOf(header);

/** The return as a finance officer types it into Excel: Amount is a formula whose result is 0. */
async function readInPane(): Promise<WorkbookGrids> {
  const wb = new Workbook();
  const type = (sheet: string, rows: unknown[][]) => {
    const s = wb.addSheet(sheet);
    rows.forEach((row, r) => row.forEach((value, c) => wb.write(s, r, c, value)));
    return s;
  };
  type('About', ABOUT);
  const row = new Array<unknown>(headers(CONTRIBUTIONS_LAYOUT).length).fill('');
  row[column('Month')] = '2026-10';
  row[column('Type')] = 'Cash';
  row[column('Budget line')] = 'Shared team';
  row[column('Reference')] = '&lt;';
  row[column('Notes')] = '12.5%';
  const contributions = type('Contributions', [headers(CONTRIBUTIONS_LAYOUT), row]);
  // =0*1, calculated: Office.js gives a formula cell's value, its result.
  wb.write(contributions, 1, column('Amount (£)'), 0);
  wb.cell(contributions, 1, column('Amount (£)'))!.formula = '=0*1';
  type('Skills', [headers(SKILLS_LAYOUT)]);
  type('Projects', [headers(PROJECTS_LAYOUT)]);
  const snapshot = await readCouncilSheets(new RequestContext(wb) as unknown as Excel.RequestContext);
  return snapshotGrids(snapshot);
}

/** The same cells saved as an .xlsx, as the service receives them. */
async function readInService(): Promise<WorkbookGrids> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('About').addRows(ABOUT);
  const sheet = book.addWorksheet('Contributions');
  sheet.addRow(headers(CONTRIBUTIONS_LAYOUT));
  const at = (header: string) => sheet.getCell(2, column(header) + 1);
  at('Month').value = new Date(Date.UTC(2026, 9, 1));
  at('Month').numFmt = 'mmm-yy';
  at('Type').value = 'Cash';
  at('Budget line').value = 'Shared team';
  at('Amount (£)').value = { formula: '0*1', result: 0 };
  at('Reference').value = '&lt;';
  at('Notes').value = 0.125;
  at('Notes').numFmt = '0.00%';
  book.addWorksheet('Skills').addRow(headers(SKILLS_LAYOUT));
  book.addWorksheet('Projects').addRow(headers(PROJECTS_LAYOUT));
  return readWorkbookGrids(Buffer.from(await book.xlsx.writeBuffer()));
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = EXCEL_ENUMS;
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('the pane and the service read a typed return alike', () => {
  it('a formula showing 0, text with a markup escape and a percentage typed as 12.5%', async () => {
    const context = { partnership: demoPartnership, council: 'cherwell', period: '2026-10' };
    const pane = parseCouncilWorkbook(await readInPane(), context);
    const service = parseCouncilWorkbook(await readInService(), context);
    // Worked out by hand: a Cash row of £0.00 is allowed (≥ 0); the text cells are what was typed.
    const expected = [
      {
        month: '2026-10',
        type: 'Cash',
        budgetLine: 'Shared team',
        amountPence: 0,
        reference: '&lt;',
        notes: '12.5%',
      },
    ];
    expect(pane.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(pane.submission.contributions).toEqual(expected);
    expect(service.problems).toEqual(pane.problems);
    expect(service.submission).toEqual(pane.submission);
  });
});
