// Period locks (DESIGN §6): a locked period takes no more submissions. Locking waits for submissions in
// flight, which hold the period's advisory lock shared on PostgreSQL (see submissions.ts).
import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/api.js';
import { audit } from './audit.js';
import { advisoryLock, writeTransaction } from './dialect.js';
import { camelCased, type Database } from './schema.js';

export function periodLocks(db: Kysely<Database>) {
  return {
    async isLocked(period: string): Promise<boolean> {
      return Boolean(
        await db.selectFrom('period_locks').select('period').where('period', '=', period).executeTakeFirst(),
      );
    },

    async lockPeriod(period: string, actor: Actor, at: string): Promise<void> {
      await writeTransaction(db, async (trx) => {
        // PostgreSQL: the period's advisory lock alone, so appends in flight finish first.
        await advisoryLock(trx, 'period', period);
        await camelCased(trx)
          .insertInto('period_locks')
          .values({ period, lockedAt: at, lockedBy: actor.label })
          .onConflict((oc) => oc.column('period').doNothing())
          .execute();
        await audit(trx, { at, actor, action: 'period.lock', period, status: 200 });
      });
    },

    async unlockPeriod(period: string, actor: Actor, at: string): Promise<void> {
      await writeTransaction(db, async (trx) => {
        await advisoryLock(trx, 'period', period);
        await trx.deleteFrom('period_locks').where('period', '=', period).execute();
        await audit(trx, { at, actor, action: 'period.unlock', period, status: 200 });
      });
    },
  };
}
