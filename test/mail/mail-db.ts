// A SQLite file with only the outbox tables, opened the way the service opens its database (WAL, busy
// timeout), so several connections (workers, processes) can share it.
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createMailOutboxTables, type MailTables } from '../../server/store/mail-tables.js';
import { schemaTypes } from '../../server/store/dialect.js';

export async function openMailDb(file: string, create: boolean): Promise<Kysely<MailTables>> {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<MailTables>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (create) await createMailOutboxTables(db, schemaTypes('sqlite'));
  return db;
}
