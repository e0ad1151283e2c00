// Commands that work on the database directly open it the way the service does (same DATABASE_URL).
import { ConfigError, loadConfig, withoutPassword, type Config } from '../config.js';
import { openStore, StoreOpenError, type Store } from '../store/index.js';
import { CLI_LOCALE, say } from './cli-language.js';

export { withoutPassword };

/** The line on standard error that says which database a command works on; a password is hidden. */
export function usingDatabaseLine(config: Pick<Config, 'databaseUrl'>): string {
  return `${say('cli.usingDatabase', { database: withoutPassword(config.databaseUrl) })}\n`;
}

export async function withStore<T>(work: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  process.stderr.write(usingDatabaseLine(config));
  const store = await openStore(config.database);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

/** Each council's name as the partnership has it (a person reads names, never IDs); an unknown ID as is. */
export async function councilNames(store: Store): Promise<(council: string) => string> {
  const names = new Map(
    (await store.currentPartnership())?.partnership.councils.map((c) => [c.id, c.name]) ?? [],
  );
  return (council) => names.get(council) ?? council;
}

/**
 * The one line for a configuration or a database an operator must fix, in the run's language; undefined
 * for another error. As with the API's Welsh errors, the Welsh names the variable without the English
 * detail; a database's reason is the driver's or the file system's own words in both.
 */
export function operatorFailure(error: unknown): string | undefined {
  if (error instanceof ConfigError)
    return CLI_LOCALE === 'en' ? error.message : say('cli.config.invalid', { variable: error.variable });
  if (error instanceof StoreOpenError && error.missingFolder)
    return say('cli.database.noFolder', { database: error.database, folder: error.missingFolder });
  if (error instanceof StoreOpenError)
    return say('cli.database.cannotOpen', { database: error.database, reason: error.reason });
  return undefined;
}

/** Runs a command body; expected failures print one line each to stderr and exit with code 1. */
export async function runCommand(
  body: () => Promise<void>,
  isExpected: (error: unknown) => string[] | undefined,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    const failure = operatorFailure(error);
    const lines = failure ? [failure] : isExpected(error);
    if (!lines) throw error;
    process.stderr.write(lines.map((line) => `${line}\n`).join(''));
    process.exitCode = 1;
  }
}
