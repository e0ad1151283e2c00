// A refusal's list of problems is bounded (DESIGN §9.5): at most 1,000 listed, `problemCount` the total and
// a sentence saying how many more there are, whatever the upload; on SQLite and on PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { describeStores } from '../helpers/databases.js';
import { json, startTestService, type TestService } from './helpers/service.js';
import { worstReturn, WORST_COUNCIL, WORST_PERIOD } from './helpers/worst-return.js';

interface Refusal {
  errors: { sheet: string; row: number; column: string; code: string }[];
  problemCount: number;
  message?: string;
}

const worst = await worstReturn();
let t: TestService;

describeStores('bounded answers', (kind) => {
  beforeAll(async () => {
    t = await startTestService({ kind });
    await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
  });
  afterAll(() => t.stop());

  const submissions = `/api/v1/councils/${WORST_COUNCIL}/submissions?period=${WORST_PERIOD}`;

  it('lists the first 1,000 of the 1,049,978 problems of the worst workbook and counts them all', async () => {
    const answer = await t.call('POST', submissions, { token: 'cherwell', xlsx: worst });
    const text = await answer.text();
    expect(answer.status, text).toBe(422);
    // A thousand problems of a hundred-odd bytes each: the answer is small whatever the upload.
    expect(text.length).toBeLessThan(300_000);
    const body = JSON.parse(text) as Refusal;
    // Every row of "x" is wrong in 8 Skills cells (Email, Organisation type, Skill, Level, Days per
    // month, Day rate, From, To) and 10 Projects cells (Theme, Phase, RAG, Start, Due and the five
    // money columns), and each sheet holds 49,999 rows under its header: 49,999 × (8 + 10) = 899,982.
    // The rules over the Projects cells that were read add, on the same rows: Lead council "x" and
    // Partners "x" not councils of the partnership (49,999 each), and Project ID "x" repeating row 2's
    // (rows 3 to 50,000: 49,998). 899,982 + 49,999 + 49,999 + 49,998 = 1,049,978.
    expect(body.problemCount).toBe(1_049_978);
    expect(body.errors).toHaveLength(1000);
    expect(body.message).toBe(
      '1,049,978 problems were found; the first 1,000 are listed and 1,048,978 more are not. Correct these and send it again to see the rest.',
    );
    // The first found are listed, in sheet and row order: Skills rows 2 to 126 (8 each), then row 127's first.
    expect(body.errors[0]).toMatchObject({ sheet: 'Skills', row: 2, column: 'Email', code: 'invalid-email' });
    expect(body.errors[999]).toMatchObject({ sheet: 'Skills', row: 126, column: 'To', code: 'invalid-date' });
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('bounds a JSON return the same way', async () => {
    const valid = demoCouncilSubmission(WORST_COUNCIL, WORST_PERIOD);
    const skill = valid.skills[0]!;
    const body = { ...valid, skills: Array.from({ length: 1500 }, () => ({ ...skill, level: 'Guru' })) };
    const answer = await t.call('POST', submissions, { token: 'cherwell', json: body });
    expect(answer.status).toBe(422);
    const refusal = await json<Refusal>(answer);
    // One problem per row: the level.
    expect(refusal.problemCount).toBe(1500);
    expect(refusal.errors).toHaveLength(1000);
    expect(refusal.errors[999]).toMatchObject({ sheet: 'Skills', row: 1001, column: 'Level' });
    expect(refusal.message).toBe(
      '1,500 problems were found; the first 1,000 are listed and 500 more are not. Correct these and send it again to see the rest.',
    );
  });

  it('gives the total with a short list too, and no sentence', async () => {
    const valid = demoCouncilSubmission(WORST_COUNCIL, WORST_PERIOD);
    const body = { ...valid, skills: [{ ...valid.skills[0]!, level: 'Guru' }] };
    const refusal = await json<Refusal>(await t.call('POST', submissions, { token: 'cherwell', json: body }));
    expect(refusal.problemCount).toBe(1);
    expect(refusal.errors).toHaveLength(1);
    expect(refusal.message).toBeUndefined();
  });
});
