// The store's SQLite connection: statements are prepared once, the write-ahead log is copied back into
// the database file by the checkpointer thread (never inside a request's commit), everything is in the
// file once the store closes, and a checkpointer that cannot start leaves SQLite checkpointing itself.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { openStore } from '../../../server/store/index.js';
import { sqliteConnection } from '../../../server/store/sqlite-connection.js';
import { testActor } from '../../helpers/actors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-connection-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fileSize = (file: string) => (existsSync(file) ? statSync(file).size : 0);

describe('the SQLite connection', () => {
  it('prepares each statement once, and lets the least recently used go beyond 200', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const prepare = vi.spyOn(sqlite, 'prepare');
    const connection = sqliteConnection(sqlite, ':memory:');
    try {
      expect(connection.prepare('select 1 as one').all([])).toEqual([{ one: 1 }]);
      expect(connection.prepare('select 1 as one').all([])).toEqual([{ one: 1 }]);
      expect(prepare).toHaveBeenCalledTimes(1);
      for (let i = 0; i < 200; i++) connection.prepare(`select ${i + 2} as n`);
      connection.prepare('select 1 as one');
      expect(prepare).toHaveBeenCalledTimes(202);
      // The most recently used of the 200 kept is still prepared.
      connection.prepare('select 201 as n');
      expect(prepare).toHaveBeenCalledTimes(202);
    } finally {
      connection.close();
    }
  });

  it('copies committed returns into the database file in its own thread, and all of it on close', async () => {
    const file = join(dir, 'store.sqlite');
    const store = await openStore(`sqlite:${file}`);
    const before = fileSize(file);
    const data = JSON.stringify(demoCouncilSubmission('cherwell', '2026-10'));
    // A few hundred kilobytes: far below the thousand pages after which SQLite would copy them itself.
    for (let version = 1; version <= 20; version++) {
      await store.appendSubmission({
        council: 'cherwell',
        period: '2026-10',
        data,
        submittedAt: '2026-11-02T09:00:00.000Z',
        actor: testActor(),
        source: 'cli',
        receipt: () => ({ version }),
      });
    }
    await vi.waitFor(() => expect(fileSize(file)).toBeGreaterThan(before + 20 * data.length), {
      timeout: 10_000,
    });
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new SqliteDatabase(file, { readonly: true });
    try {
      expect(reopened.prepare('select count(*) as n from submissions').get()).toEqual({ n: 20 });
    } finally {
      reopened.close();
    }
  });

  it('starts the checkpointer at the first write and lets it go once writes pause', async () => {
    const file = join(dir, 'store.sqlite');
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    const connection = sqliteConnection(sqlite, file, { idleMs: 300 });
    try {
      connection.prepare('create table t (x integer)').run([]);
      // Reads start nothing: SQLite still checkpoints by itself.
      connection.prepare('select count(*) as n from t').all([]);
      connection.prepare('insert into t values (1)').run([]);
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const checkpointed = fileSize(file);
      // The worker copies the log into the file, then is let go, and the connection checkpoints itself.
      await vi.waitFor(() => expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000), {
        timeout: 10_000,
      });
      await vi.waitFor(() => expect(fileSize(file)).toBeGreaterThan(checkpointed), { timeout: 10_000 });
      connection.prepare('insert into t values (2)').run([]);
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    } finally {
      connection.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('checkpoints by itself again when the checkpointer cannot start', async () => {
    const file = join(dir, 'store.sqlite');
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    const connection = sqliteConnection(sqlite, join(dir, 'missing', 'store.sqlite'));
    try {
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      connection.prepare('create table t (x integer)').run([]);
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await vi.waitFor(() => expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000), {
        timeout: 10_000,
      });
      connection.prepare('insert into t values (1)').run([]);
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      connection.close();
    }
  });
});
