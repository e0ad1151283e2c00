// Untrusted uploads — council returns (JSON or workbook) and the partnership workbook — are decoded and
// checked in a Piscina pool of worker threads, never on the thread that serves requests. Each worker has
// its own memory limit and each task a wall-clock limit: a decode that runs out of either ends that one
// request with a plain 413 or 422, Piscina replaces the worker, and every other request goes on.
import { Piscina } from 'piscina';
import type { Partnership, Problem } from '../../../shared/schemas.js';
import type { DecodeLimits } from '../../config.js';
import { HttpError, InvalidInput } from '../../errors.js';
import { workersSizeTheirOwnHeaps } from '../../worker-heaps.js';
import { storable, type CheckedReturn, type ReturnContext, type StorableReturn } from '../check-return.js';
import { BusyError } from '../spool.js';

/** An upload's bytes as a worker gets them: moved or copied to it, or the spooled file it reads itself. */
export type TaskBody = { kind: 'json' | 'xlsx' } & ({ bytes: Uint8Array } | { file: string });

/** Decode a council's return (JSON bytes or a workbook) and check it for storing. */
export type ReturnTask = TaskBody & {
  task: 'return';
  context: ReturnContext;
  /** Also hash the request body (for an Idempotency-Key). */
  hashRequest: boolean;
};

/** Decode the partnership settings (JSON or the partnership workbook), or the problems that stop them. */
export type PartnershipTask = TaskBody & { task: 'partnership' };

export type DecodeTask = ReturnTask | PartnershipTask;

/** How an error crosses between threads: the classes the error handler knows, or a plain message. */
export type DecodeFailure =
  | { kind: 'invalid'; problems: Problem[]; problemCount: number }
  | { kind: 'http'; status: number; code: string; message: string };

export type DecodeOutcome<T> = { ok: true; value: T } | { ok: false; failure: DecodeFailure };

/** What the worker sends back: expected refusals as values; anything else is thrown and logged here. */
export function failureOf(error: unknown): DecodeFailure {
  if (error instanceof InvalidInput)
    return { kind: 'invalid', problems: error.problems, problemCount: error.problemCount };
  if (error instanceof HttpError)
    return { kind: 'http', status: error.status, code: error.code, message: error.message };
  throw error;
}

function errorOf(failure: DecodeFailure): Error {
  return failure.kind === 'invalid'
    ? new InvalidInput(failure.problems, failure.problemCount)
    : new HttpError(failure.status, failure.code, failure.message);
}

/** Uploads decoded at once: each can take a core and a worker's memory. */
const WORKERS = 2;
/** Uploads waiting for a worker; beyond this the service is busy (503) rather than queueing without end. */
const MAX_WAITING = 32;
/** How long a worker with nothing to do is kept before it is let go, in milliseconds. */
const IDLE_MS = 30_000;
/**
 * A worker's young generation, in megabytes: an eighth of its memory, at most this. Checking a return
 * makes tens of megabytes of short-lived objects; with room for them there they die young instead of being
 * promoted and collected again: a 5,000-row return takes about a quarter less processor time than with
 * 16 MB, and a third less than with the 12 MB `serve`'s flags gave workers before. 64 MB was quicker
 * still, but two workers reading the worst return then held over 600 MB (`npm run bench hostile`).
 */
const MAX_YOUNG_GENERATION_MB = 32;

/**
 * A worker's heap within `memoryMb` (DECODE_MEMORY_MB), young and old generations together, so two workers
 * at their limit hold no more than twice that between them.
 */
export function workerHeap(memoryMb: number): { youngMb: number; oldMb: number } {
  const youngMb = Math.min(MAX_YOUNG_GENERATION_MB, Math.floor(memoryMb / 8));
  return { youngMb, oldMb: memoryMb - youngMb };
}

/**
 * The worker's module: compiled JavaScript beside this one once built; from the TypeScript sources (in
 * development and tests), a small module that registers tsx in the worker first.
 */
const WORKER_FILE = new URL(import.meta.url.endsWith('.ts') ? './worker.mjs' : './worker.js', import.meta.url)
  .href;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Bytes with an ArrayBuffer of their own (a request body of any size has one) can be moved, not copied. */
function movableBuffer(body: TaskBody): ArrayBuffer[] {
  if (!('bytes' in body)) return [];
  const { bytes } = body;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? [bytes.buffer as ArrayBuffer] : [];
}

export class DecodePool {
  private readonly pool: Piscina<DecodeTask, DecodeOutcome<unknown>>;

  constructor(
    private readonly limits: DecodeLimits,
    private readonly onFailure: (error: unknown) => void = () => undefined,
  ) {
    const heap = workerHeap(limits.memoryMb);
    workersSizeTheirOwnHeaps();
    this.pool = new Piscina({
      filename: WORKER_FILE,
      // No worker until the first upload, and none kept once uploads stop: each costs tens of megabytes
      // of memory (README, "What it costs"), and most of a month no council is sending anything. The
      // first upload after a quiet spell waits for a worker to load its modules (about half a second).
      minThreads: 0,
      maxThreads: WORKERS,
      idleTimeout: IDLE_MS,
      maxQueue: MAX_WAITING,
      resourceLimits: {
        maxOldGenerationSizeMb: heap.oldMb,
        maxYoungGenerationSizeMb: heap.youngMb,
        stackSizeMb: 4,
      },
    });
  }

  /**
   * Checks a return in a worker. With `handOver`, the caller is done with the bytes: when they have an
   * ArrayBuffer of their own (a request body of any size does), it is moved to the worker rather than
   * copied, and the bytes read as empty here from then on.
   */
  async checkReturn(
    task: DistributiveOmit<ReturnTask, 'task'>,
    { handOver = false } = {},
  ): Promise<CheckedReturn> {
    const transferList = handOver ? movableBuffer(task) : [];
    return storable(await this.run<StorableReturn>({ ...task, task: 'return' }, transferList));
  }

  readPartnership(task: TaskBody): Promise<Partnership> {
    return this.run<Partnership>({ ...task, task: 'partnership' });
  }

  /** Stops the workers (at the end of a command or of the service). */
  close(): Promise<void> {
    return this.pool.close({ force: true });
  }

  private async run<T>(task: DecodeTask, transferList: ArrayBuffer[] = []): Promise<T> {
    const signal = AbortSignal.timeout(this.limits.timeLimitMs);
    let outcome: DecodeOutcome<unknown>;
    try {
      outcome = await this.pool.run(task, { signal, transferList });
    } catch (error) {
      throw this.lost(error, signal.aborted);
    }
    if (!outcome.ok) throw errorOf(outcome.failure);
    return outcome.value as T;
  }

  /** A worker that overran, ran out of memory or died: this request gets a plain refusal. */
  private lost(error: unknown, timedOut: boolean): HttpError {
    const code = (error as { code?: unknown }).code;
    if (timedOut) {
      return new HttpError(
        422,
        'decode-timeout',
        `This upload took longer than ${this.limits.timeLimitMs / 1000} seconds to read, more than any return or partnership needs; it was refused.`,
      );
    }
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new HttpError(
        413,
        'decode-out-of-memory',
        'This upload needs more memory to read than any return or partnership needs; it was refused.',
      );
    }
    if (error instanceof Error && /queue is at limit/i.test(error.message)) {
      return new BusyError('The service is reading many uploads just now; try again in a minute.');
    }
    this.onFailure(error);
    return new HttpError(422, 'decode-failed', 'This upload could not be read; it was refused.');
  }
}
