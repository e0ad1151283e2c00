// Versioned schema migrations, applied in array order at start-up; each runs once, in a transaction.
// Append new entries at the end (never edit or reorder one that has shipped).
// One list for SQLite and PostgreSQL: a migration writes its column types through `SchemaTypes`
// (dialect.ts) where the two differ, and test/server/store-schema.test.ts checks both end up alike.
import { sql, type Kysely } from 'kysely';
import { TOKEN_DAYS } from '../../shared/api.js';
import { createMailOutboxTables, widenMailKinds } from './mail-tables.js';
import { createYearTables } from './year-tables.js';
import { advisoryLock, dialectOf, schemaTypes, writeTransaction, type SchemaTypes } from './dialect.js';

export interface Migration {
  /** Sequence number: 1, 2, 3, ... in array order. */
  readonly id: number;
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
  up(db: Kysely<any>, types: SchemaTypes): Promise<void>;
}

export const migrations: Migration[] = [
  {
    id: 1,
    name: 'initial',
    async up(db, t) {
      await db.schema
        .createTable('partnership_versions')
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('councils')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('membership', 'text', (c) => c.notNull())
        .addColumn('partnership_version', 'integer', (c) =>
          c.notNull().references('partnership_versions.version'),
        )
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('id', 'integer', t.autoId)
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) =>
          c.notNull().check(sql`role in ('admin', 'cdo', 'council', 'viewer')`),
        )
        .addColumn('council', 'text')
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addCheckConstraint('council_token_has_council', sql`(role = 'council') = (council is not null)`)
        .execute();
      await db.schema
        .createTable('submissions')
        .addColumn('id', 'integer', t.autoId)
        .addColumn('council', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('token_id', 'integer', (c) => c.references('tokens.id'))
        .addColumn('submitted_by', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('addin', 'upload', 'cli')`))
        .addColumn('idempotency_key', 'text')
        .addColumn('request_hash', 'text')
        .addColumn('receipt', 'text', (c) => c.notNull())
        .addUniqueConstraint('submissions_one_number_per_version', ['council', 'period', 'version'])
        .addUniqueConstraint('submissions_idempotency', ['council', 'idempotency_key'])
        .execute();
      if (t.dialect === 'postgres') await compressWithLz4(db, 'submissions', 'data');
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'integer', t.autoId)
        .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('accepted', 'returned')`))
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', 'text', (c) => c.notNull())
        .addColumn('reviewed_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reviews_by_submission').on('reviews').column('submission_id').execute();
      await db.schema
        .createTable('period_locks')
        .addColumn('period', 'text', (c) => c.primaryKey())
        .addColumn('locked_at', 'text', (c) => c.notNull())
        .addColumn('locked_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', t.autoId)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
    },
  },
  // The e-mail outbox and its sender lease (server/mail/outbox.ts).
  { id: 2, name: 'mail outbox', up: createMailOutboxTables },
  {
    id: 3,
    name: 'submission row digests',
    // Lets a receipt compare row digests instead of reparsing the previous version; null on older rows.
    async up(db, t) {
      await db.schema.alterTable('submissions').addColumn('row_digest', 'text').execute();
      if (t.dialect === 'postgres') await compressWithLz4(db, 'submissions', 'row_digest');
    },
  },
  {
    id: 4,
    name: 'token lifecycle and audit trail',
    async up(db, t) {
      // Tokens made before tokens expired get the default lifetime from the upgrade on, not "never"
      // (a column added NOT NULL needs a default; every row then gets its date).
      await db.schema
        .alterTable('tokens')
        .addColumn('expires_at', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      const lifetimeMs = TOKEN_DAYS.default * 86_400_000;
      await db
        .updateTable('tokens')
        .set({ expires_at: new Date(Date.now() + lifetimeMs).toISOString() })
        .execute();
      await db.schema.alterTable('tokens').addColumn('last_used_at', 'text').execute();
      // The audit log gains who (by which sign-in), which council and period, and the outcome. Rows
      // already written keep what they had: columns are renamed and added, no row is rewritten.
      await db.schema.alterTable('audit_log').renameColumn('actor', 'actor_label').execute();
      await db.schema.alterTable('audit_log').renameColumn('subject', 'target').execute();
      await db.schema
        .alterTable('audit_log')
        .addColumn('actor_via', 'text', (c) => c.notNull().defaultTo('unknown'))
        .execute();
      await db.schema
        .alterTable('audit_log')
        .addColumn('actor_id', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.alterTable('audit_log').addColumn('council', 'text').execute();
      await db.schema.alterTable('audit_log').addColumn('period', 'text').execute();
      await db.schema
        .alterTable('audit_log')
        .addColumn('status', 'integer', (c) => c.notNull().defaultTo(200))
        .execute();
      await db.schema.createIndex('audit_log_by_time').on('audit_log').column('at').execute();
      await refuseChanges(db, t, 'audit_log');
    },
  },
  {
    id: 5,
    name: 'single-use download links',
    // Each signed download link's id once it has been used (server/routes/download-links.ts).
    up: (db) =>
      db.schema
        .createTable('download_links_used')
        .addColumn('jti', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute(),
  },
  {
    id: 6,
    name: 'users and tenants',
    async up(db, t) {
      // Microsoft 365 people (DESIGN §9.1): a user is matched on tenant and lower-cased sign-in name; a
      // tenant registered to a council makes any other person of it a council user of that council.
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', t.autoId)
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) =>
          c.notNull().check(sql`role in ('admin', 'cdo', 'council', 'viewer')`),
        )
        .addColumn('council', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('council_user_has_council', sql`(role = 'council') = (council is not null)`)
        .addUniqueConstraint('users_one_per_person', ['tenant_id', 'email'])
        .execute();
      await db.schema
        .createTable('tenants')
        .addColumn('id', 'integer', t.autoId)
        .addColumn('tenant_id', 'text', (c) => c.notNull().unique())
        .addColumn('council', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    id: 7,
    name: 'personal data erasure',
    // DESIGN §11: erasure and retention pseudonymise who is named in audit rows. The audit log stays
    // append-only for everything else: see allowPersonalDataUpdates.
    async up(db, t) {
      // Versions the retention run has been through, so that each later run reads only new ones.
      await db.schema.alterTable('submissions').addColumn('pseudonymised_at', 'text').execute();
      await db.schema
        .createTable('personal_data_grant')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();
      await allowPersonalDataUpdates(db, t, 'audit_log');
    },
  },
  {
    id: 8,
    name: 'shared limits, start-up claims and no audit row replaced',
    async up(db, t) {
      // Request counters every instance shares (DESIGN §9.5): hits in the window that ends at reset_at
      // (milliseconds since 1970).
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('reset_at', 'bigint', (c) => c.notNull())
        .execute();
      // One row per start-up job done once for the database (the demo load): the instance that inserts
      // it does the job; instances starting beside it see the row and do not.
      await db.schema
        .createTable('startup_claims')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .execute();
      // SQLite's INSERT OR REPLACE deletes the row it replaces without firing delete triggers; a row
      // whose id exists already is refused before that can happen. (PostgreSQL's primary key refuses
      // it, and an upsert's update meets the update trigger.)
      if (t.dialect === 'sqlite') {
        const message = 'The audit_log table is append-only: its rows cannot be replaced';
        await sql`create trigger audit_log_no_replace before insert on audit_log
          when exists (select 1 from audit_log where id = new.id)
          begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
      }
    },
  },
  // Agreements of a year's cost shares, councils' decisions and year closes (DESIGN §10).
  { id: 9, name: 'agreements and year closes', up: createYearTables },
  // The e-mails of the partnership's year: proposals, their reminders and final statements (DESIGN §10).
  { id: 10, name: 'e-mails of the partnership year', up: widenMailKinds },
];

/**
 * Makes a table append-only in the database itself: any UPDATE or DELETE (and on PostgreSQL a
 * TRUNCATE) fails, whoever sends it, so no route, command or later migration can rewrite history.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
async function refuseChanges(db: Kysely<any>, t: SchemaTypes, table: string): Promise<void> {
  const message = `The ${table} table is append-only: its rows cannot be changed or deleted`;
  if (t.dialect === 'postgres') {
    await sql`create or replace function refuse_change() returns trigger language plpgsql as $$
      begin raise exception '%', tg_argv[0]; end $$`.execute(db);
    await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function refuse_change(${sql.lit(message)})`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function refuse_change(${sql.lit(message)})`.execute(db);
    return;
  }
  for (const event of ['update', 'delete'] as const) {
    await sql`create trigger ${sql.id(`${table}_no_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
  }
}

/** Columns of an audit row that may name a person; every other column never changes. */
const AUDIT_PERSONAL_COLUMNS = ['actor_id', 'actor_label', 'target', 'detail'];

/**
 * The one exception to append-only (DESIGN §11): an UPDATE that changes only the columns naming a
 * person, made while `personal_data_grant` has a row. Only the erasure and retention transactions
 * insert that row, delete it again before they commit and audit what they did, so no other
 * transaction ever sees it. DELETE (and TRUNCATE) stays refused, and every other column stays as it was.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
async function allowPersonalDataUpdates(db: Kysely<any>, t: SchemaTypes, table: string): Promise<void> {
  const message = `The ${table} table is append-only: its rows cannot be changed or deleted`;
  const columns = (
    await sql<{ name: string }>`${
      t.dialect === 'postgres'
        ? sql`select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = ${table}`
        : sql`select name from pragma_table_info(${table})`
    }`.execute(db)
  ).rows.map((r) => r.name);
  const fixed = columns.filter((c) => !AUDIT_PERSONAL_COLUMNS.includes(c));
  const changed = (oldRow: string, newRow: string) =>
    sql.join(
      fixed.map((c) => sql`${sql.ref(`${newRow}.${c}`)} is distinct from ${sql.ref(`${oldRow}.${c}`)}`),
      sql` or `,
    );
  if (t.dialect === 'postgres') {
    await sql`create or replace function refuse_change_unless_granted() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and exists (select 1 from personal_data_grant) then return new; end if;
        raise exception '%', tg_argv[0];
      end $$`.execute(db);
    await sql`drop trigger ${sql.id(`${table}_append_only`)} on ${sql.table(table)}`.execute(db);
    await sql`create trigger ${sql.id(`${table}_append_only`)} before delete on ${sql.table(table)}
      for each row execute function refuse_change(${sql.lit(message)})`.execute(db);
    await sql`create trigger ${sql.id(`${table}_personal_data_only`)} before update on ${sql.table(table)}
      for each row when (${changed('old', 'new')}) execute function refuse_change(${sql.lit(message)})`.execute(
      db,
    );
    await sql`create trigger ${sql.id(`${table}_update_granted`)} before update on ${sql.table(table)}
      for each row execute function refuse_change_unless_granted(${sql.lit(message)})`.execute(db);
    return;
  }
  await sql`drop trigger ${sql.id(`${table}_no_update`)}`.execute(db);
  await sql`create trigger ${sql.id(`${table}_no_update`)} before update on ${sql.table(table)}
    when not exists (select 1 from personal_data_grant) or ${changed('old', 'new')}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
}

/**
 * PostgreSQL compresses large values (a return's JSON, megabytes) with pglz unless told otherwise; lz4
 * is several times faster at about the same size, so a submission's insert takes a fraction of the
 * time. Only where the server was built with lz4 (the usual packages are); otherwise pglz stays.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
async function compressWithLz4(db: Kysely<any>, table: string, column: string): Promise<void> {
  const lz4 = await sql<{ ok: boolean }>`
    select 'lz4' = any(enumvals) as ok from pg_settings where name = 'default_toast_compression'`.execute(db);
  if (lz4.rows[0]?.ok)
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set compression lz4`.execute(
      db,
    );
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, in order, in one transaction (both
 * databases roll DDL back with it). Instances starting together on one database take turns: SQLite's
 * write lock, or on PostgreSQL an advisory lock, so each migration runs exactly once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function migrate(db: Kysely<any>, list: readonly Migration[] = migrations): Promise<number[]> {
  list.forEach((m, index) => {
    if (m.id !== index + 1)
      throw new Error(`Migration "${m.name}" is number ${m.id} at position ${index + 1}`);
  });
  const types = schemaTypes(dialectOf(db));
  return writeTransaction(db, async (trx) => {
    await advisoryLock(trx, 'migrations', 'schema');
    await trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    const done = new Set(
      (await trx.selectFrom('schema_migrations').select('id').execute()).map((row: { id: number }) => row.id),
    );
    const applied: number[] = [];
    for (const migration of list) {
      if (done.has(migration.id)) continue;
      await migration.up(trx, types);
      await trx
        .insertInto('schema_migrations')
        .values({ id: migration.id, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
      applied.push(migration.id);
    }
    return applied;
  });
}
