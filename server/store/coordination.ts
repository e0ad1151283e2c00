// What instances of the service share so that they act as one: rate-limit counts and start-up jobs
// claimed once per database. Neither is data: `db copy` leaves both behind (copy.ts).
import { sql, type Kysely } from 'kysely';
import { camelCased, type Database } from './schema.js';

export function coordination(db: Kysely<Database>) {
  const rows = camelCased(db);
  return {
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
      if (Math.random() < 0.001) await rows.deleteFrom('rate_limits').where('resetAt', '<=', nowMs).execute();
      const ended = sql<boolean>`rate_limits.reset_at <= ${nowMs}`;
      const row = await rows
        .insertInto('rate_limits')
        .values({ key, hits: 1, resetAt: nowMs + windowMs })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when ${ended} then 1 else rate_limits.hits + 1 end`,
            resetAt: sql<number>`case when ${ended} then ${nowMs + windowMs} else rate_limits.reset_at end`,
          }),
        )
        .returning(['hits', 'resetAt'])
        .executeTakeFirstOrThrow();
      return { hits: Number(row.hits), resetAt: Number(row.resetAt) };
    },

    /** The hits of `key` in its current window (0 once the window has ended), counting none. */
    async rateLimitHits(key: string, nowMs: number): Promise<number> {
      const row = await rows
        .selectFrom('rate_limits')
        .select('hits')
        .where('key', '=', key)
        .where('resetAt', '>', nowMs)
        .executeTakeFirst();
      return row ? Number(row.hits) : 0;
    },

    /** Takes one hit of `key` back (a request that turned out not to count). */
    async unhitRateLimit(key: string): Promise<void> {
      await rows
        .updateTable('rate_limits')
        .set({ hits: sql<number>`hits - 1` })
        .where('key', '=', key)
        .where('hits', '>', 0)
        .execute();
    },

    async resetRateLimit(key: string): Promise<void> {
      await rows.deleteFrom('rate_limits').where('key', '=', key).execute();
    },

    /** True for the one caller that claims `name` first (of any number of instances); false for the rest. */
    async claimStartupJob(name: string, at: string): Promise<boolean> {
      const inserted = await rows
        .insertInto('startup_claims')
        .values({ name, claimedAt: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    },
  };
}
