// Runs `shared-cdo` as an operator would, against a database of the test's own: a fresh SQLite file in
// a temporary folder (removed by `remove()`), or for `kind: 'postgres'` a fresh schema of the test file's
// PostgreSQL database (test/helpers/databases.ts, dropped after the file).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabaseUrl, type StoreKind } from './databases.js';

const CLI = fileURLToPath(new URL('../../bin/shared-cdo.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function cliOnFreshDatabase(kind: StoreKind = 'sqlite'): {
  /** `env` adds to the test's own environment, e.g. a locale. */
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  remove(): void;
  /** The temporary folder the commands run in (and the SQLite file's). */
  dir: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-cli-db-'));
  let url: Promise<string> | undefined;
  const databaseUrl = (): Promise<string> =>
    (url ??=
      kind === 'sqlite' ? Promise.resolve(`sqlite:${join(dir, 'db.sqlite')}`) : freshDatabaseUrl(kind));
  return {
    run: async (args, extra = {}) => {
      const env = { ...process.env, DATABASE_URL: await databaseUrl(), ...extra };
      return new Promise((resolve) => {
        execFile(process.execPath, [CLI, ...args], { env, cwd: dir }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
    dir,
  };
}
