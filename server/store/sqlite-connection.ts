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

/** How long closing waits for a checkpoint in progress to finish, in milliseconds. */
const STOP_WAIT_MS = 30_000;

export interface CheckpointerOptions {
  file: string;
  restartAtPages: number;
  /** One Int32 the worker sets to 1, and notifies, once its connection is closed. */
  stopped: SharedArrayBuffer;
}

export function sqliteConnection(sqlite: SqliteDatabase.Database, file: string): KyselySqliteDatabase {
  const checkpoints = sqlite.memory ? undefined : startCheckpointer(sqlite, file);
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so the first is the one to let go.
        statements.delete(sql);
      } else {
        statement = preparedStatement(sqlite.prepare(sql), checkpoints?.written);
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

interface Checkpoints {
  /** After a write: the worker checkpoints once it is free. */
  written(): void;
  /** Stops the worker, once a checkpoint in progress has finished. */
  stop(): void;
}

function startCheckpointer(sqlite: SqliteDatabase.Database, file: string): Checkpoints {
  // Until now the connection checkpointed by itself; from now on only the worker does.
  const autocheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  const stopped = new SharedArrayBuffer(4);
  // Node strips the worker's types itself: it imports no TypeScript module at run time, so it needs no
  // loader (a loader in a thread of its own would cost more memory than the worker).
  const checkpointer = new Worker(new URL('./checkpoint-worker.ts', import.meta.url), {
    workerData: { file, restartAtPages: RESTART_AT_PAGES, stopped } satisfies CheckpointerOptions,
  });
  // It must not keep a command from exiting; it is stopped before the connection closes.
  checkpointer.unref();
  let running = true;
  // A checkpointer that could not start or has failed: this connection checkpoints by itself again.
  checkpointer.on('error', () => {
    running = false;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
  });
  return {
    written() {
      if (running && !sqlite.inTransaction) checkpointer.postMessage('written');
    },
    stop() {
      // The worker closes its connection first, so that the store's, the last, checkpoints what is left
      // and removes the log, as SQLite does when its last connection closes.
      if (!running) return;
      running = false;
      checkpointer.postMessage('stop');
      // Synchronous, as Kysely closes the connection; only while a checkpoint finishes.
      Atomics.wait(new Int32Array(stopped), 0, 0, STOP_WAIT_MS);
    },
  };
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
