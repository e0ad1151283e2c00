// The audit trail (DESIGN §9.3): every change and every refused write, with who did it; read by the
// CDO and administrators as JSON or CSV, filtered and paged; append-only in the database itself; on
// SQLite and on PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import type { AuditEntry, SubmissionReceipt, TokenInfo } from '../../shared/api.js';
import { json, startTestService, type TestService } from './helpers/service.js';
import { describeStores } from '../helpers/databases.js';

let t: TestService;
let clock = new Date('2026-11-20T09:00:00.000Z');
const tick = () => (clock = new Date(clock.getTime() + 60_000));
const PERIOD = '2026-10';
const submissions = (council: string) => `/api/v1/councils/${council}/submissions?period=${PERIOD}`;

interface AuditPage {
  entries: AuditEntry[];
  next: number | null;
}

const page = async (query: string): Promise<AuditPage> => {
  const response = await t.call('GET', `/api/v1/audit${query}`, { token: 'cdo' });
  expect(response.status).toBe(200);
  return json<AuditPage>(response);
};

/** What each entry says, without its id and time. */
const said = (entries: AuditEntry[]) =>
  entries.map(({ actor, action, council, period, status }) => ({
    who: `${actor.via}:${actor.label}`,
    action,
    ...(council ? { council } : {}),
    ...(period ? { period } : {}),
    status,
  }));

let tokenIds: Record<string, string>;

describeStores('the audit trail', (kind) => {
  beforeAll(async () => {
    clock = new Date('2026-11-20T09:00:00.000Z');
    t = await startTestService({ now: () => clock, kind });
    const { tokens } = await json<{ tokens: TokenInfo[] }>(await t.call('GET', '/api/v1/tokens'));
    tokenIds = Object.fromEntries(tokens.map((x) => [x.label, String(x.id)]));

    tick();
    await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
    tick();
    const first = await t.call('POST', submissions('cherwell'), {
      token: 'cherwell',
      json: demoCouncilSubmission('cherwell', PERIOD),
    });
    const receipt = await json<SubmissionReceipt>(first);
    tick();
    // Refused: another council's return, no token, a stale If-Match, a broken return.
    await t.call('POST', submissions('south-oxfordshire'), {
      token: 'cherwell',
      json: demoCouncilSubmission('south-oxfordshire', PERIOD),
    });
    await t.call('POST', submissions('cherwell'), { token: null, json: {} });
    await t.call('POST', submissions('cherwell'), {
      token: 'cherwell',
      json: demoCouncilSubmission('cherwell', PERIOD),
      headers: { 'if-match': '"0"' },
    });
    await t.call('POST', submissions('cherwell'), {
      token: 'cherwell',
      json: { ...demoCouncilSubmission('cherwell', PERIOD), period: '2026-13' },
    });
    tick();
    await t.call('POST', `/api/v1/councils/cherwell/submissions/${receipt.id}/review`, {
      token: 'cdo',
      json: { status: 'returned', comment: 'Check the in-kind line' },
    });
    await t.call('PUT', `/api/v1/periods/${PERIOD}/lock`, { token: 'cdo' });
    await t.call('POST', submissions('cherwell'), {
      token: 'cherwell',
      json: demoCouncilSubmission('cherwell', PERIOD),
    });
    // Reads are not audited, refused or not.
    await t.call('GET', '/api/v1/audit', { token: 'viewer' });
    await t.call('GET', `/api/v1/consolidated?period=${PERIOD}`, { token: 'viewer' });
    // A refusal is recorded after its response: give the last one a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
  afterAll(() => t.stop());

  it('records every change and every refused write, with who did it and how they signed in', async () => {
    const { entries, next } = await page('');
    expect(next).toBeNull();
    const cherwell = 'token:test cherwell';
    expect(said(entries.filter((e) => e.action !== 'token.create'))).toEqual([
      { who: 'token:test cdo', action: 'partnership.replace', status: 200 },
      { who: cherwell, action: 'submission.create', council: 'cherwell', period: PERIOD, status: 201 },
      {
        who: cherwell,
        action: 'submission.create',
        council: 'south-oxfordshire',
        period: PERIOD,
        status: 403,
      },
      {
        who: 'anonymous:no valid sign-in',
        action: 'submission.create',
        council: 'cherwell',
        period: PERIOD,
        status: 401,
      },
      { who: cherwell, action: 'submission.create', council: 'cherwell', period: PERIOD, status: 409 },
      { who: cherwell, action: 'submission.create', council: 'cherwell', period: PERIOD, status: 422 },
      {
        who: 'token:test cdo',
        action: 'submission.review',
        council: 'cherwell',
        period: PERIOD,
        status: 200,
      },
      { who: 'token:test cdo', action: 'period.lock', period: PERIOD, status: 200 },
      { who: cherwell, action: 'submission.create', council: 'cherwell', period: PERIOD, status: 423 },
    ]);
    expect(entries.find((e) => e.action === 'submission.create')!.actor).toEqual({
      via: 'token',
      id: tokenIds['test cherwell'],
      label: 'test cherwell',
    });
    expect(entries.filter((e) => e.action === 'token.create')).toHaveLength(5);
  });

  it('names the expired or revoked token a refused write claimed to be', async () => {
    const created = await json<TokenInfo & { token: string }>(
      await t.call('POST', '/api/v1/tokens', { json: { role: 'cdo', label: 'Old laptop' } }),
    );
    await t.call('DELETE', `/api/v1/tokens/${created.id}`);
    const refused = await t.call('PUT', '/api/v1/periods/2030-01/lock', { token: created.token });
    expect(refused.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { entries } = await page('?action=period.lock&from=2026-11-20');
    expect(entries.at(-1)).toMatchObject({
      actor: { via: 'token', id: String(created.id), label: 'Old laptop' },
      period: '2030-01',
      status: 401,
    });
    const revokes = await page('?action=token.revoke');
    expect(said(revokes.entries)).toEqual([{ who: 'token:test admin', action: 'token.revoke', status: 200 }]);
  });

  it('filters by council, action and time, and pages oldest first', async () => {
    expect(said((await page('?council=south-oxfordshire')).entries)).toEqual([
      expect.objectContaining({ action: 'token.create', council: 'south-oxfordshire', status: 201 }),
      expect.objectContaining({ action: 'submission.create', council: 'south-oxfordshire', status: 403 }),
    ]);
    const review = await page('?action=submission.review');
    expect(review.entries).toHaveLength(1);
    expect(review.entries[0]!.target).toMatch(/returned/);
    // The review happened at 09:04; `to` as an instant includes it, `from` a minute later excludes it.
    expect(
      (await page('?action=submission.review&from=2026-11-20T09:00:00Z&to=2026-11-20T09:04:00Z')).entries,
    ).toHaveLength(1);
    expect((await page('?action=submission.review&from=2026-11-20T09:05:00Z')).entries).toHaveLength(0);
    expect((await page('?to=2026-11-19')).entries).toHaveLength(0);

    const all = (await page('?limit=1000')).entries;
    const seen: AuditEntry[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const next: AuditPage = await page(`?limit=4&after=${after}`);
      expect(next.entries.length).toBeLessThanOrEqual(4);
      seen.push(...next.entries);
      after = next.next;
    }
    expect(seen).toEqual(all);
    expect((await t.call('GET', '/api/v1/audit?from=yesterday', { token: 'cdo' })).status).toBe(400);
  });

  it('answers CSV, with the next page in a Link header and formula-like text kept as text', async () => {
    const formula = await json<{ token: string }>(
      await t.call('POST', '/api/v1/tokens', { json: { role: 'cdo', label: '=HYPERLINK("x")' } }),
    );
    await t.call('PUT', '/api/v1/periods/2030-02/lock', { token: formula.token });
    const response = await t.call('GET', '/api/v1/audit?action=token.create&limit=5', {
      token: 'admin',
      headers: { accept: 'text/csv' },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('link')).toMatch(
      /^<\/api\/v1\/audit\?action=token.create&limit=5&after=\d+>; rel="next"$/,
    );
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('id,at,actor_via,actor_id,actor_label,action,council,period,target,status');
    expect(lines).toHaveLength(6);
    const rest = await t.call('GET', '/api/v1/audit?action=period.lock', {
      token: 'admin',
      headers: { accept: 'text/csv' },
    });
    expect(await rest.text()).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('refuses to change or delete an entry, even through the store', async () => {
    const db = t.service.store.db;
    const before = await db.selectFrom('audit_log').selectAll().execute();
    await expect(db.updateTable('audit_log').set({ status: 200 }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('id', '=', before[0]!.id).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual(before);
  });
});
