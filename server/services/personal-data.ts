// Personal data (DESIGN §11): what the service holds about one e-mail address (subject access), and
// changing it everywhere at once — a stable pseudonym (erasure, and retention for old years) or a new
// name and address (rectification). Figures (days, levels, pence) are never touched, so every
// consolidated figure stays as it was; only names and addresses change.
import { createHash } from 'node:crypto';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import {
  PERSON_SHEETS,
  type Actor,
  type AuditEntry,
  type PersonChange,
  type PersonReport,
  type PersonRow,
} from '../../shared/api.js';
import { addMonths } from '../../shared/dates.js';
import { councilSubmissionSchema, partnershipSchema, type CouncilSubmission } from '../../shared/schemas.js';
import { advisoryLock, dialectOf, writeTransaction } from '../store/dialect.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/index.js';
import { rowDigest, storedDigest } from './changes.js';

export const ERASED_DOMAIN = 'erased.invalid';

export interface Identity {
  name: string;
  email: string;
}

const hex8 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);

/** The pseudonym of an e-mail address: the same in every row, version and audit entry, and at every erasure. */
export function pseudonymOf(email: string): Identity {
  const h = hex8(`email:${email.trim().toLowerCase()}`);
  return { name: `Person ${h}`, email: `${h}@${ERASED_DOMAIN}` };
}

/** A name given without an e-mail address (a project's owner) gets a pseudonym of its own. */
const pseudonymOfName = (name: string): string => `Person ${hex8(`name:${name.trim().toLowerCase()}`)}`;

export const isErasedAddress = (email: string): boolean =>
  email.trim().toLowerCase().endsWith(`@${ERASED_DOMAIN}`);
const isPseudonymName = (name: string): boolean => /^Person [0-9a-f]{8}$/.test(name);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Whole addresses and whole words only: "jo@x.gov.uk" is not inside "bjo@x.gov.uk", "Al" not in "Alpha".
const EMAIL_BEFORE = '(?<![\\p{L}\\p{N}._%+-])';
const EMAIL_AFTER = '(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])';
const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';
/** An e-mail address inside free text. */
const ANY_EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A Microsoft 365 sign-in's label: `name <preferred_username>` (DESIGN §9.1). */
const SIGN_IN_LABEL = /^(.*\S)\s*<([^<>\s]+@[^<>\s]+)>$/;

/**
 * Addresses and names to find in text (any case, whole words), each with what replaces it. A name of
 * fewer than two letters is never looked for: it would match inside ordinary words.
 */
export class Mentions {
  private readonly replacements = new Map<string, string>();
  private readonly pattern: RegExp | undefined;

  constructor(emails: Iterable<[string, string]>, names: Iterable<[string, string]>) {
    const parts: [string, string][] = [];
    for (const [from, to] of emails) {
      this.replacements.set(from.toLowerCase(), to);
      parts.push([from, `${EMAIL_BEFORE}${escapeRegExp(from)}${EMAIL_AFTER}`]);
    }
    for (const [from, to] of names) {
      if ((from.match(/\p{L}/gu) ?? []).length < 2) continue;
      this.replacements.set(from.toLowerCase(), to);
      parts.push([from, `${WORD_BEFORE}${escapeRegExp(from)}${WORD_AFTER}`]);
    }
    // Longest first, so "Jo Bloggs" is replaced whole before "Jo" could be.
    parts.sort((a, b) => b[0].length - a[0].length);
    if (parts.length > 0) this.pattern = new RegExp(parts.map((p) => p[1]).join('|'), 'giu');
  }

  /** The words to look for in the database (its LIKE prefilter); the pattern decides. */
  get needles(): string[] {
    return [...this.replacements.keys()];
  }

  replace(text: string): string {
    return this.pattern
      ? text.replace(this.pattern, (m) => this.replacements.get(m.toLowerCase()) ?? m)
      : text;
  }

  in(text: string): boolean {
    return this.pattern !== undefined && text.search(this.pattern) >= 0;
  }

  /** A copy of JSON with every string replaced in. */
  rewrite<T>(value: T): T {
    return rewriteStrings(value, (text) => this.replace(text));
  }

  /** Whether any string of the JSON names someone. */
  inJson(value: unknown): boolean {
    let found = false;
    rewriteStrings(value, (text) => {
      found ||= this.in(text);
      return text;
    });
    return found;
  }
}

function rewriteStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => rewriteStrings(v, change)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteStrings(v, change)])) as T;
  return value;
}

/** `column` contains one of the needles, in any case: a prefilter, so only candidate rows are read. */
function mentioned(db: Kysely<Database>, column: string, needles: readonly string[]): Expression<SqlBool> {
  const like = dialectOf(db) === 'postgres' ? sql`ilike` : sql`like`;
  const escaped = needles.map((n) => `%${n.replace(/[\\%_]/g, '\\$&')}%`);
  // SQLite's LIKE ignores the case of ASCII letters only; the pattern (Mentions) decides in the end.
  return sql<SqlBool>`(${sql.join(
    escaped.map((p) => sql`${sql.ref(column)} ${like} ${p} escape '\\'`),
    sql` or `,
  )})`;
}

const lower = (email: string): string => email.trim().toLowerCase();

/** The names the address goes by: on Skills rows that give it, and in sign-ins (`name <address>`). */
async function namesOf(db: Kysely<Database>, email: string): Promise<string[]> {
  const names = new Set<string>();
  const versions = await db
    .selectFrom('submissions')
    .select('data')
    .where(mentioned(db, 'data', [email]))
    .execute();
  for (const v of versions) {
    const data = JSON.parse(v.data) as Partial<CouncilSubmission>;
    for (const row of data.skills ?? []) if (lower(row.email) === email && row.person) names.add(row.person);
  }
  const labels = await db
    .selectFrom('audit_log')
    .select('actor_label as label')
    .where(mentioned(db, 'actor_label', [email]))
    .union(
      db
        .selectFrom('submissions')
        .select('submitted_by as label')
        .where(mentioned(db, 'submitted_by', [email])),
    )
    .execute();
  for (const { label } of labels) {
    const signIn = SIGN_IN_LABEL.exec(label);
    if (signIn && lower(signIn[2]!) === email) names.add(signIn[1]!);
  }
  return [...names].filter((n) => !isPseudonymName(n));
}

/** What a subject access request is answered with: everything that names `email`. */
export async function personReport(store: Store, address: string): Promise<PersonReport> {
  const email = lower(address);
  const db = store.db;
  const names = await namesOf(db, email);
  const mentions = new Mentions(
    [[email, email]],
    names.map((n) => [n, n]),
  );
  const rows: PersonRow[] = [];
  const versions = await db
    .selectFrom('submissions')
    .select(['id', 'council', 'period', 'version', 'data'])
    .where(mentioned(db, 'data', mentions.needles))
    .orderBy('id')
    .execute();
  for (const v of versions) {
    const data = JSON.parse(v.data) as Record<string, Record<string, unknown>[] | undefined>;
    for (const sheet of PERSON_SHEETS)
      for (const row of data[sheet] ?? [])
        if (mentions.inJson(row))
          rows.push({
            sheet,
            council: v.council,
            period: v.period,
            version: v.version,
            submissionId: v.id,
            row,
          });
  }
  const audit: AuditEntry[] = [];
  for (let after: number | undefined; ;) {
    const page = await store.auditEntries({
      mentioning: mentions.needles,
      limit: 1000,
      ...(after ? { after } : {}),
    });
    if (page.length === 0) break;
    audit.push(...page.filter((e) => mentions.in(e.actor.label) || mentions.in(e.target ?? '')));
    after = page.at(-1)!.id;
  }
  return {
    email,
    names,
    rows,
    audit,
    users: (await store.listUsers()).filter((u) => u.email === email),
    tokens: (await store.listTokens()).filter((t) => mentions.in(t.label)),
  };
}

export type PersonChangeRequest = { kind: 'erase' } | { kind: 'rectify'; name?: string; email?: string };

/**
 * Erases (pseudonymises) or rectifies one person everywhere, in one transaction, audited: returns what
 * changed, or undefined when nothing names them. Stored e-mails not yet sent that could name them are
 * withdrawn (the next daily run composes them again); erasure also drops the text of ones already sent.
 */
export async function changePerson(
  store: Store,
  address: string,
  request: PersonChangeRequest,
  actor: Actor,
  at: string,
): Promise<PersonChange | undefined> {
  const email = lower(address);
  return writeTransaction(store.db, async (trx) => {
    await advisoryLock(trx, 'personalData', 'people');
    const names = await namesOf(trx, email);
    const to: Identity =
      request.kind === 'erase'
        ? pseudonymOf(email)
        : { name: request.name ?? names[0] ?? '', email: request.email ?? email };
    const renamed = request.kind === 'erase' || request.name !== undefined;
    const mentions = new Mentions(
      to.email === email ? [] : [[email, to.email]],
      renamed ? names.filter((n) => n !== to.name).map((n) => [n, to.name]) : [],
    );
    if (mentions.needles.length === 0) return undefined;
    const counts = await rewriteEverywhere(trx, mentions);
    const users =
      request.kind === 'erase' || to.email !== email
        ? await moveUsers(trx, email, request.kind === 'erase' ? undefined : to.email)
        : 0;
    const emails = await withdrawMail(
      trx,
      email,
      counts.earliestPeriod,
      request.kind === 'erase' ? to.email : undefined,
    );
    const { earliestPeriod: _earliest, ...changes } = counts;
    if (Object.values(changes).every((n) => n === 0) && users + emails === 0) return undefined;
    const change: PersonChange = {
      ...to,
      versions: counts.versions,
      reviews: counts.reviews,
      partnershipVersions: counts.partnershipVersions,
      auditEntries: counts.auditEntries,
      users,
      tokens: counts.tokens,
      emails,
    };
    const { name: _name, email: _email, ...detail } = change;
    await trx
      .insertInto('audit_log')
      .values({
        at,
        actor_via: actor.via,
        actor_id: actor.id,
        actor_label: mentions.replace(actor.label),
        action: request.kind === 'erase' ? 'person.erase' : 'person.rectify',
        council: null,
        period: null,
        target: to.name ? `${to.name} <${to.email}>` : to.email,
        status: 200,
        detail: JSON.stringify(detail),
      })
      .execute();
    return change;
  });
}

/**
 * The person's Microsoft 365 registrations: removed on erasure, or given the new address (one that
 * tenant already has registered stays, and the old one goes). Returns how many were registered.
 */
async function moveUsers(trx: Kysely<Database>, email: string, to: string | undefined): Promise<number> {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'tenant_id'])
    .where('email', '=', email)
    .execute();
  for (const user of users) {
    const taken =
      to !== undefined &&
      (await trx
        .selectFrom('users')
        .select('id')
        .where('tenant_id', '=', user.tenant_id)
        .where('email', '=', to)
        .executeTakeFirst());
    if (to === undefined || taken) await trx.deleteFrom('users').where('id', '=', user.id).execute();
    else await trx.updateTable('users').set({ email: to }).where('id', '=', user.id).execute();
  }
  return users.length;
}

interface RewriteCounts {
  versions: number;
  reviews: number;
  partnershipVersions: number;
  auditEntries: number;
  tokens: number;
  /** Period locks and the like: changed, but not worth a count of their own. */
  other: number;
  earliestPeriod?: string;
}

/** Every stored name and address the mentions find, replaced: returns how many records changed. */
async function rewriteEverywhere(trx: Kysely<Database>, mentions: Mentions): Promise<RewriteCounts> {
  const needles = mentions.needles;
  const counts: RewriteCounts = {
    versions: 0,
    reviews: 0,
    partnershipVersions: 0,
    auditEntries: 0,
    tokens: 0,
    other: 0,
  };
  const versions = await trx
    .selectFrom('submissions')
    .select(['id', 'council', 'period', 'version'])
    .where((eb) =>
      eb.or([
        mentioned(trx, 'data', needles),
        mentioned(trx, 'submitted_by', needles),
        mentioned(trx, 'receipt', needles),
      ]),
    )
    .orderBy('id')
    .execute();
  for (const v of versions) {
    if (
      await rewriteVersion(
        trx,
        v,
        (data) => mentions.rewrite(data),
        (label) => mentions.replace(label),
      )
    ) {
      counts.versions += 1;
      if (counts.earliestPeriod === undefined || v.period < counts.earliestPeriod)
        counts.earliestPeriod = v.period;
    }
  }
  counts.reviews = await rewriteColumns(trx, 'reviews', 'id', ['reviewed_by', 'comment'], mentions);
  for (const p of await trx
    .selectFrom('partnership_versions')
    .select(['version', 'data', 'created_by'])
    .where((eb) => eb.or([mentioned(trx, 'data', needles), mentioned(trx, 'created_by', needles)]))
    .execute()) {
    const data = mentions.rewrite(JSON.parse(p.data) as unknown);
    partnershipSchema.parse(data);
    const next = { data: JSON.stringify(data), created_by: mentions.replace(p.created_by) };
    if (next.data === JSON.stringify(JSON.parse(p.data)) && next.created_by === p.created_by) continue;
    await trx.updateTable('partnership_versions').set(next).where('version', '=', p.version).execute();
    counts.partnershipVersions += 1;
  }
  counts.other = await rewriteColumns(trx, 'period_locks', 'period', ['locked_by'], mentions);
  counts.tokens = await rewriteColumns(trx, 'tokens', 'id', ['label'], mentions);
  counts.auditEntries = await withGrant(trx, 'erasure or rectification', () =>
    rewriteColumns(trx, 'audit_log', 'id', ['actor_label', 'target', 'detail'], mentions),
  );
  return counts;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loop serves several tables' text columns
type AnyDb = Kysely<any>;

/** Names and addresses replaced in text columns of the rows of `table` that mention them; returns how many rows changed. */
async function rewriteColumns(
  trx: Kysely<Database>,
  table: 'reviews' | 'period_locks' | 'tokens' | 'audit_log',
  key: string,
  columns: readonly string[],
  mentions: Mentions,
): Promise<number> {
  const db = trx as AnyDb;
  const rows = (await db
    .selectFrom(table)
    .select([key, ...columns])
    .where((eb) => eb.or(columns.map((c) => mentioned(trx, c, mentions.needles))))
    .execute()) as Record<string, string | null>[];
  let changed = 0;
  for (const row of rows) {
    const next = Object.fromEntries(
      columns.map((c) => [c, row[c] === null ? null : mentions.replace(row[c] as string)]),
    );
    if (columns.every((c) => next[c] === row[c])) continue;
    await db.updateTable(table).set(next).where(key, '=', row[key]).execute();
    changed += 1;
  }
  return changed;
}

/**
 * Rewrites one version's names and addresses; true when anything changed. The version must still be
 * a valid return afterwards (a pseudonym is longer than some names: a note at its length limit could
 * overflow), else the whole change is refused rather than a version left that cannot be read.
 */
async function rewriteVersion(
  trx: Kysely<Database>,
  v: { id: number; council: string; period: string; version: number },
  rewriteData: (data: unknown) => unknown,
  rewriteLabel: (label: string) => string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('submissions')
    .select(['data', 'submitted_by', 'receipt'])
    .where('id', '=', v.id)
    .executeTakeFirstOrThrow();
  const before = JSON.parse(row.data) as unknown;
  const data = rewriteData(before);
  const next = {
    data: JSON.stringify(data),
    submitted_by: rewriteLabel(row.submitted_by),
    receipt: JSON.stringify(rewriteData(JSON.parse(row.receipt) as unknown)),
  };
  if (
    next.data === JSON.stringify(before) &&
    next.submitted_by === row.submitted_by &&
    next.receipt === row.receipt
  )
    return false;
  const checked = councilSubmissionSchema.safeParse(data);
  if (!checked.success)
    throw new PersonalDataRefused(
      `${v.council} ${v.period} version ${v.version} would no longer be a valid return with the new name: ` +
        checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  await trx
    .updateTable('submissions')
    .set({ ...next, row_digest: storedDigest(rowDigest(data as CouncilSubmission)) })
    .where('id', '=', v.id)
    .execute();
  return true;
}

export class PersonalDataRefused extends Error {}

/** Runs `work` while the audit log accepts pseudonymising updates (migration 7); nobody else sees the grant. */
async function withGrant<T>(trx: Kysely<Database>, reason: string, work: () => Promise<T>): Promise<T> {
  await trx.insertInto('personal_data_grant').values({ id: 1, reason }).execute();
  const result = await work();
  await trx.deleteFrom('personal_data_grant').where('id', '=', 1).execute();
  return result;
}

/**
 * E-mails in the outbox that may name the person: not yet sent, they are withdrawn (the daily run
 * composes the roll-up again from the changed returns); sent, their stored text is dropped on erasure
 * (`erasedAs`), and the address they went to becomes the pseudonym. One being sent now is left alone.
 */
async function withdrawMail(
  trx: Kysely<Database>,
  email: string,
  fromPeriod: string | undefined,
  erasedAs: string | undefined,
): Promise<number> {
  // A roll-up carries the consolidated workbook, which lists people, from the first month naming them on.
  const mayName =
    fromPeriod === undefined
      ? sql<SqlBool>`recipient = ${email}`
      : sql<SqlBool>`(recipient = ${email} or (kind in ('rollup', 'statement') and period >= ${fromPeriod}))`;
  const withdrawn = await trx
    .deleteFrom('mail_outbox')
    .where('status', '=', 'pending')
    .where(mayName)
    .executeTakeFirst();
  let changed = Number(withdrawn.numDeletedRows);
  if (erasedAs) {
    const dropped = await trx
      .updateTable('mail_outbox')
      .set({ message: Buffer.alloc(0) })
      .where('status', 'in', ['sent', 'failed', 'cancelled'])
      .where(sql<SqlBool>`length(message) > 0`)
      .where(mayName)
      .executeTakeFirst();
    changed += Number(dropped.numUpdatedRows);
    await trx
      .updateTable('mail_outbox')
      .set({ recipient: erasedAs })
      .where('status', '!=', 'sending')
      .where('recipient', '=', email)
      .execute();
  }
  return changed;
}

// ---- Retention ------------------------------------------------------------------------------------

/** Client addresses in the audit trail are kept this long. */
const CLIENT_ADDRESS_MONTHS = 12;

/**
 * The last period whose financial year ended more than `months` months before `now`: a year ending
 * 31 March Y has ended longer ago than that once the month of `now` is past March Y + months.
 */
export function lastExpiredPeriod(now: Date, months: number): string {
  const limit = addMonths(now.toISOString().slice(0, 7), -months);
  const year = Number(limit.slice(0, 4));
  return Number(limit.slice(5, 7)) > 3 ? `${year}-03` : `${year - 1}-03`;
}

export interface RetentionOutcome {
  /** Versions of periods up to this one are past the limit. */
  upTo: string;
  versions: { council: string; period: string; version: number }[];
  /** Audit entries older than 12 months whose client address is dropped. */
  clientAddresses: number;
}

/**
 * Pseudonymises everyone named in versions of financial years that ended more than `months` ago and
 * drops client addresses from audit entries older than 12 months (DESIGN §11). Idempotent: a version
 * already pseudonymised is left as it is, so running it again, or on another instance, changes
 * nothing. With `dryRun`, says what it would change and changes nothing.
 */
export async function applyRetention(
  store: Store,
  options: { now: Date; months: number; dryRun?: boolean; actor: Actor },
): Promise<RetentionOutcome> {
  const upTo = lastExpiredPeriod(options.now, options.months);
  const addressesBefore = new Date(options.now);
  addressesBefore.setUTCMonth(addressesBefore.getUTCMonth() - CLIENT_ADDRESS_MONTHS);
  return writeTransaction(store.db, async (trx) => {
    await advisoryLock(trx, 'personalData', 'people');
    const outcome: RetentionOutcome = { upTo, versions: [], clientAddresses: 0 };
    // Versions already through retention are not read again: a daily run reads only what is new.
    const candidates = await trx
      .selectFrom('submissions')
      .select(['id', 'council', 'period', 'version'])
      .where('period', '<=', upTo)
      .where('pseudonymised_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const v of candidates) {
      const row = await trx
        .selectFrom('submissions')
        .select(['data', 'submitted_by'])
        .where('id', '=', v.id)
        .executeTakeFirstOrThrow();
      const reviews = await trx
        .selectFrom('reviews')
        .select(['id', 'reviewed_by', 'comment'])
        .where('submission_id', '=', v.id)
        .execute();
      const data = JSON.parse(row.data) as unknown;
      const mentions = peopleOfVersion(data, [row.submitted_by, ...reviews.map((r) => r.reviewed_by)]);
      const at = { council: v.council, period: v.period, version: v.version };
      if (options.dryRun) {
        if (mentions.inJson(data) || mentions.in(row.submitted_by)) outcome.versions.push(at);
        continue;
      }
      const rewrite = (d: unknown) => mentions.rewrite(d);
      if (await rewriteVersion(trx, v, rewrite, (label) => mentions.replace(label)))
        outcome.versions.push(at);
      for (const r of reviews) {
        const next = { reviewed_by: mentions.replace(r.reviewed_by), comment: mentions.replace(r.comment) };
        if (next.reviewed_by !== r.reviewed_by || next.comment !== r.comment)
          await trx.updateTable('reviews').set(next).where('id', '=', r.id).execute();
      }
      await trx
        .updateTable('submissions')
        .set({ pseudonymised_at: options.now.toISOString() })
        .where('id', '=', v.id)
        .execute();
    }
    const oldAddresses = await trx
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('at', '<', addressesBefore.toISOString())
      .where('actor_via', '=', 'anonymous')
      .where('actor_id', '!=', '')
      .executeTakeFirstOrThrow();
    outcome.clientAddresses = Number(oldAddresses.n);
    if (!options.dryRun && outcome.clientAddresses > 0)
      await withGrant(trx, 'retention', () =>
        trx
          .updateTable('audit_log')
          .set({ actor_id: '' })
          .where('at', '<', addressesBefore.toISOString())
          .where('actor_via', '=', 'anonymous')
          .where('actor_id', '!=', '')
          .execute(),
      );
    if (!options.dryRun && (outcome.versions.length > 0 || outcome.clientAddresses > 0))
      await trx
        .insertInto('audit_log')
        .values({
          at: options.now.toISOString(),
          actor_via: options.actor.via,
          actor_id: options.actor.id,
          actor_label: options.actor.label,
          action: 'person.retention',
          council: null,
          period: null,
          target: `versions of periods up to ${upTo}`,
          status: 200,
          detail: JSON.stringify({
            versions: outcome.versions.length,
            clientAddresses: outcome.clientAddresses,
          }),
        })
        .execute();
    return outcome;
  });
}

/** Everyone a version names — on its Skills and Contributions rows, as project owners and as its sender — with their pseudonyms. */
function peopleOfVersion(data: unknown, labels: readonly string[]): Mentions {
  const emails = new Map<string, string>();
  const names = new Map<string, string>();
  const person = (email: string, name?: string) => {
    if (isErasedAddress(email)) return;
    const pseudonym = pseudonymOf(email);
    emails.set(lower(email), pseudonym.email);
    if (name && !isPseudonymName(name)) names.set(name, pseudonym.name);
  };
  const submission = data as Partial<CouncilSubmission>;
  for (const row of submission.skills ?? []) person(row.email, row.person);
  for (const row of submission.contributions ?? []) if (row.personEmail) person(row.personEmail);
  for (const label of labels) {
    const signIn = SIGN_IN_LABEL.exec(label);
    if (signIn) person(signIn[2]!, signIn[1]);
  }
  for (const row of submission.projects ?? [])
    if (row.owner && !isPseudonymName(row.owner) && !names.has(row.owner))
      names.set(row.owner, pseudonymOfName(row.owner));
  // Addresses in free text (notes, updates) too.
  rewriteStrings(data, (text) => {
    for (const found of text.matchAll(ANY_EMAIL)) person(found[0]);
    return text;
  });
  return new Mentions(emails, names);
}
