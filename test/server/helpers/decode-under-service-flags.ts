// The decode pool in a process started with the heap flags `shared-cdo serve` runs with, for the
// worker-heaps test: one JSON line on stdout with the answer to a greedy return (a worker given 32 MB)
// and the young generation a worker asking for 64 MB reached.
//
// It runs the compiled pool in dist/ (the test run's global setup builds it), and Node strips this
// file's types itself, as helpers/child-service.ts does.
import { Worker } from 'node:worker_threads';
import type * as Pool from '../../../server/returns/decode/pool.js';
import type * as Demo from '../../../demo/partnership.js';

const compiled = (path: string): string => new URL(`../../../dist/${path}`, import.meta.url).href;
const { DecodePool } = (await import(compiled('server/returns/decode/pool.js'))) as typeof Pool;
const { demoPartnership } = (await import(compiled('demo/partnership.js'))) as typeof Demo;

// As in decode-pool.test.ts: 15,000 rows with every field wrong need far more than 32 MB to report.
const row = Object.fromEntries(
  ['person', 'email', 'organisationType', 'organisation', 'skill', 'level', 'from', 'to', 'notes'].map(
    (key) => [key, 1],
  ),
);
const greedy = { period: '2026-10', contributions: [], projects: [], skills: Array(15_000).fill(row) };
const pool = new DecodePool({ memoryMb: 32, timeLimitMs: 60_000 });
const greedyAnswer = await pool
  .checkReturn({
    kind: 'json',
    bytes: Buffer.from(JSON.stringify(greedy)),
    context: { partnership: demoPartnership, council: 'cherwell', period: '2026-10' },
    hashRequest: false,
  })
  .then(
    () => 'accepted',
    // An HTTP refusal by its status and code; a return refused for its problems (InvalidInput) by name.
    (e: { status?: number; code?: string; name?: string }) =>
      e.status === undefined ? String(e.name) : `${e.status} ${e.code}`,
  );
await pool.close();

// Short-lived objects by the million, then the size the young generation grew to.
const CHURN = `
const { parentPort } = require('node:worker_threads');
const v8 = require('node:v8');
let kept = [];
for (let i = 0; i < 3e6; i++) { kept.push({ i, s: 'x' + i }); if (kept.length > 200000) kept = []; }
parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
`;
const youngBytes = await new Promise<number>((resolve, reject) => {
  const worker = new Worker(CHURN, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  worker.once('message', resolve);
  worker.once('error', reject);
});
process.stdout.write(`${JSON.stringify({ greedyAnswer, youngMb: youngBytes / 1024 / 1024 })}\n`);
