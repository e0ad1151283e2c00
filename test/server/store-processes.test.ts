// Several processes on one database file (a second instance, `shared-cdo submit` beside the service)
// take turns: every append succeeds and versions stay numbered 1..n.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-processes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('numbers versions without gaps when three processes append at once', async () => {
  const file = join(dir, 'shared.sqlite');
  await (await openStore(file)).close();
  const script = fileURLToPath(new URL('./helpers/append-child.ts', import.meta.url));
  await Promise.all(
    Array.from({ length: 3 }, () => run(process.execPath, ['--import', 'tsx', script, file, '15'])),
  );
  const store = await openStore(file);
  try {
    const versions = (await store.listSubmissions('cherwell', '2026-10')).map((s) => s.version);
    expect(versions).toEqual(Array.from({ length: 45 }, (_, i) => 45 - i));
    const writers = new Set((await store.listSubmissions('cherwell')).map((s) => s.submittedBy));
    expect(writers.size).toBe(3);
  } finally {
    await store.close();
  }
});
