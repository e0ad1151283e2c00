// When things go wrong the pane says so plainly and leaves the user's sheets as they were: a token
// the service refuses, the service unreachable, someone else's newer version (409) and a locked
// period (423).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { periodLabel } from '../../shared/dates.js';
import { requireTool } from '../helpers/tools.js';
import { json, type TestService } from '../server/helpers/service.js';
import {
  act,
  connect,
  excel,
  openPane,
  outputText,
  pageProblems,
  screenshot,
  typeValidReturn,
} from './helpers/pane.js';
import { NOW, PERIOD, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');

describe.runIf(haveChromium)('the task pane when things go wrong', () => {
  let world: PaneWorld;
  let service: TestService;
  let browser: Browser;
  let fakeOffice: string;
  let page: Page;

  const values = async () => {
    const wb = excel(page);
    return Promise.all(['Contributions', 'Skills', 'Projects'].map(async (s) => (await wb.sheet(s)).values));
  };

  beforeAll(async () => {
    world = await startPaneWorld();
    ({ service, browser, fakeOffice } = world);
    page = await openPane(browser, service.url, fakeOffice, { now: NOW });
    await page.locator('#token').waitFor();
    await connect(page, service.tokens.cherwell);
    await act(page, 'setup');
    await typeValidReturn(page);
  });

  afterAll(async () => world?.close());

  it('a token the service refuses gets a plain message and no session', async () => {
    const other = await openPane(browser, service.url, fakeOffice, { now: NOW });
    await other.locator('#token').waitFor();
    await connect(other, 'not-a-real-token');
    const text = (await other.locator('.connect-status').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('did not accept your access token');
    expect(await other.evaluate(() => localStorage.length)).toBe(0);
    await screenshot(other, '10-bad-token');
    await other.context().close();
  });

  it('set up leaves a sheet of the same name that holds something else alone', async () => {
    const other = await openPane(browser, service.url, fakeOffice, { now: NOW });
    await other.locator('#token').waitFor();
    await connect(other, service.tokens.cherwell);
    const wb = excel(other);
    await wb.addSheet('Projects');
    await wb.type('Projects', 'A1:B2', [
      ['Our own list', 'Owner'],
      ['Intranet refresh', 'Sam'],
    ]);
    // Last year's Skills pasted in as plain cells, without a table and with some columns missing.
    await wb.addSheet('Skills');
    await wb.type('Skills', 'A1:G2', [
      ['Person', 'Email', 'Organisation type', 'Organisation', 'Skill', 'level', 'days per month'],
      [
        'Sam Jones',
        'sam.jones@cherwell.example',
        'Council',
        'Cherwell District Council',
        'Service design',
        'Working',
        2,
      ],
    ]);
    await act(other, 'setup');
    expect(await outputText(other)).toContain(
      'The sheet “Projects” already holds other content, so it was left alone',
    );
    expect(await outputText(other)).toContain(
      'Skills: added the missing columns Day rate (£), From, To, Notes.',
    );
    const skills = await wb.sheet('Skills');
    expect(skills.values[1]!.slice(0, 2)).toEqual(['Sam Jones', 'sam.jones@cherwell.example']);
    // Drop-downs and bounds reach the columns the user spelt in lower case too.
    expect(skills.validations.map((v) => v.address)).toEqual(expect.arrayContaining(['F2', 'G2']));
    expect((await wb.sheet('Projects')).values).toEqual([
      ['Our own list', 'Owner'],
      ['Intranet refresh', 'Sam'],
    ]);
    expect((await wb.tables()).map((t) => [t.name, t.address])).toEqual([
      ['Contributions', 'Contributions!A1:I2'],
      ['Skills', 'Skills!A1:K2'],
    ]);
    await other.context().close();
  });

  it('outside Office the pane says where it works', async () => {
    const plain = await openPane(browser, service.url, fakeOffice, { now: NOW, outsideOffice: true });
    await plain.locator('.outside').waitFor();
    expect(await plain.locator('.outside').innerText()).toContain('Open Shared CDO in Excel');
    await plain.context().close();
  });

  it('office.js unreachable: the pane says why and how to go on, instead of hanging on Starting…', async () => {
    const cut = await openPane(browser, service.url, fakeOffice, { now: NOW, officeJsUnreachable: true });
    await cut.locator('.outside').waitFor();
    const text = await cut.locator('#pane').innerText();
    expect(text).toContain('Shared CDO cannot reach Excel');
    expect(text).toContain('ask IT to allow appsforoffice.microsoft.com');
    expect(await cut.locator('#announce').textContent()).toContain('cannot reach Excel');
    await cut.locator('#reload').click();
    await cut.locator('.outside').waitFor();
    expect(pageProblems(cut).errors).toEqual([]);
    await cut.context().close();
  });

  it('storage blocked: the pane says so, still connects, and keeps the token only while open', async () => {
    const blocked = await openPane(browser, service.url, fakeOffice, { now: NOW, storageBlocked: true });
    await blocked.locator('#token').waitFor();
    expect(await blocked.locator('.connect-status').innerText()).toContain(
      'you will need to paste your token each time you open the pane',
    );
    await connect(blocked, service.tokens.cherwell);
    expect(await blocked.locator('header.who').innerText()).toContain('test cherwell');
    expect(pageProblems(blocked).errors).toEqual([]);
    await blocked.reload();
    await blocked.locator('#token').waitFor();
    expect(await blocked.locator('.connect-status').innerText()).toContain('does not let the add-in keep');
    await blocked.context().close();
  });

  it('an Excel too old for the pane says so instead of failing later', async () => {
    const old = await openPane(browser, service.url, fakeOffice, { now: NOW, excelApi: '1.7' });
    await old.locator('fluent-message-bar').waitFor();
    expect(await old.locator('#pane').innerText()).toContain(
      'This version of Excel is too old for Shared CDO (it needs Excel API 1.8)',
    );
    expect(await old.locator('#token').count()).toBe(0);
    await old.context().close();
  });

  it('a workbook open read-only: Excel’s refusal is explained and nothing changes', async () => {
    const viewing = await openPane(browser, service.url, fakeOffice, { now: NOW, readOnly: true });
    await viewing.locator('#token').waitFor();
    await connect(viewing, service.tokens.cherwell);
    const before = await excel(viewing).sheetNames();
    await act(viewing, 'setup');
    expect(await outputText(viewing)).toContain(
      'Excel did not let the add-in change this workbook: it is open read-only',
    );
    expect(await excel(viewing).sheetNames()).toEqual(before);
    expect(await excel(viewing).tables()).toEqual([]);
    await viewing.context().close();
  });

  it('a token that stops working mid-session offers to connect again', async () => {
    const expired = (route: { fulfill: (r: object) => Promise<void> }) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unauthorized', message: 'The token has expired.' } }),
      });
    await page.route(`${service.url}/api/v1/status**`, expired);
    await act(page, 'status');
    expect(await outputText(page)).toContain('did not accept your access token');
    expect(await page.locator('#reconnect').count()).toBe(1);
    await page.unroute(`${service.url}/api/v1/status**`, expired);
  });

  it('a revoked token says how to get a new one, and the sheets stay as they were', async () => {
    const created = await json<{ id: number; token: string }>(
      await service.call('POST', '/api/v1/tokens', {
        json: { role: 'council', council: 'cherwell', label: 'Cherwell laptop' },
      }),
    );
    const other = await openPane(browser, service.url, fakeOffice, { now: NOW });
    await other.locator('#token').waitFor();
    await connect(other, created.token);
    await act(other, 'setup');
    await excel(other).type('Projects', 'A2:H2', [
      ['WEB-02', 'Intranet', 'Digital government', 'cherwell', '', '', 'Alpha', 'Amber'],
    ]);
    const before = (await excel(other).sheet('Projects')).values;
    expect((await service.call('DELETE', `/api/v1/tokens/${created.id}`)).status).toBe(200);
    await act(other, 'submit');
    const text = await outputText(other);
    expect(text).toMatch(
      /This access token was revoked on \d\d\/\d\d\/\d{4}\. Ask your Shared CDO administrator/,
    );
    expect(text).toContain('your sheets stay as they are');
    expect(await other.locator('#reconnect').count()).toBe(1);
    expect((await excel(other).sheet('Projects')).values).toEqual(before);
    await other.context().close();
  });

  it('the service being unreachable leaves the sheets untouched', async () => {
    const before = await values();
    const down = (route: { abort: (code: string) => Promise<void> }) => route.abort('connectionrefused');
    await page.route(`${service.url}/api/**`, down);
    await act(page, 'submit');
    expect(await outputText(page)).toContain(`Can't reach the Shared CDO service at ${service.url}`);
    expect(await values()).toEqual(before);
    await screenshot(page, '11-offline');
    await page.unroute(`${service.url}/api/**`, down);
  });

  it('problems only the service finds (422) are listed with links to their cells', async () => {
    const refuse = (route: { fulfill: (r: object) => Promise<void> }) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            {
              sheet: 'Contributions',
              row: 2,
              column: 'Amount (£)',
              code: 'over-budget',
              message: 'Amount (£) is more than the budget line has left this year.',
            },
          ],
        }),
      });
    await page.route(`${service.url}/api/v1/councils/*/submissions?*`, refuse);
    const before = await values();
    await act(page, 'submit');
    expect(await outputText(page)).toContain(
      'The service found problems in this return. Nothing was submitted',
    );
    const link = page.locator('.sheet-problems li[data-severity="error"] button');
    expect(await link.innerText()).toContain(
      'Row 2, Amount (£): Amount (£) is more than the budget line has left',
    );
    await link.click();
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { __fakeExcel: { selection(): { selection?: string } } }
        ).__fakeExcel.selection().selection === 'Contributions!D2',
    );
    expect(await values()).toEqual(before);
    await page.unroute(`${service.url}/api/v1/councils/*/submissions?*`, refuse);
  });

  it('a newer version from someone else (409) is explained and can be loaded', async () => {
    await act(page, 'submit');
    expect(await outputText(page)).toContain('Submitted: version 1');
    // A colleague submits from another copy of the workbook.
    const theirs = demoCouncilSubmission('cherwell', PERIOD);
    const response = await service.call('POST', `/api/v1/councils/cherwell/submissions?period=${PERIOD}`, {
      token: 'cherwell',
      json: theirs,
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(201);

    await excel(page).type('Contributions', 'D2', [[1500]]);
    const before = await values();
    await act(page, 'submit');
    const text = await outputText(page);
    // Who and when: the colleague's token is labelled "test cherwell"; the service's clock says
    // 10:00 UTC on 5 November 2026, 10:00 in the UK.
    expect(text).toContain(
      'test cherwell submitted version 2 of this return on 5 November 2026 at 10:00, after this workbook last loaded or submitted it, so yours was not submitted.',
    );
    expect(await values()).toEqual(before);
    await screenshot(page, '12-conflict');

    await act(page, 'compare-theirs');
    expect(await page.locator('.comparison h3').innerText()).toBe('Your rows against version 2');
    expect(await page.locator('.comparison tbody th').allInnerTexts()).toEqual([
      'Contributions',
      'Skills',
      'Projects',
    ]);
    expect(await values()).toEqual(before);

    await act(page, 'load-theirs');
    await act(page, 'confirm-load');
    expect(await outputText(page)).toContain('Loaded version 2');
    const contributions = (await excel(page).sheet('Contributions')).values;
    expect(contributions.length - 1).toBe(theirs.contributions.length);
    // Their version is now this workbook's base: a submit from here is accepted as version 3.
    await act(page, 'submit');
    expect(await outputText(page)).toContain('Submitted: version 3');
  });

  it('a locked period (423) is explained and nothing changes', async () => {
    expect((await service.call('PUT', `/api/v1/periods/${PERIOD}/lock`, { token: 'cdo' })).status).toBe(200);
    await excel(page).type('Contributions', 'H2', [['INV-LOCKED']]);
    const before = await values();
    await act(page, 'submit');
    const text = await outputText(page);
    expect(text).toContain(`${periodLabel(PERIOD)} is locked by the CDO`);
    expect(text).toContain('Your sheets have not been changed');
    expect(await values()).toEqual(before);
    await screenshot(page, '13-locked');
    expect((await service.call('DELETE', `/api/v1/periods/${PERIOD}/lock`, { token: 'cdo' })).status).toBe(
      200,
    );
  });
});
