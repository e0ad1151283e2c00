// The outbox: e-mails are rows first and SMTP traffic second. Enqueueing is idempotent per (kind,
// period, recipient); the worker claims a row before sending and confirms it after, so the outbox's
// view is exactly-once per key while the SMTP side is at-least-once (a crash after the server accepted
// the message but before the confirmation is written sends it again, with the same Message-ID).
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Logger } from 'pino';
import type { MailKind, MailOutboxTable, MailTables, OutboxStatus } from '../store/mail-tables.js';
import { isErasedAddress } from '../services/personal-data.js';
import type { MailTransport } from './transport.js';

export interface OutboxMessage {
  kind: MailKind;
  period: string;
  recipient: string;
  from: string;
  subject: string;
  message: Buffer;
  meta?: unknown;
}

export type OutboxRow = Selectable<MailOutboxTable>;

export const normaliseRecipient = (address: string): string => address.trim().toLowerCase();

/**
 * Adds messages whose key is not in the outbox yet, all or none (one transaction), and returns how many
 * were added. A key already there — from an earlier run or another instance — is left as it is.
 */
export async function enqueueMail(
  db: Kysely<MailTables>,
  messages: readonly OutboxMessage[],
  now: Date = new Date(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const m of messages) added += await insertMessage(trx, m, now);
    return added;
  });
}

/**
 * Adds one message unless its key is in the outbox already (1 if added, else 0). `cancelled` records the
 * key without sending anything: the message is kept to show what would have gone.
 */
export async function insertMessage(
  db: Kysely<MailTables>,
  m: OutboxMessage,
  now: Date,
  status: 'pending' | 'cancelled' = 'pending',
): Promise<number> {
  // An erased person's pseudonym is an address that cannot receive (DESIGN §11): nothing is sent to it.
  if (isErasedAddress(m.recipient)) return 0;
  const result = await db
    .insertInto('mail_outbox')
    .values({
      kind: m.kind,
      period: m.period,
      recipient: normaliseRecipient(m.recipient),
      envelope_from: m.from,
      subject: m.subject,
      message: m.message,
      meta: m.meta === undefined ? null : JSON.stringify(m.meta),
      status,
      attempts: 0,
      next_attempt_at: now.getTime(),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['kind', 'period', 'recipient']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** Recipients that already have a row for this kind and period, whatever its status. */
export async function outboxRecipients(
  db: Kysely<MailTables>,
  kind: MailKind,
  period: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select('recipient')
    .where('kind', '=', kind)
    .where('period', '=', period)
    .execute();
  return new Set(rows.map((r) => r.recipient));
}

export async function outboxRows(
  db: Kysely<MailTables>,
  filter: { kind?: MailKind; period?: string } = {},
): Promise<OutboxRow[]> {
  let query = db.selectFrom('mail_outbox').selectAll().orderBy('id');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.period) query = query.where('period', '=', filter.period);
  return query.execute();
}

export interface BackoffOptions {
  /** Delay after the first failed attempt; doubled after each further failure. */
  baseMs: number;
  maxMs: number;
  /** After this many attempts a message is marked failed (it stays in the outbox). */
  maxAttempts: number;
}

export interface OutboxWorkerOptions {
  workerId?: string;
  /** How long the sender lease lasts without renewal; a crashed instance's lease runs out after this. */
  leaseMs?: number;
  /** How long a claimed row stays claimed; longer than any SMTP attempt can take (see transport timeouts). */
  claimMs?: number;
  pollMs?: number;
  backoff?: Partial<BackoffOptions>;
  now?: () => number;
  /** Asked just before sending; `false` cancels the row (e.g. a reminder to a council that has since submitted). */
  stillWanted?: (row: OutboxRow) => Promise<boolean>;
  /** Told once a message has been handed over (the service records it in the audit trail). */
  sent?: (row: OutboxRow) => Promise<void>;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface PassResult {
  leader: boolean;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 10 };
const LEASE_NAME = 'mail-sender';

/** An SMTP reply in the 5xx range will not change on retry; anything else (4xx, network) might. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export const backoffDelay = (attempts: number, b: BackoffOptions): number =>
  Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, attempts - 1));

export class OutboxWorker {
  readonly id: string;
  private readonly leaseMs: number;
  private readonly claimMs: number;
  private readonly pollMs: number;
  private readonly backoff: BackoffOptions;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PassResult> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Kysely<MailTables>,
    private readonly transport: MailTransport,
    private readonly options: OutboxWorkerOptions = {},
  ) {
    this.id = options.workerId ?? `worker-${randomUUID()}`;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.claimMs = options.claimMs ?? 5 * 60_000;
    this.pollMs = options.pollMs ?? 15_000;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.now = options.now ?? Date.now;
  }

  /** Polls the outbox until `stop()`. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs a pass soon (after new rows were enqueued) instead of waiting for the next poll. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    // Handing the lease back lets another instance take over at once rather than after it expires.
    await this.db
      .deleteFrom('mail_lease')
      .where('name', '=', LEASE_NAME)
      .where('holder', '=', this.id)
      .execute()
      .catch(() => undefined);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: unknown) => this.options.logger?.error({ err: error }, 'mail outbox pass failed'))
        .finally(() => {
          if (!this.stopped) this.schedule(this.pollMs);
        });
    }, delay);
    this.timer.unref();
  }

  /** One pass: if this worker holds (or takes) the lease, sends every row that is due. Passes never overlap. */
  runOnce(): Promise<PassResult> {
    const previous = this.running ?? Promise.resolve(undefined);
    const pass = previous.catch(() => undefined).then(() => this.pass());
    this.running = pass;
    return pass;
  }

  /**
   * A pass with nothing due writes nothing, not even the lease: a service polling an empty outbox keeps no
   * SQLite checkpointer thread busy (README, "What it costs"). It then only says whether it could lead.
   */
  private async pass(): Promise<PassResult> {
    const result: PassResult = { leader: false, sent: 0, retried: 0, failed: 0, cancelled: 0 };
    if (!(await this.nextDue())) {
      result.leader = await this.leaseIsFree();
      return result;
    }
    if (!(await this.acquireLease())) return result;
    result.leader = true;
    for (;;) {
      const due = await this.nextDue();
      if (!due) break;
      // Renewed before every message, so a slow batch keeps the lease and a lost lease stops sending.
      if (!(await this.acquireLease())) break;
      const row = await this.claim(due.id, this.now());
      if (!row) continue;
      const outcome = await this.deliver(row);
      result[outcome] += 1;
    }
    return result;
  }

  /** The first row due to be sent now: pending and due, or claimed by a sender that died. */
  private nextDue(): Promise<{ id: number } | undefined> {
    const now = this.now();
    return this.db
      .selectFrom('mail_outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claim_expires_at', '<=', now)]),
        ]),
      )
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }

  /** Whether this worker could take the lease now: nobody holds it, it has expired, or it is ours. */
  private async leaseIsFree(): Promise<boolean> {
    const lease = await this.db
      .selectFrom('mail_lease')
      .select(['holder', 'expires_at'])
      .where('name', '=', LEASE_NAME)
      .executeTakeFirst();
    return !lease || lease.holder === this.id || lease.expires_at <= this.now();
  }

  /**
   * Takes the sender lease if it is free or expired, or renews it if it is ours: one
   * `insert … on conflict do update … where`, atomic on both databases (PostgreSQL locks the lease row,
   * so of two instances racing for an expired lease the second re-checks and finds it taken).
   */
  private async acquireLease(): Promise<boolean> {
    const now = this.now();
    await this.db
      .insertInto('mail_lease')
      .values({ name: LEASE_NAME, holder: this.id, expires_at: now + this.leaseMs })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder: this.id, expires_at: now + this.leaseMs })
          .where((eb) =>
            eb.or([eb('mail_lease.holder', '=', this.id), eb('mail_lease.expires_at', '<=', now)]),
          ),
      )
      .execute();
    const lease = await this.db
      .selectFrom('mail_lease')
      .select('holder')
      .where('name', '=', LEASE_NAME)
      .executeTakeFirst();
    return lease?.holder === this.id;
  }

  /**
   * Marks the row as being sent by this worker, in one statement, only if it is still due: two workers
   * can never both claim it. On PostgreSQL the update's row lock makes a second claimer wait and then
   * re-check the condition against the committed row, which no longer matches. An abandoned claim (its
   * sender died) becomes claimable when it expires.
   */
  private async claim(id: number, now: number): Promise<OutboxRow | undefined> {
    return this.db
      .updateTable('mail_outbox')
      .set((eb) => ({
        status: 'sending',
        claimed_by: this.id,
        claim_expires_at: now + this.claimMs,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claim_expires_at', '<=', now)]),
        ]),
      )
      .returningAll()
      .executeTakeFirst();
  }

  private async finish(row: OutboxRow, status: OutboxStatus, fields: Partial<OutboxRow> = {}): Promise<void> {
    const result = await this.db
      .updateTable('mail_outbox')
      .set({ status, claimed_by: null, claim_expires_at: null, ...fields })
      .where('id', '=', row.id)
      .where('claimed_by', '=', this.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      this.options.logger?.warn(
        { id: row.id, kind: row.kind, period: row.period },
        'mail outbox row was reclaimed by another sender while this one was sending',
      );
    }
  }

  private async deliver(row: OutboxRow): Promise<'sent' | 'retried' | 'failed' | 'cancelled'> {
    const log = { id: row.id, kind: row.kind, period: row.period, attempt: row.attempts };
    if (this.options.stillWanted && !(await this.options.stillWanted(row))) {
      await this.finish(row, 'cancelled');
      this.options.logger?.info(log, 'mail no longer needed; cancelled');
      return 'cancelled';
    }
    try {
      const response = await this.transport.send(
        { from: row.envelope_from, to: row.recipient },
        Buffer.from(row.message),
        `${row.kind}-${row.period}-${row.recipient}`,
      );
      await this.finish(row, 'sent', {
        smtp_response: response,
        sent_at: new Date(this.now()).toISOString(),
        last_error: null,
      });
      this.options.logger?.info(log, 'mail sent');
      await this.options
        .sent?.(row)
        .catch((error: unknown) =>
          this.options.logger?.error({ ...log, err: error }, 'a sent e-mail was not audited'),
        );
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isPermanent(error) || row.attempts >= this.backoff.maxAttempts) {
        await this.finish(row, 'failed', { last_error: message });
        this.options.logger?.error({ ...log, err: message }, 'mail failed; kept in the outbox as failed');
        return 'failed';
      }
      const delay = backoffDelay(row.attempts, this.backoff);
      await this.finish(row, 'pending', { last_error: message, next_attempt_at: this.now() + delay });
      this.options.logger?.warn({ ...log, err: message, retryInMs: delay }, 'mail not sent; will retry');
      return 'retried';
    }
  }
}
