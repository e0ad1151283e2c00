// Everything the service keeps, on SQLite or PostgreSQL, as one handle for its callers: each aggregate's
// operations live in a module of their own (identity, partnership, submissions, periods, audit,
// coordination) and `Store` gathers them. Each write that must not be half-done is one transaction
// (dialect.ts: `writeTransaction`); where a write reads first, the advisory lock it takes on PostgreSQL
// is named beside it.
import { sql, type Kysely } from 'kysely';
import { auditTrail } from './audit.js';
import { coordination } from './coordination.js';
import { identity } from './identity.js';
import type { MailTables } from './mail-tables.js';
import { partnershipVersions } from './partnership.js';
import { periodLocks } from './periods.js';
import type { Database } from './schema.js';
import { submissions } from './submissions.js';

export type { AuditFilter, AuditRecord } from './audit.js';
export type { StoredToken } from './identity.js';
export type { PartnershipVersion } from './partnership.js';
export type * from './submissions.js';

export type Store = ReturnType<typeof storeOn>;

/** The store over an open, migrated database (open.ts opens one). */
export function storeOn(db: Kysely<Database>) {
  return {
    db,
    /**
     * The e-mail outbox tables alone, for the mail service. Sound because Database extends MailTables:
     * the same tables, fewer of them. Kysely's type parameter is invariant, so the compiler cannot see
     * that by itself; this is the only place that says it.
     */
    mail: db as unknown as Kysely<MailTables>,

    async close(): Promise<void> {
      await db.destroy();
    },

    async isReady(): Promise<boolean> {
      const result = await sql<{ one: number }>`select 1 as one`.execute(db);
      return result.rows[0]?.one === 1;
    },

    /** No partnership and no submissions yet (tokens made beforehand don't count): the demo loads only then. */
    async isEmpty(): Promise<boolean> {
      const counts = await sql<{ n: number }>`
        select (select count(*) from partnership_versions) + (select count(*) from submissions) as n`.execute(
        db,
      );
      return counts.rows[0]?.n === 0;
    },

    ...partnershipVersions(db),
    ...identity(db),
    ...submissions(db),
    ...periodLocks(db),
    ...coordination(db),
    ...auditTrail(db),
  };
}
