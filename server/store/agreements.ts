// Agreements of a year's cost shares (DESIGN §10) as the database keeps them. A snapshot is written once
// and never changed; decisions are appended (a changed decision is a new row); `agreed_at` and
// `superseded_at` are each set once. Every step runs in one transaction holding the partnership lock,
// so a proposal, a decision and a settings change never interleave, on one instance or several.
import type { Kysely } from 'kysely';
import {
  agreementSnapshotSchema,
  type Agreement,
  type AgreementSnapshot,
  type Decision,
} from '../../shared/agreements.js';
import { partnershipSchema, type Partnership } from '../../shared/schemas.js';
import type { Actor } from '../../shared/api.js';
import { agreementSettings, settingsDiffer } from '../../shared/agreement-snapshot.js';
import { advisoryLock, writeTransaction } from './dialect.js';
import { currentPartnership } from './partnership.js';
import type { Database } from './schema.js';
import { audit } from './audit.js';
import type { AgreementsTable } from './year-tables.js';

type AgreementRow = Omit<AgreementsTable, 'id'> & { id: number };

export type DecideResult =
  | { kind: 'decided'; agreement: Agreement }
  | { kind: 'not-found' }
  | { kind: 'not-open'; agreement: Agreement }
  | { kind: 'not-a-member'; agreement: Agreement };

export class Agreements {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a proposal; any earlier proposal of the FY still open becomes superseded. */
  async propose(
    snapshot: (current: { version: number; partnership: Partnership }) => AgreementSnapshot,
    input: { fy: string; note: string },
    actor: Actor,
    at: string,
  ): Promise<Agreement | undefined> {
    return writeTransaction(this.db, async (trx) => {
      await advisoryLock(trx, 'partnership', 'versions');
      const current = await currentPartnership(trx);
      if (!current) return undefined;
      for (const earlier of await rowsOf(trx, input.fy)) {
        const agreement = await toAgreement(trx, earlier);
        if (agreement.status !== 'proposed') continue;
        await trx.updateTable('agreements').set({ superseded_at: at }).where('id', '=', earlier.id).execute();
        await audit(trx, {
          at,
          actor,
          action: 'agreement.supersede',
          target: `agreement ${earlier.id} ${input.fy} (new proposal)`,
          status: 200,
        });
      }
      const inserted = await trx
        .insertInto('agreements')
        .values({
          fy: input.fy,
          snapshot: JSON.stringify(snapshot(current)),
          note: input.note,
          proposed_at: at,
          proposed_by: actor.label,
          agreed_at: null,
          superseded_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, {
        at,
        actor,
        action: 'agreement.propose',
        target: `agreement ${inserted.id} ${input.fy}`,
        status: 201,
      });
      return this.read(trx, inserted.id);
    });
  }

  /** A council's decision; `agreed` is recorded in the same transaction when it was the last one needed. */
  async decide(
    id: number,
    council: string,
    decision: { decision: 'agree' | 'decline'; comment: string },
    actor: Actor,
    at: string,
  ): Promise<DecideResult> {
    return writeTransaction(this.db, async (trx) => {
      await advisoryLock(trx, 'partnership', 'versions');
      const before = await this.read(trx, id);
      if (!before) return { kind: 'not-found' };
      if (!before.dues.some((d) => d.council === council)) return { kind: 'not-a-member', agreement: before };
      if (before.status !== 'proposed') return { kind: 'not-open', agreement: before };
      await trx
        .insertInto('agreement_decisions')
        .values({
          agreement_id: id,
          council,
          decision: decision.decision,
          comment: decision.comment,
          decided_at: at,
          decided_by: actor.label,
        })
        .execute();
      await audit(trx, {
        at,
        actor,
        action: 'agreement.decide',
        council,
        target: `agreement ${id} ${before.fy} ${decision.decision}`,
        status: 200,
      });
      const after = (await this.read(trx, id))!;
      if (after.awaiting.length === 0 && after.decisions.every((d) => d.decision === 'agree')) {
        await trx.updateTable('agreements').set({ agreed_at: at }).where('id', '=', id).execute();
        await audit(trx, {
          at,
          actor,
          action: 'agreement.agreed',
          target: `agreement ${id} ${before.fy} agreed by every Member`,
          status: 200,
        });
        return { kind: 'decided', agreement: (await this.read(trx, id))! };
      }
      return { kind: 'decided', agreement: after };
    });
  }

  /** The FY's agreements, newest first. */
  async list(fy: string): Promise<Agreement[]> {
    const rows = await rowsOf(this.db, fy);
    return Promise.all(rows.map((row) => toAgreement(this.db, row)));
  }

  async get(id: number): Promise<Agreement | undefined> {
    return this.read(this.db, id);
  }

  private async read(db: Kysely<Database>, id: number): Promise<Agreement | undefined> {
    const row = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAgreement(db, row) : undefined;
  }
}

const rowsOf = (db: Kysely<Database>, fy: string): Promise<AgreementRow[]> =>
  db.selectFrom('agreements').selectAll().where('fy', '=', fy).orderBy('id', 'desc').execute();

/** Did a partnership version after the snapshot's change any of its settings of the FY? */
async function settingsChangedSince(db: Kysely<Database>, snapshot: AgreementSnapshot): Promise<boolean> {
  const later = await db
    .selectFrom('partnership_versions')
    .select('data')
    .where('version', '>', snapshot.partnershipVersion)
    .orderBy('version')
    .execute();
  return later.some(({ data }) =>
    settingsDiffer(
      agreementSettings(partnershipSchema.parse(JSON.parse(data)), snapshot.fy),
      snapshot.settings,
    ),
  );
}

async function toAgreement(db: Kysely<Database>, row: AgreementRow): Promise<Agreement> {
  const snapshot = agreementSnapshotSchema.parse(JSON.parse(row.snapshot));
  const rows = await db
    .selectFrom('agreement_decisions')
    .selectAll()
    .where('agreement_id', '=', row.id)
    .orderBy('id')
    .execute();
  // The latest decision of each council is the one in force.
  const latest = new Map<string, Decision>();
  for (const d of rows)
    latest.set(d.council, {
      council: d.council,
      decision: d.decision,
      comment: d.comment,
      by: d.decided_by,
      at: d.decided_at,
    });
  const settingsChanged = row.superseded_at === null && (await settingsChangedSince(db, snapshot));
  const supersededBy = row.superseded_at !== null ? 'proposal' : settingsChanged ? 'settings' : null;
  const decisions = snapshot.dues.flatMap((d) => latest.get(d.council) ?? []);
  return {
    id: row.id,
    fy: row.fy,
    status: supersededBy !== null ? 'superseded' : row.agreed_at !== null ? 'agreed' : 'proposed',
    proposedAt: row.proposed_at,
    proposedBy: row.proposed_by,
    note: row.note,
    agreedAt: row.agreed_at,
    supersededBy,
    dues: snapshot.dues,
    decisions,
    awaiting: snapshot.dues.filter((d) => !latest.has(d.council)).map((d) => d.council),
    snapshot,
  };
}
