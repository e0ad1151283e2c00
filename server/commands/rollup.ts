// `shared-cdo rollup --period P [--dry-run] [--force]`: builds the monthly roll-up now. Without --dry-run it goes
// through the outbox like the scheduled one (so it is still sent once per recipient); with --dry-run the
// e-mails are only written as .eml files and nothing is queued or sent. It reports in the environment's
// language (cli-language.ts).
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { addMonths } from '../../shared/dates.js';
import { monthLabel } from '../../shared/i18n/index.js';
import { problemMessage } from '../../shared/i18n/problems.js';
import { periodSchema } from '../../shared/schemas.js';
import { loadConfig } from '../config.js';
import { makePrivateFolder, writePrivateFile } from '../data-folder.js';
import { HttpError, InvalidInput } from '../errors.js';
import { errorMessage } from '../error-language.js';
import { createLogger } from '../logger.js';
import { MailService, outboxDirFor } from '../mail/index.js';
import { enqueueMail, outboxRows } from '../mail/outbox.js';
import { safeFileStem } from '../mail/transport.js';
import { currentPeriod } from '../services/clock.js';
import { CLI_LOCALE, say } from './cli-language.js';
import { runCommand, withStore } from './store-access.js';
import { notAMonth } from './help.js';

class RollupRefused extends Error {}

const periodLabel = (period: string): string => monthLabel(CLI_LOCALE, period);

interface RollupOptions {
  period: string;
  dryRun?: boolean;
  out?: string;
  force?: boolean;
}

export function register(program: Command): void {
  program
    .command('rollup')
    .description(say('cli.help.rollup'))
    .requiredOption('--period <YYYY-MM>', say('cli.help.rollup.period'))
    .option('--dry-run', say('cli.help.rollup.dryRun'))
    .option('--out <folder>', say('cli.help.rollup.out'))
    .option('--force', say('cli.help.rollup.force'))
    .action(async (options: RollupOptions) =>
      runCommand(
        () => rollup(options),
        (error) => {
          if (error instanceof RollupRefused) return [error.message];
          if (error instanceof HttpError)
            return [errorMessage(CLI_LOCALE, error.code, error.status, error.message)];
          if (error instanceof InvalidInput)
            return error.problems.map((p) => `${p.sheet}: ${problemMessage(CLI_LOCALE, p)}`);
          return undefined;
        },
      ),
    );
}

async function rollup(options: RollupOptions): Promise<void> {
  const parsed = periodSchema.safeParse(options.period);
  if (!parsed.success) throw new RollupRefused(notAMonth('--period', options.period));
  const period = parsed.data;
  const config = loadConfig();
  // DESIGN §6: a roll-up reports on a month that is over; the scheduler never builds one earlier.
  const thisMonth = currentPeriod(config.timeZone, new Date());
  if (period >= thisMonth && !options.force) {
    throw new RollupRefused(
      say('cli.rollup.notEnded', {
        month: periodLabel(period),
        latest: periodLabel(addMonths(thisMonth, -1)),
      }),
    );
  }
  const logger = createLogger(
    config.logLevel === 'info' ? 'warn' : config.logLevel,
    process.stderr,
    config.logFormat,
  );
  const month = periodLabel(period);
  await withStore(async (store) => {
    if (!(await store.currentPartnership())) {
      throw new RollupRefused(say('cli.rollup.noPartnership'));
    }
    const mail = new MailService({ store, config, logger, outboxDir: outboxDirFor(config.database) });
    try {
      if (options.dryRun) {
        const build = await mail.buildRollupIfNeeded(period, true);
        const dir = resolve(options.out ?? outboxDirFor(config.database));
        // The e-mails hold council figures and the attached workbook: for the service's user only.
        makePrivateFolder(dir);
        for (const m of build!.messages) {
          const file = join(dir, `dry-run-${safeFileStem(`${m.kind}-${m.period}-${m.recipient}`)}.eml`);
          writePrivateFile(file, m.message);
          process.stdout.write(`${file}\n`);
        }
        process.stdout.write(`${say('cli.rollup.dryRun', { count: build!.messages.length, month })}\n`);
        return;
      }
      const build = await mail.buildRollupIfNeeded(period);
      const added = build ? await enqueueMail(mail.db, build.messages) : 0;
      const pass = await mail.worker.runOnce();
      const rows = [
        ...(await outboxRows(mail.db, { kind: 'rollup', period: period })),
        ...(await outboxRows(mail.db, { kind: 'statement', period: period })),
      ];
      for (const row of rows) {
        process.stdout.write(
          `${row.status.padEnd(9)} ${row.kind.padEnd(9)} ${row.recipient}${row.last_error ? ` (${row.last_error})` : ''}\n`,
        );
      }
      const waiting = rows.filter((r) => r.status === 'pending' || r.status === 'sending').length;
      const queued = say('cli.rollup.queued', { month, added, already: rows.length - added });
      const next = pass.leader
        ? waiting > 0
          ? say('cli.rollup.waiting', { count: waiting })
          : say('cli.rollup.nothingLeft')
        : say('cli.rollup.serviceSending');
      process.stdout.write(`${queued} ${next}\n`);
      if (rows.some((r) => r.status === 'failed')) process.exitCode = 1;
    } finally {
      await mail.stop();
    }
  });
}
