// A large return in the real pane: loading 12,000 rows (over 5 MB of cells) back into Excel goes in
// several requests under the 5 MB limit (the in-memory Excel refuses bigger ones, as Excel on the web
// does), and Check reads and marks them in three round trips.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPeriod } from '../../shared/dates.js';
import type { ContributionRow, CouncilSubmission } from '../../shared/schemas.js';
import { requireTool } from '../helpers/tools.js';
import { type TestService } from '../server/helpers/service.js';
import { REQUEST_LIMIT_BYTES } from './fake-office/excel/request-context.js';
import { act, connect, excel, openPane, outputText, pageProblems } from './helpers/pane.js';
import { NOW, PERIOD, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');
const ROWS = 12_000;
/** Big work on a machine shared with the rest of the suite: allow for a slow run. */
const SLOW = 100_000;

describe.runIf(haveChromium)('a 12,000-row return in the task pane', () => {
  let world: PaneWorld;
  let service: TestService;
  let fakeOffice: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    world = await startPaneWorld();
    ({ service, browser, fakeOffice } = world);
    const contributions: ContributionRow[] = Array.from({ length: ROWS }, (_, i) => ({
      month: asPeriod(PERIOD),
      type: 'Cash',
      budgetLine: 'Shared team',
      amountPence: 10_000 + i,
      reference: `INV-${i}`,
      notes: `Instalment ${i}: ${'shared team costs for the month, as agreed by the board. '.repeat(8)}`,
    }));
    const submission: CouncilSubmission = {
      period: asPeriod(PERIOD),
      contributions,
      skills: [],
      projects: [],
    };
    expect(JSON.stringify(contributions).length).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    const response = await service.call('POST', `/api/v1/councils/cherwell/submissions?period=${PERIOD}`, {
      token: 'cherwell',
      json: submission,
    });
    expect(response.status).toBe(201);
    page = await openPane(browser, service.url, fakeOffice, { now: NOW });
    await page.locator('#token').waitFor();
    await connect(page, service.tokens.cherwell);
  }, 2 * SLOW);

  afterAll(async () => world?.close());

  it(
    'loads it in several requests, each under 5 MB, with calculation suspended',
    async () => {
      const wb = excel(page);
      await wb.resetStats();
      await act(page, 'load');
      await act(page, 'confirm-load', SLOW);
      expect(await outputText(page)).toContain('Loaded version 1');
      const stats = await wb.stats();
      expect(stats.largestRequestBytes).toBeLessThan(REQUEST_LIMIT_BYTES);
      expect(stats.suspendedSyncs).toBeGreaterThanOrEqual(2);
      const contributions = await wb.sheet('Contributions');
      expect(contributions.values.length - 1).toBe(ROWS);
      expect(contributions.values[ROWS]![7]).toBe(`INV-${ROWS - 1}`);
    },
    2 * SLOW,
  );

  it(
    'checks it with every answer from Excel under 5 MB, in a few round trips',
    async () => {
      const wb = excel(page);
      await wb.type('Contributions', 'D4000', [[-1]]);
      await wb.resetStats();
      await act(page, 'check', SLOW);
      const stats = await wb.stats();
      // The values alone are over 5 MB: read in one answer, Excel on the web would refuse them.
      expect(stats.largestResponseBytes).toBeLessThan(REQUEST_LIMIT_BYTES);
      expect(stats.syncCount).toBeLessThanOrEqual(7);
      expect(await outputText(page)).toMatch(/^Check Error: 1 error/);
      expect((await wb.sheet('Contributions')).fills).toEqual({ D4000: expect.any(String) });
    },
    2 * SLOW,
  );

  it(
    'reads long texts in smaller blocks when Excel refuses an answer as too large',
    async () => {
      const wb = excel(page);
      // 1,500 projects with 3,919-character updates (over the limit Check enforces): few cells, but
      // over 5 MB of text.
      const update = 'Weekly update from the project board, recorded in full. '.repeat(70).slice(0, 4000);
      const rows = Array.from({ length: 1500 }, (_, i) => [
        `P-${i}`,
        'Project',
        'Digital government',
        'cherwell',
        '',
        '',
        'Beta',
        'Green',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        update,
      ]);
      await wb.type('Projects', 'A2:Q1501', rows);
      await wb.resetStats();
      await act(page, 'check', SLOW);
      const stats = await wb.stats();
      expect(stats.largestResponseBytes).toBeLessThan(REQUEST_LIMIT_BYTES);
      // The first read of Projects was refused whole; the pane went on in halves.
      expect(stats.refusedAnswers).toBeGreaterThanOrEqual(1);
      // Every row was read whole: each over-long update is found, with its full length.
      const text = await outputText(page);
      expect(text).toMatch(/^Check Error: 1501 errors/);
      expect(text).toContain('Row 201, Update: Update must be at most 1000 characters — found 3919');
      expect(text).toContain('… and 1300 more on this sheet.');
      expect(pageProblems(page).errors).toEqual([]);
    },
    2 * SLOW,
  );
});
