// A server killed (SIGKILL) while submissions are in flight leaves a consistent database in which every
// version it acknowledged with 201 is intact, and no version is half-written; on SQLite and on PostgreSQL.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { openStore } from '../../server/store/index.js';
import type { SubmissionReceipt } from '../../shared/api.js';
import { councilSubmissionSchema, type CouncilSubmission } from '../../shared/schemas.js';
import { spawnService } from './helpers/spawn-service.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';

const COUNCILS = ['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'];
const PERIODS = ['2026-09', '2026-10'];

describeStores('a server killed mid-submission', (kind) => {
  it('keeps every acknowledged version after a SIGKILL mid-submission', async () => {
    const databaseUrl = await freshDatabaseUrl(kind);
    const { url, token, child, exited } = await spawnService({ DATABASE_URL: databaseUrl });

    const acknowledged: { receipt: SubmissionReceipt; sent: CouncilSubmission }[] = [];
    const refused: string[] = [];
    let attempt = 0;
    let killed = false;
    const worker = async (): Promise<void> => {
      while (!killed) {
        const n = attempt++;
        const council = COUNCILS[n % COUNCILS.length]!;
        const period = PERIODS[Math.floor(n / COUNCILS.length) % PERIODS.length]!;
        const base = demoCouncilSubmission(council, period);
        // Each attempt differs, so the stored data shows which request a version came from.
        const sent = {
          ...base,
          projects: base.projects.map((p, i) => (i === 0 ? { ...p, update: `attempt ${n}` } : p)),
        };
        try {
          const response = await fetch(`${url}/api/v1/councils/${council}/submissions?period=${period}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(sent),
          });
          if (response.status === 201)
            acknowledged.push({ receipt: (await response.json()) as SubmissionReceipt, sent });
          else refused.push(`${response.status}: ${await response.text()}`);
        } catch {
          // The connection died with the server: not acknowledged, so the client would retry.
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    expect(await exited).toBe('SIGKILL');
    expect(refused).toEqual([]);
    expect(attempt).toBeGreaterThan(acknowledged.length);

    const store = await openStore(databaseUrl);
    try {
      // SQLite checks its own file; PostgreSQL replays its write-ahead log and has no such check.
      if (kind === 'sqlite') {
        const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
        expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
      }
      for (const { receipt, sent } of acknowledged) {
        const stored = await store.getSubmission(receipt.council, receipt.id);
        expect(stored, `acknowledged ${receipt.council} ${receipt.period} v${receipt.version}`).toMatchObject(
          {
            period: receipt.period,
            version: receipt.version,
            data: councilSubmissionSchema.parse(sent),
          },
        );
      }
      // Versions are numbered 1..n without gaps, and each carries its whole receipt.
      const rows = await store.db
        .selectFrom('submissions')
        .select(['council', 'period', 'version', 'receipt'])
        .execute();
      for (const council of COUNCILS) {
        for (const period of PERIODS) {
          const versions = rows
            .filter((r) => r.council === council && r.period === period)
            .map((r) => r.version);
          expect(versions.sort((a, b) => a - b)).toEqual(versions.map((_, i) => i + 1));
        }
      }
      expect(rows.every((r) => (JSON.parse(r.receipt) as SubmissionReceipt).version > 0)).toBe(true);
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await store.close();
    }
  });
});
