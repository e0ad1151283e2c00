// Personal data (DESIGN §11): what the service holds about one e-mail address (subject access), and
// changing it everywhere at once: a stable pseudonym (erasure; retention reuses it) or a new name and
// address (rectification). Figures (days, levels, pence) are never touched, so every consolidated figure
// stays as it was; only names and addresses change.
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
import { councilSubmissionSchema, partnershipSchema, type CouncilSubmission } from '../../shared/schemas.js';
import { advisoryLock, dialectOf, writeTransaction } from '../store/dialect.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/index.js';
import { rowDigest, storedDigest } from '../returns/row-diff/digest.js';

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
export const pseudonymOfName = (name: string): string =>
  `Person ${hex8(`name:${name.trim().toLowerCase()}`)}`;

export const isErasedAddress = (email: string): boolean =>
  email.trim().toLowerCase().endsWith(`@${ERASED_DOMAIN}`);
export const isPseudonymName = (name: string): boolean => /^Person [0-9a-f]{8}$/.test(name);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Whole addresses and whole words only: "jo@x.gov.uk" is not inside "bjo@x.gov.uk", "Al" not in "Alpha".
const EMAIL_BEFORE = '(?<![\\p{L}\\p{N}._%+-])';
const EMAIL_AFTER = '(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])';
const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';
/** An e-mail address inside free text. */
export const ANY_EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A Microsoft 365 sign-in's label: `name <preferred_username>` (DESIGN §9.1). */
export const SIGN_IN_LABEL = /^(.*\S)\s*<([^<>\s]+@[^<>\s]+)>$/;

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

export function rewriteStrings<T>(value: T, change: (text: string) => string): T {
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

export const lower = (email: string): string => email.trim().toLowerCase();

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
export async function rewriteVersion(
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
export async function withGrant<T>(trx: Kysely<Database>, why: string, work: () => Promise<T>): Promise<T> {
  await trx.insertInto('personal_data_grant').values({ id: 1, reason: why }).execute();
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
