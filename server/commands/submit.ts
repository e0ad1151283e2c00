// `shared-cdo submit --council ID --period P [--confirm empty] FILE.xlsx`: files a council workbook without the add-in,
// through the same service function as the API (source "cli").
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { monthLabel } from '../../shared/i18n/index.js';
import { problemMessage } from '../../shared/i18n/problems.js';
import { councilIdSchema, periodSchema } from '../../shared/schemas.js';
import { commandLineActor } from '../auth/actors.js';
import { errorMessage } from '../error-language.js';
import { HttpError, InvalidInput } from '../errors.js';
import { DecodePool } from '../returns/decode/pool.js';
import { submitReturn } from '../returns/submit-return.js';
import { CLI_LOCALE, say } from './cli-language.js';
import { councilNames, runCommand, withStore } from './store-access.js';
import { notAMonth, notACouncilId } from './help.js';

class SubmitRefused extends Error {}

export function register(program: Command): void {
  program
    .command('submit')
    .description(say('cli.help.submit'))
    .requiredOption('--council <id>', say('cli.help.submit.council'))
    .requiredOption('--period <YYYY-MM>', say('cli.help.submit.period'))
    .option('--confirm <what>', say('cli.help.submit.confirm'))
    .argument('<file>', say('cli.help.submit.file'))
    .action(async (file: string, options: { council: string; period: string; confirm?: string }) =>
      runCommand(
        async () => {
          if (!councilIdSchema.safeParse(options.council).success) {
            throw new SubmitRefused(notACouncilId(options.council));
          }
          if (!periodSchema.safeParse(options.period).success) {
            throw new SubmitRefused(notAMonth('--period', options.period));
          }
          if (options.confirm !== undefined && options.confirm !== 'empty') {
            throw new SubmitRefused(say('cli.submit.confirm', { value: options.confirm }));
          }
          const bytes = await readFile(file).catch(() => {
            throw new SubmitRefused(say('cli.submit.cannotRead', { file }));
          });
          const { receipt, nameOf } = await withStore(async (store, config) => {
            const decoder = new DecodePool(config.decode);
            const submitted = await submitReturn(store, {
              council: options.council,
              period: options.period,
              input: { kind: 'xlsx', bytes },
              decoder,
              source: 'cli',
              actor: commandLineActor(),
              confirmEmpty: options.confirm === 'empty',
              now: new Date(),
            }).finally(() => decoder.close());
            return { receipt: submitted, nameOf: await councilNames(store) };
          });
          const changed = Object.entries(receipt.changes)
            .map(([sheet, c]) => `${sheet} +${c.added} ~${c.changed} -${c.removed}`)
            .join(', ');
          process.stdout.write(
            `${say('cli.submit.done', {
              council: nameOf(receipt.council),
              month: monthLabel(CLI_LOCALE, receipt.period),
              version: receipt.version,
              changes: changed,
            })}\n` +
              receipt.warnings
                .map((w) => `${say('cli.submit.warning', { problem: problemText(w) })}\n`)
                .join(''),
          );
        },
        (error) => {
          if (error instanceof SubmitRefused) return [error.message];
          if (error instanceof InvalidInput) return error.problems.map(problemText);
          if (error instanceof HttpError)
            return [errorMessage(CLI_LOCALE, error.code, error.status, error.message)];
          return undefined;
        },
      ),
    );
}

/** `Projects row 4, Budget: …`: where a problem is and what it is, in the run's language. */
function problemText(p: {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}): string {
  const sheet = p.row !== null ? say('cli.submit.row', { sheet: p.sheet, row: p.row }) : p.sheet;
  return `${sheet}${p.column ? `, ${p.column}` : ''}: ${problemMessage(CLI_LOCALE, p)}`;
}
