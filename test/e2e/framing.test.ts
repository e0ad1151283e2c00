// Excel on the web puts the pane in an iframe of Office's own pages, over https. Here the real service
// serves it over https with a certificate this test makes (Chromium trusts that certificate only),
// framed by a page on an origin standing in for an Office host; the CSP's frame-ancestors decides.
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../helpers/tools.js';
import { startTestService, type TestService } from '../server/helpers/service.js';
import { buildFakeOffice } from './fake-office/build.js';
import { launchChromium } from '../helpers/chromium.js';
import { act, connect, excel, openPane, outputText, paneFrame } from './helpers/pane.js';
import { NOW } from './helpers/world.js';

const haveChromium = requireTool('chromium');

describe.runIf(haveChromium)('the pane framed by an Office host, over https', () => {
  let dir: string;
  let service: TestService;
  let browser: Browser;
  let fakeOffice: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'shared-cdo-tls-'));
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 86_400_000),
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
    });
    await writeFile(path.join(dir, 'cert.pem'), pems.cert);
    await writeFile(path.join(dir, 'key.pem'), pems.private);
    service = await startTestService({
      now: () => NOW,
      env: {
        TLS_CERT_FILE: path.join(dir, 'cert.pem'),
        TLS_KEY_FILE: path.join(dir, 'key.pem'),
        // The demo partnership: this service's API answers https only, with a certificate fetch doubts.
        DEMO: 'on',
      },
    });
    // Chromium accepts exactly this certificate (by its public key), nothing else self-signed.
    const spki = new X509Certificate(pems.cert).publicKey.export({ type: 'spki', format: 'der' });
    const pin = createHash('sha256').update(spki).digest('base64');
    browser = await launchChromium([
      `--ignore-certificate-errors-spki-list=${pin}`,
      // The service is on loopback here; a deployed one is on a public address, which Chromium's
      // Local Network Access checks do not restrict when a public Office page frames it.
      '--disable-features=LocalNetworkAccessChecks',
    ]);
    fakeOffice = await buildFakeOffice();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads over https in a frame of onedrive.live.com and works there', async () => {
    expect(service.url).toMatch(/^https:\/\/localhost:\d+$/);
    const page = await openPane(browser, service.url, fakeOffice, {
      now: NOW,
      framedBy: 'https://onedrive.live.com',
    });
    const pane = await paneFrame(page);
    await pane.locator('#token').waitFor();
    expect(
      await pane.evaluate(() => ({
        protocol: location.protocol,
        framed: window.top !== window,
        parent: location.ancestorOrigins[0],
      })),
    ).toEqual({ protocol: 'https:', framed: true, parent: 'https://onedrive.live.com' });
    await connect(pane, service.tokens.cherwell);
    expect(await pane.locator('header.who').innerText()).toContain('test cherwell');
    await act(pane, 'setup');
    expect(await outputText(pane)).toContain('Sheets ready');
    expect((await excel(pane).tables()).map((t) => t.name)).toEqual(['Contributions', 'Skills', 'Projects']);
    await act(pane, 'check');
    expect(await outputText(pane)).toMatch(/error/);
    await page.context().close();
  });

  it.each([
    'https://excel.officeapps.live.com',
    'https://contoso.sharepoint.com',
    'https://excel.cloud.microsoft',
    'https://word-edit.officeapps.live.com',
    'https://outlook.office.net',
  ])('loads in a frame of %s', async (origin) => {
    const page = await openPane(browser, service.url, fakeOffice, { now: NOW, framedBy: origin });
    const pane = await paneFrame(page);
    await pane.locator('#token').waitFor();
    await page.context().close();
  });

  it('a plain http page cannot frame it', async () => {
    const page = await openPane(browser, service.url, fakeOffice, {
      now: NOW,
      framedBy: 'http://intranet.example',
    });
    const refused = page.waitForEvent('console', {
      predicate: (m) =>
        /Framing .* violates the following Content Security Policy directive: "frame-ancestors 'self' https:"/.test(
          m.text(),
        ),
      timeout: 10_000,
    });
    await page.reload();
    await refused;
    const pane = await paneFrame(page);
    expect(pane.url()).toMatch(/^chrome-error:/);
    expect(await pane.locator('#pane').count()).toBe(0);
    await page.context().close();
  });
});
