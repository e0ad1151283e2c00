// The checkpointer (sqlite-connection.ts): a second connection to the store's SQLite file, in a thread
// of its own, that copies the write-ahead log back into the database file after writes, so that the
// thread serving requests never does. Only type imports from TypeScript modules: Node runs it as it is.
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import type { CheckpointerOptions } from './sqlite-connection.js';

const { file, restartAtPages, stopped } = workerData as CheckpointerOptions;

/** Tells the connection this thread is done with the file (it may be waiting to close, blocked). */
function signalStopped(): void {
  const flag = new Int32Array(stopped);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

let db: SqliteDatabase.Database;
try {
  db = new SqliteDatabase(file);
} catch (error) {
  // The connection goes back to checkpointing by itself when it hears of this error; a close that is
  // already waiting for this thread must not wait for it in vain.
  signalStopped();
  throw error;
}
// A checkpoint that must wait for the writer (RESTART) waits its turn rather than failing.
db.pragma('busy_timeout = 5000');

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

function checkpoint(): void {
  // PASSIVE copies what it can without waiting for anyone; the log starts over at the next write.
  const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
  if (passive && passive.log > restartAtPages) db.pragma('wal_checkpoint(RESTART)');
}

let scheduled = false;
parentPort!.on('message', (message: 'written' | 'stop') => {
  if (message === 'stop') {
    // Writes told before the stop are copied first: a checkpointer let go after a pause leaves none.
    if (scheduled) checkpoint();
    db.close();
    parentPort!.close();
    signalStopped();
    return;
  }
  // Writes told while a checkpoint ran are all covered by the next one.
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    if (db.open) checkpoint();
  });
});
