// Councils' returns (DESIGN §6, §7): append-only versions per council and period, and their reviews.
// An append is one transaction (lock check, idempotency, If-Match, version number and insert together);
// the advisory locks it takes on PostgreSQL are named where it takes them.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import {
  councilSubmissionSchema,
  type CouncilSubmission,
  type SubmissionRecord,
} from '../../shared/schemas.js';
import type { Actor } from '../../shared/api.js';
import type { ReviewStatus } from '../../shared/vocabulary.js';
import { audit } from './audit.js';
import { advisoryLock, dialectOf, writeTransaction } from './dialect.js';
import { camelCased, type CamelCasedDatabase, type Database, type SubmissionSource } from './schema.js';

/**
 * Versions PostgreSQL's cursor fetches at a time for eachLatestVersion: a return can be megabytes of JSON,
 * so a few at once rather than the driver's hundred. (SQLite steps through its rows one by one anyway.)
 */
const VERSIONS_PER_FETCH = 4;

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

/** A version's columns as SubmissionSummary shows them, but its review status (`review`). */
const SUMMARY = ['id', 'council', 'period', 'version', 'submittedAt', 'submittedBy', 'source'] as const;

/** The submission's current review status: its latest review, or pending while none exists. */
const review = (eb: ExpressionBuilder<CamelCasedDatabase, 'submissions'>) =>
  eb.fn
    .coalesce(
      eb
        .selectFrom('reviews')
        .select('reviews.status')
        .whereRef('reviews.submissionId', '=', 'submissions.id')
        .orderBy('reviews.id', 'desc')
        .limit(1),
      sql<ReviewStatus>`'pending'`,
    )
    .$castTo<ReviewStatus>()
    .as('review');

export function submissions(db: Kysely<Database>) {
  const rows = camelCased(db);

  async function getSubmission(council: string, id: number): Promise<StoredSubmission | undefined> {
    const row = await rows
      .selectFrom('submissions')
      .select(SUMMARY)
      .select(review)
      .select('data')
      .where('council', '=', council)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const reviews = await rows
      .selectFrom('reviews')
      .select(['status', 'comment', 'reviewedAt', 'reviewedBy'])
      .where('submissionId', '=', id)
      .orderBy('id', 'asc')
      .execute();
    return { ...row, data: councilSubmissionSchema.parse(JSON.parse(row.data)), reviews };
  }

  return {
    getSubmission,

    /**
     * Appends a version in one transaction: lock check, idempotency look-up, `If-Match`, the next
     * version number and the insert happen together, so a crash leaves either the whole version or none.
     */
    async appendSubmission(input: AppendSubmission): Promise<AppendResult> {
      return writeTransaction(db, async (trx): Promise<AppendResult> => {
        // PostgreSQL: the period's lock shared (a period lock being set waits for appends in flight, and
        // every append that starts after it sees it), then the council's lock alone, so the council's
        // Idempotency-Key look-up, If-Match check and next version number are read and written by one
        // transaction at a time. The unique constraints on (council, period, version) and (council,
        // idempotency_key) would refuse anything that slipped past.
        await advisoryLock(trx, 'period', input.period, 'shared');
        await advisoryLock(trx, 'council', input.council);
        const versions = camelCased(trx);
        if (input.idempotencyKey !== undefined) {
          const earlier = await versions
            .selectFrom('submissions')
            .select(['id', 'receipt', 'requestHash'])
            .where('council', '=', input.council)
            .where('idempotencyKey', '=', input.idempotencyKey)
            .executeTakeFirst();
          if (earlier) {
            return earlier.requestHash === (input.requestHash ?? null)
              ? { kind: 'replayed', id: earlier.id, receipt: JSON.parse(earlier.receipt) as object }
              : { kind: 'key-reused' };
          }
        }
        const locked = await versions
          .selectFrom('period_locks')
          .select('period')
          .where('period', '=', input.period)
          .executeTakeFirst();
        if (locked) return { kind: 'locked' };
        const previous = await versions
          .selectFrom('submissions')
          .select(['id', 'version', 'rowDigest'])
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
          rowDigest: previous.rowDigest,
          data: async () => {
            const row = await versions
              .selectFrom('submissions')
              .select('data')
              .where('id', '=', previous.id)
              .executeTakeFirstOrThrow();
            // Stored data was validated when it came in.
            return JSON.parse(row.data) as CouncilSubmission;
          },
        };
        const receipt = await input.receipt({ version, ...(before ? { previous: before } : {}) });
        const inserted = await versions
          .insertInto('submissions')
          .values({
            council: input.council,
            period: input.period,
            version,
            submittedAt: input.submittedAt,
            tokenId: input.actor.via === 'token' ? Number(input.actor.id) : null,
            submittedBy: input.actor.label,
            source: input.source,
            idempotencyKey: input.idempotencyKey ?? null,
            requestHash: input.requestHash ?? null,
            receipt: JSON.stringify(receipt),
            rowDigest: input.rowDigest ?? null,
            // Last: PostgreSQL's driver copies each value onto the end of the values before it, growing
            // its buffer as it goes, so megabytes at the end are copied once, not again for each after.
            data:
              typeof input.data === 'string'
                ? input.data
                : input.data instanceof Uint8Array
                  ? textOfUtf8(trx, input.data)
                  : JSON.stringify(input.data),
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
    },

    /** Versions newest first (metadata only), optionally for one period. */
    async listSubmissions(council: string, period?: string): Promise<SubmissionSummary[]> {
      let query = rows
        .selectFrom('submissions')
        .select(SUMMARY)
        .select(review)
        .where('council', '=', council);
      if (period) query = query.where('period', '=', period);
      // Ids follow commit order, so this is newest first even when clocks or writers interleave.
      return query.orderBy('id', 'desc').execute();
    },

    /** The newest version of a council for the latest period ≤ `period` that has one. */
    async latestSubmissionUpTo(council: string, period: string): Promise<StoredSubmission | undefined> {
      const row = await rows
        .selectFrom('submissions')
        .select('id')
        .where('council', '=', council)
        .where('period', '<=', period)
        .orderBy('period', 'desc')
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? getSubmission(council, row.id) : undefined;
    },

    /**
     * The latest version of each council for each of these periods, with its review status: all that
     * consolidation can pick from (it takes the latest version of the latest period), without the rest.
     * Yielded one at a time, each council's versions together, so that a caller can fold each into what
     * it needs and let it go: a version's JSON is read and parsed only as it is reached.
     */
    async *eachLatestVersion(periods: readonly string[]): AsyncGenerator<SubmissionRecord> {
      if (periods.length === 0) return;
      const query = rows
        .selectFrom('submissions')
        .select(['council', 'period', 'version', 'submittedAt'])
        .select(review)
        .select('data')
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
      for await (const r of query.stream(VERSIONS_PER_FETCH))
        yield { ...r, data: JSON.parse(r.data) as CouncilSubmission };
    },

    /** Per council, the summary of its first and latest versions for a period (for the status board). */
    async periodSummaries(
      period: string,
    ): Promise<Map<string, { first: SubmissionSummary; latest: SubmissionSummary }>> {
      const summaries = await rows
        .selectFrom('submissions')
        .select(SUMMARY)
        .select(review)
        .where('period', '=', period)
        .orderBy('version', 'asc')
        .execute();
      const byCouncil = new Map<string, { first: SubmissionSummary; latest: SubmissionSummary }>();
      for (const row of summaries) {
        const seen = byCouncil.get(row.council);
        byCouncil.set(row.council, { first: seen?.first ?? row, latest: row });
      }
      return byCouncil;
    },

    async addReview(
      submissionId: number,
      decision: { status: 'accepted' | 'returned'; comment: string },
      actor: Actor,
      at: string,
    ): Promise<void> {
      await writeTransaction(db, async (trx) => {
        const reviews = camelCased(trx);
        const submission = await reviews
          .selectFrom('submissions')
          .select(['council', 'period', 'version'])
          .where('id', '=', submissionId)
          .executeTakeFirstOrThrow();
        await reviews
          .insertInto('reviews')
          .values({
            submissionId,
            status: decision.status,
            comment: decision.comment,
            reviewedAt: at,
            reviewedBy: actor.label,
          })
          .execute();
        await audit(trx, {
          at,
          actor,
          action: 'submission.review',
          council: submission.council,
          period: submission.period,
          target: `submission ${submissionId} (version ${submission.version}) ${decision.status}`,
          status: 200,
        });
      });
    },
  };
}

/**
 * UTF-8 bytes stored as the text they encode, converted by the database: a return's text (megabytes)
 * goes from the decode worker to the database without becoming a string on this thread.
 */
function textOfUtf8(db: Kysely<Database>, bytes: Uint8Array) {
  const blob = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // PostgreSQL: bytes sent in binary form for a text column are that text's binary form, which the
  // server checks as UTF-8 and keeps, with no bytea value made and converted on the way.
  return dialectOf(db) === 'postgres' ? sql<string>`${blob}` : sql<string>`cast(${blob} as text)`;
}
