// `shared-cdo db copy --from URL --to URL` (DESIGN §9.4): moves a partnership's whole database, e.g.
// from the SQLite file of a first installation to the PostgreSQL that several instances will share.
import type { Command } from 'commander';
import { copyStore, TargetNotEmpty } from '../store/copy.js';
import { openStore, type Store } from '../store/index.js';
import { say } from './cli-language.js';
import { runCommand, withoutPassword } from './store-access.js';

class CopyRefused extends Error {}

export function register(program: Command): void {
  const db = program.command('db').description(say('cli.help.db'));
  db.command('copy')
    .description(say('cli.help.db.copy'))
    .requiredOption('--from <url>', say('cli.help.db.from'))
    .requiredOption('--to <url>', say('cli.help.db.to'))
    .action(async (options: { from: string; to: string }) =>
      runCommand(
        async () => {
          if (options.from === options.to) throw new CopyRefused(say('cli.db.same'));
          const from = await open('--from', options.from);
          try {
            const to = await open('--to', options.to);
            try {
              const copied = await copyStore(from, to);
              const width = Math.max(...copied.map((c) => c.table.length));
              for (const { table, rows } of copied) process.stdout.write(`${table.padEnd(width)}  ${rows}\n`);
              const total = copied.reduce((sum, c) => sum + c.rows, 0);
              process.stdout.write(`${say('cli.db.copied', { rows: total, tables: copied.length })}\n`);
            } finally {
              await to.close();
            }
          } finally {
            await from.close();
          }
        },
        (error) => {
          if (error instanceof CopyRefused) return [error.message];
          if (error instanceof TargetNotEmpty) return [say('cli.db.notEmpty', error)];
          return undefined;
        },
      ),
    );
}

async function open(option: string, url: string): Promise<Store> {
  try {
    return await openStore(url);
  } catch (error) {
    throw new CopyRefused(
      say('cli.db.cannotOpen', { option, database: withoutPassword(url), why: (error as Error).message }),
    );
  }
}
