// The partnership's year (DESIGN §10): agreements of a year's cost shares with their snapshot (never
// changed once written), each council's decisions on them (append-only: a changed decision is a new
// row), and the year's closes with the statements recorded at the time.
import { sql, type Generated, type Kysely } from 'kysely';
import type { SchemaTypes } from './dialect.js';

export interface AgreementsTable {
  id: Generated<number>;
  fy: string;
  /** The snapshot as JSON (shared/agreements.ts `agreementSnapshotSchema`). */
  snapshot: string;
  note: string;
  proposed_at: string;
  proposed_by: string;
  /** Set once, when the last Member agreed. */
  agreed_at: string | null;
  /** Set once, when a new proposal for the FY replaced this one. */
  superseded_at: string | null;
}

export interface AgreementDecisionsTable {
  id: Generated<number>;
  agreement_id: number;
  council: string;
  decision: 'agree' | 'decline';
  comment: string;
  decided_at: string;
  decided_by: string;
}

export interface YearClosesTable {
  id: Generated<number>;
  fy: string;
  closed_at: string;
  closed_by: string;
  /** JSON: `{ netCostPence, agreementId, statements }` as recorded at the close. */
  statements: string;
  reopened_at: string | null;
  reopened_by: string | null;
  reopen_reason: string | null;
}

export interface YearTables {
  agreements: AgreementsTable;
  agreement_decisions: AgreementDecisionsTable;
  year_closes: YearClosesTable;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function createYearTables(db: Kysely<any>, t: SchemaTypes): Promise<void> {
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'integer', t.autoId)
    .addColumn('fy', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('agreed_at', 'text')
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema.createIndex('agreements_by_fy').on('agreements').columns(['fy', 'id']).execute();
  await db.schema
    .createTable('agreement_decisions')
    .addColumn('id', 'integer', t.autoId)
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
    .addColumn('council', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addCheckConstraint('decision_is_known', sql`decision in ('agree', 'decline')`)
    .execute();
  await db.schema
    .createIndex('agreement_decisions_by_agreement')
    .on('agreement_decisions')
    .column('agreement_id')
    .execute();
  await db.schema
    .createTable('year_closes')
    .addColumn('id', 'integer', t.autoId)
    .addColumn('fy', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addColumn('statements', 'text', (c) => c.notNull())
    .addColumn('reopened_at', 'text')
    .addColumn('reopened_by', 'text')
    .addColumn('reopen_reason', 'text')
    .execute();
  await db.schema.createIndex('year_closes_by_fy').on('year_closes').columns(['fy', 'id']).execute();
}
