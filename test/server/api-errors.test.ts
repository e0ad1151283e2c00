// Every answer the API gives besides success, as a client sees it: status, error code and where the
// problem is. Error bodies are always `{ error: { code, message } }` or the 422 `{ errors: [...] }`.
// On SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import type { SubmissionReceipt } from '../../shared/api.js';
import { workbookWithEntities, zipBomb } from './helpers/hostile.js';
import { councilWorkbook } from './helpers/council-workbook.js';
import { json, startTestService, type TestService } from './helpers/service.js';
import { describeStores } from '../helpers/databases.js';

let t: TestService;
let clock = new Date('2026-11-05T10:00:00Z');

const submissionsOf = (council: string, period: string): string =>
  `/api/v1/councils/${council}/submissions?period=${period}`;

async function expectError(response: Response, status: number, code: string): Promise<string> {
  const body = await json<{ error: { code: string; message: string } }>(response);
  expect({ status: response.status, code: body.error?.code }).toEqual({ status, code });
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return body.error.message;
}

async function expectProblems(
  response: Response,
): Promise<{ sheet: string; row: number | null; column: string | null; code: string; message: string }[]> {
  expect(response.status).toBe(422);
  const body = await json<{
    errors: { sheet: string; row: number | null; column: string | null; code: string; message: string }[];
  }>(response);
  expect(body.errors.length).toBeGreaterThan(0);
  return body.errors;
}

describeStores('every answer besides success', (kind) => {
  beforeAll(async () => {
    clock = new Date('2026-11-05T10:00:00Z');
    t = await startTestService({ now: () => clock, kind });
    expect((await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership })).status).toBe(
      200,
    );
  });
  afterAll(() => t.stop());

  describe('401 without a valid token', () => {
    it('refuses a missing, malformed or unknown token', async () => {
      await expectError(await t.call('GET', '/api/v1/me', { token: null }), 401, 'unauthenticated');
      await expectError(
        await t.call('GET', '/api/v1/me', { token: null, headers: { authorization: 'Basic abc' } }),
        401,
        'unauthenticated',
      );
      await expectError(
        await t.call('GET', '/api/v1/me', { token: 'scdo_not-a-real-token' }),
        401,
        'unauthenticated',
      );
    });
  });

  describe('403 for another council or a role without the right', () => {
    it('keeps a council token out of another council', async () => {
      const other = demoCouncilSubmission('south-oxfordshire', '2026-10');
      await expectError(
        await t.call('POST', submissionsOf('south-oxfordshire', '2026-10'), {
          token: 'cherwell',
          json: other,
        }),
        403,
        'forbidden',
      );
      await expectError(
        await t.call('GET', submissionsOf('south-oxfordshire', '2026-10'), { token: 'cherwell' }),
        403,
        'forbidden',
      );
      await expectError(
        await t.call('GET', '/api/v1/templates/council.xlsx?council=south-oxfordshire&period=2026-10', {
          token: 'cherwell',
        }),
        403,
        'forbidden',
      );
    });

    it('keeps viewers and councils away from settings and reviews', async () => {
      await expectError(
        await t.call('PUT', '/api/v1/partnership', { token: 'viewer', json: demoPartnership }),
        403,
        'forbidden',
      );
      await expectError(
        await t.call('PUT', '/api/v1/periods/2026-01/lock', { token: 'cherwell' }),
        403,
        'forbidden',
      );
    });
  });

  describe('404 and 400', () => {
    it('answers unknown API routes, councils and submissions with JSON', async () => {
      await expectError(await t.call('GET', '/api/v1/no-such-thing'), 404, 'not-found');
      await expectError(
        await t.call('POST', submissionsOf('oxford', '2026-10'), { json: { period: '2026-10' } }),
        404,
        'not-found',
      );
      await expectError(await t.call('GET', '/api/v1/councils/cherwell/submissions/99999'), 404, 'not-found');
      await expectError(await t.call('GET', '/api/v1/councils/cherwell/submissions/abc'), 404, 'not-found');
    });

    it('says what is wrong with a request it cannot read', async () => {
      const noPeriod = await t.call('POST', '/api/v1/councils/cherwell/submissions', {
        json: { period: '2026-10' },
      });
      expect(await expectError(noPeriod, 400, 'invalid-query')).toContain('period');
      const badJson = await t.call('POST', submissionsOf('cherwell', '2026-10'), {
        body: '{"period": ',
        headers: { 'content-type': 'application/json' },
      });
      await expectError(badJson, 400, 'invalid-json');
      const text = await t.call('POST', submissionsOf('cherwell', '2026-10'), {
        body: 'hello',
        headers: { 'content-type': 'text/plain' },
      });
      await expectError(text, 415, 'unsupported-media-type');
    });
  });

  describe('201 receipts', () => {
    it('reports warnings and what changed against the previous version, per sheet', async () => {
      const first = demoCouncilSubmission('vale-of-white-horse', '2026-06');
      const r1 = await t.call('POST', submissionsOf('vale-of-white-horse', '2026-06'), { json: first });
      expect(r1.status).toBe(201);
      expect(r1.headers.get('etag')).toBe('"1"');

      const [project, ...otherProjects] = first.projects;
      const second = {
        ...first,
        projects: [{ ...project!, title: `${project!.title} (renamed)` }, ...otherProjects],
        skills: first.skills.slice(1),
        contributions: [...first.contributions, { ...first.contributions[0]!, reference: 'EXTRA-1' }],
      };
      const r2 = await t.call('POST', submissionsOf('vale-of-white-horse', '2026-06'), {
        json: second,
        headers: { 'if-match': '"1"' },
      });
      expect(r2.status).toBe(201);
      const receipt = await json<SubmissionReceipt>(r2);
      expect(receipt).toMatchObject({ version: 2, period: '2026-06', council: 'vale-of-white-horse' });
      expect(receipt.changes).toEqual({
        Contributions: { added: 1, changed: 0, removed: 0 },
        Skills: { added: 0, changed: 0, removed: 1 },
        Projects: { added: 0, changed: 1, removed: 0 },
      });
      expect(Array.isArray(receipt.warnings)).toBe(true);

      const list = await json<{ submissions: { version: number }[] }>(
        await t.call('GET', submissionsOf('vale-of-white-horse', '2026-06')),
      );
      expect(list.submissions.map((s) => s.version)).toEqual([2, 1]);
    });
  });

  describe('409 on a stale If-Match', () => {
    it('refuses a version based on one that is no longer the latest', async () => {
      const data = demoCouncilSubmission('cherwell', '2026-05');
      expect(
        (
          await t.call('POST', submissionsOf('cherwell', '2026-05'), {
            json: data,
            headers: { 'if-match': '0' },
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await t.call('POST', submissionsOf('cherwell', '2026-05'), {
            json: data,
            headers: { 'if-match': '"1"' },
          })
        ).status,
      ).toBe(201);
      const stale = await t.call('POST', submissionsOf('cherwell', '2026-05'), {
        json: data,
        headers: { 'if-match': '"1"' },
      });
      expect(await expectError(stale, 409, 'version-conflict')).toContain('latest is version 2');
    });

    it('lets exactly one of two concurrent submissions based on the same version through', async () => {
      const data = demoCouncilSubmission('west-oxfordshire', '2026-05');
      expect(
        (await t.call('POST', submissionsOf('west-oxfordshire', '2026-05'), { json: data })).status,
      ).toBe(201);
      const racers = await Promise.all(
        Array.from({ length: 6 }, () =>
          t.call('POST', submissionsOf('west-oxfordshire', '2026-05'), {
            json: data,
            headers: { 'if-match': '"1"' },
          }),
        ),
      );
      expect(racers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const list = await json<{ submissions: { version: number }[] }>(
        await t.call('GET', submissionsOf('west-oxfordshire', '2026-05')),
      );
      expect(list.submissions.map((s) => s.version)).toEqual([2, 1]);
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the first result to a retry instead of making a new version', async () => {
      const data = demoCouncilSubmission('south-oxfordshire', '2026-04');
      const send = () =>
        t.call('POST', submissionsOf('south-oxfordshire', '2026-04'), {
          token: 'southOxfordshire',
          json: data,
          headers: { 'idempotency-key': 'so-2026-04-attempt' },
        });
      const first = await send();
      const retry = await send();
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual(await first.json());
      const list = await json<{ submissions: unknown[] }>(
        await t.call('GET', submissionsOf('south-oxfordshire', '2026-04')),
      );
      expect(list.submissions).toHaveLength(1);

      const different = await t.call('POST', submissionsOf('south-oxfordshire', '2026-04'), {
        json: { ...data, projects: [] },
        headers: { 'idempotency-key': 'so-2026-04-attempt' },
      });
      await expectError(different, 409, 'idempotency-key-reused');
    });
  });

  describe('413 over the size limit', () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    it('refuses a JSON body, a raw workbook or a multipart upload over 10 MB', async () => {
      await expectError(
        await t.call('POST', submissionsOf('cherwell', '2026-10'), { xlsx: big }),
        413,
        'payload-too-large',
      );
      await expectError(
        await t.call('POST', submissionsOf('cherwell', '2026-10'), { multipart: big }),
        413,
        'payload-too-large',
      );
      const hugeJson = await t.call('POST', submissionsOf('cherwell', '2026-10'), {
        body: JSON.stringify({ period: '2026-10', padding: 'x'.repeat(10 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      });
      await expectError(hugeJson, 413, 'payload-too-large');
    });
  });

  describe('422 with sheet, row and column', () => {
    it('places each problem of a JSON return where it would be in the workbook', async () => {
      const data = demoCouncilSubmission('cherwell', '2026-10');
      const bad = {
        ...data,
        skills: data.skills.map((s, i) => (i === 1 ? { ...s, level: 'Wizard' } : s)),
        contributions: data.contributions.map((c, i) => (i === 0 ? { ...c, budgetLine: 'Coffee' } : c)),
      };
      const schemaProblems = await expectProblems(
        await t.call('POST', submissionsOf('cherwell', '2026-10'), { json: bad }),
      );
      expect(schemaProblems).toContainEqual(
        expect.objectContaining({ sheet: 'Skills', row: 3, column: 'Level' }),
      );

      const ruleProblems = await expectProblems(
        await t.call('POST', submissionsOf('cherwell', '2026-10'), { json: { ...bad, skills: data.skills } }),
      );
      expect(ruleProblems).toContainEqual(
        expect.objectContaining({ sheet: 'Contributions', row: 2, column: 'Budget line' }),
      );
    });

    it('refuses a workbook whose About sheet names another council or period, naming the About cell', async () => {
      const workbook = await councilWorkbook(
        'cherwell',
        '2026-10',
        demoPartnership,
        demoCouncilSubmission('cherwell', '2026-10'),
      );
      const wrongCouncil = await expectProblems(
        await t.call('POST', submissionsOf('south-oxfordshire', '2026-10'), { xlsx: workbook }),
      );
      expect(wrongCouncil).toContainEqual(
        expect.objectContaining({ sheet: 'About', row: expect.any(Number), code: 'about-council-mismatch' }),
      );
      const wrongPeriod = await expectProblems(
        await t.call('POST', submissionsOf('cherwell', '2026-09'), { xlsx: workbook }),
      );
      expect(wrongPeriod).toContainEqual(
        expect.objectContaining({ sheet: 'About', code: 'about-period-mismatch' }),
      );
      const list = await json<{ submissions: unknown[] }>(
        await t.call('GET', submissionsOf('south-oxfordshire', '2026-10')),
      );
      expect(list.submissions).toHaveLength(0);
    });

    it('refuses an invalid partnership with the sheet and row of each problem', async () => {
      const bad = {
        ...demoPartnership,
        councils: demoPartnership.councils.map((c, i) => (i === 2 ? { ...c, membership: 'Sponsor' } : c)),
      };
      const problems = await expectProblems(
        await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: bad }),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({ sheet: 'Councils', row: 4, column: 'Membership' }),
      );
    });

    it('refuses a financial year that does not name two consecutive years, as the workbook does', async () => {
      const bad = {
        ...demoPartnership,
        budget: demoPartnership.budget.map((b, i) => (i === 1 ? { ...b, financialYear: '2026-99' } : b)),
      };
      const problems = await expectProblems(
        await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: bad }),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({ sheet: 'Budget', row: 3, column: 'Financial year' }),
      );
    });
  });

  describe('hostile uploads come back as clear 4xx', () => {
    it('refuses a file that is not a workbook, XML entities and a zip bomb', async () => {
      const notZip = await t.call('POST', submissionsOf('cherwell', '2026-10'), {
        xlsx: Buffer.from('MZ\x90\x00 definitely not a zip'),
      });
      await expectError(notZip, 422, 'not-xlsx');
      const entities = await t.call('POST', submissionsOf('cherwell', '2026-10'), {
        xlsx: await workbookWithEntities(),
      });
      await expectError(entities, 422, 'xml-entities');
      const bomb = await t.call('POST', submissionsOf('cherwell', '2026-10'), { multipart: await zipBomb() });
      await expectError(bomb, 413, 'zip-bomb');
      const partnership = await t.call('PUT', '/api/v1/partnership', {
        token: 'cdo',
        xlsx: await workbookWithEntities(),
      });
      await expectError(partnership, 422, 'xml-entities');
    });
  });

  describe('423 when the period is locked', () => {
    it('refuses submissions to a locked period until the CDO reopens it', async () => {
      const data = demoCouncilSubmission('cherwell', '2026-07');
      const keyed = { token: 'cherwell', json: data, headers: { 'idempotency-key': 'cherwell-07' } } as const;
      const before = await t.call('POST', submissionsOf('cherwell', '2026-07'), keyed);
      expect(before.status).toBe(201);
      expect((await t.call('PUT', '/api/v1/periods/2026-07/lock', { token: 'cdo' })).status).toBe(200);
      // A retry of a submission made before the lock still gets its first answer.
      const retry = await t.call('POST', submissionsOf('cherwell', '2026-07'), keyed);
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual(await before.json());
      await expectError(
        await t.call('POST', submissionsOf('cherwell', '2026-07'), { token: 'cherwell', json: data }),
        423,
        'period-locked',
      );
      expect((await json(await t.call('GET', '/api/v1/status?period=2026-07'))).locked).toBe(true);
      expect((await t.call('DELETE', '/api/v1/periods/2026-07/lock', { token: 'cdo' })).status).toBe(200);
      expect(
        (await t.call('POST', submissionsOf('cherwell', '2026-07'), { token: 'cherwell', json: data }))
          .status,
      ).toBe(201);
    });
  });

  describe('reviews and lateness', () => {
    it('lets the CDO accept or return a version, and shows it with the version', async () => {
      const data = demoCouncilSubmission('west-oxfordshire', '2026-08');
      const receipt = await json<SubmissionReceipt>(
        await t.call('POST', submissionsOf('west-oxfordshire', '2026-08'), { json: data }),
      );
      const path = `/api/v1/councils/west-oxfordshire/submissions/${receipt.id}`;
      await expectError(
        await t.call('POST', `${path}/review`, { token: 'southOxfordshire', json: { status: 'accepted' } }),
        403,
        'forbidden',
      );
      const bad = await expectProblems(
        await t.call('POST', `${path}/review`, { token: 'cdo', json: { status: 'maybe' } }),
      );
      expect(bad[0]!.message).toContain('status');
      const reviewed = await t.call('POST', `${path}/review`, {
        token: 'cdo',
        json: { status: 'returned', comment: 'Budget line for row 4?' },
      });
      expect(reviewed.status).toBe(200);
      expect(await json(reviewed)).toMatchObject({ review: 'returned', version: 1 });
      const detail = await json<{ review: string; reviews: { comment: string; reviewedBy: string }[] }>(
        await t.call('GET', path, { token: 'cdo' }),
      );
      expect(detail.review).toBe('returned');
      expect(detail.reviews).toEqual([
        expect.objectContaining({ comment: 'Budget line for row 4?', reviewedBy: 'test cdo' }),
      ]);
      // Another council cannot even see that it exists.
      await expectError(await t.call('GET', path, { token: 'cherwell' }), 403, 'forbidden');
    });

    it('marks a Member late only after the deadline day of the following month, in London time', async () => {
      const statusOf = async (period: string) =>
        (
          await json<{ councils: { council: string; late: boolean }[] }>(
            await t.call('GET', `/api/v1/status?period=${period}`),
          )
        ).councils;
      clock = new Date('2026-10-10T22:30:00Z'); // 23:30 BST on the 10th: still the deadline day
      expect((await statusOf('2026-09')).every((c) => !c.late)).toBe(true);
      clock = new Date('2026-10-10T23:30:00Z'); // 00:30 BST on the 11th
      expect((await statusOf('2026-09')).every((c) => c.late)).toBe(true);
      const data = demoCouncilSubmission('cherwell', '2026-09');
      expect((await t.call('POST', submissionsOf('cherwell', '2026-09'), { json: data })).status).toBe(201);
      expect((await statusOf('2026-09')).find((c) => c.council === 'cherwell')!.late).toBe(true);
      clock = new Date('2026-11-05T10:00:00Z');
    });
  });
});
