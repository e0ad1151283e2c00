// Recovery: a decode worker that overruns takes only its own request down. The service (its own
// process, given a decode time limit far too short on purpose) stops each decode's worker mid-way and
// answers 422, keeps answering /healthz meanwhile, and starts a new worker for every next upload, in
// the same process. (decode-pool.test.ts kills workers by exhausting their memory.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { spawnService } from './helpers/spawn-service.js';

const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-decode-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('answers throughout while decode workers are stopped for overrunning, and replaces them', async () => {
  const { url, token, child } = await spawnService({
    DATABASE_URL: `sqlite:${join(dir, 'crash.sqlite')}`,
    DECODE_TIME_LIMIT_SECONDS: '0.001',
  });
  try {
    const submit = (body: string) =>
      fetch(`${url}/api/v1/councils/cherwell/submissions?period=2026-10`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });

    const health: { status: number; ms: number }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const started = performance.now();
        const status = await fetch(`${url}/healthz`).then(
          (r) => r.status,
          () => 0,
        );
        health.push({ status, ms: performance.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    const body = JSON.stringify(demoCouncilSubmission('cherwell', '2026-10'));
    for (let i = 0; i < 5; i++) {
      const refused = await submit(body);
      expect(await refused.json()).toEqual({
        error: {
          code: 'decode-timeout',
          message:
            'This upload took longer than 0.001 seconds to read, more than any return or partnership needs; it was refused.',
        },
      });
      expect(refused.status).toBe(422);
    }
    const me = await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    polling = false;
    await poller;

    expect([child.exitCode, child.signalCode]).toEqual([null, null]);
    expect(health.length).toBeGreaterThan(0);
    expect(health.filter((h) => h.status !== 200)).toEqual([]);
  } finally {
    child.kill('SIGKILL');
  }
});
