// The hostile corpus (test/server/hostile/corpus.ts) sent to a running service one request after another, while
// another client polls /healthz every 50 ms: each case's answer and time against the answer it must get,
// then the service's peak memory, the /healthz p99 while it worked, and whether it is the same process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { hostileCorpus } from '../test/server/hostile/corpus.js';
import { sendCase } from '../test/server/hostile/send.js';
import { spawnService } from '../test/server/helpers/spawn-service.js';
import { megabytes, seconds, type BenchSection, type Measure } from './report.js';

const POLL_EVERY_MS = 50;
/** Polls workerData.url every workerData.every ms until told to stop, then posts the times and failures. */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const times = [];
let failures = 0;
let polling = true;
parentPort.once('message', () => (polling = false));
(async () => {
  while (polling) {
    const started = performance.now();
    const ok = await fetch(workerData.url).then((r) => r.ok, () => false);
    times.push(performance.now() - started);
    if (!ok) failures += 1;
    await new Promise((resolve) => setTimeout(resolve, workerData.every));
  }
  parentPort.postMessage({ times, failures });
})();
`;
const PEAK_RSS_TARGET = 500 * 1024 * 1024;
const HEALTHZ_P99_TARGET_MS = 100;

/** How long the idle service is polled for the baseline. */
const IDLE_MS = 5_000;

/** A client polling /healthz from its own thread, so the sender's work never delays its timings. */
function startPoller(url: string): { stop(): Promise<{ times: number[]; failures: number }> } {
  const worker = new Worker(POLLER, {
    eval: true,
    workerData: { url: `${url}/healthz`, every: POLL_EVERY_MS },
  });
  const done = new Promise<{ times: number[]; failures: number }>((resolve) =>
    worker.once('message', resolve),
  );
  return {
    stop: () => {
      worker.postMessage('stop');
      return done;
    },
  };
}

function percentile99(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Infinity;
}

/** The most memory the process has held (VmHWM), from Linux's /proc. */
function peakRssBytes(pid: number): number | undefined {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : undefined;
}

async function run(): Promise<Measure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-bench-hostile-'));
  const corpus = await hostileCorpus();
  const { url, token, child } = await spawnService({
    DATABASE_URL: `sqlite:${join(dir, 'hostile.sqlite')}`,
    MAX_VERSIONS_PER_PERIOD: '1000',
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const pid = child.pid!;
  try {
    // The baseline: the same polling of the service while nothing else is sent to it.
    const idle = startPoller(url);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const { times: idleTimes } = await idle.stop();
    const poller = startPoller(url);

    const rows: Measure[] = [];
    for (const c of corpus) {
      const started = performance.now();
      const answer = await sendCase(url, { council: token, cdo: token }, c).catch(() => ({
        status: 0,
        code: 'no answer',
      }));
      const ms = performance.now() - started;
      rows.push({
        measure: c.name,
        ours: `${answer.status} ${answer.code}, ${seconds(ms)}`,
        baseline: `${c.expected.status} ${c.expected.code}`,
        comparison:
          answer.status === c.expected.status && answer.code === c.expected.code
            ? 'as expected'
            : 'DIFFERENT',
        target: 'the expected answer',
        met: answer.status === c.expected.status && answer.code === c.expected.code,
      });
    }
    const { times: health, failures: healthFailures } = await poller.stop();

    const p99 = percentile99(health);
    const peak = running() ? peakRssBytes(pid) : undefined;
    const alive =
      running() &&
      (await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ));
    rows.push(
      {
        measure: 'peak memory (RSS) of the service process',
        ours: peak === undefined ? 'unknown' : megabytes(peak),
        baseline: '-',
        comparison: '-',
        target: `< ${megabytes(PEAK_RSS_TARGET)}`,
        met: peak !== undefined && peak < PEAK_RSS_TARGET,
      },
      {
        measure: `/healthz every ${POLL_EVERY_MS} ms meanwhile: p99 (${health.length} polls, ${healthFailures} failed)`,
        ours: `${p99.toFixed(1)} ms`,
        baseline: `${percentile99(idleTimes).toFixed(1)} ms (the service idle, ${idleTimes.length} polls)`,
        comparison: `${(p99 / percentile99(idleTimes)).toFixed(1)}× idle`,
        target: `< ${HEALTHZ_P99_TARGET_MS} ms, none failed`,
        met: p99 < HEALTHZ_P99_TARGET_MS && healthFailures === 0,
      },
      {
        measure: 'the same service process at the end',
        ours: alive
          ? `yes (pid ${pid})`
          : running()
            ? 'no: not answering'
            : `no: exited (${child.signalCode ?? child.exitCode})`,
        baseline: '-',
        comparison: '-',
        target: 'yes',
        met: alive,
      },
    );
    return rows;
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

export const hostile: BenchSection = {
  name: 'hostile',
  description: 'The hostile corpus sent one by one while /healthz is polled every 50 ms',
  run,
};
