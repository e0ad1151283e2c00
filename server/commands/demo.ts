// `shared-cdo demo`: the demo a new service loads on its first start (the partnership, and every
// council's returns for last month and the month before), as workbooks, to try the offline commands by
// hand or to submit to the service.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { demoUpTo } from '../../demo/months.js';
import { isValidPeriod } from '../../shared/dates.js';
import { monthLabel } from '../../shared/i18n/index.js';
import { loadConfig } from '../config.js';
import { previousPeriod } from '../services/clock.js';
import { writeCouncilTemplate, writePartnershipWorkbook } from '../workbook/write-template.js';
import { CLI_LOCALE, say } from './cli-language.js';
import { writeFileAtomically } from './files.js';
import { operatorFailure } from './store-access.js';
import { notAMonth } from './help.js';

export function register(program: Command): void {
  program
    .command('demo')
    .description(say('cli.help.demo'))
    .requiredOption('--out <folder>', say('cli.help.demo.out'))
    .option('--period <YYYY-MM>', say('cli.help.demo.period'))
    .action(async (options: { out: string; period?: string }) => {
      process.exitCode = await runDemo(options.out, options.period);
    });
}

async function runDemo(folder: string, period: string | undefined): Promise<number> {
  let latest = period;
  if (latest === undefined) {
    try {
      latest = previousPeriod(loadConfig().timeZone, new Date());
    } catch (error) {
      const failure = operatorFailure(error);
      if (!failure) throw error;
      console.error(failure);
      return 1;
    }
  }
  if (!isValidPeriod(latest)) {
    console.error(notAMonth('--period', latest));
    return 1;
  }
  const { partnership, months } = demoUpTo(latest);
  const partnershipFile = path.join(folder, 'partnership.xlsx');
  await mkdir(folder, { recursive: true });
  await writeFileAtomically(partnershipFile, (out) => writePartnershipWorkbook(out, partnership));
  const written: Record<string, string[]> = {};
  for (const { period: month, returns } of months) {
    // The latest month's returns are the ones that count; the month before's sit in a folder of their own.
    const dir = path.join(folder, 'returns', ...(month === latest ? [] : [month]));
    await mkdir(dir, { recursive: true });
    for (const [council, submission] of Object.entries(returns)) {
      const file = path.join(dir, `${council}.xlsx`);
      await writeFileAtomically(file, (out) =>
        writeCouncilTemplate(out, { council, period: month, partnership, submission }),
      );
      (written[month] ??= []).push(file);
    }
  }
  const [before, last] = months.map((m) => m.period) as [string, string];
  console.log(
    say('cli.demo.wrote', {
      partnership: partnershipFile,
      count: written[last]!.length,
      month: monthLabel(CLI_LOCALE, last),
      folder: path.join(folder, 'returns'),
      before: monthLabel(CLI_LOCALE, before),
      beforeFolder: path.join(folder, 'returns', before),
    }),
  );
  console.log(
    `  npx shared-cdo consolidate --partnership ${partnershipFile} --period ${last} --out ${path.join(folder, 'consolidated.xlsx')} ${written[last]!.join(' ')}`,
  );
  return 0;
}
