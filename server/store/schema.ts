// The database as Kysely sees it: one interface per table, so queries are checked against the columns.
// Tables and columns are named in snake_case, as migrations create them; the store's aggregates read and
// write them through `camelCased`, which gives rows in the camelCase of the API's types.
import { CamelCasePlugin, type Generated, type Kysely } from 'kysely';
import type { ReviewStatus, Role } from '../../shared/vocabulary.js';
import type { MailTables } from './mail-tables.js';
import type { YearTables } from './year-tables.js';

export type SubmissionSource = 'addin' | 'upload' | 'cli';

export interface SchemaMigrationsTable {
  id: number;
  name: string;
  applied_at: string;
}

export interface PartnershipVersionsTable {
  version: number;
  /** The whole partnership as JSON (the shared zod schema's shape). */
  data: string;
  created_at: string;
  created_by: string;
}

/** The councils of the current partnership version, for joins and look-ups without parsing JSON. */
export interface CouncilsTable {
  id: string;
  name: string;
  membership: string;
  partnership_version: number;
}

export interface TokensTable {
  id: Generated<number>;
  /** SHA-256 of the token, hex; the token itself is never stored. */
  hash: string;
  role: Role;
  council: string | null;
  label: string;
  created_at: string;
  revoked_at: string | null;
  expires_at: string;
  /** Updated at most once a minute per token, so a busy script does not write on every request. */
  last_used_at: string | null;
}

export interface SubmissionsTable {
  id: Generated<number>;
  council: string;
  period: string;
  /** 1..n per (council, period); a unique index keeps two writers from taking the same number. */
  version: number;
  /** The whole submission as JSON. Rows are never updated or deleted. */
  data: string;
  submitted_at: string;
  token_id: number | null;
  submitted_by: string;
  source: SubmissionSource;
  idempotency_key: string | null;
  /** SHA-256 of what was sent, so a reused Idempotency-Key with a different body is refused. */
  request_hash: string | null;
  /** The 201 body as first returned, for idempotent retries. */
  receipt: string;
  /** JSON digest of the rows (key and hash per row) for the next version's change report; null on old rows. */
  row_digest: string | null;
  /** When retention pseudonymised its people (DESIGN §11); null until its year is past the limit. */
  pseudonymised_at: Generated<string | null>;
}

export interface ReviewsTable {
  id: Generated<number>;
  submission_id: number;
  status: Exclude<ReviewStatus, 'pending'>;
  comment: string;
  reviewed_at: string;
  reviewed_by: string;
}

export interface PeriodLocksTable {
  period: string;
  locked_at: string;
  locked_by: string;
}

/** Append-only: triggers refuse UPDATE and DELETE (migration 4), but for pseudonymising (migration 7). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_via: Generated<string>;
  actor_id: Generated<string>;
  actor_label: string;
  action: string;
  council: string | null;
  period: string | null;
  /** What the action was on ("cherwell 2026-10 v3", "token 12"); empty when the action says it all. */
  target: string;
  status: Generated<number>;
  /** JSON with anything else worth keeping (a submission's id and source). */
  detail: string | null;
}

/** A download link's id once used: a link works once. Rows go when the link would have expired. */
export interface DownloadLinksUsedTable {
  jti: string;
  expires_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  tenant_id: string;
  /** Lower-cased `preferred_username`. */
  email: string;
  role: Role;
  council: string | null;
  created_at: string;
}

export interface TenantsTable {
  id: Generated<number>;
  tenant_id: string;
  council: string;
  created_at: string;
}

/**
 * Holds a row only inside an erasure or retention transaction, which removes it before committing: while
 * it does, the audit log's triggers let that transaction pseudonymise who audit rows name (migration 7).
 */
export interface PersonalDataGrantTable {
  id: number;
  reason: string;
}

/** Hits of one rate-limit key (an address or a sign-in) in the window that ends at `reset_at` (ms). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: number | string;
}

/** A start-up job done once for the database, by the instance that inserted its row. */
export interface StartupClaimsTable {
  name: string;
  claimed_at: string;
}

/** Every table; the store owns them all and their migrations (migrations.ts). */
export interface Database extends MailTables, YearTables {
  schema_migrations: SchemaMigrationsTable;
  partnership_versions: PartnershipVersionsTable;
  councils: CouncilsTable;
  tokens: TokensTable;
  submissions: SubmissionsTable;
  reviews: ReviewsTable;
  period_locks: PeriodLocksTable;
  audit_log: AuditLogTable;
  download_links_used: DownloadLinksUsedTable;
  users: UsersTable;
  tenants: TenantsTable;
  personal_data_grant: PersonalDataGrantTable;
  rate_limits: RateLimitsTable;
  startup_claims: StartupClaimsTable;
}

/** A snake_case name as CamelCasePlugin reads it: `created_at` → `createdAt`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** The tables as seen through `camelCased`: the same tables, each column under its camelCase name. */
export type CamelCasedDatabase = {
  [Table in keyof Database]: {
    [Column in keyof Database[Table] & string as CamelCase<Column>]: Database[Table][Column];
  };
};

/**
 * The same database (or transaction) with Kysely's CamelCasePlugin: names written in camelCase are sent
 * as snake_case, and rows come back in camelCase, so an aggregate returns them as the API's types
 * without copying field by field. Raw `sql` text is sent as written (name its columns in snake_case);
 * its rows come back in camelCase too. Migrations, `db copy` and the mail outbox use the plain handle.
 */
export const camelCased = (db: Kysely<Database>): Kysely<CamelCasedDatabase> =>
  // Sound because the plugin renames exactly as CamelCasedDatabase does; the compiler cannot follow a
  // plugin's renaming by itself, so this is the one place that says it.
  db.withPlugin(new CamelCasePlugin()) as unknown as Kysely<CamelCasedDatabase>;
