// One id parser for every path id (DESIGN §9.5, README "Limits"): tokens, users, tenants and submissions
// take canonical decimal only; every other spelling of a number is 404 and touches nothing. The same
// list is tried on every route that takes an id, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import type { SubmissionDetail, TenantInfo, TokenInfo, UserInfo } from '../../shared/api.js';
import { describeStores } from '../helpers/databases.js';
import { TENANTS } from '../helpers/entra-issuer.js';
import { json, startTestService, type TestService } from './helpers/service.js';

/** Ways to write 1 (or nearly 1) that are not "1". */
const NOT_CANONICAL = [
  '0x1',
  '01',
  '001',
  '1.0',
  '6.0',
  '8e0',
  '1e0',
  '+9',
  '+1',
  '-1',
  '0',
  '0b1',
  '0o1',
  '1_0',
  // (A URL's own trailing space is trimmed by fetch, so a space after the id is sent encoded.)
  ' 1',
  '1%20',
  '%201',
  '1%00',
  '１',
  'Infinity',
  'NaN',
  '99999999999999999999',
];

let t: TestService;
let user: UserInfo;
let tenant: TenantInfo;
let sid: number;

describeStores('path ids', (kind) => {
  beforeAll(async () => {
    t = await startTestService({ kind });
    await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
    user = await json<UserInfo>(
      await t.call('POST', '/api/v1/users', {
        json: { tenantId: TENANTS.partnership, email: 'ids@partnership.example', role: 'viewer' },
      }),
    );
    tenant = await json<TenantInfo>(
      await t.call('POST', '/api/v1/tenants', { json: { tenantId: TENANTS.cherwell, council: 'cherwell' } }),
    );
    const receipt = await t.call('POST', '/api/v1/councils/cherwell/submissions?period=2026-10', {
      token: 'cherwell',
      json: demoCouncilSubmission('cherwell', '2026-10'),
    });
    sid = (await json<{ id: number }>(receipt)).id;
  });
  afterAll(() => t.stop());

  // Each record made above is number 1 of its kind (token 1 is the admin's), so a route that read "0x1"
  // or "01" as 1 would hit it.
  it('made the records the list aims at, each number 1', () => {
    expect([user.id, tenant.id, sid]).toEqual([1, 1, 1]);
  });

  const routes: [string, string, (id: string) => string][] = [
    ['DELETE', 'admin', (id) => `/api/v1/tokens/${id}`],
    ['DELETE', 'admin', (id) => `/api/v1/users/${id}`],
    ['DELETE', 'admin', (id) => `/api/v1/tenants/${id}`],
    ['GET', 'cdo', (id) => `/api/v1/councils/cherwell/submissions/${id}`],
    ['POST', 'cdo', (id) => `/api/v1/councils/cherwell/submissions/${id}/review`],
  ];

  it.each(routes.map(([method, token, path]) => [`${method} ${path(':id')}`, method, token, path] as const))(
    '%s answers 404 to every spelling but the canonical one',
    async (_name, method, token, path) => {
      for (const id of NOT_CANONICAL) {
        const answer = await t.call(method, path(id), {
          token,
          ...(method === 'POST' ? { json: { status: 'accepted', comment: 'ok' } } : {}),
        });
        expect([id, answer.status]).toEqual([id, 404]);
      }
    },
  );

  it('left every record as it was', async () => {
    const { tokens } = await json<{ tokens: TokenInfo[] }>(await t.call('GET', '/api/v1/tokens'));
    expect(tokens.filter((k) => k.revokedAt)).toEqual([]);
    const { users } = await json<{ users: UserInfo[] }>(await t.call('GET', '/api/v1/users'));
    expect(users.map((u) => u.id)).toEqual([1]);
    const { tenants } = await json<{ tenants: TenantInfo[] }>(await t.call('GET', '/api/v1/tenants'));
    expect(tenants.map((x) => x.id)).toEqual([1]);
    const detail = await json<SubmissionDetail>(
      await t.call('GET', `/api/v1/councils/cherwell/submissions/${sid}`, { token: 'cdo' }),
    );
    expect(detail.reviews).toEqual([]);
  });

  it('still finds the canonical id', async () => {
    expect((await t.call('DELETE', `/api/v1/users/${user.id}`)).status).toBe(200);
    expect((await t.call('DELETE', `/api/v1/tenants/${tenant.id}`)).status).toBe(200);
  });
});
