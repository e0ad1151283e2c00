// Headers and names (DESIGN §9.5): HSTS only over TLS, no-store on every API answer (the OpenAPI
// document included), a production pane policy without localhost, and names that reach e-mails on one line.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { describeStores } from '../helpers/databases.js';
import { json, startTestService, type TestService } from './helpers/service.js';

let t: TestService;

describeStores('files and headers', (kind) => {
  beforeAll(async () => {
    t = await startTestService({ kind, env: { PUBLIC_URL: 'https://cdo.example.gov.uk' } });
  });
  afterAll(() => t.stop());

  it('sends no HSTS over plain http', async () => {
    const answer = await fetch(`${t.url}/healthz`);
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends no-store with the OpenAPI document, as with every API answer', async () => {
    for (const path of ['/api/v1/openapi.json', '/openapi.json', '/api/v1/config']) {
      const answer = await fetch(`${t.url}${path}`);
      expect([path, answer.headers.get('cache-control')]).toEqual([path, 'no-store']);
    }
  });

  it('gives the pane a policy without localhost in production', async () => {
    const csp = (await fetch(`${t.url}/addin/taskpane.html`)).headers.get('content-security-policy')!;
    expect(csp).toContain("connect-src 'self' https:;");
    expect(csp).not.toContain('localhost');
  });

  it.each([
    [
      'the partnership name',
      { ...demoPartnership, name: 'Partnership\r\nBcc: everyone@example.com' },
      'Settings',
    ],
    [
      'a council name',
      {
        ...demoPartnership,
        councils: demoPartnership.councils.map((c, i) =>
          i === 0 ? { ...c, name: 'Cherwell\nDistrict' } : c,
        ),
      },
      'Councils',
    ],
    ['a name with a tab', { ...demoPartnership, name: 'Partnership\tname' }, 'Settings'],
  ])('refuses a line break or control character in %s', async (_name, partnership, sheet) => {
    const answer = await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: partnership });
    expect(answer.status).toBe(422);
    const body = await json<{ errors: { sheet: string; message: string }[] }>(answer);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.sheet).toBe(sheet);
    expect(body.errors[0]!.message).toContain(
      'one line, without line breaks, tabs or other control characters',
    );
  });
});

describeStores(
  'the pane on a developer machine',
  (kind) => {
    it('lets the pane call a service on plain-http localhost when there is no PUBLIC_URL', async () => {
      const dev = await startTestService({ kind });
      try {
        const csp = (await fetch(`${dev.url}/addin/taskpane.html`)).headers.get('content-security-policy')!;
        expect(csp).toContain("connect-src 'self' https: http://localhost:*;");
      } finally {
        await dev.stop();
      }
    });
  },
  ['sqlite'],
);
