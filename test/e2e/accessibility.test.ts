// The pane for everyone (WCAG 2.2 AA): axe-core finds no violation in any state the pane reaches,
// focus moves to the result of each action, a live region says what happened, and a keyboard alone
// connects, sets up, checks and submits.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { requireTool } from '../helpers/tools.js';
import type { TestService } from '../server/helpers/service.js';
import { axeViolations } from './helpers/axe.js';
import { act, connect, excel, openPane, outputText, settled, typeValidReturn } from './helpers/pane.js';
import { NOW, PERIOD, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');

/** What has focus, seen through shadow roots: the host's id or tag, class, and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
      className: typeof el?.className === 'string' ? el.className : '',
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });

/** Waits until the live region says something matching `pattern` (it speaks after each step). */
const announced = async (page: Page, pattern: RegExp): Promise<string> => {
  const said = await page.waitForFunction(
    (source) => {
      const text = document.getElementById('announce')?.textContent ?? '';
      return new RegExp(source).test(text) ? text : null;
    },
    pattern.source,
    { timeout: 5000 },
  );
  return (await said.jsonValue()) as string;
};

/** Presses `key` until the element matching `selector` has focus (as a keyboard user would). */
async function tabTo(page: Page, selector: string, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${key} never reached ${selector}`);
}

describe.runIf(haveChromium)('the pane is accessible (WCAG 2.2 AA)', () => {
  let world: PaneWorld;
  let service: TestService;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    world = await startPaneWorld();
    ({ service, browser } = world);
    page = await openPane(browser, service.url, world.fakeOffice, { now: NOW, partitionKey: 'a11y' });
    await page.locator('#token').waitFor();
  });

  afterAll(async () => world?.close());

  it('Connect: every field has an accessible name, and axe finds nothing', async () => {
    expect(await page.getByRole('textbox', { name: 'Service address' }).inputValue()).toBe(service.url);
    await expect(page.getByRole('textbox', { name: 'Access token' }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await connect(page, 'not-a-real-token');
    expect((await focused(page)).className).toContain('message');
    await announced(page, /did not accept your access token/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('main view: focus moves to who is connected, and axe finds nothing', async () => {
    await page.getByRole('textbox', { name: 'Access token' }).fill('');
    await connect(page, service.tokens.cherwell);
    expect(await focused(page)).toMatchObject({
      tag: 'h2',
      text: 'test cherwell · council · Cherwell District Council',
    });
    await announced(page, /^Connected as test cherwell\.$/);
    expect(await axeViolations(page)).toEqual([]);
    await act(page, 'setup');
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Set up sheets' });
    await announced(page, /^Sheets ready for October 2026\.$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('after Check with errors: focus is on its heading, the next Tab on the first error, which takes the user to its cell', async () => {
    await typeValidReturn(page);
    await excel(page).type('Contributions', 'C2', [['Coffee']]);
    await act(page, 'check');
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Check' });
    await announced(page, /^Error: 1 error\. /);
    await tabTo(page, '.problems li[data-severity="error"] button');
    const first = await focused(page);
    expect(first.text).toMatch(/^Error Row 2, Budget line:/);
    // Severity is said in words beside its colour.
    expect(await page.locator('.problems .severity').allInnerTexts()).toEqual(['Error']);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { __fakeExcel: { selection(): { selection?: string } } }
        ).__fakeExcel.selection().selection === 'Contributions!C2',
    );
  });

  it('receipt: focus is on the outcome, and axe finds nothing', async () => {
    await excel(page).type('Contributions', 'C2', [['Shared team']]);
    await act(page, 'submit');
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Submit' });
    await announced(page, /^Submitted: version 1/);
    expect(await outputText(page)).toContain('Version 1 received');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('conflict: someone else’s newer version is explained, and axe finds nothing', async () => {
    const other = await service.call('POST', `/api/v1/councils/cherwell/submissions?period=${PERIOD}`, {
      token: 'cdo',
      json: demoCouncilSubmission('cherwell', PERIOD),
    });
    expect(other.status).toBe(201);
    await act(page, 'submit');
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Submit' });
    expect(await outputText(page)).toContain(
      'test cdo submitted version 2 of this return on 5 November 2026',
    );
    expect(await page.locator('#load-theirs').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await act(page, 'compare-theirs');
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Check mine against theirs' });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('status board: focus is on its heading, and axe finds nothing', async () => {
    await act(page, 'status');
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Status board' });
    expect(await outputText(page)).toContain('October 2026: 1 of 4 returned');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('consolidated view (the CDO, in a blank workbook): axe finds nothing', async () => {
    const cdo = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      partitionKey: 'a11y-cdo',
    });
    await cdo.locator('#token').waitFor();
    await connect(cdo, service.tokens.cdo);
    await act(cdo, 'consolidated');
    expect(await focused(cdo)).toMatchObject({ tag: 'h2', text: 'Consolidated view' });
    await announced(cdo, /^Consolidated view for October 2026 written/);
    // The headline figures and the Changes table are in the pane, their headers and rows named for a
    // screen reader.
    const headline = cdo.getByRole('table', { name: 'Headline figures, October 2026' });
    expect(await headline.locator('th[scope="col"]').allInnerTexts()).toEqual(['Figure', 'Amount']);
    expect(await headline.locator('th[scope="row"]').count()).toBeGreaterThan(0);
    const changes = cdo.getByRole('region', { name: /^Changes since/ }).getByRole('table');
    expect(await changes.locator('th[scope="col"]').allInnerTexts()).toEqual(['Change', 'Item', 'Detail']);
    expect(await axeViolations(cdo)).toEqual([]);
    await cdo.context().close();
  });

  it('dark theme: the consolidated view, its headline figures and Changes table pass axe, contrast included', async () => {
    const dark = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      theme: { bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#F3F3F3' },
    });
    await dark.locator('#token').waitFor();
    await connect(dark, service.tokens.cdo);
    await act(dark, 'consolidated');
    expect(await dark.locator('.changes tbody tr').count()).toBeGreaterThan(0);
    expect(await dark.locator('.headline tbody tr').count()).toBeGreaterThan(0);
    expect(await axeViolations(dark)).toEqual([]);
    await dark.context().close();
  });

  it('dark theme: Connect and the main view pass axe, contrast included', async () => {
    const dark = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      theme: { bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#F3F3F3' },
    });
    await dark.locator('#token').waitFor();
    expect(await dark.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await axeViolations(dark)).toEqual([]);
    await connect(dark, service.tokens.cherwell);
    await act(dark, 'status');
    expect(await axeViolations(dark)).toEqual([]);
    await dark.context().close();
  });

  it('a keyboard alone walks every action, and focus lands on each outcome’s heading', async () => {
    const kb = await openPane(browser, service.url, world.fakeOffice, { now: NOW, partitionKey: 'keyboard' });
    await kb.locator('#token').waitFor();
    await tabTo(kb, '#token');
    await kb.keyboard.type(service.tokens.southOxfordshire);
    await tabTo(kb, '#connect');
    await kb.keyboard.press('Enter');
    await settled(kb);
    expect((await focused(kb)).tag).toBe('h2');
    await tabTo(kb, '#setup');
    await kb.keyboard.press('Enter');
    await settled(kb);
    expect(await focused(kb)).toMatchObject({ tag: 'h2', text: 'Set up sheets' });
    const wb = excel(kb);
    await wb.type('Contributions', 'A2:I2', [
      ['2026-10', 'Cash', 'Shared team', 900, '', '', '', 'INV-9', ''],
    ]);
    await wb.type('Skills', 'A2:G2', [
      [
        'Ana Lee',
        'ana.lee@south-oxfordshire.example',
        'Council',
        'South Oxfordshire District Council',
        'Development',
        'Working',
        3,
      ],
    ]);
    await wb.type('Projects', 'A2:H2', [
      ['SO-01', 'Intranet', 'Digital government', 'south-oxfordshire', '', '', 'Alpha', 'Green'],
    ]);
    await tabTo(kb, '#check', 'Shift+Tab');
    await kb.keyboard.press('Enter');
    await settled(kb);
    expect(await focused(kb)).toMatchObject({ tag: 'h2', text: 'Check' });
    await announced(kb, /^No errors/);
    await tabTo(kb, '#submit', 'Shift+Tab');
    await kb.keyboard.press('Enter');
    await settled(kb);
    expect(await focused(kb)).toMatchObject({ tag: 'h2', text: 'Submit' });
    await announced(kb, /^Submitted: version 1 of South Oxfordshire/);

    // Load last submission asks first; the question's answer has focus.
    await tabTo(kb, '#load', 'Shift+Tab');
    await kb.keyboard.press('Enter');
    expect((await focused(kb)).id).toBe('confirm-load');
    await kb.keyboard.press('Enter');
    await settled(kb);
    expect(await focused(kb)).toMatchObject({ tag: 'h2', text: 'Load last submission' });
    await announced(kb, /^Loaded version 1, submitted /);

    await tabTo(kb, '#status', 'Shift+Tab');
    await kb.keyboard.press('Enter');
    await settled(kb);
    expect(await focused(kb)).toMatchObject({ tag: 'h2', text: 'Status board' });

    // An arrow key moves through the periods without saving each or moving focus (WCAG 3.2.2)…
    const saved = async () => JSON.parse(String((await wb.settings())['SharedCdo.context'])) as unknown;
    await tabTo(kb, 'select#period', 'Shift+Tab');
    await kb.keyboard.press('ArrowDown');
    expect((await focused(kb)).id).toBe('period');
    const shown = await kb.locator('select#period').inputValue();
    expect(shown).not.toBe(PERIOD);
    expect(await saved()).toEqual({ council: 'south-oxfordshire', period: PERIOD });
    // …and Change takes it up.
    await tabTo(kb, '#change-choice');
    await kb.keyboard.press('Enter');
    await settled(kb);
    expect(await focused(kb)).toMatchObject({ tag: 'h2', text: 'Council and period' });
    expect(await saved()).toEqual({ council: 'south-oxfordshire', period: shown });
    expect(await axeViolations(kb)).toEqual([]);
    await kb.context().close();

    // The CDO's actions, in a blank workbook.
    const cdo = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      partitionKey: 'keyboard-cdo',
    });
    await cdo.locator('#token').waitFor();
    await tabTo(cdo, '#token');
    await cdo.keyboard.type(service.tokens.cdo);
    await cdo.keyboard.press('Enter');
    await settled(cdo);
    for (const [id, heading] of [
      ['consolidated', 'Consolidated view'],
      ['download', 'Download consolidated workbook'],
    ] as const) {
      await tabTo(cdo, `#${id}`);
      await cdo.keyboard.press('Enter');
      await settled(cdo);
      expect(await focused(cdo)).toMatchObject({ tag: 'h2', text: heading });
    }
    expect(await axeViolations(cdo)).toEqual([]);
    await cdo.context().close();
  });
});
