// Opens the SQLite database through Kysely (so PostgreSQL can follow) and brings its schema up to date.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate, migrations } from './migrations.js';
import type { Database } from './schema.js';
import { Store } from './store.js';

export async function openStore(file: string): Promise<Store> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // Most of the file is returns' JSON, megabytes each: larger pages mean fewer to write and chain per
  // return. It takes effect only when the file is created; an existing database keeps its page size.
  sqlite.pragma('page_size = 32768');
  // WAL: readers never block the writer. FULL: a commit is on disk before the receipt goes out, so an
  // acknowledged return survives a power cut too, not only a killed process.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Another instance on the same file waits for the write lock instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrate(db, migrations);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new Store(db);
}
