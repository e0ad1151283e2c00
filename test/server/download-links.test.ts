// Download links (for the pane where Excel's web view cannot save a file): signed by the service, for
// one file and one caller's rights, expiring in minutes, working once and no longer than the token that
// made them; each use audited under its maker, the log naming a link by its id only; on SQLite and on
// PostgreSQL.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { DOWNLOAD_LINK_SECONDS } from '../../server/routes/download-links.js';
import { json, startTestService, type TestService } from './helpers/service.js';
import { testActor } from '../helpers/actors.js';
import { describeStores } from '../helpers/databases.js';
import { openWorkbook, sheetNames } from '../helpers/xlsx.js';

interface AuditRow {
  action: string;
  actor: { via: string; id: string; label: string };
  council?: string;
  period?: string;
  target?: string;
  status: number;
}

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
    token: 'cdo' | 'cherwell' | 'viewer' | (string & {}),
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
    expect(sheetNames(await openWorkbook(await first.arrayBuffer()))).toContain('Summary');
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

  const auditOf = async (action: string): Promise<AuditRow[]> => {
    const audit = await service.call('GET', `/api/v1/audit?action=${action}`, { token: 'admin' });
    expect(audit.status).toBe(200);
    return (await json<{ entries: AuditRow[] }>(audit)).entries;
  };

  /** The id a link's claims give it (the test reads the claims as any holder of the link could). */
  const idOf = (href: string): string =>
    (JSON.parse(Buffer.from(href.split('.')[1]!, 'base64url').toString()) as { jti: string }).jti;

  it('records each use of a link in the audit trail under the caller who made it', async () => {
    const href = await hrefOf(
      await link('cherwell', { kind: 'council-template', council: 'cherwell', period: PERIOD }),
    );
    expect((await open(href)).status).toBe(200);
    expect((await open(href)).status).toBe(410);
    const uses = (await auditOf('download-link.used')).filter((e) => e.target?.includes(idOf(href)));
    expect(uses).toEqual([
      expect.objectContaining({
        actor: { via: 'token', id: expect.any(String), label: 'test cherwell' },
        council: 'cherwell',
        period: PERIOD,
        target: `council-template by link ${idOf(href)}`,
        status: 200,
      }),
      expect.objectContaining({ actor: expect.objectContaining({ label: 'test cherwell' }), status: 410 }),
    ]);
  });

  it('refuses a link (401) once the token that made it is revoked, and records the refusal', async () => {
    const made = await createToken(
      service.service.store,
      { role: 'cdo', label: 'laptop of the CDO' },
      testActor(),
      clock,
    );
    const href = await hrefOf(await link(made.token, { kind: 'consolidated', period: PERIOD }));
    const revoke = await service.call('DELETE', `/api/v1/tokens/${made.id}`, { token: 'admin' });
    expect(revoke.status).toBe(200);
    const refused = await open(href);
    expect(refused.status).toBe(401);
    expect((await json<{ error: { code: string; message: string } }>(refused)).error).toEqual({
      code: 'download-link-revoked',
      message:
        'The access token that made this download link was revoked on 05/11/2026, so the link no ' +
        'longer works. Sign in again in the add-in and ask it for the file again.',
    });
    // Refused, the link was not spent: it stays refused for the same reason, never "used".
    expect((await open(href)).status).toBe(401);
    const uses = (await auditOf('download-link.used')).filter((e) => e.target?.includes(idOf(href)));
    expect(uses.map((e) => [e.actor.id, e.actor.label, e.status])).toEqual([
      [String(made.id), 'laptop of the CDO', 401],
      [String(made.id), 'laptop of the CDO', 401],
    ]);
  });

  it('refuses a link (401) once the token that made it has expired, though the link has not', async () => {
    // A one-day token made so that it ends two minutes after the link is made; the link lasts five.
    const made = await createToken(
      service.service.store,
      { role: 'cdo', label: 'nearly over', expiresInDays: 1 },
      testActor(),
      new Date(START.getTime() - 86_400_000 + 120_000),
    );
    const href = await hrefOf(await link(made.token, { kind: 'consolidated', period: PERIOD }));
    clock = new Date(START.getTime() + 180_000);
    try {
      const late = await open(href);
      expect(late.status).toBe(401);
      expect((await json<{ error: { code: string; message: string } }>(late)).error).toEqual({
        code: 'download-link-maker-expired',
        message: expect.stringContaining(
          'The access token that made this download link expired on 05/11/2026',
        ),
      });
    } finally {
      clock = START;
    }
  });

  it('logs a link by its id: neither the link nor its signature reaches the log', async () => {
    const chunks: Buffer[] = [];
    const logs = new PassThrough();
    logs.on('data', (chunk: Buffer) => chunks.push(chunk));
    const logged = await startTestService({
      now: () => clock,
      env: { DEMO: 'on', LOG_LEVEL: 'info' },
      kind,
      logDestination: logs,
    });
    let href = '';
    try {
      const made = await logged.call('POST', '/api/v1/download-links', {
        token: 'cdo',
        json: { kind: 'consolidated', period: PERIOD },
      });
      href = (await json<{ href: string }>(made)).href;
      expect((await logged.call('GET', href, { token: null })).status).toBe(200);
      // Used again, and with a signature spoilt: still logged by the id alone.
      expect((await logged.call('GET', href, { token: null })).status).toBe(410);
      expect((await logged.call('GET', `${href}x`, { token: null })).status).toBe(403);
      const junk = await logged.call('GET', '/api/v1/download-links/not.a.link', { token: null });
      expect(junk.status).toBe(403);
    } finally {
      await logged.stop();
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const [, payload, signature] = href.split('/').at(-1)!.split('.') as [string, string, string];
    expect(text).not.toContain(signature);
    expect(text).not.toContain(payload);
    expect(text).not.toContain('not.a.link');
    const answered = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { req?: { path: string }; res?: { statusCode: number } })
      .flatMap((l) => (l.req && l.res ? [`${l.res.statusCode} ${l.req.path}`] : []));
    const id = idOf(href);
    // A file's line is written when its last byte is sent, so lines may come in another order.
    expect(answered.sort()).toEqual(
      [
        '201 /api/v1/download-links',
        `200 /api/v1/download-links/{link ${id}}`,
        `410 /api/v1/download-links/{link ${id}}`,
        `403 /api/v1/download-links/{link ${id}}`,
        '403 /api/v1/download-links/…',
      ].sort(),
    );
  });
});
