// One policy across instances (DESIGN §9.5): two instances on one database share the failed-sign-in
// limit and the request limit; the failed-sign-in limit counts only wrong tokens and never refuses a
// route that takes none; every refused write, 429 included, is audited; instances starting together on
// an empty database load the demo once. On SQLite (two instances on one file) and on PostgreSQL.
import Database from 'better-sqlite3';
import { afterAll, afterEach, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import type { AuditEntry } from '../../shared/api.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';
import { json, startTestService, type TestService } from './helpers/service.js';

const running: TestService[] = [];
const start = async (options: Parameters<typeof startTestService>[0]): Promise<TestService> => {
  const t = await startTestService(options);
  running.push(t);
  return t;
};
// The instance that made the database stops last (its folder holds the SQLite file).
const stopAll = async () => {
  for (const t of running.splice(0).reverse()) await t.stop();
};
afterEach(stopAll);
afterAll(stopAll);

const wrongToken = (t: TestService) => t.call('GET', '/api/v1/me', { token: 'not-a-token-of-ours' });

describeStores('limits shared by two instances', (kind) => {
  const pair = async (env: Record<string, string> = {}) => {
    const a = await start({ kind, env });
    const b = await start({ databaseUrl: a.databaseUrl, env });
    return [a, b] as const;
  };

  it('counts wrong tokens at both instances against one limit of 30, and never limits token-free routes', async () => {
    const [a, b] = await pair();
    for (let i = 0; i < 15; i++) {
      expect((await wrongToken(a)).status).toBe(401);
      expect((await wrongToken(b)).status).toBe(401);
    }
    // 30 wrong tokens from this address, 15 at each instance: the next is refused at either.
    const refused = await wrongToken(b);
    expect(refused.status).toBe(429);
    expect(await json(refused)).toMatchObject({ error: { code: 'too-many-failed-sign-ins' } });
    expect((await wrongToken(a)).status).toBe(429);
    // Routes that take no token answer everyone at that address as before.
    expect((await a.call('GET', '/api/v1/config', { token: null })).status).toBe(200);
    expect((await b.call('GET', '/api/v1/config', { token: null })).status).toBe(200);
    // A request with no token at all is not a wrong token: a plain 401, not the lockout.
    expect((await a.call('GET', '/api/v1/me', { token: null })).status).toBe(401);
    // A valid token is never refused by it.
    expect((await a.call('GET', '/api/v1/me', { token: 'viewer' })).status).toBe(200);
  });

  it('counts one token’s requests at both instances against one RATE_LIMIT_PER_MINUTE', async () => {
    const [a, b] = await pair({ RATE_LIMIT_PER_MINUTE: '10' });
    // Tokens are the first instance's; the second knows them through the shared database.
    const viewer = a.tokens.viewer;
    for (let i = 0; i < 5; i++) {
      expect((await a.call('GET', '/api/v1/me', { token: viewer })).status).toBe(200);
      expect((await b.call('GET', '/api/v1/me', { token: viewer })).status).toBe(200);
    }
    const refused = await b.call('GET', '/api/v1/me', { token: viewer });
    expect(refused.status).toBe(429);
    expect(await json(refused)).toMatchObject({ error: { code: 'rate-limited' } });
    // Another token has its own allowance.
    expect((await a.call('GET', '/api/v1/me', { token: a.tokens.cdo })).status).toBe(200);
  });

  it('audits writes refused with 429: by a request limit and by too-many-versions', async () => {
    const [a, b] = await pair({ MAX_VERSIONS_PER_PERIOD: '1', RATE_LIMIT_PER_MINUTE: '4' });
    const cherwell = a.tokens.cherwell;
    await a.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
    const path = '/api/v1/councils/cherwell/submissions?period=2026-10';
    const body = demoCouncilSubmission('cherwell', '2026-10');
    expect((await a.call('POST', path, { token: cherwell, json: body })).status).toBe(201);
    const second = await b.call('POST', path, { token: cherwell, json: body });
    expect(second.status).toBe(429);
    expect(await json(second)).toMatchObject({ error: { code: 'too-many-versions' } });
    // Two requests of four so far; two more, and the fifth is over the limit.
    await a.call('GET', '/api/v1/me', { token: cherwell });
    await a.call('GET', '/api/v1/me', { token: cherwell });
    const limited = await b.call('POST', path, { token: cherwell, json: body });
    expect(limited.status).toBe(429);
    expect(await json(limited)).toMatchObject({ error: { code: 'rate-limited' } });

    await new Promise((r) => setTimeout(r, 200));
    const { entries } = await json<{ entries: AuditEntry[] }>(
      await a.call('GET', '/api/v1/audit?council=cherwell', { token: 'admin' }),
    );
    const refusals = entries.filter((e) => e.status === 429);
    expect(refusals.map((e) => [e.action, e.status, e.actor.label])).toEqual([
      ['submission.create', 429, 'test cherwell'],
    ]);
    const all = await json<{ entries: AuditEntry[] }>(
      await a.call('GET', '/api/v1/audit?action=request.limited', { token: 'admin' }),
    );
    expect(all.entries.map((e) => [e.action, e.status, e.target, e.actor.label])).toEqual([
      ['request.limited', 429, 'POST /api/v1/councils/cherwell/submissions', 'test cherwell'],
    ]);
  });

  it('loads the demo once when two instances start together on an empty database', async () => {
    const databaseUrl = await freshDatabaseUrl(kind);
    const [a] = await Promise.all([
      start({ databaseUrl, env: { DEMO: 'on' } }),
      start({ databaseUrl, env: { DEMO: 'on' } }),
    ]);
    const loaded = running.filter((t) => t.service.demo !== undefined);
    expect(loaded).toHaveLength(1);
    const versions = await a!.service.store.db.selectFrom('partnership_versions').select('version').execute();
    expect(versions).toHaveLength(1);
    // The demo makes one token per role and per demo council it signs in for: its own set, once.
    const demoTokens = await a!.service.store.db
      .selectFrom('tokens')
      .select('label')
      .where('label', 'not like', 'test %')
      .execute();
    expect(demoTokens).toHaveLength(loaded[0]!.service.demo!.tokens.length);
  });
});

describeStores(
  'the append-only audit table',
  (kind) => {
    it('refuses INSERT OR REPLACE and an upsert over an existing row', async () => {
      const t = await start({ kind });
      await t.call('DELETE', '/api/v1/tokens/999');
      const db = new Database(t.databaseFile);
      try {
        const first = db.prepare('select id, action from audit_log order by id limit 1').get() as {
          id: number;
          action: string;
        };
        expect(() =>
          db
            .prepare(
              "insert or replace into audit_log (id, at, actor_label, action, target) values (?, 'x', 'x', 'rewritten', 'x')",
            )
            .run(first.id),
        ).toThrow(/append-only/);
        expect(() =>
          db
            .prepare(
              "insert into audit_log (id, at, actor_label, action, target) values (?, 'x', 'x', 'rewritten', 'x') on conflict (id) do update set action = 'rewritten'",
            )
            .run(first.id),
        ).toThrow(/append-only/);
        const after = db.prepare('select action from audit_log where id = ?').get(first.id) as {
          action: string;
        };
        expect(after.action).toBe(first.action);
      } finally {
        db.close();
      }
    });
  },
  ['sqlite'],
);
