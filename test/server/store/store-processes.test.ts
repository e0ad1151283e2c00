// Several processes on one database (a second instance, `shared-cdo submit` beside the service) take
// turns: every append succeeds and versions stay numbered 1..n, on SQLite and on PostgreSQL.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { openStore } from '../../../server/store/index.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';

const run = promisify(execFile);

describeStores('processes', (kind) => {
  it('numbers versions without gaps when three processes append at once', async () => {
    const url = await freshDatabaseUrl(kind);
    await (await openStore(url)).close();
    const script = fileURLToPath(new URL('../helpers/append-child.ts', import.meta.url));
    await Promise.all(
      Array.from({ length: 3 }, () => run(process.execPath, ['--import', 'tsx', script, url, '15'])),
    );
    const store = await openStore(url);
    try {
      const versions = (await store.listSubmissions('cherwell', '2026-10')).map((s) => s.version);
      expect(versions).toEqual(Array.from({ length: 45 }, (_, i) => 45 - i));
      const writers = new Set((await store.listSubmissions('cherwell')).map((s) => s.submittedBy));
      expect(writers.size).toBe(3);
    } finally {
      await store.close();
    }
  });
});
