// `shared-cdo db copy --from URL --to URL` (DESIGN §9.4): moves a partnership's whole database, e.g.
// from the SQLite file of a first installation to the PostgreSQL that several instances will share.
import type { Command } from 'commander';
import { copyStore, TargetNotEmpty } from '../store/copy.js';
import { openStore, type Store } from '../store/index.js';
import { runCommand, withoutPassword } from './store-access.js';

class CopyRefused extends Error {}

export function register(program: Command): void {
  const db = program.command('db').description('Work on the database as a whole');
  db.command('copy')
    .description(
      'Copy everything (partnership versions, submissions, tokens, audit trail, e-mail outbox) into an empty database',
    )
    .requiredOption('--from <url>', 'The database to copy: sqlite:PATH or postgres://USER:PASS@HOST:PORT/DB')
    .requiredOption('--to <url>', 'The empty database to copy into (its tables are created if needed)')
    .action(async (options: { from: string; to: string }) =>
      runCommand(
        async () => {
          if (options.from === options.to) throw new CopyRefused('--from and --to name the same database.');
          const from = await open('--from', options.from);
          try {
            const to = await open('--to', options.to);
            try {
              const copied = await copyStore(from, to);
              const width = Math.max(...copied.map((c) => c.table.length));
              for (const { table, rows } of copied) process.stdout.write(`${table.padEnd(width)}  ${rows}\n`);
              const total = copied.reduce((sum, c) => sum + c.rows, 0);
              process.stdout.write(`Copied ${total} rows in ${copied.length} tables.\n`);
            } finally {
              await to.close();
            }
          } finally {
            await from.close();
          }
        },
        (error) =>
          error instanceof CopyRefused || error instanceof TargetNotEmpty ? [error.message] : undefined,
      ),
    );
}

async function open(option: string, url: string): Promise<Store> {
  try {
    return await openStore(url);
  } catch (error) {
    throw new CopyRefused(`${option}: cannot open ${withoutPassword(url)}: ${(error as Error).message}`);
  }
}
