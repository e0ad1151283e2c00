// A council officer's month in the real task pane (headless Chromium, the real service on a random
// port with a temporary SQLite database, office.js replaced by an in-memory Excel): connect, set up
// the sheets, type rows with mistakes, Check, fix, Submit and read the receipt, load the return back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARK_FILL } from '../../addin/src/excel/marks.js';
import { requireTool } from '../helpers/tools.js';
import { json, type TestService } from '../server/helpers/service.js';
import { act, connect, excel, openPane, outputText, pageProblems, screenshot } from './helpers/pane.js';
import { NOW, PERIOD, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');

/** Errors listed in the pane as [sheet, "Row n, Column"]. */
async function listedErrors(page: Page): Promise<[string, string][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.sheet-problems')].flatMap((section) => {
      const sheet = section.querySelector('h3')?.firstChild?.textContent ?? '';
      return [...section.querySelectorAll('li[data-severity="error"] strong')].map(
        (s) => [sheet, (s.textContent ?? '').replace(/:\s*$/, '')] as [string, string],
      );
    }),
  );
}

describe.runIf(haveChromium)('a council month in the task pane', () => {
  let world: PaneWorld;
  let service: TestService;
  let page: Page;

  beforeAll(async () => {
    world = await startPaneWorld();
    service = world.service;
    page = await openPane(world.browser, service.url, world.fakeOffice, {
      partitionKey: 'cherwell-user',
      now: NOW,
    });
  });

  afterAll(async () => world?.close());

  it('connects with a token kept in the browser per user, never in the workbook', async () => {
    await page.locator('#token').waitFor();
    expect(await page.locator('#service-url input').inputValue()).toBe(service.url);
    await screenshot(page, '01-connect');
    await connect(page, service.tokens.cherwell);
    expect(await page.locator('header.who').innerText()).toContain('test cherwell');
    expect(await page.locator('#period').inputValue()).toBe(PERIOD);
    const stored = await page.evaluate(() => Object.entries(localStorage));
    expect(stored).toEqual([
      ['cherwell-userSharedCdo.connection', expect.stringContaining(service.tokens.cherwell)],
    ]);
    expect(JSON.stringify(await excel(page).settings())).not.toContain(service.tokens.cherwell);
    await screenshot(page, '02-connected');
  });

  it('sets up the four sheets as tables with drop-down lists, formats and frozen headers', async () => {
    await act(page, 'setup');
    expect(await outputText(page)).toContain('Sheets ready for October 2026');
    const wb = excel(page);
    expect(await wb.sheetNames()).toEqual(
      expect.arrayContaining(['About', 'Contributions', 'Skills', 'Projects', 'SharedCdoLists']),
    );
    const tables = await wb.tables();
    expect(tables.map((t) => [t.name, t.sheet, t.address])).toEqual([
      ['Contributions', 'Contributions', 'Contributions!A1:I2'],
      ['Skills', 'Skills', 'Skills!A1:K2'],
      ['Projects', 'Projects', 'Projects!A1:Q2'],
    ]);
    const about = await wb.sheet('About');
    expect(about.values).toEqual([
      ['Council ID', 'cherwell'],
      ['Period', PERIOD],
      ['Layout version', 1],
    ]);
    const contributions = await wb.sheet('Contributions');
    expect(contributions.frozenRows).toBe(1);
    expect(contributions.formats).toMatchObject({ A2: 'mmm yyyy', D2: '£#,##0.00' });
    const lists = await wb.sheet('SharedCdoLists');
    expect(lists.visibility).toBe('VeryHidden');
    const budgetColumn = lists.values[0]!.indexOf('Budget lines');
    expect(
      lists.values
        .slice(1)
        .map((r) => r[budgetColumn])
        .filter(Boolean),
    ).toEqual(['CDO salary', 'CDO on-costs', 'Shared team', 'Tools and licences', 'Travel and events']);
    const budgetRule = contributions.validations.find((v) => v.address === 'C2');
    expect(budgetRule?.rule).toEqual({
      list: {
        inCellDropDown: true,
        source: expect.stringMatching(/^=SharedCdoLists!\$[A-Z]+\$2:\$[A-Z]+\$6$/),
      },
    });
    // Bounds come from the same rule as the template's: Days any number from 0 to 31.
    expect(contributions.validations.find((v) => v.address === 'E2')?.rule).toEqual({
      decimal: { formula1: 0, formula2: 31, operator: 'Between' },
    });
    const projects = await wb.sheet('Projects');
    expect(projects.validations.map((v) => v.address)).toEqual(
      expect.arrayContaining(['C2', 'D2', 'G2', 'H2']),
    );
    // The council and period travel with the workbook; the token does not.
    expect(JSON.parse(String((await wb.settings())['SharedCdo.context']))).toEqual({
      council: 'cherwell',
      period: PERIOD,
    });
    await screenshot(page, '03-set-up');
  });

  it('setting up again repairs without deleting the user’s rows or columns', async () => {
    const wb = excel(page);
    await wb.type('Contributions', 'J1', [['My notes']]);
    await wb.type('Contributions', 'J2', [['keep me']]);
    await act(page, 'setup');
    const contributions = await wb.sheet('Contributions');
    expect(contributions.values[0]).toContain('My notes');
    expect(contributions.values[1]![9]).toBe('keep me');
  });

  it('Check lists the exact errors by sheet and marks their cells, in four round trips', async () => {
    const wb = excel(page);
    await wb.type('Contributions', 'A2:I5', [
      ['2026-10', 'Cash', 'Shared team', 5000, '', '', '', 'INV-101', ''],
      ['2026-09', 'Cash', 'Coffee', 250, '', '', '', 'INV-102', ''],
      [
        '2026-10',
        'In-kind',
        'Shared team',
        '',
        2,
        450,
        'sam.jones@cherwell.example',
        '',
        'Service design sprint',
      ],
      ['2026-10', 'Cash', 'Tools and licences', -20, '', '', '', 'INV-103', ''],
    ]);
    await wb.type('Skills', 'A2:K3', [
      [
        'Sam Jones',
        'sam.jones@cherwell.example',
        'Council',
        'Cherwell District Council',
        'Service design',
        'Practitioner',
        4,
        '',
        '',
        '',
        '',
      ],
      [
        'Alex Smith',
        'alex.smith@',
        'Council',
        'Cherwell District Council',
        'Development',
        'Expert',
        30,
        '',
        '',
        '',
        '',
      ],
    ]);
    await wb.type('Projects', 'A2:Q4', [
      [
        'WEB-01',
        'Shared website platform',
        'Digital government',
        'cherwell',
        'south-oxfordshire',
        '',
        'Beta',
        'Amber',
        '2026-04-01',
        '2027-03-31',
        120000,
        40000,
        30000,
        5000,
        0,
        'Sam Jones',
        '=Going well, see notes',
      ],
      [
        'BINS-02',
        'Bin round app',
        'Digital government',
        'cherwell',
        '',
        '',
        'Discovery',
        'Purple',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      // A council that is not in the partnership (a cell fault) and Due before Start (a row rule): one
      // Check lists both.
      [
        'HUB-03',
        'Data hub',
        'Digital infrastructure',
        'oxford-city',
        '',
        '',
        'Alpha',
        'Green',
        '2026-06-01',
        '2026-05-31',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
    await wb.resetStats();
    await act(page, 'check');
    // Which sheets exist, their sizes, their values (one block for a return this size), the marks.
    expect((await wb.stats()).syncCount).toBeLessThanOrEqual(4);
    // The outcome under the action's heading, its kind said in a word.
    expect(await outputText(page)).toMatch(/^Check Error: 7 errors\. /);
    expect(await listedErrors(page)).toEqual([
      ['Contributions', 'Row 3, Budget line'],
      ['Contributions', 'Row 5, Amount (£)'],
      ['Skills', 'Row 3, Email'],
      ['Skills', 'Row 3, Days per month'],
      ['Projects', 'Row 3, RAG'],
      ['Projects', 'Row 4, Lead council'],
      ['Projects', 'Row 4, Due'],
    ]);
    expect((await wb.sheet('Contributions')).fills).toEqual({ C3: MARK_FILL, D5: MARK_FILL });
    expect((await wb.sheet('Skills')).fills).toEqual({ B3: MARK_FILL, G3: MARK_FILL });
    expect((await wb.sheet('Projects')).fills).toEqual({ H3: MARK_FILL, D4: MARK_FILL, J4: MARK_FILL });
    await screenshot(page, '04-check-errors');
  });

  it('each listed problem takes the user to its cell', async () => {
    await page
      .locator('.sheet-problems li[data-severity="error"] button', { hasText: 'Budget line' })
      .click();
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { __fakeExcel: { selection(): { selection?: string } } }
        ).__fakeExcel.selection().selection === 'Contributions!C3',
    );
    expect(await excel(page).selection()).toEqual({
      activeSheet: 'Contributions',
      selection: 'Contributions!C3',
    });
  });

  it('after the fixes Check finds no errors and clears the marks', async () => {
    const wb = excel(page);
    await wb.type('Contributions', 'C3', [['Shared team']]);
    await wb.type('Contributions', 'D5', [[20]]);
    await wb.type('Skills', 'B3', [['alex.smith@cherwell.example']]);
    await wb.type('Skills', 'G3', [[10]]);
    await wb.type('Projects', 'H3', [['Red']]);
    await wb.type('Projects', 'D4', [['cherwell']]);
    await wb.type('Projects', 'J4', [['2026-12-31']]);
    await act(page, 'check');
    expect(await listedErrors(page)).toEqual([]);
    expect(await outputText(page)).toMatch(/^Check No errors/);
    for (const sheet of ['Contributions', 'Skills', 'Projects'])
      expect((await wb.sheet(sheet)).fills).toEqual({});
    await screenshot(page, '05-check-clean');
  });

  it('Submit checks, sends the return and shows the receipt', async () => {
    const wb = excel(page);
    await wb.resetStats();
    await act(page, 'submit');
    const text = await outputText(page);
    expect(text).toContain('Submitted: version 1 of Cherwell District Council');
    expect(text).toContain('Version 1 received');
    const changes = await page.locator('.receipt tbody tr').allInnerTexts();
    expect(changes.map((r) => r.split(/\s+/))).toEqual([
      ['Contributions', '4', '0', '0'],
      ['Skills', '2', '0', '0'],
      ['Projects', '3', '0', '0'],
    ]);
    // Check's four round trips, then one to remember the version in the workbook.
    expect((await wb.stats()).syncCount).toBeLessThanOrEqual(5);
    expect(JSON.parse(String((await wb.settings())['SharedCdo.versions']))).toEqual({
      [`cherwell/${PERIOD}`]: 1,
    });
    const list = await json<{ submissions: { version: number; source: string }[] }>(
      await service.call('GET', `/api/v1/councils/cherwell/submissions?period=${PERIOD}`, {
        token: 'cherwell',
      }),
    );
    expect(list.submissions.map((s) => [s.version, s.source])).toEqual([[1, 'addin']]);
    await screenshot(page, '06-receipt');
  });

  it('Load last submission asks first, then writes the stored return back as typed', async () => {
    const wb = excel(page);
    await wb.type('Contributions', 'H2', [['CHANGED LOCALLY']]);
    await act(page, 'load');
    expect(await outputText(page)).toContain('Replace my rows');
    await screenshot(page, '07-load-confirm');
    expect((await wb.sheet('Contributions')).values[1]![7]).toBe('CHANGED LOCALLY');
    await act(page, 'confirm-load');
    expect(await outputText(page)).toContain('Loaded version 1');
    const contributions = await wb.sheet('Contributions');
    expect(contributions.values[1]![7]).toBe('INV-101');
    expect(contributions.values[0]).toContain('My notes');
    const projects = await wb.sheet('Projects');
    const update = projects.values[0]!.indexOf('Update');
    // Text from a council is written as text: the leading "=" did not make a formula.
    expect(projects.values.find((r) => r[0] === 'WEB-01')?.[update]).toBe('=Going well, see notes');
    expect(projects.formulas).toEqual([]);
    expect(pageProblems(page)).toEqual({ errors: [], blocked: [] });
  });

  it('asks before submitting an empty return, saying how many rows of the last version it removes', async () => {
    const wb = excel(page);
    for (const sheet of ['Contributions', 'Skills', 'Projects']) {
      const { values } = await wb.sheet(sheet);
      const blank = values.slice(1).map((row) => row.map(() => ''));
      await wb.type(sheet, 'A2', blank);
    }
    await act(page, 'submit');
    // Version 1 has 4 contributions, 2 skills and 3 projects: 9 rows.
    expect(await outputText(page)).toContain(
      'Submit an empty return? It removes all 9 rows of your last version ' +
        '(Contributions 4 removed, Skills 2 removed, Projects 3 removed).',
    );
    await act(page, 'cancel-empty');
    expect(await outputText(page)).toContain('Nothing was submitted.');
    const versions = async () =>
      (
        await json<{ submissions: unknown[] }>(
          await service.call('GET', `/api/v1/councils/cherwell/submissions?period=${PERIOD}`, {
            token: 'cherwell',
          }),
        )
      ).submissions.length;
    expect(await versions()).toBe(1);
    await act(page, 'submit');
    await act(page, 'confirm-empty');
    expect(await outputText(page)).toContain('Submitted: version 2 of Cherwell District Council');
    const changes = await page.locator('.receipt tbody tr').allInnerTexts();
    expect(changes.map((r) => r.split(/\s+/))).toEqual([
      ['Contributions', '0', '0', '4'],
      ['Skills', '0', '0', '2'],
      ['Projects', '0', '0', '3'],
    ]);
    expect(await versions()).toBe(2);
    expect(pageProblems(page)).toEqual({ errors: [], blocked: [] });
  });

  it('a new period is remembered in the workbook and set up writes it into About', async () => {
    await page.selectOption('#period', '2026-09');
    await act(page, 'change-choice');
    expect(await outputText(page)).toContain('Now working on Cherwell District Council, September 2026');
    const wb = excel(page);
    expect(JSON.parse(String((await wb.settings())['SharedCdo.context']))).toEqual({
      council: 'cherwell',
      period: '2026-09',
    });
    await act(page, 'setup');
    expect((await wb.sheet('About')).values[1]).toEqual(['Period', '2026-09']);
  });
});
