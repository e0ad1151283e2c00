// What an operator sees when the service or a command cannot start for a reason they fix: one line that
// says what and where (a password hidden), exit code 1, and nothing created.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../../bin/shared-cdo.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  node = process.execPath,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      node,
      [CLI, ...args],
      { cwd: dir, env: { ...process.env, PORT: '0', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Standard error without the first line, which names the database a command uses. */
const afterUsing = (stderr: string) =>
  stderr.split('\n').filter((line) => !line.startsWith('Using database '));

describe.each([['serve'], ['token', 'list']])('shared-cdo %s', (...args) => {
  it('stops with one line when the PostgreSQL database does not exist, the password hidden', async () => {
    const result = await run(args, {
      DATABASE_URL: 'postgres://postgres:s3cret@127.0.0.1:5432/no_such_db_23',
    });
    expect(result.code).toBe(1);
    expect(afterUsing(result.stderr)).toEqual([
      'Cannot open the database postgres://postgres:***@127.0.0.1:5432/no_such_db_23: database "no_such_db_23" does not exist.',
      '',
    ]);
    expect(result.stderr).not.toContain('s3cret');
  });

  it('stops with one line when nothing answers at the PostgreSQL address', async () => {
    const result = await run(args, { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' });
    expect(result.code).toBe(1);
    expect(afterUsing(result.stderr)).toEqual([
      'Cannot open the database postgres://postgres@127.0.0.1:1/test: connect ECONNREFUSED 127.0.0.1:1.',
      '',
    ]);
  });

  it('stops with one line when the data folder does not exist, and does not make it', async () => {
    const missing = join(dir, 'not-made', 'data');
    const result = await run(args, { DATABASE_URL: `sqlite:${join(missing, 'shared-cdo.sqlite')}` });
    expect(result.code).toBe(1);
    expect(afterUsing(result.stderr)).toEqual([
      `Cannot open the database sqlite:${join(missing, 'shared-cdo.sqlite')}: the folder ${missing} does not exist; create it for the service's user (mode 0700) or correct DATABASE_URL.`,
      '',
    ]);
    expect(existsSync(join(dir, 'not-made'))).toBe(false);
  });
});

// The machine's own Node (Debian's) is older than the one the service needs; CI installs Node 24 beside it.
const OLD_NODE = '/usr/bin/node';
const oldNodeVersion = await new Promise<string | undefined>((resolve) =>
  execFile(OLD_NODE, ['--version'], (error, stdout) => resolve(error ? undefined : stdout.trim())),
);
const oldMajor = Number(/^v(\d+)/.exec(oldNodeVersion ?? '')?.[1] ?? 99);

describe.skipIf(oldMajor >= 24)(`on an older Node (${oldNodeVersion ?? 'none at ' + OLD_NODE})`, () => {
  it.each([['serve'], ['token', 'list']])(
    '%s stops with one line naming the Node it needs, before opening the database',
    async (...args) => {
      const file = join(dir, 'old-node.sqlite');
      const result = await run(args, { DATABASE_URL: `sqlite:${file}` }, OLD_NODE);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `Shared CDO needs Node 24 or later; this is Node ${oldNodeVersion!.slice(1)} (${OLD_NODE}). Install Node 24 LTS: see deploy/README.md.\n`,
      );
      expect(existsSync(file)).toBe(false);
    },
  );
});
