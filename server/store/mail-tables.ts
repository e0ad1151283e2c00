// The e-mail outbox tables, owned by the store like every table (the mail service gets `store.mail`, a
// handle that sees only these): a transactional outbox,: one row per e-mail, unique per (kind, period,
// recipient), holding the composed message; and a lease row so only one service instance sends.
import { sql, type Generated, type Kysely } from 'kysely';
import type { SchemaTypes } from './dialect.js';

/** The kinds of migration 2; migration 10 adds the partnership's year's (DESIGN §10). */
const FIRST_MAIL_KINDS = ['rollup', 'statement', 'reminder'] as const;
export const MAIL_KINDS = [...FIRST_MAIL_KINDS, 'agreement', 'agreement-reminder', 'year-statement'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface MailOutboxTable {
  id: Generated<number>;
  kind: MailKind;
  period: string;
  /** Lower-cased address: the third part of the unique key. */
  recipient: string;
  envelope_from: string;
  subject: string;
  /** The composed RFC 5322 message, sent byte for byte on every attempt. */
  message: Buffer;
  /** JSON the sender may need to decide whether the e-mail is still wanted (e.g. a reminder's councils). */
  meta: string | null;
  status: OutboxStatus;
  attempts: number;
  /** Epoch milliseconds; a pending row is not tried before then (back-off). */
  next_attempt_at: number;
  claimed_by: string | null;
  /** Epoch milliseconds; a `sending` row whose claim has expired was abandoned by a crashed sender. */
  claim_expires_at: number | null;
  last_error: string | null;
  smtp_response: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MailLeaseTable {
  name: string;
  holder: string;
  /** Epoch milliseconds. */
  expires_at: number;
}

// A type alias, not an interface, so it meets Kysely's `withTables` constraint.
export type MailTables = {
  mail_outbox: MailOutboxTable;
  mail_lease: MailLeaseTable;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function createMailOutboxTables(db: Kysely<any>, t: SchemaTypes): Promise<void> {
  await createOutboxTable(db, t, 'mail_outbox', FIRST_MAIL_KINDS);
  await db.schema
    .createTable('mail_lease')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', t.bigint, (c) => c.notNull())
    .execute();
}

/**
 * Migration 10: the outbox takes every kind of MAIL_KINDS. PostgreSQL replaces the check; SQLite cannot
 * alter one, so the table is rebuilt under its name with its rows (ids and all) copied across.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function widenMailKinds(db: Kysely<any>, t: SchemaTypes): Promise<void> {
  const kinds = sql.join(MAIL_KINDS.map((k) => sql.lit(k)));
  if (t.dialect === 'postgres') {
    await sql`alter table mail_outbox drop constraint mail_outbox_kind_check`.execute(db);
    await sql`alter table mail_outbox add constraint mail_outbox_kind_check check (kind in (${kinds}))`.execute(
      db,
    );
    return;
  }
  await createOutboxTable(db, t, 'mail_outbox_widened', MAIL_KINDS);
  await sql`insert into mail_outbox_widened select * from mail_outbox`.execute(db);
  await db.schema.dropTable('mail_outbox').execute();
  await sql`alter table mail_outbox_widened rename to mail_outbox`.execute(db);
  await db.schema.dropIndex('mail_outbox_widened_due').execute();
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

async function createOutboxTable(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
  db: Kysely<any>,
  t: SchemaTypes,
  name: string,
  kinds: readonly string[],
): Promise<void> {
  const allowed = sql.join(kinds.map((k) => sql.lit(k)));
  await db.schema
    .createTable(name)
    .addColumn('id', 'integer', t.autoId)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in (${allowed})`))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('envelope_from', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('message', t.bytes, (c) => c.notNull())
    .addColumn('meta', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed', 'cancelled')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.bigint, (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claim_expires_at', t.bigint)
    .addColumn('last_error', 'text')
    .addColumn('smtp_response', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint(`${name}_one_per_key`, ['kind', 'period', 'recipient'])
    .execute();
  await db.schema.createIndex(`${name}_due`).on(name).columns(['status', 'next_attempt_at']).execute();
}
