// The CDO's Consolidated view for the demo's latest month: the Changes table (in the pane and on the
// Changes sheet) says what the service's JSON says changed since the month before, and the Summary's
// native charts are bound to the tables the pane wrote, so they follow a number a user edits.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { DEMO_COUNCILS } from '../../demo/partnership.js';
import { addMonths } from '../../shared/dates.js';
import type { SheetLayout } from '../../shared/sheets/index.js';
import { rowsToGrid } from '../../shared/parse/index.js';
import {
  CHANGE_LABELS,
  changeRows,
  CONSOLIDATED_CHANGES_LAYOUT,
  CONSOLIDATED_CONTRIBUTIONS_LAYOUT,
  CONSOLIDATED_PHASE_RAG_LAYOUT,
  CONSOLIDATED_TREND_LAYOUT,
} from '../../shared/report/index.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { PHASES } from '../../shared/vocabulary.js';
import { requireTool } from '../helpers/tools.js';
import { json, type TestService } from '../server/helpers/service.js';
import { axeViolations } from './helpers/axe.js';
import { act, connect, excel, openPane, outputText, pageProblems, screenshot } from './helpers/pane.js';
import { NOW, PERIOD, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');
const EARLIER = addMonths(PERIOD, -1);

/** `Sheet!B2:B9`: the body cells of a layout's column over `rows` rows, as the fake names them. */
function columnCells(layout: SheetLayout, key: string, rows: number): string {
  const letter = String.fromCharCode(65 + layout.columns.findIndex((c) => c.key === key));
  const sheet = /^[A-Za-z_][A-Za-z0-9_]*$/.test(layout.sheet) ? layout.sheet : `'${layout.sheet}'`;
  return `${sheet}!${letter}2:${letter}${1 + Math.max(1, rows)}`;
}

describe.runIf(haveChromium)('the Consolidated view of the demo’s latest month', () => {
  let world: PaneWorld;
  let service: TestService;
  let browser: Browser;
  let page: Page;
  let view: ConsolidatedView;

  beforeAll(async () => {
    world = await startPaneWorld();
    ({ service, browser } = world);
    // As the demo loads them: every council's return for the month before, then for the latest
    // month with what it brings (a new project, a project turned Red).
    for (const [period, latest] of [
      [EARLIER, false],
      [PERIOD, true],
    ] as const) {
      for (const council of DEMO_COUNCILS) {
        const response = await service.call(
          'POST',
          `/api/v1/councils/${council}/submissions?period=${period}`,
          { token: 'cdo', json: demoCouncilSubmission(council, period, { latest }) },
        );
        expect(response.status, `${council} ${period}`).toBe(201);
      }
    }
    view = await json<ConsolidatedView>(
      await service.call('GET', `/api/v1/consolidated?period=${PERIOD}`, { token: 'cdo' }),
    );
    page = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      partitionKey: 'cdo-changes',
      width: 320,
    });
    await page.locator('#token').waitFor();
    await connect(page, service.tokens.cdo);
    await act(page, 'consolidated');
  });

  afterAll(async () => world?.close());

  it('the service says what the demo’s latest month changed', () => {
    // What the demo's latest month brings, as the JSON states it: the rest of the test compares the
    // workbook and the pane with this JSON, not with these expectations.
    expect(view.changes.since).toBe(EARLIER);
    expect(view.changes.projects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ project: 'OXD-008', kind: 'new' }),
        expect.objectContaining({ project: 'OXD-004', kind: 'rag', to: 'Red' }),
      ]),
    );
  });

  it('writes the Changes sheet with the rows and words of the JSON’s changes', async () => {
    expect(await outputText(page)).toContain('Consolidated view for October 2026 written');
    const sheet = (await excel(page).sheet(CONSOLIDATED_CHANGES_LAYOUT.sheet))!;
    const expected = rowsToGrid(CONSOLIDATED_CHANGES_LAYOUT, changeRows(view), { dates: 'serial' });
    expect(sheet.values).toEqual(expected);
    const [header, ...rows] = sheet.values;
    const at = (h: string) => header!.indexOf(h);
    // Every project change of the JSON is a row: its kind in words, the project, from and to.
    for (const change of view.changes.projects) {
      const row = rows.find(
        (r) => r[at('Change')] === CHANGE_LABELS[change.kind] && r[at('Item')] === change.project,
      );
      expect(row, `${change.kind} ${change.project}`).toBeDefined();
      expect(row![at('Name')]).toBe(change.title);
    }
    // What each council contributed in the month, in pounds.
    for (const c of view.changes.contributions) {
      const row = rows.find((r) => r[at('Change')] === CHANGE_LABELS.received && r[at('Item')] === c.council);
      expect(row?.[at('Contributed in the month (£)')], c.council).toBe(c.receivedPence / 100);
    }
    expect((await excel(page).tables()).map((t) => t.name)).toEqual(
      expect.arrayContaining(['Changes', 'Trend', 'ProjectsByPhase']),
    );
  });

  it('shows the same Changes rows in the pane, within a 320 px pane, and axe finds nothing', async () => {
    const rows = changeRows(view);
    expect(await page.locator('.changes h3').innerText()).toBe(
      `Since September 2026: ${rows.length} changes`,
    );
    const shown = await page
      .locator('.changes tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText.trim())),
      );
    expect(shown.map(([change]) => change)).toEqual(rows.map((r) => r.change));
    const newProject = view.changes.projects.find((c) => c.kind === 'new')!;
    expect(shown).toContainEqual([
      CHANGE_LABELS.new,
      `${newProject.title} (${newProject.project})`,
      newProject.to,
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '25-consolidated-changes');
    // The pane's link takes the user to the sheet.
    await page.locator('#go-to-changes').click();
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { __fakeExcel: { selection(): { selection?: string } } }
        ).__fakeExcel.selection().selection === 'Changes!A1',
    );
    expect(pageProblems(page).errors).toEqual([]);
  });

  it('draws native charts on the Summary bound to the tables it wrote', async () => {
    const summary = (await excel(page).sheet('Summary'))!;
    const councils = view.contributions.councils.length;
    const months = view.trend.months.length;
    const bound = (layout: SheetLayout, categories: string, keys: string[], rows: number) =>
      keys.map((key) => ({
        values: columnCells(layout, key, rows),
        xValues: columnCells(layout, categories, rows),
      }));
    expect(
      summary.charts.map((c) => ({
        type: c.type,
        title: c.title,
        series: c.series.map(({ values, xValues }) => ({ values, xValues })),
      })),
    ).toEqual([
      {
        type: 'BarClustered',
        title: 'Contributed to date against profiled due',
        // Bars drawn bottom up, their series in reverse (as the download draws them).
        series: bound(
          CONSOLIDATED_CONTRIBUTIONS_LAYOUT,
          'name',
          ['profiledDuePence', 'contributedPence'],
          councils,
        ),
      },
      {
        type: 'ColumnStacked',
        title: 'Projects by phase and RAG',
        series: bound(CONSOLIDATED_PHASE_RAG_LAYOUT, 'phase', ['red', 'amber', 'green'], PHASES.length),
      },
      {
        type: 'LineMarkers',
        title: `The year so far: contributed against profiled due, ${view.financialYear}`,
        series: bound(CONSOLIDATED_TREND_LAYOUT, 'month', ['contributedPence', 'profiledDuePence'], months),
      },
      {
        type: 'LineMarkers',
        title: `Projects by RAG, month by month, ${view.financialYear}`,
        series: bound(CONSOLIDATED_TREND_LAYOUT, 'month', ['red', 'amber', 'green'], months),
      },
    ]);
    const trend = summary.charts[2]!;
    // The chart shows the JSON's trend, named by the table's headers, in the RAG and GOV.UK colours.
    expect(trend.series.map((s) => [s.name, s.shows])).toEqual([
      ['Contributed to date (£)', view.trend.contributedPence.map((p) => p / 100)],
      ['Profiled due to date (£)', view.trend.profiledDuePence.map((p) => p / 100)],
    ]);
    // Projects by RAG: a month no return counts for is a blank cell (Excel reads ''), drawn as a gap.
    const rag = summary.charts[3]!;
    expect(rag.displayBlanksAs).toBe('NotPlotted');
    expect(rag.series.map((s) => [s.name, s.shows])).toEqual(
      (['Red', 'Amber', 'Green'] as const).map((r) => [r, view.trend.rag[r].map((n) => n ?? '')]),
    );
    expect(summary.charts[1]!.series.map((s) => [s.name, s.fill])).toEqual([
      ['Red', '#D4351C'],
      ['Amber', '#B35000'],
      ['Green', '#00703C'],
    ]);
  });

  it('a number a user edits in a table shows in its chart', async () => {
    const wb = excel(page);
    await wb.type('Trend', 'C2', [[123456]]);
    const trend = (await wb.sheet('Summary'))!.charts[2]!;
    expect(trend.series[0]!.shows[0]).toBe(123456);
  });

  it('in April, says there is no earlier month, empties the Changes table and draws the one month', async () => {
    const april = `${view.financialYear.slice(0, 4)}-04`;
    await page.locator('#period').selectOption(april);
    await act(page, 'consolidated');
    expect(await page.locator('.changes').innerText()).toContain(
      `April 2026 is the first month of the financial year ${view.financialYear}, so there is no earlier month to compare it with.`,
    );
    const wb = excel(page);
    // A table keeps one blank row.
    expect((await wb.sheet('Changes'))!.values).toEqual([
      CONSOLIDATED_CHANGES_LAYOUT.columns.map((c) => c.header),
      CONSOLIDATED_CHANGES_LAYOUT.columns.map(() => ''),
    ]);
    const trend = (await wb.sheet('Summary'))!.charts.find((c) => c.type === 'LineMarkers')!;
    expect(trend.series.map((s) => [s.values, s.xValues])).toEqual([
      ['Trend!C2', 'Trend!A2'],
      ['Trend!D2', 'Trend!A2'],
    ]);
    expect((await wb.sheet('Summary'))!.charts).toHaveLength(4);
  });
});
