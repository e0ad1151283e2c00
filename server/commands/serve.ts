// `shared-cdo serve` (what `npm start` runs): the service until SIGTERM or SIGINT, then a graceful stop.
import type { Command } from 'commander';
import { configVariables, loadConfig } from '../config.js';
import type { PlainKey } from '../../shared/i18n/index.js';
import { say } from './cli-language.js';
import { operatorFailure, usingDatabaseLine } from './store-access.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description(say('cli.help.serve'))
    .addHelpText('after', variablesHelp)
    .action(serve);
}

/**
 * The service until SIGTERM or SIGINT. bin/shared-cdo.js calls it directly for a bare `shared-cdo serve`,
 * so that the service's process never loads the command line (commander and every other command's
 * modules: about 2 MB of heap it would hold for as long as it runs).
 */
export async function serve(): Promise<void> {
  try {
    process.stderr.write(usingDatabaseLine(loadConfig()));
    // Loaded here, not with the command line: the service's modules (Express, the routes, sign-in)
    // are half of what every other command would otherwise load before doing anything.
    const { startService } = await import('../main.js');
    const service = await startService();
    const stop = (signal: string): void => {
      service.logger.info({ signal }, 'stopping: finishing requests in flight');
      void service.close().then(() => process.exit(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    const line = startFailure(error);
    if (!line) throw error;
    process.stderr.write(`${line}\n`);
    process.exitCode = 1;
  }
}

/** The one line for a start-up failure an operator can fix, or undefined for a bug. */
function startFailure(error: unknown): string | undefined {
  const failure = operatorFailure(error);
  if (failure) return failure;
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return say('cli.serve.portInUse');
  if (code === 'EACCES') return say('cli.serve.noPermission');
  if (code === 'ENOENT' && (error as { path?: string }).path) {
    return say('cli.serve.noFile', { path: (error as { path: string }).path });
  }
  return undefined;
}

/**
 * Each variable's description in the catalogue. config.ts, which loads before anything else, keeps the
 * English itself; the test of the conventions checks that the catalogue's English is the same.
 */
export const VARIABLE_WORDS: Readonly<Record<string, PlainKey>> = {
  PORT: 'cli.env.port',
  DATABASE_URL: 'cli.env.databaseUrl',
  PUBLIC_URL: 'cli.env.publicUrl',
  DOWNLOAD_LINK_SECRET: 'cli.env.downloadLinkSecret',
  SMTP_URL: 'cli.env.smtpUrl',
  MAIL_FROM: 'cli.env.mailFrom',
  TZ: 'cli.env.tz',
  TLS_CERT_FILE: 'cli.env.tlsCertFile',
  TLS_KEY_FILE: 'cli.env.tlsKeyFile',
  DEMO: 'cli.env.demo',
  LOG_LEVEL: 'cli.env.logLevel',
  LOG_FORMAT: 'cli.env.logFormat',
  RATE_LIMIT_PER_MINUTE: 'cli.env.rateLimitPerMinute',
  MAX_VERSIONS_PER_PERIOD: 'cli.env.maxVersionsPerPeriod',
  DECODE_MEMORY_MB: 'cli.env.decodeMemoryMb',
  DECODE_TIME_LIMIT_SECONDS: 'cli.env.decodeTimeLimitSeconds',
  ENTRA_CLIENT_ID: 'cli.env.entraClientId',
  ENTRA_AUTHORITY: 'cli.env.entraAuthority',
  PERSONAL_DATA_RETENTION_MONTHS: 'cli.env.personalDataRetentionMonths',
  TRUST_PROXY: 'cli.env.trustProxy',
};

/** A variable's description in the run's language. */
const described = (variable: { name: string; description: string }): string => {
  const key = VARIABLE_WORDS[variable.name];
  return key ? say(key) : variable.description;
};

/** Every environment variable `serve` reads, with its default, for `serve --help`. */
function variablesHelp(): string {
  const variables = configVariables();
  const indent = ' '.repeat(2 + Math.max(...variables.map((v) => v.name.length)) + 2);
  const lines = variables.map(
    (v) =>
      `  ${v.name.padEnd(indent.length - 4)}  ${described(v)}\n${indent}${say('cli.help.default', { value: v.defaultValue ?? say('cli.help.serve.unset') })}`,
  );
  return `\n${say('cli.help.serve.variables')}\n${lines.join('\n')}\n`;
}
