// The decode pool: a worker that runs out of memory or time answers its one task with a plain 413 or
// 422 and is replaced, so the next task is decoded as if nothing had happened.
import { afterAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { DecodePool } from '../../server/returns/decode/pool.js';
import { councilWorkbook } from './helpers/council-workbook.js';

const context = { partnership: demoPartnership, council: 'cherwell', period: '2026-10' };
const json = (body: unknown) => ({
  kind: 'json' as const,
  bytes: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  context,
  hashRequest: false,
});
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: { status?: number; code?: string }) => [e.status, e.code],
  );

describe('a decode worker that runs out of memory', () => {
  const pool = new DecodePool({ memoryMb: 32, timeLimitMs: 60_000 });
  afterAll(() => pool.close());

  it('answers its task 413 and is replaced by one that decodes the next', async () => {
    // 15,000 rows with every field wrong: reporting each problem needs far more than 32 MB.
    const row = Object.fromEntries(
      ['person', 'email', 'organisationType', 'organisation', 'skill', 'level', 'from', 'to', 'notes'].map(
        (key) => [key, 1],
      ),
    );
    const greedy = { period: '2026-10', contributions: [], projects: [], skills: Array(15_000).fill(row) };
    expect(await refusal(pool.checkReturn(json(greedy)))).toEqual([413, 'decode-out-of-memory']);
    const checked = await pool.checkReturn(json(demoCouncilSubmission('cherwell', '2026-10')));
    expect(JSON.parse(checked.data)).toEqual(demoCouncilSubmission('cherwell', '2026-10'));
  });

  it('refuses a body of nothing but empty objects before JSON.parse could outgrow the worker', async () => {
    const empties = `[${Array(1_000_000).fill('{}').join(',')}]`;
    expect(await refusal(pool.checkReturn(json(empties)))).toEqual([413, 'too-many-rows']);
  });
});

describe('a decode worker that overruns its time', () => {
  const pool = new DecodePool({ memoryMb: 256, timeLimitMs: 1 });
  afterAll(() => pool.close());

  it('is stopped, and its task answered 422', async () => {
    const workbook = await councilWorkbook('cherwell', '2026-10', demoPartnership);
    expect(await refusal(pool.checkReturn({ ...json({}), kind: 'xlsx', bytes: workbook }))).toEqual([
      422,
      'decode-timeout',
    ]);
    expect(await refusal(pool.readPartnership({ kind: 'xlsx', bytes: workbook }))).toEqual([
      422,
      'decode-timeout',
    ]);
  });
});
