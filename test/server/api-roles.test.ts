// Route × role: each role gets exactly its rights (DESIGN §2, §5, §9), signed in with an access token
// or with Microsoft 365; without either only the public routes answer. On SQLite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { readWorkbookGrids } from '../../server/workbook/read.js';
import type { SubmissionReceipt } from '../../shared/api.js';
import { parseCouncilWorkbook } from '../../shared/parse/index.js';
import { CLIENT_ID, startLocalIssuer, TENANTS, type LocalIssuer } from '../helpers/entra-issuer.js';
import { describeStores } from '../helpers/databases.js';
import {
  json,
  startTestService,
  type CallOptions,
  type TestService,
  type TokenName,
} from './helpers/service.js';

const PERIOD = '2026-10';
const CALLERS = [
  'admin',
  'cdo',
  'viewer',
  'cherwell',
  'southOxfordshire',
] as const satisfies readonly TokenName[];
type Caller = (typeof CALLERS)[number];

interface Row {
  method: string;
  /**
   * `{sid}` stands for the stored submission's id; `{tid}`, `{uid}`, `{nid}` for a spare token's, user's,
   * tenant's; `{aid}` for an open proposal of 2025-26's cost shares.
   */
  path: string;
  allowed: readonly Caller[];
  /** The status of an allowed call when it is not 200. */
  success?: number;
  options?: () => CallOptions;
  /** Puts things back as the call expects before each caller's try (a year closed or reopened). */
  before?: (t: TestService) => Promise<unknown>;
}

const closeYear = (t: TestService) => t.call('POST', '/api/v1/years/2025-26/close', { token: 'cdo' });
const reopenYear = (t: TestService) =>
  t.call('POST', '/api/v1/years/2025-26/reopen', { token: 'admin', json: { reason: 'matrix' } });

const everyone = CALLERS;
const staff = ['admin', 'cdo'] as const;
const cherwellReaders = ['admin', 'cdo', 'cherwell'] as const;

const MATRIX: Row[] = [
  { method: 'GET', path: '/api/v1/me', allowed: everyone },
  { method: 'GET', path: '/api/v1/partnership', allowed: everyone },
  {
    method: 'PUT',
    path: '/api/v1/partnership',
    allowed: staff,
    options: () => ({ json: demoPartnership }),
  },
  {
    method: 'POST',
    path: `/api/v1/councils/cherwell/submissions?period=${PERIOD}`,
    allowed: cherwellReaders,
    success: 201,
    options: () => ({ json: demoCouncilSubmission('cherwell', PERIOD) }),
  },
  {
    method: 'GET',
    path: `/api/v1/councils/cherwell/submissions?period=${PERIOD}`,
    allowed: cherwellReaders,
  },
  { method: 'GET', path: '/api/v1/councils/cherwell/submissions/{sid}', allowed: cherwellReaders },
  {
    method: 'POST',
    path: '/api/v1/councils/cherwell/submissions/{sid}/review',
    allowed: staff,
    options: () => ({ json: { status: 'accepted', comment: '' } }),
  },
  { method: 'GET', path: `/api/v1/status?period=${PERIOD}`, allowed: everyone },
  { method: 'GET', path: `/api/v1/consolidated?period=${PERIOD}`, allowed: everyone },
  { method: 'GET', path: `/api/v1/consolidated.xlsx?period=${PERIOD}`, allowed: everyone },
  {
    method: 'GET',
    path: `/api/v1/templates/council.xlsx?council=cherwell&period=${PERIOD}`,
    allowed: ['admin', 'cdo', 'viewer', 'cherwell'],
  },
  { method: 'PUT', path: '/api/v1/periods/2030-01/lock', allowed: staff },
  { method: 'DELETE', path: '/api/v1/periods/2030-01/lock', allowed: staff },
  { method: 'GET', path: '/api/v1/tokens', allowed: ['admin'] },
  {
    method: 'POST',
    path: '/api/v1/tokens',
    allowed: ['admin'],
    success: 201,
    options: () => ({ json: { role: 'viewer', label: 'matrix' } }),
  },
  { method: 'DELETE', path: '/api/v1/tokens/{tid}', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/audit', allowed: staff },
  { method: 'GET', path: '/api/v1/users', allowed: ['admin'] },
  {
    method: 'POST',
    path: '/api/v1/users',
    allowed: ['admin'],
    success: 201,
    // One new person per call: the same one twice would be 409.
    options: () => ({
      json: { tenantId: TENANTS.elsewhere, email: `p${++people}@elsewhere.example`, role: 'viewer' },
    }),
  },
  { method: 'DELETE', path: '/api/v1/users/{uid}', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/tenants', allowed: ['admin'] },
  {
    method: 'POST',
    path: '/api/v1/tenants',
    allowed: ['admin'],
    success: 201,
    options: () => ({ json: { tenantId: randomUUID(), council: 'vale-of-white-horse' } }),
  },
  { method: 'DELETE', path: '/api/v1/tenants/{nid}', allowed: ['admin'] },
  // Personal data (DESIGN §11): people named on the demo return stored above.
  { method: 'GET', path: '/api/v1/people/priya.shah@cherwell.example', allowed: ['admin'] },
  {
    method: 'PATCH',
    path: '/api/v1/people/priya.shah@cherwell.example',
    allowed: ['admin'],
    options: () => ({ json: { name: 'Priya Shah-Evans' } }),
  },
  { method: 'DELETE', path: '/api/v1/people/tom.hughes@cherwell.example', allowed: ['admin'] },
  {
    method: 'POST',
    path: '/api/v1/agreements/{aid}/decisions',
    allowed: ['cherwell', 'southOxfordshire'],
    options: () => ({ json: { decision: 'agree' } }),
  },
  // The first allowed caller queues the reminders to Vale's and West's contacts; the next is told they
  // had theirs today (202 both).
  { method: 'POST', path: '/api/v1/agreements/{aid}/reminders', allowed: staff, success: 202 },
  {
    method: 'POST',
    path: '/api/v1/agreements',
    allowed: staff,
    success: 201,
    options: () => ({ json: { fy: '2026-27' } }),
  },
  { method: 'GET', path: '/api/v1/agreements?fy=2026-27', allowed: everyone },
  { method: 'POST', path: '/api/v1/years/2025-26/close', allowed: staff, before: reopenYear },
  { method: 'GET', path: '/api/v1/years/2025-26', allowed: everyone },
  { method: 'GET', path: '/api/v1/years/2025-26/statements.xlsx', allowed: everyone, before: closeYear },
  {
    method: 'POST',
    path: '/api/v1/years/2025-26/reopen',
    allowed: ['admin'],
    before: closeYear,
    options: () => ({ json: { reason: 'A late return' } }),
  },
];
let people = 0;

/** Open to anyone, signed in or not. */
const PUBLIC = ['/api/v1/config', '/api/v1/openapi.json'];

describeStores('route × role matrix', (store) => {
  describe.each(['token', 'entra'] as const)('signed in by %s', (kind) => {
    let issuer: LocalIssuer | undefined;
    let t: TestService;
    let ids: Record<'sid' | 'tid' | 'uid' | 'nid' | 'aid', number>;

    beforeAll(async () => {
      if (kind === 'entra') issuer = await startLocalIssuer();
      t = await startTestService({ kind: store, ...(issuer ? { entra: issuer } : {}) });
      await t.call('PUT', '/api/v1/partnership', { token: 'admin', json: demoPartnership });
      const r = await t.call('POST', `/api/v1/councils/cherwell/submissions?period=${PERIOD}`, {
        json: demoCouncilSubmission('cherwell', PERIOD),
      });
      const idOf = async (response: Promise<Response>) => (await json<{ id: number }>(await response)).id;
      ids = {
        sid: (await json<SubmissionReceipt>(r)).id,
        tid: await idOf(t.call('POST', '/api/v1/tokens', { json: { role: 'viewer', label: 'to revoke' } })),
        uid: await idOf(
          t.call('POST', '/api/v1/users', {
            json: { tenantId: TENANTS.elsewhere, email: 'leaver@elsewhere.example', role: 'cdo' },
          }),
        ),
        nid: await idOf(
          t.call('POST', '/api/v1/tenants', {
            json: { tenantId: randomUUID(), council: 'west-oxfordshire' },
          }),
        ),
        aid: await idOf(t.call('POST', '/api/v1/agreements', { token: 'cdo', json: { fy: '2025-26' } })),
      };
    });
    afterAll(async () => {
      await t.stop();
      await issuer?.close();
    });

    // First, on a fresh service: the matrix's many calls without a token count against the failed
    // sign-in limit of this one client address, which (today) the token-free routes share.
    it('answers the public routes without a sign-in', async () => {
      for (const path of PUBLIC) expect((await t.call('GET', path, { token: null })).status, path).toBe(200);
      expect(await json(await t.call('GET', '/api/v1/config', { token: null }))).toEqual(
        kind === 'entra'
          ? {
              microsoftSignIn: true,
              clientId: CLIENT_ID,
              authority: issuer!.authority,
              scope: `api://cdo.example.gov.uk/${CLIENT_ID}/access_as_user`,
            }
          : { microsoftSignIn: false },
      );
    });

    for (const row of MATRIX) {
      it(`${row.method} ${row.path}: ${row.allowed.join(', ')}`, async () => {
        const path = row.path.replace(/\{(sid|tid|uid|nid|aid)\}/, (_, key: keyof typeof ids) =>
          String(ids[key]),
        );
        const outcome: Record<string, number> = {};
        const expected: Record<string, number> = {};
        for (const caller of CALLERS) {
          await row.before?.(t);
          const response = await t.call(row.method, path, { ...row.options?.(), token: caller });
          await response.arrayBuffer();
          outcome[caller] = response.status;
          expected[caller] = row.allowed.includes(caller) ? (row.success ?? 200) : 403;
        }
        await row.before?.(t);
        const anonymous = await t.call(row.method, path, { ...row.options?.(), token: null });
        outcome['no token'] = anonymous.status;
        expected['no token'] = 401;
        expect(outcome).toEqual(expected);
      });
    }

    it('serves the API documents to anyone, without a token', async () => {
      const openapi = await t.call('GET', '/api/v1/openapi.json', { token: null });
      expect(openapi.status).toBe(200);
      const document = await json<{
        openapi: string;
        paths: Record<string, Record<string, { description: string }>>;
      }>(openapi);
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/councils/{council}/submissions',
          '/consolidated.xlsx',
          '/periods/{period}/lock',
        ]),
      );
      expect(document.paths['/partnership']!['put']!.description).toContain('Who: cdo, admin');
      const submit = document.paths['/councils/{council}/submissions']!['post'] as unknown as {
        requestBody: { content: Record<string, { schema: { format?: string; properties?: object } }> };
      };
      expect(Object.keys(submit.requestBody.content)).toEqual([
        'application/json',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'multipart/form-data',
      ]);
      expect(submit.requestBody.content['application/json']!.schema.properties).toHaveProperty('projects');
      const page = await t.call('GET', '/api', { token: null });
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      for (const row of MATRIX) expect(html).toContain(row.method);
      expect(html).toContain('/api/v1/councils/{council}/submissions/{sid}/review');
      // The banner's API address answers the same index.
      for (const path of ['/api/v1', '/api/v1/']) {
        const index = await t.call('GET', path, { token: null });
        expect(index.status).toBe(200);
        expect(await index.text()).toBe(html);
      }
    });

    it('names every operation for generated clients and says which need no sign-in', async () => {
      const document = await json<{
        info: { license?: { name: string } };
        servers: { url: string }[];
        paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
      }>(await t.call('GET', '/api/v1/openapi.json', { token: null }));
      expect(document.info.license?.name).toBe('MIT');
      expect(document.servers).toHaveLength(1);
      expect(document.servers[0]!.url).toMatch(/\/api\/v1$/);
      const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ path, method, ...op })),
      );
      const ids = operations.map((o) => o.operationId);
      expect(new Set(ids).size).toBe(operations.length);
      for (const o of operations)
        expect(o.operationId, `${o.method} ${o.path}`).toMatch(/^[a-z][a-zA-Z0-9]+$/);
      const byId = (id: string) => operations.find((o) => o.operationId === id)!;
      // Names clients already use: renaming one breaks them.
      expect(byId('submitReturn')).toMatchObject({ method: 'post', path: '/councils/{council}/submissions' });
      expect(byId('getConsolidatedWorkbook')).toMatchObject({ method: 'get', path: '/consolidated.xlsx' });
      expect(byId('revokeToken')).toMatchObject({ method: 'delete', path: '/tokens/{id}' });
      const open = operations.filter((o) => o.security?.length === 0).map((o) => `${o.method} ${o.path}`);
      expect(open.sort()).toEqual(['get /config', 'get /download-links/{link}']);
      for (const o of operations.filter((x) => x.security?.length !== 0))
        expect(o.security, `${o.method} ${o.path}`).toEqual([{ bearer: [] }]);
    });

    it('gives a viewer the template without any council data', async () => {
      const read = async (token: Caller) => {
        const response = await t.call(
          'GET',
          `/api/v1/templates/council.xlsx?council=cherwell&period=${PERIOD}`,
          { token },
        );
        const grids = await readWorkbookGrids(Buffer.from(await response.arrayBuffer()));
        return parseCouncilWorkbook(grids, {
          partnership: demoPartnership,
          council: 'cherwell',
          period: PERIOD,
        }).submission;
      };
      expect((await read('viewer')).projects).toEqual([]);
      expect((await read('cherwell')).projects.length).toBeGreaterThan(0);
    });
  });
});
