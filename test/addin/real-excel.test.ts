// The Excel adapter against an Excel that refuses what real Excel refuses (test/e2e/fake-office), on
// each host profile at the oldest Excel the manifest accepts (ExcelApi 1.8): it clears a table's
// filters before replacing its rows, answers a cell still being edited with a plain sentence and no
// change, names protected sheets before changing anything, and writes text that could become a
// formula as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { checkWorkbook } from '../../addin/src/excel/check.js';
import { writeConsolidatedView } from '../../addin/src/excel/consolidated-sheets.js';
import { CELL_EDIT_MODE_MESSAGE, excelRefusal } from '../../addin/src/excel/index.js';
import { SheetsProtected, setUpCouncilSheets } from '../../addin/src/excel/setup-sheets.js';
import { WorkbookProtected } from '../../addin/src/excel/owned-sheets.js';
import { writeSubmission } from '../../addin/src/excel/submission-sheets.js';
import { consolidate } from '../../shared/consolidate/index.js';
import { COUNCIL_LAYOUTS, dropDownLists } from '../../shared/sheets/index.js';
import { submissionRecordSchema } from '../../shared/schemas.js';
import { RequestContext } from '../e2e/fake-office/excel/request-context.js';
import { EXCEL_ENUMS } from '../e2e/fake-office/enums.js';
import { HOST_PROFILES, type HostProfileName } from '../e2e/fake-office/host-profiles.js';
import { Workbook } from '../e2e/fake-office/model/workbook.js';

const PERIOD = '2026-10';
const setup = {
  council: 'cherwell',
  period: PERIOD,
  lists: dropDownLists(COUNCIL_LAYOUTS, demoPartnership, '2026-27'),
};

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = EXCEL_ENUMS;
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

/** Runs `batch` as Excel.run does: one context, its queue synced at the end. */
async function run<T>(wb: Workbook, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const context = new RequestContext(wb);
  const result = await batch(context as unknown as Excel.RequestContext);
  if (context.pending) await context.sync();
  return result;
}

const tableBody = (wb: Workbook, name: string) => {
  const table = wb.table(name)!;
  return wb.values(table.sheet, { ...table.rect, r0: table.rect.r0 + 1 });
};

/** A set-up council workbook on an Excel of ExcelApi 1.8, with one row the user typed in Contributions. */
async function councilWorkbook(): Promise<Workbook> {
  const wb = new Workbook();
  wb.excelApi = '1.8';
  await run(wb, (context) => setUpCouncilSheets(context, setup));
  const contributions = wb.requireSheet('Contributions');
  ['2026-10', 'Cash', 'Shared team', 1000, '', '', '', 'MINE-1', ''].forEach((v, c) =>
    wb.write(contributions, 1, c, v),
  );
  return wb;
}

describe.each(Object.keys(HOST_PROFILES) as HostProfileName[])('the adapter in Excel on %s', () => {
  it('sets up, checks and writes the consolidated view with nothing newer than ExcelApi 1.8', async () => {
    const wb = await councilWorkbook();
    const result = await run(wb, (context) =>
      checkWorkbook(context, { partnership: demoPartnership, council: 'cherwell', period: PERIOD }),
    );
    expect(result.parsed.ok).toBe(true);
    const record = submissionRecordSchema.parse({
      id: 1,
      council: 'cherwell',
      period: PERIOD,
      version: 1,
      review: 'pending',
      submittedAt: `${PERIOD}-28T09:00:00.000Z`,
      data: demoCouncilSubmission('cherwell', PERIOD),
    });
    // The consolidated view goes into a workbook of its own.
    const partnershipWorkbook = new Workbook();
    partnershipWorkbook.excelApi = '1.8';
    const report = await run(partnershipWorkbook, (context) =>
      writeConsolidatedView(context, consolidate(demoPartnership, [record], PERIOD)),
    );
    expect(report.charts.length).toBeGreaterThan(0);
  });

  it('clears a filter on a table before replacing its rows', async () => {
    const wb = await councilWorkbook();
    wb.table('Contributions')!.filtered = true;
    const submission = demoCouncilSubmission('cherwell', PERIOD);
    await run(wb, (context) => writeSubmission(context, submission, setup));
    expect(wb.table('Contributions')!.filtered).toBe(false);
    const rows = tableBody(wb, 'Contributions');
    expect(rows).toHaveLength(submission.contributions.length);
    expect(rows.flat()).not.toContain('MINE-1');
  });

  it('answers a cell still being edited with what to do, and changes nothing', async () => {
    const wb = new Workbook();
    wb.excelApi = '1.8';
    wb.cellEditMode = true;
    const error = await run(wb, (context) => setUpCouncilSheets(context, setup)).catch((e: unknown) => e);
    expect(excelRefusal(error)).toBe(CELL_EDIT_MODE_MESSAGE);
    expect(CELL_EDIT_MODE_MESSAGE).toMatch(
      /^Finish editing the cell \(press Enter or Esc\), then try again\./,
    );
    expect([wb.sheets.map((s) => s.name), wb.settings.size]).toEqual([['Sheet1'], 0]);
  });

  it('names a protected sheet and changes nothing', async () => {
    const wb = await councilWorkbook();
    wb.requireSheet('Projects').protected = true;
    const before = tableBody(wb, 'Contributions');
    const error = await run(wb, (context) =>
      writeSubmission(context, demoCouncilSubmission('cherwell', PERIOD), setup),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetsProtected);
    expect(excelRefusal(error)).toBe(
      'The sheet “Projects” is protected, so the add-in cannot change it. Select Review › Unprotect Sheet on it (or ask whoever protected it), then try again. Nothing was changed.',
    );
    expect(tableBody(wb, 'Contributions')).toEqual(before);
  });

  it('says the workbook’s structure is protected when it needs to add sheets, and adds none', async () => {
    const wb = new Workbook();
    wb.excelApi = '1.8';
    wb.structureProtected = true;
    const error = await run(wb, (context) => setUpCouncilSheets(context, setup)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookProtected);
    expect(excelRefusal(error)).toMatch(
      /^This workbook’s structure is protected, so the add-in cannot add the sheet “SharedCdoLists”/,
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    // Once set up, a protected structure does not stop set-up again: no sheet needs adding.
    wb.structureProtected = false;
    await run(wb, (context) => setUpCouncilSheets(context, setup));
    wb.structureProtected = true;
    await run(wb, (context) => setUpCouncilSheets(context, setup));
  });

  it('writes text that Excel would make a formula as text', async () => {
    const wb = await councilWorkbook();
    const submission = demoCouncilSubmission('cherwell', PERIOD);
    const notes = ['- see notes', '+44 1295 252535', '=SUM(A1)'];
    const contributions = submission.contributions
      .slice(0, 3)
      .map((row, i) => ({ ...row, notes: notes[i]! }));
    await run(wb, (context) => writeSubmission(context, { ...submission, contributions }, setup));
    const table = wb.table('Contributions')!;
    const column = wb.headers(table).indexOf('Notes');
    expect(tableBody(wb, 'Contributions').map((row) => row[column])).toEqual(notes);
    expect([...table.sheet.cells.values()].filter((cell) => cell.formula)).toEqual([]);
  });
});
