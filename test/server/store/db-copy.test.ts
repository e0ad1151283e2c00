// `shared-cdo db copy`: the demo database moves from SQLite to PostgreSQL and back with every row of
// every table intact, ids included, and a target that already holds rows is refused.
import { agreementSnapshot } from '../../../shared/agreement-snapshot.js';
import { Agreements } from '../../../server/store/agreements.js';
import { Years } from '../../../server/store/years.js';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { createLogger } from '../../../server/logger.js';
import { enqueueMail } from '../../../server/mail/outbox.js';
import type { MailTables } from '../../../server/store/mail-tables.js';
import { loadDemo } from '../../../server/services/demo.js';
import { changePerson } from '../../../server/services/personal-data.js';
import { countRows, tablesInCreationOrder } from '../../../server/store/copy.js';
import { openStore, type Store } from '../../../server/store/index.js';
import { describeStores, freshDatabaseUrl, freshPostgresDatabase } from '../../helpers/databases.js';
import { testActor } from '../../helpers/actors.js';

const CLI = fileURLToPath(new URL('../../../bin/shared-cdo.js', import.meta.url));

function shared(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, LOG_LEVEL: 'silent' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function withStore<T>(url: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Every table's rows, in id order (or by their first column), keyed by table name. */
async function contents(url: string): Promise<Record<string, unknown[]>> {
  return withStore(url, async (store) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table
    const db = store.db as any;
    const all: Record<string, unknown[]> = {};
    for (const table of await tablesInCreationOrder(store.db)) {
      const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
      const key = Object.keys(rows[0] ?? {})[0]!;
      all[table] = rows.sort((a, b) => String(a[key]).localeCompare(String(b[key]), 'en', { numeric: true }));
    }
    return all;
  });
}

describeStores(
  'db copy',
  () => {
    it('copies the demo from SQLite to PostgreSQL and back, every table alike, and refuses a non-empty target', async () => {
      const sqliteUrl = await freshDatabaseUrl('sqlite');
      await withStore(sqliteUrl, async (store) => {
        const now = new Date('2026-11-15T10:00:00Z');
        await loadDemo(store, createLogger('silent'), now, 'Europe/London');
        const [latest] = await store.listSubmissions('cherwell');
        await store.addReview(
          latest!.id,
          { status: 'accepted', comment: 'Thank you' },
          testActor('cdo'),
          now.toISOString(),
        );
        await store.lockPeriod('2026-09', testActor('cdo'), now.toISOString());
        await store.useDownloadLink('link-1', '2026-11-15T10:05:00.000Z', now.toISOString());
        const tenant = '11111111-1111-4111-8111-111111111111';
        await store.addTenant({ tenantId: tenant, council: 'cherwell' }, testActor(), now.toISOString());
        await store.addUser(
          { tenantId: tenant, email: 'jo.bloggs@cherwell.example', role: 'cdo' },
          testActor(),
          now.toISOString(),
        );
        // An erasure rewrote versions and audit entries in place (DESIGN §11): the copy carries that too.
        await changePerson(
          store,
          'marcus@reid-research.example',
          { kind: 'erase' },
          testActor(),
          now.toISOString(),
        );
        // A year's agreement with a decision, and a closed year (DESIGN §10).
        const agreement = await new Agreements(store.db).propose(
          ({ version, partnership }) => agreementSnapshot(partnership, version, '2026-27', '2026-11'),
          { fy: '2026-27', note: '' },
          testActor('cdo'),
          now.toISOString(),
        );
        await new Agreements(store.db).decide(
          agreement!.id,
          'cherwell',
          { decision: 'agree', comment: '' },
          testActor('cherwell'),
          now.toISOString(),
        );
        await new Years(store.db).close(
          '2025-26',
          { netCostPence: 0, agreementId: null, statements: [] },
          testActor('cdo'),
          now.toISOString(),
        );
        const mail = store.db.withTables<MailTables>() as unknown as Kysely<MailTables>;
        await enqueueMail(
          mail,
          [
            {
              kind: 'rollup',
              period: '2026-10',
              recipient: 'board@example.org',
              from: 'cdo@example.org',
              subject: 'Roll-up',
              message: Buffer.from([0, 1, 2, 255, 254]),
            },
          ],
          now,
        );
        await mail
          .insertInto('mail_lease')
          .values({ name: 'mail-sender', holder: 'x', expires_at: now.getTime() })
          .execute();
      });
      const original = await contents(sqliteUrl);
      // Every table but the grant, which holds a row only inside an erasure's own transaction.
      for (const [table, rows] of Object.entries(original))
        if (table !== 'personal_data_grant') expect(rows.length, table).toBeGreaterThan(0);
      expect(JSON.stringify(original)).not.toContain('marcus@reid-research.example');
      expect(JSON.stringify(original['audit_log'])).toContain('person.erase');

      const postgresUrl = await freshPostgresDatabase();
      const there = await shared(['db', 'copy', '--from', sqliteUrl, '--to', postgresUrl]);
      expect(there.stderr).toBe('');
      expect(there.code).toBe(0);
      for (const [table, rows] of Object.entries(original))
        expect(there.stdout).toMatch(new RegExp(`^${table} +${rows.length}$`, 'm'));
      expect(await contents(postgresUrl)).toEqual(original);

      const again = await shared(['db', 'copy', '--from', sqliteUrl, '--to', postgresUrl]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^The target database is not empty \(\w+ has \d+ rows\)/);
      expect(await contents(postgresUrl)).toEqual(original);

      const backUrl = await freshDatabaseUrl('sqlite');
      const back = await shared(['db', 'copy', '--from', postgresUrl, '--to', backUrl]);
      expect(back.code).toBe(0);
      expect(await contents(backUrl)).toEqual(original);

      // New rows on the copy take ids after the copied ones.
      await withStore(postgresUrl, async (store) => {
        const before = await countRows(store.db, 'submissions');
        const maxId = Math.max(...(original['submissions'] as { id: number }[]).map((r) => r.id));
        const added = await store.appendSubmission({
          council: 'cherwell',
          period: '2026-12',
          data: '{"period":"2026-12","contributions":[],"skills":[],"projects":[]}',
          submittedAt: '2026-12-01T00:00:00Z',
          actor: testActor(),
          source: 'cli',
          receipt: () => ({}),
        });
        expect(added).toMatchObject({ kind: 'created' });
        expect((added as { id: number }).id).toBeGreaterThan(maxId);
        expect(await countRows(store.db, 'submissions')).toBe(before + 1);
      });
    });
  },
  ['postgres'],
);
