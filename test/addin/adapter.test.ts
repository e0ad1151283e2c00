// The Excel adapter against office-addin-mock: Check reads and marks in four round trips for a usual
// return (reads are split only past 50,000 cells), and big writes are split under Excel on the web's
// 5 MB limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { checkWorkbook } from '../../addin/src/excel/check.js';
import { MAX_REQUEST_BYTES } from '../../addin/src/excel/chunks.js';
import { MARKS_SETTING } from '../../addin/src/excel/marks.js';
import { replaceTableRows } from '../../addin/src/excel/write-table.js';
import { CONTRIBUTIONS_LAYOUT, PROJECTS_LAYOUT, SKILLS_LAYOUT } from '../../shared/layouts.js';
import { ExcelEnums, mockExcel, type MockSheet } from './helpers/mock-excel.js';

const PERIOD = '2026-10';
const headers = (layout: { columns: readonly { header: string }[] }) => layout.columns.map((c) => c.header);

/** A council workbook with `rows` cash rows; rows listed in `badRows` have a negative amount. */
function councilSheets(rows: number, badRows: number[] = []): MockSheet[] {
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
  (globalThis as Record<string, unknown>).Excel = ExcelEnums;
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('Check', () => {
  it.each([10, 5000])('reads, validates and marks %i rows in four round trips', async (rows) => {
    const excel = mockExcel(councilSheets(rows, [5, rows + 1]));
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
    const excel = mockExcel(councilSheets(12_000, [11_000]));
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
    const excel = mockExcel(councilSheets(20), { [MARKS_SETTING]: previous });
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
    const excel = mockExcel(sheets);
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

    const excel = mockExcel([
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
