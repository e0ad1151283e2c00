// `shared-cdo template`: a council's return workbook for a period, from files, without a server.
import type { Command } from 'commander';
import { isValidPeriod } from '../../shared/dates.js';
import { COUNCIL_ID_PATTERN } from '../../shared/vocabulary.js';
import { writeCouncilTemplate } from '../workbook/write-template.js';
import { say } from './cli-language.js';
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
    .description(say('cli.help.template'))
    .requiredOption('--council <id>', say('cli.help.template.council'))
    .requiredOption('--period <YYYY-MM>', say('cli.help.template.period'))
    .requiredOption('--out <file>', say('cli.help.template.out'))
    .option('--partnership <file>', say('cli.help.template.partnership'))
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
    errors.push(say('cli.template.notInPartnership', { council, partnership: partnership.name }));
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
