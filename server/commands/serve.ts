// `shared-cdo serve` (what `npm start` runs): the service until SIGTERM or SIGINT, then a graceful stop.
import type { Command } from 'commander';
import { ConfigError, configVariables, loadConfig } from '../config.js';
import { StoreOpenError } from '../store/index.js';
import { usingDatabaseLine } from './store-access.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run the sync service until stopped, configured by the environment variables below')
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
  if (error instanceof ConfigError || error instanceof StoreOpenError) return error.message;
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE')
    return 'Cannot start: the port is already in use; stop the other service or set PORT.';
  if (code === 'EACCES')
    return 'Cannot start: no permission to listen on that port; set PORT to 1024 or above.';
  if (code === 'ENOENT' && (error as { path?: string }).path) {
    return `Cannot start: ${(error as { path: string }).path} does not exist (check TLS_CERT_FILE and TLS_KEY_FILE).`;
  }
  return undefined;
}

/** Every environment variable `serve` reads, with its default, for `serve --help`. */
function variablesHelp(): string {
  const variables = configVariables();
  const indent = ' '.repeat(2 + Math.max(...variables.map((v) => v.name.length)) + 2);
  const lines = variables.map(
    (v) =>
      `  ${v.name.padEnd(indent.length - 4)}  ${v.description}\n${indent}default: ${v.defaultValue ?? 'unset'}`,
  );
  return `\nEnvironment variables:\n${lines.join('\n')}\n`;
}
