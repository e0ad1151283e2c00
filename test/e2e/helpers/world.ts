// What every browser test starts from: the real service on a fixed clock with the demo partnership,
// headless Chromium, and the fake office.js to serve in place of Microsoft's.
import type { Browser } from 'playwright-core';
import { demoPartnership } from '../../../demo/partnership.js';
import type { LocalIssuer } from '../../helpers/entra-issuer.js';
import { startTestService, type TestService } from '../../server/helpers/service.js';
import { buildFakeOffice } from '../fake-office/build.js';
import { launchChromium } from '../../helpers/chromium.js';

/** The tests' today: early November 2026, so October 2026's return is the one due. */
export const NOW = new Date('2026-11-05T10:00:00Z');
export const PERIOD = '2026-10';

export interface PaneWorld {
  service: TestService;
  browser: Browser;
  fakeOffice: string;
  close(): Promise<void>;
}

/** `entra`: the service takes Microsoft 365 sign-in from this local issuer (the named callers are people). */
export async function startPaneWorld(options: { entra?: LocalIssuer } = {}): Promise<PaneWorld> {
  const fakeOffice = await buildFakeOffice();
  const service = await startTestService({ now: () => NOW, ...options });
  const put = await service.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
  if (put.status !== 200)
    throw new Error(`Could not set the demo partnership: ${put.status} ${await put.text()}`);
  const browser = await launchChromium();
  return {
    service,
    browser,
    fakeOffice,
    async close() {
      await browser.close();
      await service.stop();
    },
  };
}
