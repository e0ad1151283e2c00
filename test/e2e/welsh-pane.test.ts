// The pane in Welsh (DESIGN §12): with Office's display language Welsh (cy-GB) the pane speaks Welsh
// (`<html lang="cy">`, months in Welsh), passes axe (WCAG 2.2 AA) in its main views, a keyboard reaches
// every control, and no Welsh word overflows a control in the narrowest pane (320 px). In English
// Office, choosing Cymraeg switches the pane and is remembered after a reload.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CY } from '../../shared/i18n/index.js';
import { requireTool } from '../helpers/tools.js';
import type { TestService } from '../server/helpers/service.js';
import { axeViolations } from './helpers/axe.js';
import { act, connect, excel, openPane, outputText, screenshot, settled } from './helpers/pane.js';
import { NOW, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');
const cy = (key: keyof typeof CY): string => CY[key].text;

/** The document's language. */
const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/**
 * Controls and labels whose text does not fit them, and whether the page scrolls sideways. A Fluent
 * button draws its text in its shadow root, so its own scrollWidth does not grow: its text's box is
 * measured against the button's instead.
 */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const boxes = document.querySelectorAll<HTMLElement>(
      'fluent-button, label, .label, select, th, h2, h3, .message, fluent-text-input',
    );
    const spills = (el: HTMLElement): boolean => {
      if (el.scrollWidth > el.clientWidth) return true;
      const box = el.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      return (
        text.width > 0 &&
        (text.left < box.left - 0.5 || text.right > box.right + 0.5 || text.bottom > box.bottom + 0.5)
      );
    };
    const over = [...boxes]
      .filter((el) => el.getClientRects().length && spills(el))
      .map((el) => `${el.tagName.toLowerCase()}#${el.id}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
    if (document.documentElement.scrollWidth > window.innerWidth) over.push('the page scrolls sideways');
    return over;
  });

/** The ids of the pane's controls, in document order. */
const controls = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'fluent-button, select, fluent-text-input, textarea, button, a[href]',
      ),
    ]
      .filter((el) => el.getClientRects().length && !el.hasAttribute('disabled'))
      .map((el) => el.id),
  );

/** Presses Tab from the top of the page until focus comes round again; the ids focused on the way. */
async function tabWalk(page: Page): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    if (seen.includes(id)) break;
    seen.push(id);
  }
  return seen;
}

describe.runIf(haveChromium)('the pane in Welsh', () => {
  let world: PaneWorld;
  let service: TestService;
  let browser: Browser;

  beforeAll(async () => {
    world = await startPaneWorld();
    ({ service, browser } = world);
  });

  afterAll(async () => world?.close());

  const welshPane = async (partitionKey: string): Promise<Page> => {
    const page = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      partitionKey,
      displayLanguage: 'cy-GB',
      width: 320,
    });
    await page.locator('#token').waitFor();
    return page;
  };

  it('Connect and the council’s views: Welsh words, axe passes, nothing overflows at 320 px', async () => {
    const page = await welshPane('cy-council');
    expect(await lang(page)).toBe('cy');
    expect(await page.getByRole('textbox', { name: cy('connect.accessToken') }).count()).toBe(1);
    expect((await page.locator('#connect').innerText()).trim()).toBe(cy('connect.connect'));
    // The choice of the other language names it in itself.
    expect(await page.locator('#language').getAttribute('lang')).toBe('en');
    expect((await page.locator('#language').innerText()).trim()).toBe('English');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    // The service's refusal, in Welsh.
    await connect(page, 'not-a-real-token');
    expect(await page.locator('.connect-status .message').innerText()).toContain(cy('service.unauthorised'));
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    await page.locator('#token input').fill('');
    await connect(page, service.tokens.cherwell);
    expect((await page.locator('h2.who-name').innerText()).replace(/\s+/g, ' ')).toBe(
      'test cherwell · cyngor · Cherwell District Council',
    );
    // Months in Welsh; the return due is October's.
    expect(await page.locator('select#period option:checked').innerText()).toBe('Hydref 2026');
    expect((await page.locator('#setup').innerText()).trim()).toBe(cy('pane.setUp'));
    await screenshot(page, 'cy-10-main');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    await act(page, 'setup');
    expect(await outputText(page)).toContain('Dalennau’n barod ar gyfer Hydref 2026.');
    await act(page, 'check');
    expect(await outputText(page)).toContain(cy('pane.check.ready'));
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    await act(page, 'status');
    expect(await outputText(page)).toMatch(/Hydref 2026: \d o 4 wedi’u dychwelyd/);
    await screenshot(page, 'cy-20-status-board');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    await act(page, 'agreement');
    expect(await page.locator('h2.result-heading').innerText()).toBe(cy('pane.agreement.title'));
    await screenshot(page, 'cy-30-agreement');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    // Every control is reached from the keyboard, the language choice among them.
    const walked = await tabWalk(page);
    const all = await controls(page);
    expect(all).toContain('language');
    expect(all.filter((id) => !walked.includes(id))).toEqual([]);
    await page.context().close();
  });

  it('the Check list in Welsh: each problem’s message, with its row and column, axe passes, nothing overflows', async () => {
    const page = await welshPane('cy-check');
    await connect(page, service.tokens.cherwell);
    await act(page, 'setup');
    const wb = excel(page);
    await wb.type('Skills', 'A2:G3', [
      ['Sam Jones', 'sam', 'Council', 'Cherwell District Council', 'Service design', 'Guru', 'two'],
      ['Raj Patel', 'raj@pixel.example.com', 'SME', 'Pixel Ltd', 'Development', 'Expert', 2],
    ]);
    await wb.type('Projects', 'A2:H2', [
      ['WEB-01', '', 'Digital government', 'cherwell', '', '', 'Beta', 'Green'],
    ]);
    await act(page, 'check');
    const text = await outputText(page);
    expect(text).toContain(
      'Rhes 2, Email: Rhaid i Email fod yn gyfeiriad e-bost, fel name@council.gov.uk — cafwyd "sam".',
    );
    expect(text).toContain(
      'Rhes 2, Level: Rhaid i Level fod yn un o Awareness, Working, Practitioner, Expert — cafwyd "Guru".',
    );
    expect(text).toContain(
      'Rhes 2, Days per month: Rhaid i Days per month fod yn rhif, fel 2.5 — cafwyd "two".',
    );
    expect(text).toContain('Rhes 2, Title: Mae angen Title ond mae’r gell yn wag.');
    // A rule across a row, by its key too.
    expect(text).toContain(
      'Rhes 3, Day rate (£): Mae Day rate (£) yn wag ar gyfer rhywun o fusnes bach neu ganolig (SME); ychwanegwch ef fel bod cost eu hamser yn hysbys.',
    );
    expect(text).not.toMatch(/ must be | is required | is blank for /);
    await screenshot(page, 'cy-15-check-list');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });

  it('the CDO’s consolidated view in Welsh: headline figures named in Welsh, axe passes, nothing overflows', async () => {
    const page = await welshPane('cy-cdo');
    await connect(page, service.tokens.cdo);
    await act(page, 'consolidated');
    expect(await outputText(page)).toContain('Golwg gyfunol');
    expect(await page.getByRole('table', { name: 'Prif ffigurau, Hydref 2026' }).count()).toBe(1);
    await screenshot(page, 'cy-40-consolidated');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    const walked = await tabWalk(page);
    expect((await controls(page)).filter((id) => !walked.includes(id))).toEqual([]);
    await page.context().close();
  });

  it('the help page in Welsh: the Welsh pane links it, marked cy, axe passes, and it links the English one', async () => {
    const page = await welshPane('cy-help');
    const link = page.locator('footer a#help');
    expect((await link.innerText()).trim()).toBe(cy('pane.help'));
    const href = new URL((await link.getAttribute('href'))!, page.url()).href;
    expect(href).toBe(`${service.url}/addin/help-cy.html`);

    await page.goto(`${href}#agreement`);
    expect(await lang(page)).toBe('cy');
    expect(await page.locator('#agreement').innerText()).toBe('Cytuno ar gyfrannau cost y flwyddyn');
    await screenshot(page, 'cy-90-help');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    // Each page links the other language, named in itself; the English page passes axe too.
    const english = page.locator('a[hreflang="en"]');
    expect(await english.getAttribute('lang')).toBe('en');
    await Promise.all([page.waitForEvent('load'), english.click()]);
    expect(page.url()).toBe(`${service.url}/addin/help.html`);
    expect(await lang(page)).toBe('en-GB');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('a[hreflang="cy"]').getAttribute('href')).toBe('help-cy.html');
    await page.context().close();
  });

  it('in English Office, choosing Cymraeg switches the pane and is remembered after a reload', async () => {
    const page = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      partitionKey: 'cy-choice',
    });
    await page.locator('#token').waitFor();
    expect(await lang(page)).toBe('en-GB');
    await connect(page, service.tokens.cherwell);
    expect((await page.locator('#sign-out').innerText()).trim()).toBe('Sign out');
    expect((await page.locator('#language').innerText()).trim()).toBe('Cymraeg');
    expect(await page.locator('#help').getAttribute('href')).toBe('help.html');

    await Promise.all([page.waitForEvent('load'), page.locator('#language').click()]);
    // The saved token reconnects; the pane now speaks Welsh.
    await page.locator('#sign-out').waitFor();
    await settled(page);
    expect(await lang(page)).toBe('cy');
    expect((await page.locator('#sign-out').innerText()).trim()).toBe(cy('pane.signOut'));

    await page.reload();
    await page.locator('#sign-out').waitFor();
    expect(await lang(page)).toBe('cy');
    expect((await page.locator('#language').innerText()).trim()).toBe('English');
    expect(await page.locator('#help').getAttribute('href')).toBe('help-cy.html');

    // And back: English as before.
    await Promise.all([page.waitForEvent('load'), page.locator('#language').click()]);
    await page.locator('#sign-out').waitFor();
    expect(await lang(page)).toBe('en-GB');
    expect((await page.locator('#sign-out').innerText()).trim()).toBe('Sign out');
    await page.context().close();
  });
});
