// The checkpointer (sqlite-connection.ts): a second connection to the store's SQLite file, in a thread
// of its own, that copies the write-ahead log back into the database file after writes, so that the
// thread serving requests never does. Only type imports from TypeScript modules: Node runs it as it is.
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import type { CheckpointerOptions } from './sqlite-connection.js';

const { file, restartAtPages, stopped } = workerData as CheckpointerOptions;
const db = new SqliteDatabase(file);
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
    db.close();
    parentPort!.close();
    const flag = new Int32Array(stopped);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
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
