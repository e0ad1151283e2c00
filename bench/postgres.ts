// A throw-away PostgreSQL database for a bench run, on the server at BENCH_POSTGRES_URL (default: the
// local server's `test` database, as the tests use), dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${ADMIN_URL} (set BENCH_POSTGRES_URL): ${(error as Error).message}`,
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function benchPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `shared_cdo_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
