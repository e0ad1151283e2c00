// What differs between the two databases the store runs on (SQLite and PostgreSQL): a few column types
// in migrations, and how a write transaction keeps concurrent writers apart. Everything else is the
// same Kysely query on both.
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type ColumnDataType, type Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Which database a Kysely instance (or transaction) talks to. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
export const dialectOf = (db: Kysely<any>): DialectName =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

/** Column types a migration writes once for both databases. */
export interface SchemaTypes {
  readonly dialect: DialectName;
  /**
   * A 64-bit integer: money in pence, epoch milliseconds. SQLite's `integer` is 64-bit already;
   * PostgreSQL's is 32-bit, so there it is `bigint` (read back as a number only while it is a safe
   * integer, see open.ts).
   */
  readonly bigint: ColumnDataType;
  /** Raw bytes (a composed e-mail). */
  readonly bytes: ColumnDataType;
  /** An auto-numbered integer primary key; an explicit id may still be inserted (`db copy`). */
  autoId(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

export function schemaTypes(dialect: DialectName): SchemaTypes {
  return dialect === 'postgres'
    ? {
        dialect,
        bigint: 'bigint',
        bytes: 'bytea',
        autoId: (c) => c.primaryKey().generatedByDefaultAsIdentity(),
      }
    : { dialect, bigint: 'integer', bytes: 'blob', autoId: (c) => c.primaryKey().autoIncrement() };
}

/**
 * One write transaction, all or nothing.
 *
 * SQLite: `begin immediate` takes the database's single write lock before the first read, so another
 * process on the same file waits its turn (busy_timeout) instead of failing when a read-then-write
 * transaction tries to upgrade; in this process Kysely's driver hands the one connection to one caller
 * at a time. That single writer is what keeps versions, If-Match and Idempotency-Key right on SQLite.
 *
 * PostgreSQL: an ordinary (read committed) transaction from the pool. Writers run side by side, so each
 * caller that reads before it writes takes the advisory lock it needs first (`advisoryLock`), and
 * unique constraints stay the last line of defence.
 */
export function writeTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/** Namespaces of the advisory locks, so two kinds of lock with the same name never collide. */
export const LOCK_SPACES = {
  migrations: 1,
  partnership: 2,
  /** Per council: its submissions (version numbers, If-Match, Idempotency-Key) one at a time. */
  council: 3,
  /** Per period: submissions hold it shared, locking or reopening the period holds it alone. */
  period: 4,
  /** Erasure, rectification and retention (DESIGN §11): one at a time, across instances. */
  personalData: 5,
  /** Per contact: its agreement reminders (the 07:00 run's and the CDO's) one at a time, so one a day. */
  agreementReminder: 6,
} as const;

/**
 * Takes a PostgreSQL transaction-level advisory lock (`pg_advisory_xact_lock`, released at commit or
 * rollback) on `name` within `space`; waits while another transaction holds it. On SQLite it does
 * nothing: the transaction already holds the one write lock.
 */
export async function advisoryLock<DB>(
  trx: Kysely<DB>,
  space: keyof typeof LOCK_SPACES,
  name: string,
  mode: 'exclusive' | 'shared' = 'exclusive',
): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  const key = LOCK_SPACES[space];
  // hashtext maps the name to the lock's second int4 key; a collision only makes two names wait for
  // each other, never lets two holders of one name in.
  await (
    mode === 'shared'
      ? sql`select pg_advisory_xact_lock_shared(${key}::int4, hashtext(${name}))`
      : sql`select pg_advisory_xact_lock(${key}::int4, hashtext(${name}))`
  ).execute(trx);
}
