// The add-in never overwrites what a user wrote: its own sheets (drop-down lists, the consolidated
// Summary) are marked in the workbook's settings, and a user's sheet that happens to
// have the same name is left exactly as it was while the pane says which name it used instead.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { OWNED_SHEETS_SETTING } from '../../addin/src/excel/owned-sheets.js';
import { requireTool } from '../helpers/tools.js';
import type { TestService } from '../server/helpers/service.js';
import { act, connect, excel, openPane, outputText, settled } from './helpers/pane.js';
import { NOW, PERIOD, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');

describe.runIf(haveChromium)('users’ own sheets are never overwritten', () => {
  let world: PaneWorld;
  let service: TestService;
  let browser: Browser;

  const open = async (token: 'cherwell' | 'cdo'): Promise<Page> => {
    const page = await openPane(browser, service.url, world.fakeOffice, { now: NOW });
    await page.locator('#token').waitFor();
    await connect(page, service.tokens[token]);
    return page;
  };

  beforeAll(async () => {
    world = await startPaneWorld();
    ({ service, browser } = world);
  });

  afterAll(async () => world?.close());

  it('set up leaves a user’s Lists sheet alone and keeps its drop-downs on its own very hidden sheet', async () => {
    const page = await open('cherwell');
    const wb = excel(page);
    const mine = [
      ['Suppliers', 'Contact'],
      ['Acme', 'sales@acme.example'],
    ];
    await wb.addSheet('Lists');
    await wb.type('Lists', 'A1:B2', mine);
    // The product's own name taken too (unlikely, but then the next free name is used and said).
    await wb.addSheet('SharedCdoLists');
    await wb.type('SharedCdoLists', 'A1', [['my notes']]);
    // The user is looking at their own sheet: tables must still go on their own sheets.
    await wb.activate('Lists');
    await act(page, 'setup');
    expect(await outputText(page)).toContain(
      'This workbook already has a sheet called “SharedCdoLists” that the add-in did not make, so it was left as it is and “SharedCdoLists (2)” was used instead.',
    );
    const lists = await wb.sheet('Lists');
    expect([lists.values, lists.visibility, lists.validations]).toEqual([mine, 'Visible', []]);
    expect((await wb.sheet('SharedCdoLists')).values).toEqual([['my notes']]);
    const own = await wb.sheet('SharedCdoLists (2)');
    expect(own.visibility).toBe('VeryHidden');
    expect(own.values[0]).toContain('Budget lines');
    expect(JSON.parse(String((await wb.settings())[OWNED_SHEETS_SETTING]))).toEqual({
      lists: 'SharedCdoLists (2)',
    });
    expect((await wb.tables()).map((t) => t.address)).toEqual([
      'Contributions!A1:I2',
      'Skills!A1:K2',
      'Projects!A1:Q2',
    ]);
    const budgetRule = (await wb.sheet('Contributions')).validations.find((v) => v.address === 'C2');
    expect(budgetRule?.rule).toEqual({
      list: { inCellDropDown: true, source: expect.stringMatching(/^='SharedCdoLists \(2\)'!\$[A-Z]+\$2:/) },
    });

    // Set up again: the marked sheet is rewritten in place; no third lists sheet, no notice.
    await act(page, 'setup');
    expect(await outputText(page)).not.toContain('did not make');
    expect((await wb.sheetNames()).filter((n) => n.startsWith('SharedCdoLists'))).toHaveLength(2);
    await page.context().close();
  });

  it('a drop-down list that becomes empty drops its rule instead of pointing at another list', async () => {
    const page = await open('cherwell');
    const wb = excel(page);
    await act(page, 'setup');
    const before = (await wb.sheet('Contributions')).validations.find((v) => v.address === 'C2');
    expect(before?.rule).toMatchObject({ list: { inCellDropDown: true } });
    // March 2026 is in 2025-26, a financial year the demo partnership has no budget lines for.
    await page.selectOption('#period', '2026-03');
    await settled(page);
    await act(page, 'setup');
    const contributions = await wb.sheet('Contributions');
    expect(contributions.validations.find((v) => v.address === 'C2')).toBeUndefined();
    // The other lists still have their rules, pointing at their own (moved) columns.
    const lists = await wb.sheet('SharedCdoLists');
    expect(lists.values[0]).not.toContain('Budget lines');
    const type = contributions.validations.find((v) => v.address === 'B2')?.rule as {
      list: { source: string };
    };
    const column = /!\$([A-Z]+)\$2/.exec(type.list.source)![1]!;
    expect(lists.values[0]![column.charCodeAt(0) - 65]).toBe('Contribution types');
    await page.context().close();
  });

  it('the consolidated view leaves a user’s Summary (and a Dashboard) alone and says where it wrote', async () => {
    const submitted = await service.call('POST', `/api/v1/councils/cherwell/submissions?period=${PERIOD}`, {
      token: 'cdo',
      json: demoCouncilSubmission('cherwell', PERIOD),
    });
    expect(submitted.status).toBe(201);
    const page = await open('cdo');
    const wb = excel(page);
    const summary = [
      ['Our summary', 'Kept'],
      ['Budget', 1200],
    ];
    const dashboard = [
      ['KPI', 'Target', 'Actual', 'Owner', 'Notes'],
      ['Calls answered', 0.9, 0.93, 'Sam', 'on track'],
    ];
    await wb.addSheet('Summary');
    await wb.type('Summary', 'A1:B2', summary);
    await wb.addSheet('Dashboard');
    await wb.type('Dashboard', 'A1:E2', dashboard);
    await act(page, 'consolidated');
    const text = await outputText(page);
    expect(text).toContain(
      'written: Summary (2) with 4 charts drawn from the tables, Changes and one sheet per table',
    );
    expect(text).toContain('a sheet called “Summary” that the add-in did not make');
    // The add-in has no Dashboard (its charts are on its Summary): a user's Dashboard is simply theirs.
    expect(text).not.toContain('Dashboard');
    const yours = await wb.sheet('Summary');
    expect([yours.values, yours.charts]).toEqual([summary, []]);
    const theirs = await wb.sheet('Dashboard');
    expect([theirs.values, theirs.charts]).toEqual([dashboard, []]);
    const written = (await wb.sheet('Summary (2)')).values.map((r) => r[0]);
    expect(written).toEqual(expect.arrayContaining(['Partnership', 'Period']));
    expect((await wb.sheet('Summary (2)')).charts).toHaveLength(4);

    // Written again: the marked sheets are reused and the user's stay as they are.
    await act(page, 'consolidated');
    expect(await outputText(page)).not.toContain('did not make');
    expect((await wb.sheetNames()).filter((n) => /^(Summary|Dashboard)/.test(n))).toEqual([
      'Summary',
      'Dashboard',
      'Summary (2)',
    ]);
    expect((await wb.sheet('Summary (2)')).charts).toHaveLength(4);
    expect((await wb.sheet('Summary')).values).toEqual(summary);
    expect((await wb.sheet('Dashboard')).values).toEqual(dashboard);
    await page.context().close();
  });
});
