// Retention of personal data (DESIGN §11): the daily run pseudonymises everyone named in versions of
// financial years past PERSONAL_DATA_RETENTION_MONTHS, and drops old client addresses from the audit trail,
// with the same pseudonyms and grant as an erasure (personal-data.ts).
import type { Actor } from '../../shared/api.js';
import { addMonths } from '../../shared/dates.js';
import type { CouncilSubmission } from '../../shared/schemas.js';
import { advisoryLock, writeTransaction } from '../store/dialect.js';
import type { Store } from '../store/index.js';
import {
  ANY_EMAIL,
  isErasedAddress,
  isPseudonymName,
  lower,
  Mentions,
  pseudonymOf,
  pseudonymOfName,
  rewriteStrings,
  rewriteVersion,
  SIGN_IN_LABEL,
  withGrant,
} from './personal-data.js';

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
