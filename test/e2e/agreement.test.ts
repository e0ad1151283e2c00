// The year's cost shares in the task pane (DESIGN §10): a council user reads its council's proposed due
// with the method's inputs and the change from last year, agrees, is refused a decline without a
// comment, and declines with one; the CDO sees every Member's decision and has the service e-mail a
// reminder to the councils still awaiting, once a day. axe (WCAG 2.2 AA) passes on each state and the
// keyboard reaches every control.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { outboxRows } from '../../server/mail/outbox.js';
import type { Agreement } from '../../shared/agreements.js';
import type { Partnership } from '../../shared/schemas.js';
import { requireTool } from '../helpers/tools.js';
import { json, type TestService } from '../server/helpers/service.js';
import { axeViolations } from './helpers/axe.js';
import { act, connect, openPane, outputText, pageProblems, screenshot, settled } from './helpers/pane.js';
import { NOW, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');
const FY = '2026-27';
const LAST_FY = '2025-26';

/**
 * The demo partnership with last year's settings beside this year's: the same lines, but a shared team
 * of £160,000.00 instead of £180,000.00, so that last year's dues differ from this year's.
 */
const twoYears: Partnership = {
  ...demoPartnership,
  budget: [
    ...demoPartnership.budget,
    ...demoPartnership.budget.map((b) => ({
      ...b,
      financialYear: LAST_FY,
      amountPence: b.budgetLine === 'Shared team' ? 16_000_000 : b.amountPence,
    })),
  ],
  funding: [
    ...demoPartnership.funding,
    ...demoPartnership.funding.map((f) => ({ ...f, financialYear: LAST_FY })),
  ],
};

// Worked by hand (DESIGN §4, Hybrid 50% equal, four Members of 12 months, populations 164,200, 151,800,
// 142,100 and 116,300: 574,400 in all). A council's exact share is net × (½ × ¼ + ½ × population / 574,400);
// each gets the floor and the pennies left go to the largest fractions.
//
// 2026-27: budget £339,172.63 less confirmed funding £80,000.00 = net 25,917,263 p.
//   Cherwell 3,239,657.875 + 3,704,399.882 = 6,944,057.757; South Oxfordshire 6,664,310.141;
//   Vale of White Horse 6,445,475.313; West Oxfordshire 5,863,419.789. Floors add up to 25,917,261: the
//   two pennies left go to West (.789) and Cherwell (.757).
const DUE = {
  cherwell: 6_944_058,
  'south-oxfordshire': 6_664_310,
  'vale-of-white-horse': 6_445_475,
  'west-oxfordshire': 5_863_420,
};
// 2025-26: net 25,917,263 − 2,000,000 = 23,917,263 p. Cherwell 6,408,194.247, South 6,150,034.375,
//   Vale 5,948,086.733, West 5,410,947.644: the two pennies go to Vale and West; Cherwell keeps
//   6,408,194 p, £64,081.94.
// Change for Cherwell: 6,944,058 − 6,408,194 = 535,864 p more, £5,358.64.
// Cherwell's share: 6,944,058 / 25,917,263 = 26.793…%, shown to two places.

/** What has focus: the id of the element (a Fluent control is focused as its host element). */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Tabs from where focus is until every id in `ids` has had focus (at most 40 presses). */
async function tabThrough(page: Page, ids: readonly string[]): Promise<string[]> {
  const reached = new Set<string>();
  for (let i = 0; i < 40 && !ids.every((id) => reached.has(id)); i++) {
    await page.keyboard.press('Tab');
    reached.add(await focusedId(page));
  }
  return ids.filter((id) => reached.has(id));
}

/** The ids of the agreement view's controls: what a keyboard must reach. */
const controlsInOutput = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.output textarea, .output fluent-button, .output a[href]')].map(
      (e) => e.id,
    ),
  );

const rowsOf = async (page: Page, table: string) =>
  (await page.locator(`${table} tr`).allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());

describe.runIf(haveChromium)('the cost-share agreement in the task pane', () => {
  let world: PaneWorld;
  let service: TestService;
  let browser: Browser;
  let page: Page;
  let agreementId: number;

  const agreementNow = async (): Promise<Agreement> => {
    const list = await json<{ agreements: Agreement[] }>(
      await service.call('GET', `/api/v1/agreements?fy=${FY}`, { token: 'cdo' }),
    );
    return list.agreements[0]!;
  };

  beforeAll(async () => {
    world = await startPaneWorld();
    ({ service, browser } = world);
    const put = await service.call('PUT', '/api/v1/partnership', { token: 'cdo', json: twoYears });
    expect(put.status).toBe(200);
    // Last year closed: its statements hold each council's final due.
    const closed = await service.call('POST', `/api/v1/years/${LAST_FY}/close`, { token: 'cdo' });
    expect(closed.status).toBe(200);
    const proposed = await service.call('POST', '/api/v1/agreements', { token: 'cdo', json: { fy: FY } });
    expect(proposed.status).toBe(201);
    agreementId = (await json<Agreement>(proposed)).id;
    const south = await service.call('POST', `/api/v1/agreements/${agreementId}/decisions`, {
      token: 'southOxfordshire',
      json: { decision: 'agree' },
    });
    expect(south.status).toBe(200);

    page = await openPane(browser, service.url, world.fakeOffice, { now: NOW, partitionKey: 'agreement' });
    await page.locator('#token').waitFor();
    await connect(page, service.tokens.cherwell);
  });

  afterAll(async () => world?.close());

  it('shows a council its proposed due, the method with its inputs and the change from last year', async () => {
    await page.locator('#agreement').focus();
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await focusedId(page)).toBe('');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('result-heading');
    expect(await outputText(page)).toContain(
      'Cost shares 2026-27: proposed, awaiting Cherwell District Council, Vale of White Horse District Council and West Oxfordshire District Council.',
    );
    expect(await rowsOf(page, 'table.figures')).toEqual([
      `Due for 2026-27 £69,440.58`,
      'Share of the net cost 26.79%',
      'Net cost of the year £259,172.63',
      'Cost-share method Hybrid (50% equal)',
      'Months of membership 12',
      'Population 164,200 of 574,400',
      'Change from last year £5,358.64 more than 2025-26 (£64,081.94)',
    ]);
    expect(await outputText(page)).toContain("Cherwell District Council's decision: Awaiting decision.");
    expect(await axeViolations(page)).toEqual([]);
    const controls = await controlsInOutput(page);
    expect(controls).toEqual(['decision-comment', 'agree', 'decline']);
    expect(await tabThrough(page, controls)).toEqual(controls);
    await screenshot(page, '60-agreement-council');
  });

  it('records the council agreeing', async () => {
    await act(page, 'agree');
    const text = await outputText(page);
    expect(text).toContain(
      `Recorded: Cherwell District Council agrees to its due of £69,440.58 for 2026-27.`,
    );
    expect(text).toContain("Cherwell District Council's decision: Agreed on 05/11/2026 by test cherwell.");
    expect(text).toContain(
      'awaiting Vale of White Horse District Council and West Oxfordshire District Council',
    );
    const decision = (await agreementNow()).decisions.find((d) => d.council === 'cherwell');
    expect(decision).toMatchObject({ decision: 'agree', comment: '', by: 'test cherwell' });
  });

  it('refuses to decline without a comment, saying so beside the comment box, and sends nothing', async () => {
    await page.locator('#decline').focus();
    await page.keyboard.press('Enter');
    const refusal = page.locator('#decision-comment-problem');
    await refusal.waitFor();
    expect((await refusal.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      'Error: Say why Cherwell District Council declines: a comment is required to decline.',
    );
    expect(await focusedId(page)).toBe('decision-comment');
    const box = page.getByRole('textbox', { name: 'Comment' });
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await box.getAttribute('aria-describedby')).toContain('decision-comment-problem');
    expect(await axeViolations(page)).toEqual([]);
    // Still agreed: nothing reached the service.
    expect((await agreementNow()).decisions.find((d) => d.council === 'cherwell')?.decision).toBe('agree');
  });

  it('records the council declining with a comment, a change of decision while the proposal is open', async () => {
    const why = 'Our cabinet meets on 19 November; we cannot agree before then.';
    await page.getByRole('textbox', { name: 'Comment' }).fill(why);
    await act(page, 'decline');
    const text = await outputText(page);
    expect(text).toContain('Recorded: Cherwell District Council declines its due of £69,440.58 for 2026-27.');
    expect(text).toContain(
      'Cost shares 2026-27: proposed, awaiting Vale of White Horse District Council and West Oxfordshire District Council; declined by Cherwell District Council.',
    );
    expect(text).toContain(`Declined on 05/11/2026 by test cherwell (“${why}”).`);
    const decision = (await agreementNow()).decisions.find((d) => d.council === 'cherwell');
    expect(decision).toMatchObject({ decision: 'decline', comment: why });
    expect(await axeViolations(page)).toEqual([]);
    expect(pageProblems(page)).toEqual({ errors: [], blocked: [] });
  });

  it('shows the CDO who has agreed and sends a reminder to the councils still awaiting, once a day', async () => {
    const cdo = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      partitionKey: 'agreement-cdo',
    });
    await cdo.locator('#token').waitFor();
    await connect(cdo, service.tokens.cdo);
    await cdo.locator('#agreement').focus();
    await cdo.keyboard.press('Enter');
    await settled(cdo);
    expect(await rowsOf(cdo, 'table.decisions')).toEqual([
      'Council Due for 2026-27 Decision',
      'Cherwell District Council £69,440.58 Declined on 05/11/2026 by test cherwell “Our cabinet meets on 19 November; we cannot agree before then.”',
      'South Oxfordshire District Council £66,643.10 Agreed on 05/11/2026 by test southOxfordshire',
      'Vale of White Horse District Council £64,454.75 Awaiting decision',
      'West Oxfordshire District Council £58,634.20 Awaiting decision',
    ]);
    const dues = (await agreementNow()).dues.map((d) => [d.council, d.duePence]);
    expect(Object.fromEntries(dues)).toEqual(DUE);

    const remind = cdo.locator('#remind');
    expect(await remind.innerText()).toBe(
      'Send a reminder to Vale of White Horse District Council and West Oxfordshire District Council',
    );
    expect(await axeViolations(cdo)).toEqual([]);
    const controls = await controlsInOutput(cdo);
    expect(controls).toEqual(['remind']);
    expect(await tabThrough(cdo, controls)).toEqual(controls);

    // Sent from the keyboard: the service queues one reminder to each awaiting council's contact.
    const reminders = () => outboxRows(service.service.store.mail, { kind: 'agreement-reminder' });
    const sendFromKeyboard = async () => {
      await cdo.locator('#remind').focus();
      await cdo.keyboard.press('Enter');
      await settled(cdo);
    };
    await sendFromKeyboard();
    expect(await outputText(cdo)).toContain(
      "A reminder is on its way by e-mail to Vale of White Horse District Council and West Oxfordshire District Council, with each one's due and how to agree or decline.",
    );
    expect((await reminders()).map((r) => r.recipient).sort()).toEqual([
      'digital@vale-of-white-horse.example',
      'digital@west-oxfordshire.example',
    ]);
    expect(await cdo.evaluate(() => document.activeElement?.className)).toBe('result-heading');
    expect(await axeViolations(cdo)).toEqual([]);

    // Asked again the same day: nothing more goes, and the CDO is told why.
    await sendFromKeyboard();
    expect(await outputText(cdo)).toContain(
      'Vale of White Horse District Council and West Oxfordshire District Council had a reminder today already; the service sends one a day, so nothing more was sent.',
    );
    expect(await reminders()).toHaveLength(2);
    expect(await axeViolations(cdo)).toEqual([]);
    await screenshot(cdo, '61-agreement-cdo');
    expect(pageProblems(cdo)).toEqual({ errors: [], blocked: [] });
  });
});
