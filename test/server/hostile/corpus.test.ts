// Every case of the hostile corpus against the real service: each gets its expected status and code,
// in plain words, and the service goes on answering; on SQLite and on PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { describeStores } from '../../helpers/databases.js';
import { hostileCorpus, HOSTILE_COUNCIL, HOSTILE_PERIOD } from './corpus.js';
import { sendCase } from './send.js';

const corpus = await hostileCorpus();
let t: TestService;

describeStores('the hostile corpus', (kind) => {
  beforeAll(async () => {
    t = await startTestService({ env: { MAX_VERSIONS_PER_PERIOD: '1000' }, kind });
    await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
  });
  afterAll(() => t.stop());

  const versions = async () => {
    const list = await t.call(
      'GET',
      `/api/v1/councils/${HOSTILE_COUNCIL}/submissions?period=${HOSTILE_PERIOD}`,
    );
    return ((await list.json()) as { submissions: unknown[] }).submissions.length;
  };

  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await versions();
    const answer = await sendCase(t.url, { council: t.tokens.cherwell, cdo: t.tokens.cdo }, c);
    expect(answer).toEqual(c.expected);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    // A refused upload stores nothing; an accepted one is one new version.
    expect((await versions()) - before).toBe(c.expected.status === 201 && c.route === 'submission' ? 1 : 0);
  });
});
