// The partnership (DESIGN §4): every version kept, the newest in force, and its councils in a table of
// their own for joins and look-ups without parsing JSON.
import type { Kysely } from 'kysely';
import { partnershipSchema, type Partnership } from '../../shared/schemas.js';
import type { Actor } from '../../shared/api.js';
import { audit } from './audit.js';
import { advisoryLock, writeTransaction } from './dialect.js';
import { camelCased, type Database } from './schema.js';

export interface PartnershipVersion {
  version: number;
  partnership: Partnership;
  createdAt: string;
}

/** The partnership in force, read with `db` (a transaction's, when the caller is in one). */
export async function currentPartnership(db: Kysely<Database>): Promise<PartnershipVersion | undefined> {
  const row = await camelCased(db)
    .selectFrom('partnership_versions')
    .select(['version', 'data', 'createdAt'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    version: row.version,
    partnership: partnershipSchema.parse(JSON.parse(row.data)),
    createdAt: row.createdAt,
  };
}

export function partnershipVersions(db: Kysely<Database>) {
  return {
    currentPartnership: () => currentPartnership(db),

    /**
     * The current partnership's version (0 before the first), without reading the partnership: lets a
     * submission reuse the partnership it read last while that is still the current one.
     */
    async partnershipVersion(): Promise<number> {
      const last = await db
        .selectFrom('partnership_versions')
        .select((eb) => eb.fn.max('version').as('version'))
        .executeTakeFirst();
      return last?.version ?? 0;
    },

    /** Stores a new partnership version and makes its councils current; returns the version number. */
    async savePartnership(partnership: Partnership, actor: Actor, at: string): Promise<number> {
      return writeTransaction(db, async (trx) => {
        // PostgreSQL: the partnership advisory lock, so two saves cannot both take max + 1 (the primary
        // key would refuse the second).
        await advisoryLock(trx, 'partnership', 'versions');
        const rows = camelCased(trx);
        const last = await rows
          .selectFrom('partnership_versions')
          .select((eb) => eb.fn.max('version').as('version'))
          .executeTakeFirst();
        const version = (last?.version ?? 0) + 1;
        await rows
          .insertInto('partnership_versions')
          .values({ version, data: JSON.stringify(partnership), createdAt: at, createdBy: actor.label })
          .execute();
        await rows.deleteFrom('councils').execute();
        await rows
          .insertInto('councils')
          .values(
            partnership.councils.map((c) => ({
              id: c.id,
              name: c.name,
              membership: c.membership,
              partnershipVersion: version,
            })),
          )
          .execute();
        await audit(trx, {
          at,
          actor,
          action: 'partnership.replace',
          target: `partnership v${version}`,
          status: 200,
        });
        return version;
      });
    },
  };
}
