// Both stores for tests: `describeStores('name', (kind) => …)` runs a block once on SQLite and once on
// PostgreSQL, and `freshDatabaseUrl(kind)` gives an empty database for one store. On PostgreSQL each
// test file gets its own database (dropped after the file) and each fresh store its own schema in it,
// so test files running side by side never see each other's rows. PostgreSQL is found at
// TEST_POSTGRES_URL (default: the local server's `test` database); under CI=true a missing server fails
// the PostgreSQL runs instead of skipping them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function answers(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL cannot be used, or undefined when it answers. */
export const postgresProblem = await answers(ADMIN_URL);

const unique = (prefix: string): string => `${prefix}_${process.pid}_${randomBytes(5).toString('hex')}`;

let fileDatabase: Promise<string> | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The URL of a database on the PostgreSQL server with this name. */
function databaseUrl(name: string, schema?: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  if (schema) url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** This test file's own PostgreSQL database, created on first use and dropped after the file. */
function testFileDatabase(): Promise<string> {
  fileDatabase ??= (async () => {
    const name = unique('shared_cdo_test');
    await adminQuery(ADMIN_URL, `create database ${name}`);
    cleanups.push(() => adminQuery(ADMIN_URL, `drop database if exists ${name} with (force)`));
    return name;
  })();
  return fileDatabase;
}

/** An empty PostgreSQL database of its own (for tests that need a whole database, e.g. `db copy`). */
export async function freshPostgresDatabase(): Promise<string> {
  const name = unique('shared_cdo_test');
  await adminQuery(ADMIN_URL, `create database ${name}`);
  cleanups.push(() => adminQuery(ADMIN_URL, `drop database if exists ${name} with (force)`));
  return databaseUrl(name);
}

/**
 * A DATABASE_URL for an empty store of this kind: a new SQLite file in a temporary folder, or a new
 * schema in this test file's PostgreSQL database. Both are removed after the test file.
 */
export async function freshDatabaseUrl(kind: StoreKind): Promise<string> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-db-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return `sqlite:${join(dir, 'store.sqlite')}`;
  }
  const database = await testFileDatabase();
  const schema = unique('s');
  await adminQuery(databaseUrl(database), `create schema ${schema}`);
  return databaseUrl(database, schema);
}

/**
 * Runs `body` once per store kind (or only for those of `kinds`), in a block named after it. Without PostgreSQL the PostgreSQL block
 * is skipped, except under CI=true, where it fails saying why.
 */
export function describeStores(
  name: string,
  body: (kind: StoreKind) => void,
  kinds: readonly StoreKind[] = STORE_KINDS,
): void {
  describe.each(kinds)(`${name} on %s`, (kind) => {
    if (kind === 'postgres' && postgresProblem) {
      if (process.env['CI'] === 'true')
        it('has PostgreSQL to run on', () => {
          throw new Error(`PostgreSQL does not answer at ${ADMIN_URL}: ${postgresProblem}`);
        });
      else it.skip(`PostgreSQL does not answer at ${ADMIN_URL}: ${postgresProblem}`);
      return;
    }
    body(kind);
  });
}
