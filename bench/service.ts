// The sync service under load: a 5,000-row JSON submission against an endpoint of the same app that
// only parses the same body, and the consolidated view and workbook of 400 councils through the API.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchSubmission, BENCH_PERIOD } from './fixtures.js';
import { medianMs, megabytes, seconds, type BenchSection, type Measure } from './report.js';

const CHILD = fileURLToPath(new URL('./service-child.ts', import.meta.url));
const COUNCILS = 400;
const ROWS_PER_COUNCIL = 500;
const SUBMISSION_ROWS = 5_000;
const CONNECTIONS = 20;
const SECONDS = 10;
/**
 * Unmeasured requests first, so both endpoints are measured compiled and warm (worker threads started).
 * A number of requests, not a duration: a run cut off by time aborts those in flight, and the API's
 * failed sign-in limiter counts an aborted request as a failure.
 */
const WARM_UP_REQUESTS = 3 * CONNECTIONS;

interface Child {
  url: string;
  token: string;
  stats(): Promise<{ maxRssBytes: number }>;
  stop(): Promise<void>;
}

function startChild(args: string[]): Promise<Child> {
  const child = fork(CHILD, args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(): Promise<T> => new Promise((resolve) => child.once('message', (m) => resolve(m as T)));
  return next<{ url: string; token: string }>().then(({ url, token }) => ({
    url,
    token,
    stats: () => {
      const answer = next<{ maxRssBytes: number }>();
      child.send('stats');
      return answer;
    },
    stop: () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop');
      return exited;
    },
  }));
}

/** Stores the partnership of COUNCILS councils and, when `rows` > 0, a return of that many project rows each. */
function runSeed(file: string, rows: number): Promise<void> {
  const child = fork(CHILD, ['seed', file, String(COUNCILS), String(rows)], {
    execArgv: ['--import', 'tsx'],
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding failed (${code})`)))),
  );
}

async function load(url: string, path: string, token: string, body: string): Promise<autocannon.Result> {
  const run = (length: { amount: number } | { duration: number }) =>
    autocannon({
      url: `${url}${path}`,
      method: 'POST',
      connections: CONNECTIONS,
      ...length,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
  await run({ amount: WARM_UP_REQUESTS });
  return run({ duration: SECONDS });
}

async function submissionUnderLoad(dir: string): Promise<Measure[]> {
  const file = join(dir, 'submit.sqlite');
  await runSeed(file, 0);
  const child = await startChild(['serve', file]);
  try {
    const submission = benchSubmission(0, COUNCILS, SUBMISSION_ROWS - 30, BENCH_PERIOD);
    const rows = submission.contributions.length + submission.skills.length + submission.projects.length;
    const body = JSON.stringify(submission);
    const check = await fetch(`${child.url}/api/v1/councils/council-001/submissions?period=${BENCH_PERIOD}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${child.token}`, 'content-type': 'application/json' },
      body,
    });
    if (check.status !== 201) throw new Error(`the bench submission was refused: ${await check.text()}`);
    const baseline = await load(child.url, '/bench/parse-only', child.token, body);
    const ours = await load(
      child.url,
      `/api/v1/councils/council-001/submissions?period=${BENCH_PERIOD}`,
      child.token,
      body,
    );
    const failures = ours.non2xx + ours.errors + baseline.non2xx + baseline.errors;
    const ratio = ours.requests.average / baseline.requests.average;
    const size = `${rows.toLocaleString('en-GB')} rows, ${megabytes(body.length) === '0 MB' ? `${Math.round(body.length / 1024)} KB` : megabytes(body.length)}`;
    return [
      {
        measure: `POST a JSON return (${size}), ${CONNECTIONS} connections: throughput`,
        ours: `${ours.requests.average.toFixed(1)} req/s`,
        baseline: `${baseline.requests.average.toFixed(1)} req/s (parse the body only)`,
        comparison: `${Math.round(ratio * 100)}% of baseline`,
        target: '≥ 40% of baseline, no errors',
        met: ratio >= 0.4 && failures === 0,
      },
      {
        measure: '  latency p50 / p99',
        ours: `${ours.latency.p50} / ${ours.latency.p99} ms`,
        baseline: `${baseline.latency.p50} / ${baseline.latency.p99} ms`,
        comparison: `${(ours.latency.p50 / baseline.latency.p50).toFixed(1)}× p50`,
        target: '(reported)',
        met: true,
      },
    ];
  } finally {
    await child.stop();
  }
}

/** Times one GET in a fresh service process (median of 3 after a warm-up) and reads its peak memory. */
async function timeGet(
  file: string,
  path: string,
): Promise<{ ms: number; bytes: number; maxRssBytes: number }> {
  const child = await startChild(['serve', file]);
  try {
    let bytes = 0;
    const ms = await medianMs(3, async () => {
      const response = await fetch(`${child.url}${path}?period=${BENCH_PERIOD}`, {
        headers: { authorization: `Bearer ${child.token}` },
      });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      bytes = (await response.arrayBuffer()).byteLength;
    });
    return { ms, bytes, ...(await child.stats()) };
  } finally {
    await child.stop();
  }
}

async function consolidatedThroughApi(dir: string): Promise<Measure[]> {
  const file = join(dir, 'consolidated.sqlite');
  await runSeed(file, ROWS_PER_COUNCIL);
  const scale = `${COUNCILS} councils × ${ROWS_PER_COUNCIL} project rows`;
  const rows: Measure[] = [];
  for (const [path, what] of [
    ['/api/v1/consolidated', 'JSON'],
    ['/api/v1/consolidated.xlsx', 'workbook'],
  ] as const) {
    const { ms, bytes, maxRssBytes } = await timeGet(file, path);
    rows.push(
      {
        measure: `GET ${path.slice('/api/v1'.length)} (${scale}; ${megabytes(bytes)} ${what}): time`,
        ours: seconds(ms),
        baseline: '-',
        comparison: '-',
        target: '(reported)',
        met: true,
      },
      {
        measure: '  peak memory of the service process',
        ours: megabytes(maxRssBytes),
        baseline: '-',
        comparison: '-',
        target: '(reported)',
        met: true,
      },
    );
  }
  return rows;
}

export const service: BenchSection = {
  name: 'service',
  description: 'The sync service over HTTP: submissions under load and the consolidated view',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-bench-'));
    try {
      return [...(await submissionUnderLoad(dir)), ...(await consolidatedThroughApi(dir))];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
