// `shared-cdo serve` (what `npm start` runs): the service until SIGTERM or SIGINT, then a graceful stop.
import type { Command } from 'commander';
import { ConfigError } from '../config.js';
import { startService } from '../main.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description(
      'run the sync service (configured by PORT, DATABASE_URL, PUBLIC_URL, ... in the environment)',
    )
    .action(async () => {
      try {
        const service = await startService();
        const stop = (signal: string): void => {
          service.logger.info({ signal }, 'stopping: finishing requests in flight');
          void service.close().then(() => process.exit(0));
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      }
    });
}
