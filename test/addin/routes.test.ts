// The service serves the built pane under /addin/ (framable by Office, office.js allowed from the CDN
// only) and /manifest.xml pointed at PUBLIC_URL, or at this machine's PORT without it.
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDIN_VERSION } from '../../server/routes/addin.js';
import { startTestService, type TestService } from '../server/helpers/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ env: { PUBLIC_URL: 'https://cdo.example.gov.uk' } });
});
afterAll(async () => service?.stop());

describe('add-in routes', () => {
  it('serves the manifest rewritten to PUBLIC_URL', async () => {
    const response = await service.call('GET', '/manifest.xml', { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    const xml = await response.text();
    expect(xml).toContain('<SourceLocation DefaultValue="https://cdo.example.gov.uk/addin/taskpane.html"/>');
    expect(xml).not.toContain('localhost:3000');
    expect(xml).toContain(`<Version>${ADDIN_VERSION}</Version>`);
  });

  it('points the manifest at this machine on PORT when PUBLIC_URL is not set', async () => {
    // A port nothing else listens on just now.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const other = await startTestService({ env: { PORT: String(port) } });
    try {
      const xml = await (await other.call('GET', '/manifest.xml', { token: null })).text();
      expect(xml).toContain(`<SourceLocation DefaultValue="https://localhost:${port}/addin/taskpane.html"/>`);
      expect(xml).not.toContain('localhost:3000');
    } finally {
      await other.stop();
    }
  });

  it('serves the task pane so that Office can frame it and load office.js', async () => {
    const response = await service.call('GET', '/addin/', { token: null });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<main id="pane"');
    expect(response.headers.get('x-frame-options')).toBeNull();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).toContain("frame-ancestors 'self' https:;");
    const js = await service.call('GET', '/addin/taskpane.js', { token: null });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers a missing add-in file with a plain 404', async () => {
    const response = await service.call('GET', '/addin/no-such-file.js', { token: null });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not-found', message: expect.stringContaining('build:addin') },
    });
  });
});
