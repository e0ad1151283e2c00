// The hostile corpus (test/server/hostile/corpus.ts) sent to a running service one request after another, while
// another client polls /healthz every 50 ms: each case's answer and time against the answer it must get,
// then the service's peak memory, the /healthz p99 while it worked, and whether it is the same process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { worstReturn, WORST_COUNCIL, WORST_PERIOD } from '../test/server/helpers/worst-return.js';
import { hostileCorpus } from '../test/server/hostile/corpus.js';
import { sendCase } from '../test/server/hostile/send.js';
import { spawnService } from '../test/server/helpers/spawn-service.js';
import { megabytes, seconds, type BenchSection, type Measure } from './report.js';
import { SERVICE_FLAGS, SERVICE_MALLOC } from '../bin/service-memory.js';

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
const PEAK_RSS_TARGET = 600 * 1024 * 1024;
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
  // With the memory settings `shared-cdo serve` runs with, so the peak measured is the service's as run.
  const { url, token, child } = await spawnService(
    {
      ...SERVICE_MALLOC,
      DATABASE_URL: `sqlite:${join(dir, 'hostile.sqlite')}`,
      MAX_VERSIONS_PER_PERIOD: '1000',
    },
    SERVICE_FLAGS,
  );
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
    rows.push(await unreadAnswers(url, token), await slowBodies(url, token));
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

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Opens a connection and sends a submission's headers and the first `send` bytes of `body`. */
function startUpload(url: string, token: string, length: number, send: Buffer): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => undefined);
  const head =
    `POST /api/v1/councils/${WORST_COUNCIL}/submissions?period=${WORST_PERIOD} HTTP/1.1\r\n` +
    `Host: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: ${XLSX}\r\n` +
    `Content-Length: ${length}\r\n\r\n`;
  return new Promise((resolve) =>
    socket.once('connect', () => {
      socket.write(head);
      socket.write(send, () => resolve(socket));
    }),
  );
}

const UNREAD_CLIENTS = 10;
/** How long the unread answers are left with the service: past the decodes of all ten. */
const UNREAD_WAIT_MS = 45_000;

/**
 * Ten clients send the worst return (every cell of 50,000 rows wrong in two sheets) and never read what
 * comes back: each answer is a bounded 422, decoded two at a time, and left unread it costs the service
 * a socket buffer, not the problem list.
 */
async function unreadAnswers(url: string, token: string): Promise<Measure> {
  const body = await worstReturn();
  const sockets = await Promise.all(
    Array.from({ length: UNREAD_CLIENTS }, () => startUpload(url, token, body.length, body)),
  );
  // Never read: the answers stay with the service (and the kernel) until the connections go.
  for (const socket of sockets) socket.pause();
  await new Promise((resolve) => setTimeout(resolve, UNREAD_WAIT_MS));
  const answering = await fetch(`${url}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  for (const socket of sockets) socket.destroy();
  return {
    measure: `${UNREAD_CLIENTS} clients upload the worst return (${megabytes(body.length)}, 1,049,978 problems) and never read`,
    ours: answering ? `still answering after ${seconds(UNREAD_WAIT_MS)}` : 'not answering',
    baseline: 'before: 3.6 GB resident, /healthz 2–3.5 s',
    comparison: '-',
    target: 'answering; memory and /healthz below',
    met: answering,
  };
}

const SLOW_CLIENTS = 60;
const SLOW_BODY_BYTES = Math.round(9.5 * 1024 * 1024);
const SLOW_SEND_MS = 15_000;

/**
 * Sixty clients each start a 9.5 MB upload and trickle it (64 KB a second), then give up: the bodies
 * wait in the spool's files, not in memory, and past the 128 MB budget new ones are refused with 503.
 */
async function slowBodies(url: string, token: string): Promise<Measure> {
  const chunk = Buffer.alloc(64 * 1024, 0x50);
  const sockets = await Promise.all(
    Array.from({ length: SLOW_CLIENTS }, () => startUpload(url, token, SLOW_BODY_BYTES, chunk)),
  );
  const refused = sockets.map(
    (socket) =>
      new Promise<boolean>((resolve) => {
        socket.once('data', (data: Buffer) => resolve(data.toString('latin1').startsWith('HTTP/1.1 503')));
        socket.once('close', () => resolve(false));
      }),
  );
  const trickle = setInterval(() => {
    for (const socket of sockets) if (!socket.destroyed) socket.write(chunk);
  }, 1000);
  await new Promise((resolve) => setTimeout(resolve, SLOW_SEND_MS));
  clearInterval(trickle);
  for (const socket of sockets) socket.destroy();
  const busy = (await Promise.all(refused)).filter(Boolean).length;
  // 128 MB holds 13 bodies of 9.5 MB; the other 47 are refused at once.
  return {
    measure: `${SLOW_CLIENTS} clients trickle a ${megabytes(SLOW_BODY_BYTES)} body for ${seconds(SLOW_SEND_MS)}, then give up`,
    ours: `${SLOW_CLIENTS - busy} held in the spool, ${busy} refused with 503`,
    baseline: 'before: every body held whole in memory, 508 MB for up to 300 s',
    comparison: '-',
    target: `${SLOW_CLIENTS - 13} refused with 503`,
    met: busy === SLOW_CLIENTS - 13,
  };
}

export const hostile: BenchSection = {
  name: 'hostile',
  description:
    'The hostile corpus sent one by one, then ten unread worst returns and sixty slow bodies, while /healthz is polled every 50 ms',
  run,
};
