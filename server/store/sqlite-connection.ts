// The one SQLite connection the store uses, as Kysely's SqliteDialect takes it: each statement
// prepared once, and the write-ahead log copied back into the database file by a thread of its own.
//
// Why a thread: SQLite copies the log into the file (a checkpoint) inside the commit that fills it, so
// one submission in every dozen or so would wait for tens of megabytes of returns to be copied and
// synced, on the thread that serves every request. better-sqlite3 is synchronous, so the copying goes
// to a second connection in a worker thread (checkpoint-worker.ts), told after each write.
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';
import { workersSizeTheirOwnHeaps } from '../worker-heaps.js';

/**
 * Statements kept prepared; the store's queries are a few dozen shapes, and a query with a list of
 * values (`in (…)`) makes one per length, so the oldest beyond this are let go.
 */
const MAX_STATEMENTS = 200;

/**
 * The log's size, in pages, beyond which the checkpointer waits for writers to pause and starts the log
 * again from the beginning: under a stream of writes that never pauses, a passive checkpoint copies
 * everything but the log cannot start over, and it would grow for as long as the writes go on.
 */
const RESTART_AT_PAGES = 4096;

/** How long the checkpointer is kept after the last write, in milliseconds. */
const IDLE_MS = 30_000;

/** How long closing waits for a checkpoint in progress to finish, in milliseconds. */
const STOP_WAIT_MS = 30_000;

/** The checkpointer's heap: it holds a connection and answers one message at a time. */
const CHECKPOINTER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };

/** `ts` when running from the sources, `js` once built: the checkpoint worker is the same. */
const sourceExtension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';

export interface CheckpointerOptions {
  file: string;
  restartAtPages: number;
  /** One Int32 the worker sets to 1, and notifies, once its connection is closed. */
  stopped: SharedArrayBuffer;
}

export function sqliteConnection(
  sqlite: SqliteDatabase.Database,
  file: string,
  { idleMs = IDLE_MS }: { idleMs?: number } = {},
): KyselySqliteDatabase {
  const checkpoints = sqlite.memory ? undefined : new Checkpoints(sqlite, file, idleMs);
  const written = checkpoints && (() => checkpoints.written());
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so the first is the one to let go.
        statements.delete(sql);
      } else {
        statement = preparedStatement(sqlite.prepare(sql), written);
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
    close() {
      checkpoints?.stop();
      sqlite.close();
    },
  };
}

/**
 * The checkpointer thread, started by the first write and let go once writes have paused for `idleMs`
 * (a service that nobody writes to, most of a month, keeps no thread for it). While there is none, the
 * connection checkpoints by itself, as SQLite does by default; there is nothing to copy then anyway.
 */
class Checkpoints {
  private worker: { thread: Worker; stopped: SharedArrayBuffer } | undefined;
  private idle: NodeJS.Timeout | undefined;
  /** A checkpointer that could not start or failed is not tried again. */
  private failed = false;
  private readonly autocheckpoint: number;

  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly file: string,
    private readonly idleMs: number,
  ) {
    this.autocheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  }

  /** After a write: the worker checkpoints once it is free. */
  written(): void {
    if (this.failed || this.sqlite.inTransaction) return;
    const worker = (this.worker ??= this.start());
    worker.thread.postMessage('written');
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.release(), this.idleMs).unref();
  }

  /** Stops the worker, once a checkpoint in progress has finished. */
  stop(): void {
    clearTimeout(this.idle);
    const worker = this.release();
    // Synchronous, as Kysely closes the connection; only while a checkpoint finishes. The worker closes
    // its connection first, so that the store's, the last, checkpoints what is left and removes the log,
    // as SQLite does when its last connection closes.
    if (worker) Atomics.wait(new Int32Array(worker.stopped), 0, 0, STOP_WAIT_MS);
  }

  private start(): NonNullable<Checkpoints['worker']> {
    // From now on only the worker checkpoints.
    this.sqlite.pragma('wal_autocheckpoint = 0');
    const stopped = new SharedArrayBuffer(4);
    workersSizeTheirOwnHeaps();
    // Compiled JavaScript once built; from the sources, Node strips the worker's types itself (it
    // imports no TypeScript module at run time, so it needs no loader).
    const thread = new Worker(new URL(`./checkpoint-worker.${sourceExtension}`, import.meta.url), {
      workerData: {
        file: this.file,
        restartAtPages: RESTART_AT_PAGES,
        stopped,
      } satisfies CheckpointerOptions,
      resourceLimits: CHECKPOINTER_HEAP,
    });
    // It must not keep a command from exiting; it is stopped before the connection closes.
    thread.unref();
    thread.on('error', () => {
      this.failed = true;
      if (this.worker?.thread === thread) this.release();
    });
    return { thread, stopped };
  }

  /** Lets the worker go (it finishes a checkpoint in progress first); the connection checkpoints itself. */
  private release(): Checkpoints['worker'] {
    const worker = this.worker;
    this.worker = undefined;
    if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`);
    worker?.thread.postMessage('stop');
    return worker;
  }
}

/** A prepared statement that tells the checkpointer when a write outside a transaction has been made. */
function preparedStatement(
  statement: SqliteDatabase.Statement,
  written: (() => void) | undefined,
): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(parameters),
    iterate: (parameters) => statement.iterate(parameters),
    run: (parameters) => {
      const result = statement.run(parameters);
      written?.();
      return result;
    },
  };
}
