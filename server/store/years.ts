// Year closes (DESIGN §10) as the database keeps them: a close records the statements worked out at the
// time and locks every period of the year in the same transaction; a reopen (an administrator, with a
// reason) marks the close reopened and unlocks those periods. Closes are never deleted.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { statementSchema } from '../../shared/agreements.js';
import type { Actor } from '../../shared/api.js';
import { monthsOfFinancialYear } from '../../shared/dates.js';
import { advisoryLock, writeTransaction } from './dialect.js';
import type { Database } from './schema.js';
import { audit } from './audit.js';

const recordedSchema = z.object({
  netCostPence: z.int(),
  agreementId: z.int().nullable(),
  statements: z.array(statementSchema),
});
export type RecordedStatements = z.infer<typeof recordedSchema>;

export interface YearClose extends RecordedStatements {
  id: number;
  fy: string;
  closedAt: string;
  closedBy: string;
}

export type CloseResult = { kind: 'closed'; close: YearClose } | { kind: 'already-closed'; close: YearClose };

export class Years {
  constructor(private readonly db: Kysely<Database>) {}

  /** The FY's close in force (not reopened), if any. */
  async current(fy: string, db: Kysely<Database> = this.db): Promise<YearClose | undefined> {
    const row = await db
      .selectFrom('year_closes')
      .selectAll()
      .where('fy', '=', fy)
      .where('reopened_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      fy: row.fy,
      closedAt: row.closed_at,
      closedBy: row.closed_by,
      ...recordedSchema.parse(JSON.parse(row.statements)),
    };
  }

  async close(fy: string, recorded: RecordedStatements, actor: Actor, at: string): Promise<CloseResult> {
    return writeTransaction(this.db, async (trx) => {
      // Submissions in flight for the year's months finish first (they hold each period's lock shared).
      const months = monthsOfFinancialYear(fy);
      for (const period of months) await advisoryLock(trx, 'period', period);
      const already = await this.current(fy, trx);
      if (already) return { kind: 'already-closed', close: already };
      await trx
        .insertInto('year_closes')
        .values({
          fy,
          closed_at: at,
          closed_by: actor.label,
          statements: JSON.stringify(recorded),
          reopened_at: null,
          reopened_by: null,
          reopen_reason: null,
        })
        .execute();
      await trx
        .insertInto('period_locks')
        .values(months.map((period) => ({ period, locked_at: at, locked_by: actor.label })))
        .onConflict((oc) => oc.column('period').doNothing())
        .execute();
      await audit(trx, {
        at,
        actor,
        action: 'year.close',
        target: `year ${fy} closed; ${months[0]} to ${months[11]} locked`,
        status: 200,
      });
      return { kind: 'closed', close: (await this.current(fy, trx))! };
    });
  }

  /** Reopens a closed year; undefined when it was not closed. */
  async reopen(fy: string, reason: string, actor: Actor, at: string): Promise<YearClose | undefined> {
    return writeTransaction(this.db, async (trx) => {
      const months = monthsOfFinancialYear(fy);
      for (const period of months) await advisoryLock(trx, 'period', period);
      const close = await this.current(fy, trx);
      if (!close) return undefined;
      await trx
        .updateTable('year_closes')
        .set({ reopened_at: at, reopened_by: actor.label, reopen_reason: reason })
        .where('id', '=', close.id)
        .execute();
      await trx.deleteFrom('period_locks').where('period', 'in', months).execute();
      await audit(trx, {
        at,
        actor,
        action: 'year.reopen',
        target: `year ${fy} reopened: ${reason}`,
        status: 200,
      });
      return close;
    });
  }
}
