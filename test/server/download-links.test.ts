// Download links (for the pane where Excel's web view cannot save a file): signed by the service, for
// one file and one caller's rights, expiring in minutes, working once; on SQLite and on PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { DOWNLOAD_LINK_SECONDS } from '../../server/routes/download-links.js';
import { json, startTestService, type TestService } from './helpers/service.js';
import { describeStores } from '../helpers/databases.js';

const PERIOD = '2026-10';
const START = new Date('2026-11-05T10:00:00Z');

describeStores('download links', (kind) => {
  let clock = START;
  let service: TestService;
  let other: TestService;

  beforeAll(async () => {
    service = await startTestService({ now: () => clock, env: { DEMO: 'on' }, kind });
    other = await startTestService({ now: () => clock, env: { DEMO: 'on' }, kind });
  });
  afterAll(async () => {
    await service?.stop();
    await other?.stop();
  });

  const link = async (
    token: 'cdo' | 'cherwell' | 'viewer',
    file: object,
    from: TestService = service,
  ): Promise<Response> => from.call('POST', '/api/v1/download-links', { token, json: file });

  const hrefOf = async (response: Response): Promise<string> => {
    expect(response.status).toBe(201);
    const body = await json<{ href: string; expiresAt: string }>(response);
    expect(body.expiresAt).toBe(new Date(clock.getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString());
    return body.href;
  };

  const open = (href: string, from: TestService = service) => from.call('GET', href, { token: null });

  it('gives the file once, without a token, then refuses it as used', async () => {
    const href = await hrefOf(await link('cdo', { kind: 'consolidated', period: PERIOD }));
    expect(href).toMatch(/^\/api\/v1\/download-links\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const first = await open(href);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toContain(`shared-cdo-consolidated-${PERIOD}.xlsx`);
    expect(XLSX.read(Buffer.from(await first.arrayBuffer())).SheetNames).toContain('Summary');
    const again = await open(href);
    expect(again.status).toBe(410);
    expect((await json<{ error: { code: string; message: string } }>(again)).error).toEqual({
      code: 'download-link-used',
      message: expect.stringContaining('each link works once'),
    });
  });

  it('refuses a link once it has expired', async () => {
    const href = await hrefOf(await link('cdo', { kind: 'consolidated', period: PERIOD }));
    clock = new Date(START.getTime() + (DOWNLOAD_LINK_SECONDS + 1) * 1000);
    try {
      const late = await open(href);
      expect(late.status).toBe(410);
      expect((await json<{ error: { code: string } }>(late)).error.code).toBe('download-link-expired');
    } finally {
      clock = START;
    }
  });

  it('gives a council only its own council’s file: another council is refused, a tampered link too', async () => {
    const refused = await link('cherwell', {
      kind: 'council-template',
      council: 'south-oxfordshire',
      period: PERIOD,
    });
    expect(refused.status).toBe(403);
    const href = await hrefOf(
      await link('cherwell', { kind: 'council-template', council: 'cherwell', period: PERIOD }),
    );
    // The same link rewritten to name another council keeps the signature, which no longer matches.
    const [head, payload, signature] = href.split('/').at(-1)!.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      file: { council: string };
    };
    claims.file.council = 'south-oxfordshire';
    const forged = `/api/v1/download-links/${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const wrong = await open(forged);
    expect(wrong.status).toBe(403);
    expect((await json<{ error: { code: string } }>(wrong)).error.code).toBe('download-link-invalid');
    const own = await open(href);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain(`cherwell-${PERIOD}.xlsx`);
  });

  it('a link made by another service (another key) is refused', async () => {
    const href = await hrefOf(await link('cdo', { kind: 'consolidated', period: PERIOD }, other));
    const response = await open(href);
    expect(response.status).toBe(403);
    expect((await json<{ error: { code: string } }>(response)).error.code).toBe('download-link-invalid');
  });

  it('refuses a request for an unknown kind of file, and records each link made in the audit trail', async () => {
    const bad = await link('cdo', { kind: 'passwords', period: PERIOD });
    expect(bad.status).toBe(422);
    const audit = await service.call('GET', `/api/v1/audit?action=download-link.create`, { token: 'admin' });
    expect(audit.status).toBe(200);
    const entries = (await json<{ entries: { action: string; actor: { label: string } }[] }>(audit)).entries;
    expect(entries.map((e) => e.actor.label)).toEqual(expect.arrayContaining(['test cdo', 'test cherwell']));
  });
});
