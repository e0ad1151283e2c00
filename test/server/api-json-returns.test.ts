// Honest JSON returns (DESIGN §9.5): every sheet is required, unknown keys are refused by name, a sheet
// holds at most 50,000 rows, and a council keeps at most MAX_VERSIONS_PER_PERIOD versions per period;
// on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { json, startTestService, type TestService } from './helpers/service.js';
import { describeStores } from '../helpers/databases.js';

let t: TestService;

const submit = (body: unknown, period = '2026-10') =>
  t.call('POST', `/api/v1/councils/cherwell/submissions?period=${period}`, { json: body });

interface Problems {
  errors: { sheet: string; row: number | null; column: string | null; code: string; message: string }[];
}

const versions = async (period: string): Promise<number> =>
  (
    await json<{ submissions: unknown[] }>(
      await t.call('GET', `/api/v1/councils/cherwell/submissions?period=${period}`),
    )
  ).submissions.length;

describeStores('honest JSON returns', (kind) => {
  beforeAll(async () => {
    t = await startTestService({ env: { MAX_VERSIONS_PER_PERIOD: '3' }, kind });
    expect((await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership })).status).toBe(
      200,
    );
  });
  afterAll(() => t.stop());

  describe('a JSON return', () => {
    it('refuses {} naming each missing sheet and the period, and stores nothing', async () => {
      const response = await submit({});
      expect(response.status).toBe(422);
      const { errors } = await json<Problems>(response);
      expect(errors.map((e) => [e.sheet, e.column])).toEqual(
        expect.arrayContaining([
          ['About', 'Period'],
          ['Contributions', 'contributions'],
          ['Skills', 'skills'],
          ['Projects', 'projects'],
        ]),
      );
      expect(errors.find((e) => e.sheet === 'Skills')!.message).toBe(
        'skills: required (send [] for an empty sheet)',
      );
      expect(errors.find((e) => e.sheet === 'About')!.message).toBe(
        'Period: required: a period is a month written YYYY-MM',
      );
      expect(await versions('2026-10')).toBe(0);
    });

    it('accepts an empty sheet sent as []', async () => {
      const body = { ...demoCouncilSubmission('cherwell', '2026-09'), skills: [] };
      expect((await submit(body, '2026-09')).status).toBe(201);
    });

    it('refuses a return with every sheet empty (422 empty-return) unless sent with confirm=empty', async () => {
      const period = '2026-08';
      expect((await submit(demoCouncilSubmission('cherwell', period), period)).status).toBe(201);
      const empty = { period, contributions: [], skills: [], projects: [] };
      const refused = await submit(empty, period);
      expect(refused.status).toBe(422);
      expect((await json<Problems>(refused)).errors).toEqual([
        expect.objectContaining({ code: 'empty-return', message: expect.stringContaining('confirm=empty') }),
      ]);
      expect(await versions(period)).toBe(1);
      const confirmed = await t.call(
        'POST',
        `/api/v1/councils/cherwell/submissions?period=${period}&confirm=empty`,
        { json: empty },
      );
      expect(confirmed.status).toBe(201);
      // August is month 5: in-kind each month and cash in April, so 6 contribution rows; 5 skills;
      // Cherwell reports on OXD-001, OXD-004 and OXD-005.
      expect((await json<{ changes: object }>(confirmed)).changes).toEqual({
        Contributions: { added: 0, changed: 0, removed: 6 },
        Skills: { added: 0, changed: 0, removed: 5 },
        Projects: { added: 0, changed: 0, removed: 3 },
      });
      expect(await versions(period)).toBe(2);
    });

    it('refuses unknown keys anywhere, naming each one where it is', async () => {
      const data = demoCouncilSubmission('cherwell', '2026-10');
      const body = {
        ...data,
        notes: 'x',
        projects: data.projects.map((p, i) => (i === 1 ? { ...p, colour: 'red', Title: 'x' } : p)),
      };
      const response = await submit(body);
      expect(response.status).toBe(422);
      const { errors } = await json<Problems>(response);
      expect(errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
        ['Projects', 3, 'colour'],
        ['Projects', 3, 'Title'],
        ['Request', null, null],
      ]);
      expect(errors[2]!.message).toBe(
        'notes: not a field the service knows; remove it (field names are case-sensitive)',
      );
      expect(await versions('2026-10')).toBe(0);
    });

    it('refuses more than 50,000 rows in a sheet with 413 too-many-rows', async () => {
      const data = demoCouncilSubmission('cherwell', '2026-10');
      const rows = Array.from({ length: 50_001 }, () => data.contributions[0]!);
      const response = await submit({ ...data, contributions: rows });
      expect(response.status).toBe(413);
      expect(await json(response)).toEqual({
        error: {
          code: 'too-many-rows',
          message:
            'contributions (the Contributions sheet) has 50,001 rows; a sheet may hold at most 50,000.',
        },
      });
    });

    it('keeps at most MAX_VERSIONS_PER_PERIOD versions per council and period, then answers 429', async () => {
      const body = demoCouncilSubmission('cherwell', '2026-11');
      for (let i = 0; i < 3; i++) expect((await submit(body, '2026-11')).status).toBe(201);
      const refused = await submit(body, '2026-11');
      expect(refused.status).toBe(429);
      const { error } = await json<{ error: { code: string; message: string } }>(refused);
      expect(error.code).toBe('too-many-versions');
      expect(error.message).toMatch(/^cherwell already has 3 versions for 2026-11.*Nothing was stored/);
      expect(await versions('2026-11')).toBe(3);
      // Another period of the same council is not affected.
      expect((await submit(demoCouncilSubmission('cherwell', '2026-08'), '2026-08')).status).toBe(201);
    });
  });

  describe('PUT /partnership JSON', () => {
    it('refuses unknown keys in the settings and in a row, by name', async () => {
      const bad = {
        ...demoPartnership,
        deadline: 12,
        councils: demoPartnership.councils.map((c, i) => (i === 0 ? { ...c, mayor: 'x' } : c)),
      };
      const response = await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: bad });
      expect(response.status).toBe(422);
      const { errors } = await json<Problems>(response);
      expect(errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
        ['Councils', 2, 'mayor'],
        ['Request', null, null],
      ]);
    });

    it('refuses more than 50,000 rows in a sheet with 413 too-many-rows', async () => {
      const row = { financialYear: '2026-27', budgetLine: 'CDO salary', amountPence: 1 };
      const response = await t.call('PUT', '/api/v1/partnership', {
        token: 'cdo',
        json: { ...demoPartnership, budget: Array.from({ length: 50_001 }, () => row) },
      });
      expect(response.status).toBe(413);
      expect((await json<{ error: { code: string } }>(response)).error.code).toBe('too-many-rows');
    });
  });
});
