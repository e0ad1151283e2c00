// `shared-cdo submit --council ID --period P [--confirm empty] FILE.xlsx`: files a council workbook without the add-in,
// through the same service function as the API (source "cli").
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { periodLabel } from '../../shared/dates.js';
import { councilIdSchema, periodSchema } from '../../shared/schemas.js';
import { commandLineActor } from '../auth/actors.js';
import { HttpError, InvalidInput } from '../errors.js';
import { DecodePool } from '../returns/decode/pool.js';
import { submitReturn } from '../returns/submit-return.js';
import { councilNames, runCommand, withStore } from './store-access.js';
import { notAMonth, notACouncilId } from './help.js';

class SubmitRefused extends Error {}

export function register(program: Command): void {
  program
    .command('submit')
    .description("Submit a council's workbook for a month without the add-in")
    .requiredOption('--council <id>', 'The council ID, as on the About sheet')
    .requiredOption('--period <YYYY-MM>', 'The month, as on the About sheet')
    .option('--confirm <what>', 'With "empty": submit a workbook whose three sheets are all empty')
    .argument('<file>', 'The council workbook (.xlsx)')
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
            throw new SubmitRefused(`--confirm "${options.confirm}" is not known: only --confirm empty is`);
          }
          const bytes = await readFile(file).catch(() => {
            throw new SubmitRefused(`Cannot read ${file}`);
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
            `Submitted ${nameOf(receipt.council)}'s return for ${periodLabel(receipt.period)} as version ${receipt.version} (${changed}).\n` +
              receipt.warnings.map((w) => `warning: ${where(w)}${w.message}\n`).join(''),
          );
        },
        (error) => {
          if (error instanceof SubmitRefused) return [error.message];
          if (error instanceof InvalidInput) return error.problems.map((p) => `${where(p)}${p.message}`);
          if (error instanceof HttpError) return [error.message];
          return undefined;
        },
      ),
    );
}

function where(p: { sheet: string; row: number | null; column: string | null }): string {
  return `${p.sheet}${p.row !== null ? ` row ${p.row}` : ''}${p.column ? `, ${p.column}` : ''}: `;
}
