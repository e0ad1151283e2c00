// `shared-cdo template`: a council's return workbook for a period, from files, without a server.
import type { Command } from 'commander';
import { isValidPeriod } from '../../shared/dates.js';
import { COUNCIL_ID_PATTERN } from '../../shared/vocabulary.js';
import { writeCouncilTemplate } from '../workbook/write-template.js';
import { loadPartnership, writeFileAtomically } from './files.js';
import { notAMonth, notACouncilId } from './help.js';

interface Options {
  council: string;
  period: string;
  out: string;
  partnership?: string;
}

export function register(program: Command): void {
  program
    .command('template')
    .description("Write a council's return workbook for a month")
    .requiredOption('--council <id>', 'The council ID, e.g. cherwell')
    .requiredOption('--period <YYYY-MM>', 'The month the return is for')
    .requiredOption('--out <file>', 'The workbook to write (.xlsx)')
    .option('--partnership <file>', 'The partnership (.xlsx or .json), for the budget-line and council lists')
    .action(async (options: Options) => {
      process.exitCode = await runTemplate(options);
    });
}

async function runTemplate(options: Options): Promise<number> {
  const { council, period } = options;
  const errors: string[] = [];
  if (!COUNCIL_ID_PATTERN.test(council)) {
    errors.push(notACouncilId(council));
  }
  if (!isValidPeriod(period)) errors.push(notAMonth('--period', period));
  const loaded = options.partnership ? await loadPartnership(options.partnership) : undefined;
  errors.push(...(loaded?.errors ?? []));
  const partnership = loaded?.partnership;
  if (partnership && !partnership.councils.some((c) => c.id === council)) {
    errors.push(`--council: ${council} is not a council of ${partnership.name}.`);
  }
  if (errors.length) {
    for (const line of errors) console.error(line);
    return 1;
  }
  await writeFileAtomically(options.out, (out) =>
    writeCouncilTemplate(out, { council, period, partnership }),
  );
  return 0;
}
