// Opens the store on SQLite or PostgreSQL (DATABASE_URL) through Kysely and brings its schema up to date.
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Dialect } from 'kysely';
import { createRequire } from 'node:module';
import type * as Pg from 'pg';
import type PgCursor from 'pg-cursor';
import { dataFolderProblem, keepPrivate } from '../data-folder.js';
import { parseDatabaseUrl, withoutPassword, type DatabaseLocation } from '../config.js';
import { migrate, migrations } from './migrations.js';
import type { Database } from './schema.js';
import { sqliteConnection } from './sqlite-connection.js';
import { storeOn, type Store } from './store.js';

/** Connections one instance keeps to PostgreSQL; several instances share the server's own limit. */
const POSTGRES_POOL_SIZE = 10;
/** How long a request waits for a connection to PostgreSQL (a new one, or a free one of the pool). */
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * The database cannot be opened for a reason an operator fixes (a folder or database that does not
 * exist, a server that does not answer, a wrong role or password): one line naming it, password hidden.
 */
export class StoreOpenError extends Error {
  constructor(
    /** The database, its password hidden. */
    readonly database: string,
    /** Why, in the words of the driver or the file system. */
    readonly reason: string,
    /** The folder of a SQLite file, when it is that folder that does not exist. */
    readonly missingFolder?: string,
  ) {
    super(`Cannot open the database ${database}: ${reason}.`);
  }
}

const described = (location: DatabaseLocation): string =>
  location.kind === 'postgres' ? withoutPassword(location.url) : `sqlite:${location.file}`;

/** Opens the database at a DATABASE_URL (or a plain SQLite path) and applies pending migrations. */
export async function openStore(url: string | DatabaseLocation): Promise<Store> {
  const location = typeof url === 'string' ? parseDatabaseUrl(url) : url;
  const db = new Kysely<Database>({ dialect: openDialect(location) });
  try {
    // Reached first, so that failing to connect is told apart from a migration that fails.
    await sql`select 1`.execute(db).catch((error: unknown) => {
      throw new StoreOpenError(described(location), oneLine(error));
    });
    await migrateWhenFree(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return storeOn(db);
}

/** The driver's message, without the stack or the lines PostgreSQL adds. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim() || String((error as { code?: unknown }).code ?? 'no answer');
}

/** How long start-up waits for another instance on the same SQLite file to let go of its write lock. */
const START_UP_WAIT_MS = 120_000;

/**
 * Applies the migrations. On SQLite an instance starting beside another that is loading the demo (many
 * short write transactions back to back) can miss the write lock for longer than busy_timeout; it
 * starts again until the other is done, rather than failing to start.
 */
async function migrateWhenFree(db: Kysely<Database>): Promise<void> {
  const giveUpAt = Date.now() + START_UP_WAIT_MS;
  for (;;) {
    try {
      await migrate(db, migrations);
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export function openDialect(location: DatabaseLocation): Dialect {
  return location.kind === 'postgres' ? postgresDialect(location.url) : sqliteDialect(location.file);
}

function sqliteDialect(file: string): Dialect {
  if (file !== ':memory:') {
    const problem = dataFolderProblem(dirname(file));
    if (problem) throw new StoreOpenError(`sqlite:${file}`, problem, resolve(dirname(file)));
    keepPrivate(file);
  }
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
  return new SqliteDialect({ database: sqliteConnection(sqlite, file) });
}

const INT8_OID = 20;

/**
 * PostgreSQL `bigint` (money in pence, epoch milliseconds, counts) arrives as text; it is read as a
 * number only while it is a safe integer, and anything larger fails the query rather than come back
 * rounded. Set on the driver for the whole process: every pool and cursor reads bigint the same way.
 */
export function readBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(
      `The database holds ${text}, beyond the largest whole number the service can use exactly`,
    );
  return value;
}

/**
 * The PostgreSQL driver, loaded (with its bigint parser set) when the first PostgreSQL database is opened:
 * a service on SQLite never needs it, and it is about 1 MB of heap for as long as the process runs.
 * Required, not imported, so that opening a dialect stays synchronous.
 */
let postgresDriver: { pg: typeof Pg; Cursor: typeof PgCursor } | undefined;

function loadPostgresDriver(): { pg: typeof Pg; Cursor: typeof PgCursor } {
  if (!postgresDriver) {
    const require = createRequire(import.meta.url);
    const pg = require('pg') as typeof Pg;
    pg.types.setTypeParser(INT8_OID, readBigint);
    postgresDriver = { pg, Cursor: require('pg-cursor') as typeof PgCursor };
  }
  return postgresDriver;
}

function postgresDialect(url: string): Dialect {
  const { pg, Cursor } = loadPostgresDriver();
  // A database that stops answering fails a request (and /readyz) instead of holding it open for ever;
  // the same wait bounds a request queued for a free connection, so it is generous enough for a burst
  // of submissions that take turns on one council's lock.
  const pool = new pg.Pool({
    connectionString: url,
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle connection the server dropped (restart, failover) is discarded by the pool; without a
  // listener its error would stop the process.
  pool.on('error', () => undefined);
  // A dropped connection can report twice (the socket's error, then its end), and the pool listens only
  // for the first: each connection keeps a listener of its own, so the second cannot stop the process
  // either. A query in progress still fails with the error, and the API answers 503.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new PostgresDialect({ pool, cursor: Cursor });
}
