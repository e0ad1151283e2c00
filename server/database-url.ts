// Where the store lives, from DATABASE_URL (DESIGN §5, §9.4): `sqlite:PATH` (or `sqlite::memory:`), or
// `postgres://USER:PASS@HOST:PORT/DB` / `postgresql://…`.
// It sits beside config.ts, which reads DATABASE_URL with it, and imports nothing of the service.
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export const DATABASE_URL_HINT =
  'must be sqlite:PATH (e.g. sqlite:./data/shared-cdo.sqlite) or postgres://USER:PASS@HOST:PORT/DB';

/**
 * Reads a database URL. A plain path with no scheme is a SQLite file too (tools and tests pass one);
 * anything with another scheme, or a PostgreSQL URL without a database name, is refused.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`not a valid URL: ${DATABASE_URL_HINT}`);
    }
    if (parsed.pathname.length <= 1) throw new Error(`names no database: ${DATABASE_URL_HINT}`);
    return { kind: 'postgres', url };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file) throw new Error(`names no file: ${DATABASE_URL_HINT}`);
    return { kind: 'sqlite', file };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new Error(DATABASE_URL_HINT);
  return { kind: 'sqlite', file: url };
}

/** A database URL fit to print: its password, if any, replaced by ***. */
export const withoutPassword = (url: string): string => url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
