// The service as an operator meets it: configuration errors, health checks, security headers, logs
// without secrets, the demo on first start, HTTPS, failed sign-in limits and a graceful stop; on SQLite
// and on PostgreSQL wherever the service opens its store, but for the files of SQLite's data folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { startService } from '../../server/main.js';
import { demoPartnership } from '../../demo/partnership.js';
import { startTestSmtp } from './mail/smtp-harness.js';
import { json, startTestService } from './helpers/service.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';

const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      database: { kind: 'sqlite', file: './data/shared-cdo.sqlite' },
      timeZone: 'Europe/London',
      demo: true,
      maxUploadBytes: 10 * 1024 * 1024,
    });
    expect(loadConfig({ PUBLIC_URL: 'https://cdo.example.gov.uk/', DEMO: 'off' })).toMatchObject({
      publicUrl: 'https://cdo.example.gov.uk',
      demo: false,
    });
    // Plain http only for a developer's own machine: Office loads add-ins over https.
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:3000'])
      expect(loadConfig({ PUBLIC_URL: url }).publicUrl).toBe(url);
    expect(() => loadConfig({ PUBLIC_URL: 'http://cdo.example.gov.uk' })).toThrow(
      /PUBLIC_URL: must be an https:\/\/ address \(Office loads add-ins over https only\)/,
    );
    for (const url of ['postgres://cdo:secret@db:5432/cdo', 'postgresql://db/cdo'])
      expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/cdo' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: './data/cdo.sqlite' }, 'DATABASE_URL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'http://cdo.example.gov.uk' }, 'PUBLIC_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ TZ: 'Mars/Olympus_Mons' }, 'TZ'],
    [{ DEMO: 'maybe' }, 'DEMO'],
    [{ TLS_CERT_FILE: 'cert.pem' }, 'TLS_KEY_FILE'],
    [{ TRUST_PROXY: 'not an address' }, 'TRUST_PROXY'],
    [{ MAX_VERSIONS_PER_PERIOD: '0' }, 'MAX_VERSIONS_PER_PERIOD'],
  ])('stops with one line naming the variable for %o', (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(`Invalid configuration: ${name}: `)).toBe(true);
    expect(message).not.toContain('\n');
  });
});

describeStores('a running service', (kind) => {
  it('answers health checks, sets security headers and keeps tokens out of the logs', async () => {
    const logs = collect();
    const t = await startTestService({ env: { LOG_LEVEL: 'info' }, kind });
    try {
      // The helper's service logs nowhere; start a second one on the same database that logs to memory.
      const service = await startService({
        env: { PORT: '0', DATABASE_URL: t.databaseUrl, DEMO: 'off', LOG_LEVEL: 'info' },
        out: new PassThrough().resume(),
        logDestination: logs.stream,
      });
      try {
        const health = await fetch(`${service.url}/healthz`);
        expect(await health.json()).toEqual({ status: 'ok' });
        const ready = await fetch(`${service.url}/readyz`);
        expect(ready.status).toBe(200);
        expect(ready.headers.get('x-content-type-options')).toBe('nosniff');
        expect(ready.headers.get('x-powered-by')).toBeNull();
        const me = await fetch(`${service.url}/api/v1/me?email=someone@cherwell.example`, {
          headers: { authorization: `Bearer ${t.tokens.cherwell}` },
        });
        expect(await me.json()).toMatchObject({ role: 'council', council: 'cherwell' });
        await fetch(`${service.url}/api/v1/me`, {
          headers: { authorization: 'Bearer scdo_wrong-token-value' },
        });
      } finally {
        await service.close();
      }
      const text = logs.text();
      expect(text).toContain('"statusCode":200');
      expect(text).not.toContain(t.tokens.cherwell);
      expect(text).not.toContain('scdo_wrong-token-value');
      expect(text).not.toContain('someone@cherwell.example');
      // Once closed, the database is closed too.
      const after = await fetch(`${service.url}/readyz`).catch(() => undefined);
      expect(after).toBeUndefined();
    } finally {
      await t.stop();
    }
  });

  it('refuses to start on a port already in use', async () => {
    const t = await startTestService({ kind });
    try {
      const port = new URL(t.url).port;
      const second = startService({
        env: {
          PORT: port,
          DATABASE_URL: await freshDatabaseUrl(kind),
          DEMO: 'off',
          LOG_LEVEL: 'silent',
        },
        out: new PassThrough().resume(),
      });
      await expect(second).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('answers CORS preflights for the API so an add-in served elsewhere can call it', async () => {
    const t = await startTestService({ kind });
    try {
      const preflight = await fetch(`${t.url}/api/v1/councils/cherwell/submissions?period=2026-10`, {
        method: 'OPTIONS',
        headers: { origin: 'https://addin.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    } finally {
      await t.stop();
    }
  });

  it('refuses wrong tokens from an address after too many, but never a valid token from it', async () => {
    const t = await startTestService({ kind });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++)
        statuses.push((await t.call('GET', '/api/v1/me', { token: `scdo_guess${i}` })).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
      expect(await json(await t.call('GET', '/api/v1/me', { token: 'scdo_guess-again' }))).toEqual({
        error: { code: 'too-many-failed-sign-ins', message: expect.any(String) },
      });
      expect((await t.call('GET', '/api/v1/me', { token: 'cherwell' })).status).toBe(200);
      // A request with no token is not a wrong token (DESIGN §9.5): it is told to sign in, not locked out.
      expect((await t.call('GET', '/api/v1/me', { token: null })).status).toBe(401);
      expect((await t.call('GET', '/api/v1/config', { token: null })).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('counts failed sign-ins per forwarded client address behind a proxy (TRUST_PROXY)', async () => {
    const t = await startTestService({ env: { TRUST_PROXY: 'loopback' }, kind });
    try {
      const from = (address: string, token: string) =>
        t.call('GET', '/api/v1/me', { token, headers: { 'x-forwarded-for': address } });
      for (let i = 0; i < 30; i++) await from('203.0.113.7', `scdo_stale${i}`);
      expect((await from('203.0.113.7', 'scdo_stale')).status).toBe(429);
      expect((await from('198.51.100.2', 'scdo_typo')).status).toBe(401);
    } finally {
      await t.stop();
    }
  });

  it('does not count returns the client gave up on as failed sign-ins', async () => {
    const t = await startTestService({ kind });
    try {
      const { port } = new URL(t.url);
      for (let i = 0; i < 35; i++) {
        // Headers and half a body with a good token, then the connection is dropped mid-upload.
        await new Promise<void>((resolve) => {
          const req = http.request({
            host: '127.0.0.1',
            port: Number(port),
            method: 'POST',
            path: '/api/v1/councils/cherwell/submissions?period=2026-10',
            headers: {
              authorization: `Bearer ${t.tokens.cherwell}`,
              'content-type': 'application/json',
              'content-length': '100000',
            },
          });
          req.on('error', () => resolve());
          req.write('{"period":"2026-10","contributions":[', () => setTimeout(() => req.destroy(), 20));
          req.on('close', () => resolve());
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await t.call('GET', '/api/v1/me', { token: 'cherwell' })).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('limits each signed-in token to RATE_LIMIT_PER_MINUTE, not the address it shares', async () => {
    const t = await startTestService({ env: { RATE_LIMIT_PER_MINUTE: '10' }, kind });
    try {
      const statuses = async (token: 'viewer' | 'cherwell') => {
        const seen: number[] = [];
        for (let i = 0; i < 12; i++) seen.push((await t.call('GET', '/api/v1/me', { token })).status);
        return seen;
      };
      const viewer = await statuses('viewer');
      expect(viewer.slice(0, 10).every((s) => s === 200)).toBe(true);
      expect(viewer.slice(10)).toEqual([429, 429]);
      expect((await statuses('cherwell')).slice(0, 10).every((s) => s === 200)).toBe(true);
    } finally {
      await t.stop();
    }
  });

  it('limits each client address to RATE_LIMIT_PER_MINUTE API requests before signing in, with a plain 429', async () => {
    const t = await startTestService({ env: { RATE_LIMIT_PER_MINUTE: '20' }, kind });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await t.call('GET', '/api/v1/me', { token: null })).status);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
      const refused = await t.call('GET', '/api/v1/me', { token: null });
      expect(refused.status).toBe(429);
      expect(await json(refused)).toEqual({
        error: { code: expect.any(String), message: expect.any(String) },
      });
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('finishes a request in flight when it stops, and then takes no new ones', async () => {
    const t = await startTestService({ kind });
    try {
      await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
      const body = Buffer.from(JSON.stringify(demoCouncilSubmission('cherwell', '2026-10')));
      let sendRest: () => void = () => undefined;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(body.subarray(0, 100)));
          sendRest = () => {
            controller.enqueue(new Uint8Array(body.subarray(100)));
            controller.close();
          };
        },
      });
      const inFlight = fetch(`${t.url}/api/v1/councils/cherwell/submissions?period=2026-10`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.cherwell}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const closing = t.service.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
      sendRest();
      const response = await inFlight;
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ version: 1 });
      await closing;
    } finally {
      await t.stop();
    }
  });
});

describeStores('first start with the demo', (kind) => {
  it('loads the demo partnership and two months of returns, and prints the tokens only once', async () => {
    const databaseUrl = await freshDatabaseUrl(kind);
    // The demo's October is due for its roll-up at the start: it goes to an SMTP server of the test's
    // own, not to the data folder (./data off SQLite).
    const smtp = await startTestSmtp();
    onTestFinished(() => smtp.close());
    const env = { PORT: '0', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', SMTP_URL: smtp.url };
    const now = () => new Date('2026-11-23T12:00:00Z');
    const first = collect();
    // A person at a terminal sees the tokens.
    Object.assign(first.stream, { isTTY: true });
    const service = await startService({
      env,
      out: first.stream,
      now,
    });
    try {
      const banner = first.text();
      expect(banner).toContain(`Shared CDO is running at ${service.url}`);
      expect(banner).toContain('only their hashes');
      const tokens = [...banner.matchAll(/^ {2}(\S+(?: \([a-z-]+\))?)\s+(scdo_\S+)$/gm)].map((m) => [
        m[1],
        m[2],
      ]);
      expect(tokens.map(([role]) => role)).toEqual(['admin', 'cdo', 'viewer', 'council (cherwell)']);
      const viewer = tokens[2]![1]!;
      const view = await json<{
        submissions: { council: string; period: string }[];
        dataQuality: { missing: string[] };
      }>(
        await fetch(`${service.url}/api/v1/consolidated?period=2026-10`, {
          headers: { authorization: `Bearer ${viewer}` },
        }),
      );
      expect(view.submissions.map((s) => `${s.council} ${s.period}`)).toEqual([
        'cherwell 2026-10',
        'south-oxfordshire 2026-10',
        'vale-of-white-horse 2026-10',
        'west-oxfordshire 2026-10',
      ]);
      expect(view.dataQuality.missing).toEqual([]);
      const september = await fetch(`${service.url}/api/v1/status?period=2026-09`, {
        headers: { authorization: `Bearer ${viewer}` },
      });
      const board = await json<{ councils: { submitted: boolean; submittedAt: string; late: boolean }[] }>(
        september,
      );
      // Demo returns arrive on the 5th of the following month: all in, none late.
      expect(board.councils.map((c) => [c.submitted, c.submittedAt, c.late])).toEqual(
        Array(4).fill([true, '2026-10-05T09:30:00.000Z', false]),
      );
    } finally {
      await service.close();
    }
    const second = collect();
    const again = await startService({
      env,
      out: second.stream,
      now,
    });
    await again.close();
    expect(second.text()).toContain('Shared CDO is running');
    expect(second.text()).not.toContain('scdo_');
  });
});

// SQLite only: the data folder is the database file's, whose mode is checked here too (on PostgreSQL
// the data folder is ./data, and the database is no file of the service's).
describe('first start with the demo on a SQLite file', () => {
  it('writes the demo tokens to a file only its user can read when output is not a terminal, and keeps its data private', async () => {
    // An operator's data folder exists before the service starts (systemd's StateDirectory makes it 0700).
    const folder = join(dir, 'private', 'data');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const logs = collect();
    const banner = collect();
    const service = await startService({
      env: { PORT: '0', DATABASE_URL: `sqlite:${join(folder, 'cdo.sqlite')}`, LOG_FORMAT: 'json' },
      out: banner.stream,
      logDestination: logs.stream,
    });
    try {
      const tokensFile = join(folder, 'demo-tokens-cdo.sqlite.txt');
      expect(banner.text()).toContain(`Demo tokens: in ${tokensFile} (readable by this user only`);
      expect(banner.text() + logs.text()).not.toMatch(/scdo_/);
      const line = logs
        .text()
        .split('\n')
        .find((l) => l.includes('Demo tokens'));
      expect(JSON.parse(line!)).toMatchObject({ file: tokensFile });
      const tokens = readFileSync(tokensFile, 'utf8').match(/scdo_\S+/g);
      expect(tokens).toHaveLength(4);
      const viewer = await fetch(`${service.url}/api/v1/me`, {
        headers: { authorization: `Bearer ${tokens![2]}` },
      });
      expect(await json(viewer)).toMatchObject({ role: 'viewer' });
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(tokensFile)).toBe(0o600);
      expect(mode(join(folder, 'cdo.sqlite'))).toBe(0o600);
      expect(mode(join(folder, 'cdo.sqlite-wal'))).toBe(0o600);
    } finally {
      await service.close();
    }
  });

  it('never overwrites demo tokens: one file per database, and an earlier file is kept and named', async () => {
    const folder = join(dir, 'two-demos');
    // A data folder that does not exist is refused at start: the operator makes it.
    mkdirSync(folder, { mode: 0o700 });
    const start = async (file: string) => {
      const banner = collect();
      const service = await startService({
        env: { PORT: '0', DATABASE_URL: `sqlite:${join(folder, file)}`, LOG_LEVEL: 'silent' },
        out: banner.stream,
      });
      await service.close();
      return banner.text();
    };
    const tokensIn = (file: string) => readFileSync(join(folder, file), 'utf8');
    await start('first.sqlite');
    const first = tokensIn('demo-tokens-first.sqlite.txt');
    await start('second.sqlite');
    expect(tokensIn('demo-tokens-first.sqlite.txt')).toBe(first);
    expect(tokensIn('demo-tokens-second.sqlite.txt')).toMatch(/scdo_/);
    // The first database deleted and made again: its old file stays, the new tokens go beside it.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(folder, `first.sqlite${suffix}`), { force: true });
    const again = await start('first.sqlite');
    expect(again).toContain(
      `${join(folder, 'demo-tokens-first.sqlite.txt')} is an earlier demo's, and is kept as it was; these tokens are new.`,
    );
    expect(again).toContain(`Demo tokens: in ${join(folder, 'demo-tokens-first.sqlite-2.txt')}`);
    expect(tokensIn('demo-tokens-first.sqlite.txt')).toBe(first);
    expect(tokensIn('demo-tokens-first.sqlite-2.txt')).not.toBe(first);
  });
});

describe('HTTPS', () => {
  const openssl = existsSync('/usr/bin/openssl') || process.env['CI'] === 'true';
  it.skipIf(!openssl)('serves over TLS from TLS_CERT_FILE and TLS_KEY_FILE', async () => {
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    const service = await startService({
      env: {
        PORT: '0',
        DATABASE_URL: `sqlite:${join(dir, 'tls.sqlite')}`,
        DEMO: 'off',
        LOG_LEVEL: 'silent',
        TLS_CERT_FILE: certFile,
        TLS_KEY_FILE: keyFile,
      },
      out: new PassThrough().resume(),
    });
    try {
      expect(service.url.startsWith('https://')).toBe(true);
      const ca = readFileSync(certFile);
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get(`${service.url}/healthz`, { ca }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(JSON.parse(body)).toEqual({ status: 'ok' });
    } finally {
      await service.close();
    }
  });
});
