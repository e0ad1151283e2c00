// `shared-cdo db copy` (DESIGN §9.4): every row of every table of one store into another, empty one —
// SQLite to PostgreSQL when a partnership moves house, or back. Both are migrated to the same schema
// first; the target is written in one transaction, so a failed copy leaves it empty.
import { sql, type Kysely } from 'kysely';
import { dialectOf, writeTransaction } from './dialect.js';
import type { Store } from './store.js';

export interface CopiedTable {
  table: string;
  rows: number;
}

/** The target database holds rows already: `table` has `rows` of them (`db copy` says so to people). */
export class TargetNotEmpty extends Error {
  constructor(
    readonly table: string,
    readonly rows: number,
  ) {
    super(`The target database is not empty: ${table} has ${rows} rows`);
  }
}

/** Rows per insert: well under either database's limit on bound parameters. */
const BATCH_ROWS = 100;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, whatever its columns
type AnyDb = Kysely<any>;

/**
 * Tables of one database's own running, not data: request counters and start-up claims are neither copied
 * nor make a database "not empty".
 */
const NOT_COPIED = new Set(['schema_migrations', 'rate_limits', 'startup_claims']);

/**
 * The store's tables in the order they were created (schema_migrations, rate_limits and startup_claims excepted). Migrations create a
 * table after the tables it refers to, so copying in this order never inserts a row before its parent.
 */
export async function tablesInCreationOrder(db: AnyDb): Promise<string[]> {
  const rows =
    dialectOf(db) === 'postgres'
      ? // A table's oid grows with its creation, within one database's history.
        await sql<{ name: string }>`
          select c.relname as name from pg_class c
          where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace
          order by c.oid`.execute(db)
      : await sql<{ name: string }>`
          select name from sqlite_master
          where type = 'table' and name not like 'sqlite\\_%' escape '\\'
          order by rowid`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !NOT_COPIED.has(name));
}

export async function countRows(db: AnyDb, table: string): Promise<number> {
  const result = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(result.n);
}

/** Copies every table of `from` into `to`, which must hold no rows; returns the rows copied per table. */
export async function copyStore(from: Store, to: Store): Promise<CopiedTable[]> {
  const source = from.db as AnyDb;
  const target = to.db as AnyDb;
  const tables = await tablesInCreationOrder(source);
  const targetTables = new Set(await tablesInCreationOrder(target));
  const missing = tables.filter((t) => !targetTables.has(t));
  if (missing.length > 0)
    throw new Error(`The target database has no table ${missing.join(', ')}: is it older than the source?`);
  for (const table of targetTables) {
    const rows = await countRows(target, table);
    if (rows > 0) throw new TargetNotEmpty(table, rows);
  }
  // The source is read in one transaction too, so the copy is one moment of it even if it is in use
  // (repeatable read on PostgreSQL; a SQLite read transaction sees one snapshot of the WAL).
  const reading = source.transaction();
  const snapshot = dialectOf(source) === 'postgres' ? reading.setIsolationLevel('repeatable read') : reading;
  return snapshot.execute((read) =>
    writeTransaction(target, async (trx) => {
      const copied: CopiedTable[] = [];
      for (const table of tables) copied.push({ table, rows: await copyTable(read, trx, table) });
      if (dialectOf(trx) === 'postgres') await advanceIdentities(trx, tables);
      return copied;
    }),
  );
}

async function copyTable(source: AnyDb, target: AnyDb, table: string): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length > 0) await target.insertInto(table).values(batch).execute();
    rows += batch.length;
    batch = [];
  };
  // Streamed, so a database larger than memory copies in constant space.
  for await (const row of source.selectFrom(table).selectAll().stream(BATCH_ROWS)) {
    batch.push(row as Record<string, unknown>);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return rows;
}

/**
 * Ids were copied as they were; PostgreSQL's identity sequences do not see explicit ids, so each is
 * moved past the largest copied (SQLite's AUTOINCREMENT follows explicit ids by itself).
 */
async function advanceIdentities(trx: AnyDb, tables: readonly string[]): Promise<void> {
  const identities = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(trx);
  for (const { table_name: table, column_name: column } of identities.rows) {
    if (!tables.includes(table)) continue;
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
      coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
  }
}
