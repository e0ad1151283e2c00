// Safe defaults of the API (DESIGN §9.5): nothing with council data is cached, an over-long
// Idempotency-Key is refused, and an id in a path means one thing only; on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import type { SubmissionReceipt } from '../../shared/api.js';
import { json, startTestService, type TestService } from './helpers/service.js';
import { describeStores } from '../helpers/databases.js';

let t: TestService;
let receipt: SubmissionReceipt;
const submissions = '/api/v1/councils/cherwell/submissions';

describeStores('safe defaults', (kind) => {
  beforeAll(async () => {
    t = await startTestService({ kind });
    await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
    receipt = await json<SubmissionReceipt>(
      await t.call('POST', `${submissions}?period=2026-10`, {
        json: demoCouncilSubmission('cherwell', '2026-10'),
      }),
    );
  });
  afterAll(() => t.stop());

  describe('caching', () => {
    it('sends Cache-Control: no-store on every API answer, refusals included', async () => {
      for (const [path, status] of [
        ['/api/v1/me', 200],
        ['/api/v1/partnership', 200],
        [`${submissions}/${receipt.id}`, 200],
        ['/api/v1/consolidated?period=2026-10', 200],
        ['/api/v1/status?period=2026-10', 200],
        ['/api/v1/templates/council.xlsx?council=cherwell&period=2026-10', 200],
        [`${submissions}/999`, 404],
      ] as const) {
        const response = await t.call('GET', path);
        expect([path, response.status, response.headers.get('cache-control')]).toEqual([
          path,
          status,
          'no-store',
        ]);
      }
      const refused = await t.call('GET', '/api/v1/me', { token: null });
      expect(refused.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('Idempotency-Key', () => {
    it('refuses a key over 200 characters with 400 and stores nothing', async () => {
      const send = (key: string) =>
        t.call('POST', `${submissions}?period=2026-09`, {
          json: demoCouncilSubmission('cherwell', '2026-09'),
          headers: { 'idempotency-key': key },
        });
      const refused = await send('k'.repeat(201));
      expect(refused.status).toBe(400);
      expect(await json(refused)).toEqual({
        error: {
          code: 'invalid-idempotency-key',
          message: 'Idempotency-Key must be at most 200 characters.',
        },
      });
      const list = await json<{ submissions: unknown[] }>(
        await t.call('GET', `${submissions}?period=2026-09`),
      );
      expect(list.submissions).toHaveLength(0);
      expect((await send('k'.repeat(200))).status).toBe(201);
    });
  });

  describe('ids in paths', () => {
    it('answers only the canonical decimal id; 0x5, 5.0, " 5", 05, +5 and 5e0 are 404', async () => {
      const id = receipt.id;
      expect((await t.call('GET', `${submissions}/${id}`)).status).toBe(200);
      for (const spelling of [
        `0x${id.toString(16)}`,
        `${id}.0`,
        `%20${id}`,
        `0${id}`,
        `+${id}`,
        `${id}e0`,
        '0',
      ]) {
        const response = await t.call('GET', `${submissions}/${spelling}`);
        expect([spelling, response.status]).toEqual([spelling, 404]);
      }
      const review = await t.call('POST', `${submissions}/${id}.0/review`, {
        token: 'cdo',
        json: { status: 'accepted', comment: 'fine' },
      });
      expect(review.status).toBe(404);
    });
  });
});
