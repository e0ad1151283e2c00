// Worker threads that check JSON returns. Decoding and checking a 5,000-row return takes tens of
// milliseconds of CPU; on the thread that serves requests it would hold up every other request for
// that long, so it runs here, and that thread only receives the bytes and stores the result.
import { Worker } from 'node:worker_threads';
import type { Problem } from '../../shared/schemas.js';
import { HttpError, InvalidInput } from '../errors.js';
import type { CheckedReturn, ReturnContext } from './check-return.js';

export interface CheckTask {
  id: number;
  bytes: Uint8Array;
  context: ReturnContext;
  /** Also hash the request body (for an Idempotency-Key). */
  hashRequest: boolean;
}

/** How an error crosses between threads: the classes the error handler knows, or a plain message. */
export type CheckFailure =
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'http'; status: number; code: string; message: string }
  | { kind: 'crash'; message: string };

export type CheckOutcome = { id: number } & (
  { ok: true; checked: CheckedReturn } | { ok: false; failure: CheckFailure }
);

export function failureOf(error: unknown): CheckFailure {
  if (error instanceof InvalidInput) return { kind: 'invalid', problems: error.problems };
  if (error instanceof HttpError)
    return { kind: 'http', status: error.status, code: error.code, message: error.message };
  return { kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

function errorOf(failure: CheckFailure): Error {
  switch (failure.kind) {
    case 'invalid':
      return new InvalidInput(failure.problems);
    case 'http':
      return new HttpError(failure.status, failure.code, failure.message);
    case 'crash':
      return new Error(`checking the return failed: ${failure.message}`);
  }
}

const WORKER_FILE = new URL('./check-worker.mjs', import.meta.url);

interface Pending {
  resolve(checked: CheckedReturn): void;
  reject(error: Error): void;
}

/** A fixed number of workers, started when first needed; tasks wait their turn in order. */
export class CheckPool {
  private readonly idle: Worker[] = [];
  private readonly live = new Set<Worker>();
  private readonly waiting: { task: CheckTask; pending: Pending }[] = [];
  private readonly running = new Map<Worker, { id: number; pending: Pending }>();
  private nextId = 1;

  constructor(private readonly size: number) {}

  check(bytes: Uint8Array, context: ReturnContext, hashRequest: boolean): Promise<CheckedReturn> {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        task: { id: this.nextId++, bytes, context, hashRequest },
        pending: { resolve, reject },
      });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length) {
      const worker = this.idle.pop() ?? (this.live.size < this.size ? this.start() : undefined);
      if (!worker) return;
      const { task, pending } = this.waiting.shift()!;
      this.running.set(worker, { id: task.id, pending });
      // A busy worker keeps the process alive until its answer arrives; an idle one does not.
      worker.ref();
      worker.postMessage(task);
    }
  }

  private start(): Worker {
    // Checking a return makes tens of megabytes of short-lived objects; with room for them in the young
    // generation they die there instead of being promoted and collected again (about 15% less CPU).
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    this.live.add(worker);
    worker.on('message', (outcome: CheckOutcome) => {
      const current = this.running.get(worker);
      if (!current || current.id !== outcome.id) return;
      this.running.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (outcome.ok) current.pending.resolve(outcome.checked);
      else current.pending.reject(errorOf(outcome.failure));
      this.dispatch();
    });
    // An uncaught error is followed by 'exit': the first of the two retires the worker.
    const lost = (error: Error) => {
      if (!this.live.delete(worker)) return;
      const current = this.running.get(worker);
      this.running.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      current?.pending.reject(error);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`a check worker stopped (exit code ${code})`)));
    return worker;
  }
}
