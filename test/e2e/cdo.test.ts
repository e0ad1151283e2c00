// The CDO in the task pane: the status board, the consolidated view written into a blank workbook
// with native charts and conditional formatting, and the consolidated workbook downloaded.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { COUNCIL_STATUS_WORDS } from '../../shared/glossary.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { requireTool } from '../helpers/tools.js';
import { openWorkbook, sheetNames } from '../helpers/xlsx.js';
import { json, type TestService } from '../server/helpers/service.js';
import {
  act,
  connect,
  excel,
  openPane,
  outputText,
  pageProblems,
  screenshot,
  settled,
} from './helpers/pane.js';
import { NOW, PERIOD, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');
const SUBMITTING = ['cherwell', 'south-oxfordshire', 'vale-of-white-horse'];

describe.runIf(haveChromium)('the CDO in the task pane', () => {
  let world: PaneWorld;
  let service: TestService;
  let browser: Browser;
  let fakeOffice: string;
  let page: Page;
  let view: ConsolidatedView;

  beforeAll(async () => {
    world = await startPaneWorld();
    ({ service, browser, fakeOffice } = world);
    for (const council of SUBMITTING) {
      const response = await service.call(
        'POST',
        `/api/v1/councils/${council}/submissions?period=${PERIOD}`,
        {
          token: 'cdo',
          json: demoCouncilSubmission(council, PERIOD),
        },
      );
      expect(response.status).toBe(201);
    }
    view = await json<ConsolidatedView>(
      await service.call('GET', `/api/v1/consolidated?period=${PERIOD}`, { token: 'cdo' }),
    );
    // The narrowest Office task pane.
    page = await openPane(browser, service.url, fakeOffice, {
      now: NOW,
      partitionKey: 'cdo-user',
      width: 320,
    });
    await page.locator('#token').waitFor();
    await connect(page, service.tokens.cdo);
  });

  const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  afterAll(async () => world?.close());

  it('shows the status board for the period, from the keyboard, within a 320 px pane', async () => {
    await page.locator('#status').focus();
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await fitsWidth()).toBe(true);
    expect(await outputText(page)).toContain('October 2026: 3 of 4 returned');
    const rows = await page.locator('.status-board tbody tr').allInnerTexts();
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.startsWith('West Oxfordshire'))).toContain('Not yet');
    expect(rows.find((r) => r.startsWith('Cherwell'))).toMatch(/v1 .* by test cdo/);
    await screenshot(page, '20-status-board');
  });

  it('writes the consolidated view into the workbook with charts and conditional formatting', async () => {
    await act(page, 'consolidated');
    expect(await outputText(page)).toContain('Consolidated view for October 2026 written');
    const wb = excel(page);
    expect(await wb.sheetNames()).toEqual(
      expect.arrayContaining([
        'Summary',
        'Changes',
        'Contributions',
        'Skills coverage',
        'People',
        'Projects',
        'Data quality',
        'Submissions',
        'Trend',
        'Projects by phase',
      ]),
    );
    const summary = await wb.sheet('Summary');
    expect(summary.values.find((r) => r[0] === 'Net cost this year (£)')?.[1]).toBe(
      view.contributions.netCostPence / 100,
    );

    const contributions = await wb.sheet('Contributions');
    const header = contributions.values[0]!;
    const due = header.indexOf('Due for the year (£)');
    const byCouncil = Object.fromEntries(contributions.values.slice(1).map((r) => [r[0], r[due]]));
    expect(byCouncil).toEqual(
      Object.fromEntries(view.contributions.councils.map((c) => [c.council, c.duePence / 100])),
    );
    expect(contributions.formats).toMatchObject({ [`${String.fromCharCode(65 + due)}2`]: '£#,##0.00' });
    // Statuses are words, coloured by word.
    const status = header.indexOf('Status');
    expect(new Set(contributions.values.slice(1).map((r) => r[status]))).toEqual(
      new Set(view.contributions.councils.map((c) => COUNCIL_STATUS_WORDS[c.status])),
    );
    expect(contributions.conditionalFormats.map((f) => (f.rule as { text: string }).text)).toEqual([
      'Paid for the year',
      'On track',
      'Behind profile',
    ]);

    const projects = await wb.sheet('Projects');
    expect(projects.values.length - 1).toBe(view.projects.items.length);
    expect(projects.conditionalFormats.map((f) => (f.rule as { text: string }).text)).toEqual(
      expect.arrayContaining(['Red', 'Amber', 'Green']),
    );

    // Native charts on the Summary, as in the download, bound to the tables: the contributions chart
    // reads the Contributions table.
    expect(summary.charts.map((c) => [c.type, c.title])).toEqual([
      ['BarClustered', 'Contributed to date against profiled due'],
      ['ColumnStacked', 'Projects by phase and RAG'],
      ['LineMarkers', 'The year so far: contributed against profiled due, 2026-27'],
      ['LineMarkers', 'Projects by RAG, month by month, 2026-27'],
    ]);
    const rows = view.contributions.councils.length;
    // Horizontal bars are drawn bottom up with their series in reverse, as the download draws them, so
    // that the legend reads in bar order in Excel and LibreOffice alike.
    expect(summary.charts[0]!.series.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ['Profiled due to date (£)', `Contributions!F2:F${rows + 1}`, `Contributions!B2:B${rows + 1}`],
      ['Contributed to date (£)', `Contributions!I2:I${rows + 1}`, `Contributions!B2:B${rows + 1}`],
    ]);
    expect(await fitsWidth()).toBe(true);
    await screenshot(page, '21-consolidated');
  });

  it('writing it again replaces the rows and the charts instead of adding more', async () => {
    await act(page, 'consolidated');
    const wb = excel(page);
    expect((await wb.sheet('Summary')).charts.map((c) => c.name)).toEqual([
      'SharedCdo1',
      'SharedCdo2',
      'SharedCdo3',
      'SharedCdo4',
    ]);
    expect((await wb.sheet('Contributions')).values.length - 1).toBe(view.contributions.councils.length);
    expect((await wb.tables()).filter((t) => t.name === 'ConsolidatedContributions')).toHaveLength(1);
  });

  it('refuses to write over a council’s own sheets', async () => {
    const other = await openPane(browser, service.url, fakeOffice, { now: NOW, partitionKey: 'cdo-user' });
    await other.locator('#token').waitFor();
    await connect(other, service.tokens.cdo);
    await act(other, 'setup');
    const before = await excel(other).sheet('Contributions');
    await act(other, 'consolidated');
    expect(await outputText(other)).toContain('Open a new blank workbook for the consolidated view');
    expect(await excel(other).sheet('Contributions')).toEqual(before);
    await other.context().close();
  });

  it('follows a dark Office theme', async () => {
    const dark = await openPane(browser, service.url, fakeOffice, {
      now: NOW,
      theme: { bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#F3F3F3' },
    });
    await dark.locator('#token').waitFor();
    expect(await dark.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(31, 31, 31)',
    );
    await screenshot(dark, '23-dark-theme');
    await dark.context().close();
  });

  it('downloads the consolidated workbook through the pane where the web view saves files', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), act(page, 'download')]);
    expect(await outputText(page)).toContain('was handed to your browser to save');
    expect(await excel(page).openedInBrowser()).toEqual([]);
    expect(download.suggestedFilename()).toBe(`shared-cdo-consolidated-${PERIOD}.xlsx`);
    const bytes = await readFile(await download.path());
    const workbook = await openWorkbook(bytes);
    expect(sheetNames(workbook)).toEqual(expect.arrayContaining(['Summary', 'Contributions', 'Projects']));
    expect(pageProblems(page).errors).toEqual([]);
    await screenshot(page, '22-download');
  });

  it('on a Mac, opens a single-use download link in the system browser instead', async () => {
    const mac = await openPane(browser, service.url, fakeOffice, { now: NOW, platform: 'Mac' });
    await mac.locator('#token').waitFor();
    await connect(mac, service.tokens.cdo);
    let downloaded = false;
    mac.on('download', () => (downloaded = true));
    await act(mac, 'download');
    const [opened] = await excel(mac).openedInBrowser();
    expect(opened).toMatch(new RegExp(`^${service.url}/api/v1/download-links/[\\w.-]+$`));
    expect(downloaded).toBe(false);
    const text = await outputText(mac);
    expect(text).toContain('Your browser was asked to open a download link');
    // The service's clock says 10:00 (UK time in November); its links last five minutes.
    expect(text).toContain('works once, until 10:05');
    expect(await mac.locator('.output a').getAttribute('href')).toBe(opened);
    // What the system browser does with it: no token, the file once, then a plain refusal.
    const first = await fetch(opened!);
    expect(first.status).toBe(200);
    const workbook = await openWorkbook(await first.arrayBuffer());
    expect(sheetNames(workbook)).toEqual(expect.arrayContaining(['Summary', 'Contributions']));
    const again = await fetch(opened!);
    expect(again.status).toBe(410);
    expect((await again.json()).error.code).toBe('download-link-used');
    await screenshot(mac, '24-download-mac');
    await mac.context().close();
  });
});
