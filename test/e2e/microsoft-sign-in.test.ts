// Microsoft 365 sign-in in the real pane: the in-memory Office host provides nested app authentication
// (window.nestedAppAuthBridge) answering with tokens from a local Entra-shaped issuer, so the pane's real
// MSAL code signs in. A council officer signs in and submits without seeing a token, the audit trail
// names them, they sign out; a person of an unregistered tenant is told who can register them; a host
// without nested authentication gets the pop-up and the token form.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api.js';
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
import { act, excel, openPane, outputText, pageProblems, settled } from './helpers/pane.js';
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

  it('offers the pop-up and the token form where the host has no nested authentication', async () => {
    const page = await openPane(browser, service.url, fakeOffice, { now: NOW });
    await page.locator('#microsoft-sign-in').waitFor();
    expect(await page.locator('#microsoft-sign-in').innerText()).toBe('Sign in with Microsoft 365');
    expect(await page.locator('#token').count()).toBe(1);
    expect(await page.evaluate(() => 'nestedAppAuthBridge' in globalThis)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageProblems(page).errors).toEqual([]);
    await page.context().close();
  });
});
