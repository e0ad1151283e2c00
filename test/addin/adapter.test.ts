// The Excel adapter against the E2E tests' in-memory Excel: Check reads and marks in four round trips
// for a usual return (reads are split only past 50,000 cells), and big writes are split under Excel on
// the web's 5 MB limit. The consolidated view, with its Changes table and charts: its round trips do
// not grow with rows.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { benchPartnership, benchYearRecords } from '../../bench/fixtures.js';
import { demoPartnership } from '../../demo/partnership.js';
import { demoSubmissions } from '../../demo/submissions.js';
import { checkWorkbook } from '../../addin/src/excel/check.js';
import { MAX_REQUEST_BYTES } from '../../addin/src/excel/chunks.js';
import { writeConsolidatedView } from '../../addin/src/excel/consolidated-sheets.js';
import { MARKS_SETTING } from '../../addin/src/excel/marks.js';
import { replaceTableRows } from '../../addin/src/excel/write-table.js';
import { consolidate } from '../../shared/consolidate/index.js';
import { CONTRIBUTIONS_LAYOUT, PROJECTS_LAYOUT, SKILLS_LAYOUT } from '../../shared/sheets/index.js';
import { rowsToGrid } from '../../shared/parse/index.js';
import {
  changeRows,
  CONSOLIDATED_CHANGES_LAYOUT,
  CONSOLIDATED_TREND_LAYOUT,
} from '../../shared/report/index.js';
import { submissionRecordSchema, type ConsolidatedView } from '../../shared/schemas.js';
import { RequestContext } from '../e2e/fake-office/excel/request-context.js';
import { EXCEL_ENUMS } from '../e2e/fake-office/enums.js';
import { Workbook } from '../e2e/fake-office/model/workbook.js';
import { inMemoryExcel, type CouncilSheet } from './helpers/in-memory-excel.js';

const PERIOD = '2026-10';
const headers = (layout: { columns: readonly { header: string }[] }) => layout.columns.map((c) => c.header);

/** A council workbook with `rows` cash rows; rows listed in `badRows` have a negative amount. */
function councilSheets(rows: number, badRows: number[] = []): CouncilSheet[] {
  const contributions: unknown[][] = [headers(CONTRIBUTIONS_LAYOUT)];
  for (let i = 0; i < rows; i++) {
    const excelRow = i + 2;
    contributions.push([
      '2026-10',
      'Cash',
      'Shared team',
      badRows.includes(excelRow) ? -5 : 100 + i,
      '',
      '',
      '',
      `INV-${i}`,
      '',
    ]);
  }
  return [
    {
      name: 'About',
      used: {
        values: [
          ['Council ID', 'cherwell'],
          ['Period', PERIOD],
          ['Layout version', 1],
        ],
        address: 'A1:B3',
      },
    },
    { name: 'Contributions', table: { name: 'Contributions', values: contributions, topLeft: 'A1' } },
    { name: 'Skills', table: { name: 'Skills', values: [headers(SKILLS_LAYOUT)], topLeft: 'A1' } },
    { name: 'Projects', table: { name: 'Projects', values: [headers(PROJECTS_LAYOUT)], topLeft: 'A1' } },
  ];
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = EXCEL_ENUMS;
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('Check', () => {
  it.each([10, 5000])('reads, validates and marks %i rows in four round trips', async (rows) => {
    const excel = inMemoryExcel(councilSheets(rows, [5, rows + 1]));
    const result = await checkWorkbook(excel.context, {
      partnership: demoPartnership,
      council: 'cherwell',
      period: PERIOD,
    });
    // Which sheets exist, their sizes, their values, the marks.
    expect(excel.sync).toHaveBeenCalledTimes(4);
    expect(result.parsed.submission.contributions).toHaveLength(rows - 2);
    const errors = result.problems.filter((p) => p.problem.severity === 'error');
    expect(errors.map((e) => [e.problem.row, e.problem.column])).toEqual([
      [5, 'Amount (£)'],
      [rows + 1, 'Amount (£)'],
    ]);
    // Amount (£) is the fourth column: D.
    expect(errors.map((e) => e.target)).toEqual([
      { sheet: 'Contributions', address: 'D5' },
      { sheet: 'Contributions', address: `D${rows + 1}` },
    ]);
    expect(JSON.parse(excel.settings.get(MARKS_SETTING) ?? '[]')).toEqual([
      { sheet: 'Contributions', address: 'D5' },
      { sheet: 'Contributions', address: `D${rows + 1}` },
    ]);
  });

  it('reads a return past 50,000 cells in more round trips, one block each', async () => {
    const excel = inMemoryExcel(councilSheets(12_000, [11_000]));
    const result = await checkWorkbook(excel.context, {
      partnership: demoPartnership,
      council: 'cherwell',
      period: PERIOD,
    });
    // 12,001 rows × 9 columns are three blocks of at most 50,000 cells; each read (About first, the
    // small sheets with the last block) stays within 50,000 cells: two round trips, four reads, marks.
    expect(excel.sync).toHaveBeenCalledTimes(7);
    expect(result.parsed.submission.contributions).toHaveLength(12_000 - 1);
    expect(result.problems.filter((p) => p.problem.severity === 'error').map((p) => p.target)).toEqual([
      { sheet: 'Contributions', address: 'D11000' },
    ]);
  });

  it('clears the previous marks and keeps the round trips at four', async () => {
    const previous = JSON.stringify([{ sheet: 'Contributions', address: 'D7' }]);
    const excel = inMemoryExcel(councilSheets(20), { [MARKS_SETTING]: previous });
    const result = await checkWorkbook(excel.context, {
      partnership: demoPartnership,
      council: 'cherwell',
      period: PERIOD,
    });
    expect(result.parsed.ok).toBe(true);
    expect(excel.sync).toHaveBeenCalledTimes(4);
    expect(excel.settings.get(MARKS_SETTING)).toBe('[]');
  });

  it('reports a wrong council in About against the About value cell', async () => {
    const sheets = councilSheets(3);
    sheets[0]!.used!.values[0] = ['Council ID', 'west-oxfordshire'];
    const excel = inMemoryExcel(sheets);
    const result = await checkWorkbook(excel.context, {
      partnership: demoPartnership,
      council: 'cherwell',
      period: PERIOD,
    });
    const about = result.problems.find((p) => p.problem.sheet === 'About' && p.problem.severity === 'error');
    expect(about?.problem.row).toBe(1);
    expect(about?.target).toEqual({ sheet: 'About', address: 'B1' });
  });
});

describe('large writes', () => {
  it('splits a write of more than 5 MB into requests each under the limit', async () => {
    const note = 'x'.repeat(900);
    const rows = Array.from({ length: 8000 }, (_, i) => [
      '2026-10',
      'Cash',
      'Shared team',
      i,
      '',
      '',
      '',
      `R${i}`,
      note,
    ]);
    const total = new TextEncoder().encode(JSON.stringify(rows)).length;
    expect(total).toBeGreaterThan(MAX_REQUEST_BYTES);

    const excel = inMemoryExcel([
      {
        name: 'Contributions',
        table: {
          name: 'Contributions',
          values: [headers(CONTRIBUTIONS_LAYOUT), ...rows.slice(0, 3000)],
          topLeft: 'A1',
        },
      },
    ]);
    await replaceTableRows(excel.context, 'Contributions', { headers: headers(CONTRIBUTIONS_LAYOUT), rows });

    const writes = excel.syncs.filter((s) => s.rowsWritten > 0);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    for (const w of writes) {
      expect(w.bytesWritten).toBeLessThan(MAX_REQUEST_BYTES);
      expect(w.suspendedCalculation).toBe(true);
    }
    // 3,000 rows rewritten in place and 5,000 added to the table: every row once.
    expect(writes.reduce((n, w) => n + w.rowsWritten, 0)).toBe(8000);
  });
});

describe('the consolidated view', () => {
  /** The demo's two latest months: October brings a new project and a project turned Red. */
  const demoView = (): ConsolidatedView => {
    const records = (['2026-09', '2026-10'] as const).flatMap((period) =>
      Object.entries(demoSubmissions(period, { latest: period === '2026-10' })).map(([council, data]) =>
        submissionRecordSchema.parse({
          council,
          period,
          version: 1,
          review: 'pending',
          submittedAt: `${period}-28T09:00:00.000Z`,
          data,
        }),
      ),
    );
    return consolidate(demoPartnership, records, '2026-10');
  };
  /** `councils` synthetic councils returning every month to October, `rows` project rows each. */
  const bigView = (councils: number, rows: number): ConsolidatedView =>
    consolidate(benchPartnership(councils), benchYearRecords(councils, rows, '2026-10'), '2026-10');

  /** Writes `view` into `wb` (a new blank workbook unless given), counting the round trips. */
  async function write(view: ConsolidatedView, wb = new Workbook()) {
    const context = new RequestContext(wb);
    const sync = vi.spyOn(context, 'sync');
    const report = await writeConsolidatedView(context as unknown as Excel.RequestContext, view);
    return { wb, report, syncs: sync.mock.calls.length };
  }
  const tableRows = (wb: Workbook, name: string) => {
    const table = wb.table(name)!;
    return wb.values(table.sheet, { ...table.rect, r0: table.rect.r0 + 1 });
  };

  it('writes the Changes table and the Summary’s four charts in as many round trips for 4 councils as for 400', async () => {
    const small = demoView();
    const big = bigView(400, 8);
    expect(big.projects.items.length).toBeGreaterThan(20 * small.projects.items.length);
    expect(changeRows(big).length).toBeGreaterThan(10 * changeRows(small).length);

    const first = await write(small);
    const second = await write(big);
    expect(second.syncs).toBe(first.syncs);
    // Rewriting a workbook that has the tables (rows replaced in place, charts redrawn) is as steady,
    // and so is growing its tables to a bigger view's rows.
    const again = await write(small, first.wb);
    const bigAgain = await write(big, second.wb);
    expect(bigAgain.syncs).toBe(again.syncs);
    const grown = await write(bigView(30, 12), (await write(small)).wb);
    const back = await write(big, (await write(small)).wb);
    expect(back.syncs).toBe(grown.syncs);

    for (const [view, wb] of [
      [small, first.wb],
      [big, back.wb],
    ] as const) {
      // The Changes sheet holds shared/report's rows, in the layout's cells.
      expect(tableRows(wb, CONSOLIDATED_CHANGES_LAYOUT.table)).toEqual(
        rowsToGrid(CONSOLIDATED_CHANGES_LAYOUT, changeRows(view), { dates: 'serial' }).slice(1),
      );
      const summary = wb.requireSheet('Summary');
      expect(summary.charts).toHaveLength(4);
      const trend = summary.charts.find((c) => c.type === 'LineMarkers')!;
      // Bound to the Trend table's money columns (after Month and Returns): one row per month so far.
      const months = view.trend.months.length;
      expect(trend.series.map((s) => [s.values?.rect, s.xValues?.rect])).toEqual(
        [2, 3].map((c) => [
          { r0: 1, c0: c, r1: months, c1: c },
          { r0: 1, c0: 0, r1: months, c1: 0 },
        ]),
      );
      expect(wb.readRange(trend.series[0]!.values)).toEqual(view.trend.contributedPence.map((p) => p / 100));
      expect(wb.table(CONSOLIDATED_TREND_LAYOUT.table)!.sheet.name).toBe(trend.series[0]!.values!.sheet.name);
    }
  });
  it('draws the Summary’s charts a user’s respelled header still names, and says which it cannot draw', async () => {
    const view = demoView();
    const { wb } = await write(view);
    // A user respells one Trend header (case and spaces: still the column) and renames another.
    const edit = new RequestContext(wb);
    const trend = edit.workbook.worksheets.getItem(CONSOLIDATED_TREND_LAYOUT.sheet);
    trend.getRange('C1').values = [['  contributed TO date (£) ']];
    trend.getRange('E1').values = [['Late']];
    await edit.sync();
    const { report } = await write(view, wb);
    const summary = wb.requireSheet('Summary');
    // The RAG trend needs the Red column: it is not drawn, and the notice says how to get it back.
    expect(report.charts).toEqual([
      'Contributed to date against profiled due',
      'Projects by phase and RAG',
      `The year so far: contributed against profiled due, ${view.financialYear}`,
    ]);
    expect(summary.charts.map((c) => c.title)).toEqual(report.charts);
    expect(report.notices).toEqual([
      `The Trend table has no “Red” column any more, so the Summary has no chart “Projects by RAG, month by month, ${view.financialYear}”. Put the column back to see it.`,
    ]);
    // The respelled column still feeds its chart.
    expect(summary.charts[2]!.series[0]!.values?.rect).toMatchObject({ c0: 2, c1: 2 });
  });
});
