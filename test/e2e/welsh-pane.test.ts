// The pane in Welsh (DESIGN §12): with Office's display language Welsh (cy-GB) the pane speaks Welsh
// (`<html lang="cy">`, months in Welsh), passes axe (WCAG 2.2 AA) in its main views, a keyboard reaches
// every control, and no Welsh word overflows a control in the narrowest pane (320 px). In English
// Office, choosing Cymraeg switches the pane in place (session, fields and outcome kept, focus on the
// switch, the change announced) and is remembered after a reload; the pane's first words follow the
// language it spoke last; Office's sign-in dialog speaks the language the pane names in its address.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CY, EN } from '../../shared/i18n/index.js';
import { requireTool } from '../helpers/tools.js';
import type { TestService } from '../server/helpers/service.js';
import { axeViolations } from './helpers/axe.js';
import { act, connect, excel, openPane, outputText, pageProblems, screenshot } from './helpers/pane.js';
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

  /** What the pane's live region last said, once its announcement has landed. */
  const announced = async (page: Page, text: string): Promise<string> => {
    await page.waitForFunction((t) => document.getElementById('announce')?.textContent === t, text, {
      timeout: 5_000,
    });
    return (await page.locator('#announce').textContent()) ?? '';
  };

  /** Marks the page, so that a test can tell it was not loaded again. */
  const markPage = (page: Page) =>
    page.evaluate(() => ((globalThis as { __sameDocument?: boolean }).__sameDocument = true));
  const samePage = (page: Page) =>
    page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument === true);

  it('in English Office, choosing Cymraeg switches the pane in place, keeping the session, the choice and the outcome shown', async () => {
    const page = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      partitionKey: 'cy-choice',
      width: 320,
    });
    await page.locator('#token').waitFor();
    expect(await lang(page)).toBe('en-GB');
    await connect(page, service.tokens.cherwell);
    expect((await page.locator('#sign-out').innerText()).trim()).toBe('Sign out');
    expect((await page.locator('#language').innerText()).trim()).toBe('Cymraeg');
    expect(await page.locator('#help').getAttribute('href')).toBe('help.html');
    // The status board shown, and September picked in the list but not yet taken up.
    await act(page, 'status');
    expect(await outputText(page)).toMatch(/^Status board October 2026: \d of 4 returned/);
    await page.locator('select#period').selectOption('2026-09');
    await markPage(page);

    await page.locator('#language').click();
    await announced(page, cy('pane.language.now'));
    expect(await samePage(page)).toBe(true);
    expect(await lang(page)).toBe('cy');
    // Still connected, in Welsh; the choice shown kept (its month now named in Welsh).
    expect((await page.locator('#sign-out').innerText()).trim()).toBe(cy('pane.signOut'));
    expect((await page.locator('#setup').innerText()).trim()).toBe(cy('pane.setUp'));
    expect(await page.locator('#token').count()).toBe(0);
    expect(await page.locator('select#period option:checked').innerText()).toBe('Medi 2026');
    expect(await page.locator('label[for="period"]').innerText()).toBe(cy('pane.period'));
    // The outcome shown is said again in Welsh: still October's board, which September is not yet.
    expect(await outputText(page)).toMatch(
      new RegExp(`^${cy('pane.statusBoard')} Hydref 2026: \\d o 4 wedi’u dychwelyd`),
    );
    expect(await page.locator('.output [lang]').count()).toBe(0);
    // Focus stays on the language choice, which now offers English, named in English.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language');
    expect(await page.locator('#language').getAttribute('lang')).toBe('en');
    expect((await page.locator('#language').innerText()).trim()).toBe('English');
    expect(await page.locator('#help').getAttribute('href')).toBe('help-cy.html');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    // The next action takes up the month shown.
    await act(page, 'status');
    expect(await outputText(page)).toMatch(/Medi 2026: \d o 4 wedi’u dychwelyd/);

    // The choice is remembered.
    await page.reload();
    await page.locator('#sign-out').waitFor();
    expect(await lang(page)).toBe('cy');
    expect((await page.locator('#language').innerText()).trim()).toBe('English');

    // A comment half written in the year's agreement survives the switch back to English, and so does
    // the refusal of a decline sent before it was written, said again in English beside the box.
    const proposed = await service.call('POST', '/api/v1/agreements', {
      token: 'cdo',
      json: { fy: '2026-27' },
    });
    expect(proposed.status).toBe(201);
    await act(page, 'agreement');
    await page.locator('#decline').click();
    const refusal = page.locator('#decision-comment-problem');
    await refusal.waitFor();
    // The words around the council's name, in the language the refusal is said in.
    const sayingDeclineWhy = (words: string) => words.split('{council}');
    for (const part of sayingDeclineWhy(cy('pane.agreement.declineWhy')))
      expect(await refusal.innerText()).toContain(part);
    await page.locator('#decision-comment').fill('Angen trafod gyda’r cabinet');
    await screenshot(page, 'cy-35-agreement-proposed');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await markPage(page);
    await page.locator('#language').click();
    expect(await announced(page, 'The pane is now in English.')).toBe('The pane is now in English.');
    expect(await samePage(page)).toBe(true);
    expect(await lang(page)).toBe('en-GB');
    expect((await page.locator('#sign-out').innerText()).trim()).toBe('Sign out');
    expect((await page.locator('#language').innerText()).trim()).toBe('Cymraeg');
    expect(await page.locator('h2.result-heading').innerText()).toBe('Cost-share agreement');
    expect((await page.locator('#agree').innerText()).trim()).toBe('Agree');
    expect(await page.locator('#decision-comment').inputValue()).toBe('Angen trafod gyda’r cabinet');
    for (const part of sayingDeclineWhy(EN['pane.agreement.declineWhy']))
      expect(await refusal.innerText()).toContain(part);
    expect(await page.locator('#decision-comment').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#decision-comment').getAttribute('aria-describedby')).toContain(
      'decision-comment-problem',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language');
    expect(pageProblems(page).errors).toEqual([]);
    await page.context().close();
  });

  it('before connecting, the switch keeps what was typed in the form, and the service’s refusal as it said it', async () => {
    const page = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      partitionKey: 'cy-form',
      width: 320,
    });
    await page.locator('#token').waitFor();
    // The refusal of a token, said in English as it came.
    await connect(page, 'not-a-real-token');
    const refusal = await page.locator('.connect-status .message').innerText();
    expect(refusal).toContain(EN['service.unauthorised']);
    await page.locator('#service-url input').fill('https://cdo.example.gov.uk');
    await page.locator('#token input').fill('scdo_half-typed');
    await page.locator('#language').click();
    await announced(page, cy('pane.language.now'));
    expect(await lang(page)).toBe('cy');
    expect(await page.getByRole('textbox', { name: cy('connect.accessToken') }).count()).toBe(1);
    expect((await page.locator('#connect').innerText()).trim()).toBe(cy('connect.connect'));
    expect(await page.locator('#service-url input').inputValue()).toBe('https://cdo.example.gov.uk');
    expect(await page.locator('#token input').inputValue()).toBe('scdo_half-typed');
    // The refusal stays as the service said it, marked English for a screen reader.
    expect(await page.locator('.connect-status .message').innerText()).toBe(refusal);
    expect(await page.locator('.connect-status .message').getAttribute('lang')).toBe('en-GB');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });

  it('the pane’s first words are Welsh once it has spoken Welsh in this browser, before Office answers', async () => {
    const page = await welshPane('cy-start');
    // Everything the pane says as it opens again, from the page's own words on.
    await page.addInitScript(() => {
      const said: string[] = [];
      (globalThis as { __paneSaid?: string[] }).__paneSaid = said;
      new MutationObserver(() => {
        const text = document.getElementById('pane')?.textContent?.trim();
        if (text && said.at(-1) !== text) said.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await page.locator('#token').waitFor();
    const said = await page.evaluate(() => (globalThis as { __paneSaid?: string[] }).__paneSaid ?? []);
    const welsh = said.indexOf(cy('pane.starting'));
    expect(welsh, said.join(' | ')).toBeGreaterThanOrEqual(0);
    expect(said.slice(welsh)).not.toContain('Starting…');
    expect(await lang(page)).toBe('cy');
    await page.context().close();
  });

  it('Office’s sign-in dialog in Welsh: its title, words, error and button, lang="cy", axe passes, nothing overflows at 320 px', async () => {
    // This service has no Microsoft 365 sign-in set up: the dialog says so, to the pane and on its page.
    const page = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      query: '?sign-in=dialog&lang=cy',
      width: 320,
    });
    await page.locator('#try-again').waitFor();
    expect(await lang(page)).toBe('cy');
    expect(await page.title()).toBe(cy('signIn.dialog.pageTitle'));
    expect(await page.locator('h2').innerText()).toBe(cy('connect.microsoft'));
    const said = (await page.locator('.message').innerText()).replace(/\s+/g, ' ');
    expect(said).toContain(cy('signIn.failed'));
    expect(said).toContain(`(${cy('signIn.notSetUp')})`);
    expect((await page.locator('#try-again').innerText()).trim()).toBe(cy('pane.tryAgain'));
    expect(await page.locator('footer').count()).toBe(0);
    // The pane is told, in its language.
    expect((await excel(page).sentToParent()).map((m) => JSON.parse(m) as unknown)).toEqual([
      { status: 'error', errorCode: 'failed', message: cy('signIn.notSetUp') },
    ]);
    await screenshot(page, 'cy-95-sign-in-dialog');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    // Trying again starts the dialog again, still in Welsh.
    await Promise.all([page.waitForEvent('load'), page.locator('#try-again').click()]);
    await page.locator('#try-again').waitFor();
    expect(new URL(page.url()).search).toBe('?sign-in=dialog&lang=cy');
    expect(await lang(page)).toBe('cy');
    expect(await page.locator('h2').innerText()).toBe(cy('connect.microsoft'));
    await page.context().close();
  });

  it('Office’s sign-in dialog opened by an English pane speaks English', async () => {
    const page = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      query: '?sign-in=dialog',
      width: 320,
    });
    await page.locator('#try-again').waitFor();
    expect(await lang(page)).toBe('en-GB');
    expect(await page.title()).toBe('Sign in – Shared CDO');
    expect(await page.locator('h2').innerText()).toBe('Sign in with Microsoft 365');
    expect((await page.locator('.message').innerText()).replace(/\s+/g, ' ')).toContain(
      'Microsoft 365 sign-in did not finish. Try again, or connect with an access token. (Microsoft 365 sign-in is not set up on this service.)',
    );
    expect((await page.locator('#try-again').innerText()).trim()).toBe('Try again');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });
});
