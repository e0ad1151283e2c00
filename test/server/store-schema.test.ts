// One migration list, two databases: SQLite and PostgreSQL end up with the same tables and columns, and
// PostgreSQL has 64-bit columns where SQLite's integers are 64-bit anyway. (Nullability is not compared:
// SQLite reports a primary key column as nullable.)
import type { Kysely } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openStore, type Store } from '../../server/store/index.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table
async function shape(db: Kysely<any>): Promise<Record<string, string[]>> {
  const tables = await db.introspection.getTables();
  return Object.fromEntries(
    tables
      .map((t) => [t.name, t.columns.map((c) => c.name).sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describeStores(
  'migrations',
  () => {
    const stores: Store[] = [];
    afterAll(async () => {
      for (const store of stores) await store.close();
    });

    it('give SQLite and PostgreSQL the same tables and columns', async () => {
      const [sqlite, postgres] = await Promise.all(
        (['sqlite', 'postgres'] as const).map(async (kind) => openStore(await freshDatabaseUrl(kind))),
      );
      stores.push(sqlite!, postgres!);
      const expected = await shape(sqlite!.db);
      expect(Object.keys(expected)).toContain('submissions');
      expect(await shape(postgres!.db)).toEqual(expected);

      // Epoch milliseconds outgrow PostgreSQL's 32-bit integer; they are bigint there.
      const tables = await postgres!.db.introspection.getTables();
      const typeOf = (table: string, column: string) =>
        tables.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.dataType;
      expect(typeOf('mail_outbox', 'next_attempt_at')).toBe('int8');
      expect(typeOf('mail_lease', 'expires_at')).toBe('int8');
      expect(typeOf('mail_outbox', 'message')).toBe('bytea');
    });
  },
  ['postgres'],
);
