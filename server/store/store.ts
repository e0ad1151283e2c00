// Everything the service keeps: partnership versions, tokens (hashes), submissions (append-only
// versions), reviews, period locks and the audit log, on SQLite or PostgreSQL. Each write that must not
// be half-done is one transaction (dialect.ts: `writeTransaction`); where a write reads first, the
// advisory lock it takes on PostgreSQL is named beside it.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import {
  councilSubmissionSchema,
  partnershipSchema,
  type CouncilSubmission,
  type Partnership,
  type SubmissionRecord,
} from '../../shared/schemas.js';
import type { Actor, AuditEntry, TenantInfo, TokenInfo, UserInfo } from '../../shared/api.js';
import type { ReviewStatus, Role } from '../../shared/vocabulary.js';
import { advisoryLock, dialectOf, writeTransaction } from './dialect.js';
import type { MailTables } from './mail-tables.js';
import type { Database, SubmissionSource } from './schema.js';

/**
 * Versions PostgreSQL's cursor fetches at a time for eachLatestVersion: a return can be megabytes of JSON,
 * so a few at once rather than the driver's hundred. (SQLite steps through its rows one by one anyway.)
 */
const VERSIONS_PER_FETCH = 4;

/** A token as sign-in sees it: revoked and expired ones too, so the refusal can say which. */
export interface StoredToken {
  id: number;
  role: Role;
  council: string | null;
  label: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** One row for the audit trail (DESIGN §9.3). */
export interface AuditRecord {
  at: string;
  actor: Actor;
  action: string;
  council?: string;
  period?: string;
  target?: string;
  /** The HTTP status of the outcome. */
  status: number;
  detail?: object;
}

export interface AuditFilter {
  /** ISO instants: `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  council?: string;
  action?: string;
  /** Entries after this id (the previous page's `next`). */
  after?: number;
  /** Entries whose actor or target contains one of these, in any case (a subject access request). */
  mentioning?: readonly string[];
  limit: number;
}

export interface SubmissionSummary {
  id: number;
  council: string;
  period: string;
  version: number;
  submittedAt: string;
  submittedBy: string;
  source: SubmissionSource;
  review: ReviewStatus;
}

export interface ReviewEntry {
  status: Exclude<ReviewStatus, 'pending'>;
  comment: string;
  reviewedAt: string;
  reviewedBy: string;
}

export interface StoredSubmission extends SubmissionSummary {
  data: CouncilSubmission;
  reviews: ReviewEntry[];
}

/** The previous version as the receipt builder sees it: its row digest, or its data when it has none. */
export interface PreviousVersion {
  rowDigest: string | null;
  data(): Promise<CouncilSubmission>;
}

/**
 * What the caller computes from the previous version once the new version number is known; it is
 * stored with the version (without the id, which the row has) so a retry gets the same answer.
 */
export type ReceiptBuilder = (args: {
  version: number;
  previous?: PreviousVersion;
}) => object | Promise<object>;

export interface AppendSubmission {
  council: string;
  period: string;
  /** The validated submission, or its JSON text when the caller has it already (or that text UTF-8 encoded). */
  data: CouncilSubmission | string | Uint8Array;
  /** Kept with the version for the next receipt's comparison. */
  rowDigest?: string;
  submittedAt: string;
  /** Who sent it: kept as "by whom" (the label) and in the audit trail. */
  actor: Actor;
  source: SubmissionSource;
  idempotencyKey?: string;
  requestHash?: string;
  /** `If-Match`: the version the sender based this on (0 = none yet); anything else is a conflict. */
  expectedVersion?: number;
  /** Versions a council may keep for one period; one more is refused. */
  maxVersions?: number;
  receipt: ReceiptBuilder;
}

export type AppendResult =
  | { kind: 'created'; id: number; receipt: object }
  | { kind: 'replayed'; id: number; receipt: object }
  | { kind: 'stale'; latest: number }
  | { kind: 'locked' }
  | { kind: 'key-reused' }
  | { kind: 'too-many-versions'; latest: number };

/** The submission's current review status: its latest review, or null while none exists. */
const latestReview = (eb: ExpressionBuilder<Database, 'submissions'>) =>
  eb
    .selectFrom('reviews')
    .select('reviews.status')
    .whereRef('reviews.submission_id', '=', 'submissions.id')
    .orderBy('reviews.id', 'desc')
    .limit(1)
    .as('review');

export class Store {
  constructor(readonly db: Kysely<Database>) {}

  /** The e-mail outbox tables alone, for the mail service. */
  get mail(): Kysely<MailTables> {
    // Sound because Database extends MailTables: the same tables, fewer of them. Kysely's type parameter
    // is invariant, so the compiler cannot see that by itself; this is the only place that says it.
    return this.db as unknown as Kysely<MailTables>;
  }

  /** One write transaction: on SQLite it holds the single write lock, on PostgreSQL see each caller. */
  private write<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return writeTransaction(this.db, work);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async isReady(): Promise<boolean> {
    const result = await sql<{ one: number }>`select 1 as one`.execute(this.db);
    return result.rows[0]?.one === 1;
  }

  /** No partnership and no submissions yet (tokens made beforehand don't count): the demo loads only then. */
  async isEmpty(): Promise<boolean> {
    const counts = await sql<{ n: number }>`
      select (select count(*) from partnership_versions) + (select count(*) from submissions) as n`.execute(
      this.db,
    );
    return counts.rows[0]?.n === 0;
  }

  // ---- Partnership --------------------------------------------------------------------------------

  async currentPartnership(): Promise<
    { version: number; partnership: Partnership; createdAt: string } | undefined
  > {
    const row = await this.db
      .selectFrom('partnership_versions')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      version: row.version,
      partnership: partnershipSchema.parse(JSON.parse(row.data)),
      createdAt: row.created_at,
    };
  }

  /** Stores a new partnership version and makes its councils current; returns the version number. */
  async savePartnership(partnership: Partnership, actor: Actor, at: string): Promise<number> {
    return this.write(async (trx) => {
      // PostgreSQL: the partnership advisory lock, so two saves cannot both take max + 1 (the primary
      // key would refuse the second).
      await advisoryLock(trx, 'partnership', 'versions');
      const last = await trx
        .selectFrom('partnership_versions')
        .select((eb) => eb.fn.max('version').as('version'))
        .executeTakeFirst();
      const version = (last?.version ?? 0) + 1;
      await trx
        .insertInto('partnership_versions')
        .values({ version, data: JSON.stringify(partnership), created_at: at, created_by: actor.label })
        .execute();
      await trx.deleteFrom('councils').execute();
      await trx
        .insertInto('councils')
        .values(
          partnership.councils.map((c) => ({
            id: c.id,
            name: c.name,
            membership: c.membership,
            partnership_version: version,
          })),
        )
        .execute();
      await audit(trx, {
        at,
        actor,
        action: 'partnership.replace',
        target: `partnership v${version}`,
        status: 200,
      });
      return version;
    });
  }

  // ---- Tokens -------------------------------------------------------------------------------------

  async insertToken(
    token: { hash: string; role: Role; council?: string; label: string; expiresAt: string },
    actor: Actor,
    at: string,
  ): Promise<TokenInfo> {
    return this.write(async (trx) => {
      const row = await trx
        .insertInto('tokens')
        .values({
          hash: token.hash,
          role: token.role,
          council: token.council ?? null,
          label: token.label,
          created_at: at,
          revoked_at: null,
          expires_at: token.expiresAt,
          last_used_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const holder = token.council ? `${token.role} token for ${token.council}` : `${token.role} token`;
      await audit(trx, {
        at,
        actor,
        action: 'token.create',
        ...(token.council ? { council: token.council } : {}),
        target: `token ${row.id} (${holder} "${token.label}")`,
        status: 201,
      });
      return toTokenInfo(
        (await trx.selectFrom('tokens').selectAll().where('id', '=', row.id).executeTakeFirst())!,
      );
    });
  }

  async findToken(hash: string): Promise<StoredToken | undefined> {
    const row = await this.db.selectFrom('tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
    if (!row) return undefined;
    const { createdAt: _createdAt, ...token } = toTokenInfo(row);
    return token;
  }

  /** A token by its id, revoked or expired alike (what a download link it made names). */
  async findTokenById(id: number): Promise<StoredToken | undefined> {
    const row = await this.db.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const { createdAt: _createdAt, ...token } = toTokenInfo(row);
    return token;
  }

  /** Records that a token was used now. */
  async touchToken(id: number, at: string): Promise<void> {
    await this.db.updateTable('tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async listTokens(): Promise<TokenInfo[]> {
    return (await this.db.selectFrom('tokens').selectAll().orderBy('id').execute()).map(toTokenInfo);
  }

  /** Revokes a token for good; undefined if there is none with that id. Revoking twice changes nothing. */
  async revokeToken(id: number, actor: Actor, at: string): Promise<TokenInfo | undefined> {
    return this.write(async (trx) => {
      const row = await trx.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || row.revoked_at) return row && toTokenInfo(row);
      await trx.updateTable('tokens').set({ revoked_at: at }).where('id', '=', id).execute();
      await audit(trx, {
        at,
        actor,
        action: 'token.revoke',
        ...(row.council ? { council: row.council } : {}),
        target: `token ${id} ("${row.label}")`,
        status: 200,
      });
      return toTokenInfo({ ...row, revoked_at: at });
    });
  }

  // ---- Microsoft 365 users and tenants (DESIGN §9.1) --------------------------------------------

  /** Registers a person; `exists` (and nothing changes) when that tenant already has that name. */
  async addUser(
    user: { tenantId: string; email: string; role: Role; council?: string },
    actor: Actor,
    at: string,
  ): Promise<{ kind: 'added' | 'exists'; user: UserInfo }> {
    return this.write(async (trx) => {
      const existing = await trx
        .selectFrom('users')
        .selectAll()
        .where('tenant_id', '=', user.tenantId)
        .where('email', '=', user.email)
        .executeTakeFirst();
      if (existing) return { kind: 'exists', user: toUserInfo(existing) };
      const row = await trx
        .insertInto('users')
        .values({
          tenant_id: user.tenantId,
          email: user.email,
          role: user.role,
          council: user.council ?? null,
          created_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, {
        at,
        actor,
        action: 'user.add',
        ...(user.council ? { council: user.council } : {}),
        target: `user ${row.id} (${user.email} of tenant ${user.tenantId}, ${user.role})`,
        status: 201,
      });
      return { kind: 'added', user: toUserInfo(row) };
    });
  }

  async listUsers(): Promise<UserInfo[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUserInfo);
  }

  async findUser(tenantId: string, email: string): Promise<UserInfo | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('email', '=', email)
      .executeTakeFirst();
    return row && toUserInfo(row);
  }

  /** Removes a registered person; undefined when there is none with that id. */
  async removeUser(id: number, actor: Actor, at: string): Promise<UserInfo | undefined> {
    return this.write(async (trx) => {
      const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      await trx.deleteFrom('users').where('id', '=', id).execute();
      await audit(trx, {
        at,
        actor,
        action: 'user.remove',
        ...(row.council ? { council: row.council } : {}),
        target: `user ${id} (${row.email} of tenant ${row.tenant_id}, ${row.role})`,
        status: 200,
      });
      return toUserInfo(row);
    });
  }

  /** Registers an organisation to a council; `exists` when that tenant is registered already. */
  async addTenant(
    tenant: { tenantId: string; council: string },
    actor: Actor,
    at: string,
  ): Promise<{ kind: 'added' | 'exists'; tenant: TenantInfo }> {
    return this.write(async (trx) => {
      const existing = await trx
        .selectFrom('tenants')
        .selectAll()
        .where('tenant_id', '=', tenant.tenantId)
        .executeTakeFirst();
      if (existing) return { kind: 'exists', tenant: toTenantInfo(existing) };
      const row = await trx
        .insertInto('tenants')
        .values({ tenant_id: tenant.tenantId, council: tenant.council, created_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, {
        at,
        actor,
        action: 'tenant.add',
        council: tenant.council,
        target: `tenant ${row.id} (${tenant.tenantId})`,
        status: 201,
      });
      return { kind: 'added', tenant: toTenantInfo(row) };
    });
  }

  async listTenants(): Promise<TenantInfo[]> {
    return (await this.db.selectFrom('tenants').selectAll().orderBy('id').execute()).map(toTenantInfo);
  }

  async findTenant(tenantId: string): Promise<TenantInfo | undefined> {
    const row = await this.db
      .selectFrom('tenants')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    return row && toTenantInfo(row);
  }

  async removeTenant(id: number, actor: Actor, at: string): Promise<TenantInfo | undefined> {
    return this.write(async (trx) => {
      const row = await trx.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      await trx.deleteFrom('tenants').where('id', '=', id).execute();
      await audit(trx, {
        at,
        actor,
        action: 'tenant.remove',
        council: row.council,
        target: `tenant ${id} (${row.tenant_id})`,
        status: 200,
      });
      return toTenantInfo(row);
    });
  }

  // ---- Submissions --------------------------------------------------------------------------------

  /**
   * The current partnership's version (0 before the first), without reading the partnership: lets a
   * submission reuse the partnership it read last while that is still the current one.
   */
  async partnershipVersion(): Promise<number> {
    const last = await this.db
      .selectFrom('partnership_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirst();
    return last?.version ?? 0;
  }

  /**
   * Appends a version in one transaction: lock check, idempotency look-up, `If-Match`, the next
   * version number and the insert happen together, so a crash leaves either the whole version or none.
   */
  async appendSubmission(input: AppendSubmission): Promise<AppendResult> {
    return this.write(async (trx): Promise<AppendResult> => {
      // PostgreSQL: the period's lock shared (a period lock being set waits for appends in flight, and
      // every append that starts after it sees it), then the council's lock alone, so the council's
      // Idempotency-Key look-up, If-Match check and next version number are read and written by one
      // transaction at a time. The unique constraints on (council, period, version) and (council,
      // idempotency_key) would refuse anything that slipped past.
      await advisoryLock(trx, 'period', input.period, 'shared');
      await advisoryLock(trx, 'council', input.council);
      if (input.idempotencyKey !== undefined) {
        const earlier = await trx
          .selectFrom('submissions')
          .select(['id', 'receipt', 'request_hash'])
          .where('council', '=', input.council)
          .where('idempotency_key', '=', input.idempotencyKey)
          .executeTakeFirst();
        if (earlier) {
          return earlier.request_hash === (input.requestHash ?? null)
            ? { kind: 'replayed', id: earlier.id, receipt: JSON.parse(earlier.receipt) as object }
            : { kind: 'key-reused' };
        }
      }
      const locked = await trx
        .selectFrom('period_locks')
        .select('period')
        .where('period', '=', input.period)
        .executeTakeFirst();
      if (locked) return { kind: 'locked' };
      const previous = await trx
        .selectFrom('submissions')
        .select(['id', 'version', 'row_digest'])
        .where('council', '=', input.council)
        .where('period', '=', input.period)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      const latest = previous?.version ?? 0;
      if (input.expectedVersion !== undefined && input.expectedVersion !== latest)
        return { kind: 'stale', latest };
      if (input.maxVersions !== undefined && latest >= input.maxVersions)
        return { kind: 'too-many-versions', latest };
      const version = latest + 1;
      const before = previous && {
        rowDigest: previous.row_digest,
        data: async () => {
          const row = await trx
            .selectFrom('submissions')
            .select('data')
            .where('id', '=', previous.id)
            .executeTakeFirstOrThrow();
          // Stored data was validated when it came in.
          return JSON.parse(row.data) as CouncilSubmission;
        },
      };
      const receipt = await input.receipt({ version, ...(before ? { previous: before } : {}) });
      const inserted = await trx
        .insertInto('submissions')
        .values({
          council: input.council,
          period: input.period,
          version,
          data:
            typeof input.data === 'string'
              ? input.data
              : input.data instanceof Uint8Array
                ? textOfUtf8(trx, input.data)
                : JSON.stringify(input.data),
          submitted_at: input.submittedAt,
          token_id: input.actor.via === 'token' ? Number(input.actor.id) : null,
          submitted_by: input.actor.label,
          source: input.source,
          idempotency_key: input.idempotencyKey ?? null,
          request_hash: input.requestHash ?? null,
          receipt: JSON.stringify(receipt),
          row_digest: input.rowDigest ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, {
        at: input.submittedAt,
        actor: input.actor,
        action: 'submission.create',
        council: input.council,
        period: input.period,
        target: `submission ${inserted.id} (version ${version})`,
        status: 201,
        detail: { source: input.source },
      });
      return { kind: 'created', id: inserted.id, receipt };
    });
  }

  /** Versions newest first (metadata only), optionally for one period. */
  async listSubmissions(council: string, period?: string): Promise<SubmissionSummary[]> {
    let query = this.db
      .selectFrom('submissions')
      .select(['id', 'council', 'period', 'version', 'submitted_at', 'submitted_by', 'source'])
      .select(latestReview)
      .where('council', '=', council);
    if (period) query = query.where('period', '=', period);
    // Ids follow commit order, so this is newest first even when clocks or writers interleave.
    const rows = await query.orderBy('id', 'desc').execute();
    return rows.map(toSummary);
  }

  async getSubmission(council: string, id: number): Promise<StoredSubmission | undefined> {
    const row = await this.db
      .selectFrom('submissions')
      .selectAll()
      .where('council', '=', council)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const reviews = await this.db
      .selectFrom('reviews')
      .select(['status', 'comment', 'reviewed_at', 'reviewed_by'])
      .where('submission_id', '=', id)
      .orderBy('id', 'asc')
      .execute();
    return {
      ...toSummary({ ...row, review: reviews.at(-1)?.status ?? null }),
      data: councilSubmissionSchema.parse(JSON.parse(row.data)),
      reviews: reviews.map((r) => ({
        status: r.status,
        comment: r.comment,
        reviewedAt: r.reviewed_at,
        reviewedBy: r.reviewed_by,
      })),
    };
  }

  /** The newest version of a council for the latest period ≤ `period` that has one. */
  async latestSubmissionUpTo(council: string, period: string): Promise<StoredSubmission | undefined> {
    const row = await this.db
      .selectFrom('submissions')
      .select('id')
      .where('council', '=', council)
      .where('period', '<=', period)
      .orderBy('period', 'desc')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? this.getSubmission(council, row.id) : undefined;
  }

  /**
   * The latest version of each council for each of these periods, with its review status: all that
   * consolidation can pick from (it takes the latest version of the latest period), without the rest.
   * Yielded one at a time, each council's versions together, so that a caller can fold each into what
   * it needs and let it go: a version's JSON is read and parsed only as it is reached.
   */
  async *eachLatestVersion(periods: readonly string[]): AsyncGenerator<SubmissionRecord> {
    if (periods.length === 0) return;
    const query = this.db
      .selectFrom('submissions')
      .select(['council', 'period', 'version', 'submitted_at', 'data'])
      .select(latestReview)
      .where('period', 'in', periods)
      .where(({ eb, selectFrom }) =>
        eb(
          'version',
          '=',
          selectFrom('submissions as newer')
            .select(({ fn }) => fn.max('newer.version').as('v'))
            .whereRef('newer.council', '=', 'submissions.council')
            .whereRef('newer.period', '=', 'submissions.period'),
        ),
      )
      .orderBy('council')
      .orderBy('period');
    for await (const r of query.stream(VERSIONS_PER_FETCH)) {
      yield {
        council: r.council,
        period: r.period,
        version: r.version,
        submittedAt: r.submitted_at,
        review: r.review ?? 'pending',
        data: JSON.parse(r.data) as CouncilSubmission,
      };
    }
  }

  /** Per council, the summary of its first and latest versions for a period (for the status board). */
  async periodSummaries(
    period: string,
  ): Promise<Map<string, { first: SubmissionSummary; latest: SubmissionSummary }>> {
    const rows = await this.db
      .selectFrom('submissions')
      .select(['id', 'council', 'period', 'version', 'submitted_at', 'submitted_by', 'source'])
      .select(latestReview)
      .where('period', '=', period)
      .orderBy('version', 'asc')
      .execute();
    const byCouncil = new Map<string, { first: SubmissionSummary; latest: SubmissionSummary }>();
    for (const row of rows.map(toSummary)) {
      const seen = byCouncil.get(row.council);
      byCouncil.set(row.council, { first: seen?.first ?? row, latest: row });
    }
    return byCouncil;
  }

  async addReview(
    submissionId: number,
    review: { status: 'accepted' | 'returned'; comment: string },
    actor: Actor,
    at: string,
  ): Promise<void> {
    await this.write(async (trx) => {
      const submission = await trx
        .selectFrom('submissions')
        .select(['council', 'period', 'version'])
        .where('id', '=', submissionId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('reviews')
        .values({
          submission_id: submissionId,
          status: review.status,
          comment: review.comment,
          reviewed_at: at,
          reviewed_by: actor.label,
        })
        .execute();
      await audit(trx, {
        at,
        actor,
        action: 'submission.review',
        council: submission.council,
        period: submission.period,
        target: `submission ${submissionId} (version ${submission.version}) ${review.status}`,
        status: 200,
      });
    });
  }

  // ---- Period locks -------------------------------------------------------------------------------

  async isLocked(period: string): Promise<boolean> {
    return Boolean(
      await this.db
        .selectFrom('period_locks')
        .select('period')
        .where('period', '=', period)
        .executeTakeFirst(),
    );
  }

  async lockPeriod(period: string, actor: Actor, at: string): Promise<void> {
    await this.write(async (trx) => {
      // PostgreSQL: the period's advisory lock alone, so appends in flight finish first (see appendSubmission).
      await advisoryLock(trx, 'period', period);
      await trx
        .insertInto('period_locks')
        .values({ period, locked_at: at, locked_by: actor.label })
        .onConflict((oc) => oc.column('period').doNothing())
        .execute();
      await audit(trx, { at, actor, action: 'period.lock', period, status: 200 });
    });
  }

  async unlockPeriod(period: string, actor: Actor, at: string): Promise<void> {
    await this.write(async (trx) => {
      await advisoryLock(trx, 'period', period);
      await trx.deleteFrom('period_locks').where('period', '=', period).execute();
      await audit(trx, { at, actor, action: 'period.unlock', period, status: 200 });
    });
  }

  // ---- Download links ------------------------------------------------------------------------------

  /**
   * Marks a download link used; false when it had been used already. Marks of links that have
   * expired by `now` are dropped on the way (an expired link is refused before it gets here).
   */
  async useDownloadLink(jti: string, expiresAt: string, now: string): Promise<boolean> {
    return this.write(async (trx) => {
      await trx.deleteFrom('download_links_used').where('expires_at', '<', now).execute();
      const inserted = await trx
        .insertInto('download_links_used')
        .values({ jti, expires_at: expiresAt })
        .onConflict((oc) => oc.column('jti').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    });
  }

  // ---- Shared limits and start-up -----------------------------------------------------------------

  /**
   * Counts one hit of `key` in its window and gives the count so far: one statement, so instances
   * counting together never lose a hit. A window that has ended starts again at 1. Now and then the
   * rows of ended windows are dropped.
   */
  async hitRateLimit(
    key: string,
    windowMs: number,
    nowMs: number,
  ): Promise<{ hits: number; resetAt: number }> {
    if (Math.random() < 0.001)
      await this.db.deleteFrom('rate_limits').where('reset_at', '<=', nowMs).execute();
    const ended = sql<boolean>`rate_limits.reset_at <= ${nowMs}`;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, hits: 1, reset_at: nowMs + windowMs })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when ${ended} then 1 else rate_limits.hits + 1 end`,
          reset_at: sql<number>`case when ${ended} then ${nowMs + windowMs} else rate_limits.reset_at end`,
        }),
      )
      .returning(['hits', 'reset_at'])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
  }

  /** The hits of `key` in its current window (0 once the window has ended), counting none. */
  async rateLimitHits(key: string, nowMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('rate_limits')
      .select('hits')
      .where('key', '=', key)
      .where('reset_at', '>', nowMs)
      .executeTakeFirst();
    return row ? Number(row.hits) : 0;
  }

  /** Takes one hit of `key` back (a request that turned out not to count). */
  async unhitRateLimit(key: string): Promise<void> {
    await this.db
      .updateTable('rate_limits')
      .set({ hits: sql<number>`hits - 1` })
      .where('key', '=', key)
      .where('hits', '>', 0)
      .execute();
  }

  async resetRateLimit(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', key).execute();
  }

  /** True for the one caller that claims `name` first (of any number of instances); false for the rest. */
  async claimStartupJob(name: string, at: string): Promise<boolean> {
    const inserted = await this.db
      .insertInto('startup_claims')
      .values({ name, claimed_at: at })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  // ---- Audit --------------------------------------------------------------------------------------

  /** Records what happened outside a store write: a refused request, an e-mail sent. */
  async recordAudit(entry: AuditRecord): Promise<void> {
    await audit(this.db, entry);
  }

  /** Audit entries oldest first, filtered, one page at a time. */
  async auditEntries(filter: AuditFilter): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    if (filter.council !== undefined) query = query.where('council', '=', filter.council);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.after !== undefined) query = query.where('id', '>', filter.after);
    if (filter.mentioning !== undefined) {
      const patterns = filter.mentioning.map((m) => `%${m.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
      query = query.where(({ or }) =>
        or(
          patterns.flatMap((p) => [
            sql<boolean>`lower(actor_label) like ${p} escape '\\'`,
            sql<boolean>`lower(target) like ${p} escape '\\'`,
          ]),
        ),
      );
    }
    const rows = await query.orderBy('id').limit(filter.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { via: r.actor_via as Actor['via'], id: r.actor_id, label: r.actor_label },
      action: r.action,
      ...(r.council !== null ? { council: r.council } : {}),
      ...(r.period !== null ? { period: r.period } : {}),
      ...(r.target !== '' ? { target: r.target } : {}),
      status: r.status,
    }));
  }
}

/**
 * UTF-8 bytes stored as the text they encode, converted by the database: a return's text (megabytes)
 * goes from the decode worker to the database without becoming a string on this thread.
 */
function textOfUtf8(db: Kysely<Database>, bytes: Uint8Array) {
  const blob = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return dialectOf(db) === 'postgres'
    ? sql<string>`convert_from(${blob}::bytea, 'UTF8')`
    : sql<string>`cast(${blob} as text)`;
}

/** Appends one audit row, inside the caller's transaction when given one. */
export async function audit(db: Kysely<Database>, entry: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_via: entry.actor.via,
      actor_id: entry.actor.id,
      actor_label: entry.actor.label,
      action: entry.action,
      council: entry.council ?? null,
      period: entry.period ?? null,
      target: entry.target ?? '',
      status: entry.status,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

function toTokenInfo(row: {
  id: number;
  role: Role;
  council: string | null;
  label: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): TokenInfo {
  return {
    id: row.id,
    label: row.label,
    role: row.role,
    council: row.council,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function toSummary(row: {
  id: number;
  council: string;
  period: string;
  version: number;
  submitted_at: string;
  submitted_by: string;
  source: SubmissionSource;
  review: ReviewStatus | null;
}): SubmissionSummary {
  return {
    id: row.id,
    council: row.council,
    period: row.period,
    version: row.version,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    source: row.source,
    review: row.review ?? 'pending',
  };
}

function toUserInfo(row: {
  id: number;
  tenant_id: string;
  email: string;
  role: Role;
  council: string | null;
  created_at: string;
}): UserInfo {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    role: row.role,
    council: row.council,
    createdAt: row.created_at,
  };
}

const toTenantInfo = (row: {
  id: number;
  tenant_id: string;
  council: string;
  created_at: string;
}): TenantInfo => ({
  id: row.id,
  tenantId: row.tenant_id,
  council: row.council,
  createdAt: row.created_at,
});
