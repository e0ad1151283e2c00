// Microsoft 365 sign-in in the real pane: the in-memory Office host provides nested app authentication
// (window.nestedAppAuthBridge) answering with tokens from a local Entra-shaped issuer, so the pane's real
// MSAL code signs in. A council officer signs in and submits without seeing a token, the audit trail
// names them, they sign out; a person of an unregistered tenant is told who can register them; a host
// without nested authentication signs in through Office's dialog (whose page's answer the fake host
// plays), and one with neither offers the token form alone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api.js';
import { CY } from '../../shared/i18n/index.js';
import {
  CLIENT_ID,
  startLocalIssuer,
  TENANTS,
  type LocalIssuer,
  type Person,
} from '../helpers/entra-issuer.js';
import { requireTool } from '../helpers/tools.js';
import { ENTRA_PEOPLE, json, type TestService } from '../server/helpers/service.js';
import type { FakeNaaConfig } from './fake-office/naa-bridge.js';
import { axeViolations } from './helpers/axe.js';
import { act, excel, openPane, outputText, pageProblems, settled, type PaneOptions } from './helpers/pane.js';
import { NOW, PERIOD, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');

describe.runIf(haveChromium)('Microsoft 365 sign-in in the pane', () => {
  let issuer: LocalIssuer;
  let world: PaneWorld;
  let service: TestService;
  let browser: Browser;
  let fakeOffice: string;

  /** What Office's host hands MSAL for this person: an access token for the API and an ID token. */
  async function hostSignedInAs(person: Person): Promise<FakeNaaConfig> {
    return {
      accessToken: await issuer.token(person),
      idToken: await issuer.token(person, { claims: { aud: CLIENT_ID, scp: undefined } }),
      expiresIn: 3600,
      account: {
        homeAccountId: `${person.objectId}.${person.tenantId}`,
        environment: 'login.microsoftonline.com',
        tenantId: person.tenantId,
        username: person.username,
        localAccountId: person.objectId,
        name: person.name,
      },
    };
  }

  const naaRequests = (page: Page) =>
    page.evaluate(
      () =>
        (globalThis as unknown as { __fakeNaaRequests: { method: string; scope?: string }[] })
          .__fakeNaaRequests,
    );

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    world = await startPaneWorld({ entra: issuer });
    ({ service, browser, fakeOffice } = world);
  });
  afterAll(async () => {
    await world?.close();
    await issuer?.close();
  });

  it('signs a council officer in through Office, submits as them, audits it, and signs out', async () => {
    const jo = ENTRA_PEOPLE.cherwell;
    const page = await openPane(browser, service.url, fakeOffice, {
      now: NOW,
      naa: await hostSignedInAs(jo),
    });
    await page.locator('.who-name').waitFor();
    await settled(page);
    expect((await page.locator('.who-name').innerText()).replace(/\s+/g, ' ')).toBe(
      'Jo Bloggs <jo.bloggs@cherwell.example> · council · Cherwell District Council · Microsoft 365',
    );
    expect(await page.locator('#token').count()).toBe(0);
    const requests = await naaRequests(page);
    expect(requests.map((r) => r.method)).toContain('GetInitContext');
    expect(requests.find((r) => r.method === 'GetToken')?.scope).toContain(
      `api://cdo.example.gov.uk/${CLIENT_ID}/access_as_user`,
    );
    expect(await axeViolations(page)).toEqual([]);

    await act(page, 'setup');
    await excel(page).type('Projects', 'A2:H2', [
      ['WEB-01', 'Website', 'Digital government', 'cherwell', '', '', 'Beta', 'Green'],
    ]);
    await act(page, 'submit');
    expect(await outputText(page)).toContain("Submitted: version 1 of Cherwell District Council's");
    const { entries } = await json<{ entries: AuditEntry[] }>(
      await service.call('GET', '/api/v1/audit?action=submission.create', { token: 'cdo' }),
    );
    expect(entries.at(-1)).toMatchObject({
      actor: {
        via: 'entra',
        id: `${jo.tenantId}/${jo.objectId}`,
        label: 'Jo Bloggs <jo.bloggs@cherwell.example>',
      },
      council: 'cherwell',
      period: PERIOD,
      status: 201,
    });

    await page.locator('#sign-out').click();
    await page.locator('#microsoft-sign-in').waitFor();
    expect(await page.locator('.connect-status').innerText()).toContain(
      'Signed out. This pane no longer holds your Microsoft 365 sign-in.',
    );
    expect(await page.locator('#token').count()).toBe(1);
    expect(pageProblems(page)).toEqual({ errors: [], blocked: [] });
    await page.context().close();
  });

  it('tells a person of an unregistered organisation who can register them', async () => {
    const stranger: Person = { ...ENTRA_PEOPLE.cherwell, tenantId: TENANTS.elsewhere };
    const page = await openPane(browser, service.url, fakeOffice, {
      now: NOW,
      naa: await hostSignedInAs(stranger),
    });
    await page.locator('#microsoft-sign-in').waitFor();
    const text = (await page.locator('.connect-status').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(
      `of Microsoft 365 organisation ${TENANTS.elsewhere} is not registered with Shared CDO`,
    );
    expect(text).toContain('Ask a Shared CDO administrator (ada.admin@partnership.example)');
    await page.context().close();
  });

  // Each Excel, with and without nested app authentication ("Enable SSO with nested app
  // authentication" › "Have a fallback"; MSAL-js #3484, #5670; office-js #2184).
  it.each(['windows', 'mac', 'web'] as const)(
    'in Excel on %s with nested authentication, signs in without a window',
    async (host) => {
      const page = await openPane(browser, service.url, fakeOffice, {
        now: NOW,
        host,
        naa: await hostSignedInAs(ENTRA_PEOPLE.cherwell),
      });
      await page.locator('.who-name').waitFor();
      expect(await page.locator('.who-name').innerText()).toContain('Jo Bloggs');
      const wb = excel(page);
      expect([await wb.openedDialogs(), await wb.openedWindows()]).toEqual([[], []]);
      await page.context().close();
    },
  );

  it.each(['windows', 'mac', 'web'] as const)(
    'in Excel on %s without nested authentication, signs in through Office’s dialog, never a pop-up',
    async (host) => {
      const page = await openPane(browser, service.url, fakeOffice, {
        now: NOW,
        host,
        dialog: { accessToken: await issuer.token(ENTRA_PEOPLE.cherwell), expiresIn: 3600 },
      });
      await page.locator('#microsoft-sign-in').waitFor();
      expect(await page.locator('#token').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#microsoft-sign-in').click();
      await page.locator('.who-name').waitFor();
      await settled(page);
      expect((await page.locator('.who-name').innerText()).replace(/\s+/g, ' ')).toBe(
        'Jo Bloggs <jo.bloggs@cherwell.example> · council · Cherwell District Council · Microsoft 365',
      );
      const wb = excel(page);
      // The dialog is the pane's own page, which runs MSAL's redirect flow; no window.open.
      expect(await wb.openedDialogs()).toEqual([`${service.url}/addin/taskpane.html?sign-in=dialog`]);
      expect(await wb.openedWindows()).toEqual([]);
      // The token works for the service until it expires: an action goes through.
      await act(page, 'status');
      expect(await outputText(page)).toContain('October 2026');
      expect(pageProblems(page).errors).toEqual([]);
      await page.context().close();
    },
  );

  it('says so when the sign-in window is closed, and keeps the token form', async () => {
    const page = await openPane(browser, service.url, fakeOffice, {
      now: NOW,
      host: 'windows',
      dialog: 'closed',
    });
    await page.locator('#microsoft-sign-in').click();
    await page.locator('.connect-status fluent-message-bar').waitFor();
    expect(await page.locator('.connect-status').innerText()).toContain(
      'Sign-in was cancelled. Select Sign in with Microsoft 365 to try again, or connect with an access token.',
    );
    expect(await page.locator('#token').count()).toBe(1);
    await page.context().close();
  });

  it('a Welsh pane opens Office’s dialog in Welsh, and says in Welsh when it is closed', async () => {
    const opened = async (dialog: PaneOptions['dialog']) => {
      const page = await openPane(browser, service.url, fakeOffice, {
        now: NOW,
        host: 'windows',
        displayLanguage: 'cy-GB',
        dialog,
      });
      await page.locator('#microsoft-sign-in').click();
      return page;
    };
    const signedIn = await opened({
      accessToken: await issuer.token(ENTRA_PEOPLE.cherwell),
      expiresIn: 3600,
    });
    await signedIn.locator('.who-name').waitFor();
    // The dialog's page learns the pane's language from its address.
    expect(await excel(signedIn).openedDialogs()).toEqual([
      `${service.url}/addin/taskpane.html?sign-in=dialog&lang=cy`,
    ]);
    await signedIn.context().close();

    const closed = await opened('closed');
    await closed.locator('.connect-status fluent-message-bar').waitFor();
    expect(await closed.locator('.connect-status').innerText()).toContain(CY['signIn.cancelled'].text);
    await closed.context().close();
  });

  it('offers the token form alone where the host can open neither nested authentication nor a dialog', async () => {
    const page = await openPane(browser, service.url, fakeOffice, {
      now: NOW,
      host: 'windows',
      dialog: 'unsupported',
    });
    await page.locator('#token').waitFor();
    await settled(page);
    expect(await page.locator('#microsoft-sign-in').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('answers Office’s interactive sign-in: signed in, cancelled, or consent needed, each in its own words', async () => {
    const jo = await hostSignedInAs(ENTRA_PEOPLE.cherwell);
    const outcomes = [
      ['cancels', 'Sign-in was cancelled.'],
      [
        'consent-required',
        'Your organisation has not allowed Shared CDO to use your Microsoft 365 sign-in yet.',
      ],
    ] as const;
    for (const [interactive, words] of outcomes) {
      const page = await openPane(browser, service.url, fakeOffice, {
        now: NOW,
        naa: { ...jo, interactive },
      });
      await page.locator('#microsoft-sign-in').click();
      await page.locator('.connect-status fluent-message-bar').waitFor();
      expect(await page.locator('.connect-status').innerText(), interactive).toContain(words);
      await page.context().close();
    }
    // Interaction required at first: the pane offers the button, and after the user signs in, works.
    const page = await openPane(browser, service.url, fakeOffice, {
      now: NOW,
      naa: { ...jo, interactive: 'signs-in' },
    });
    await page.locator('#microsoft-sign-in').click();
    await page.locator('.who-name').waitFor();
    await settled(page);
    await act(page, 'status');
    expect(await outputText(page)).toContain('October 2026');
    await page.context().close();
  });
});
