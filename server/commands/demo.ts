// `shared-cdo demo`: the demo partnership and its councils' returns as workbooks, to try the offline
// commands by hand.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { DEMO_COUNCILS, DEMO_PERIOD, demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { financialYearOf, isValidPeriod, monthsOfFinancialYear } from '../../shared/dates.js';
import { writeCouncilTemplate, writePartnershipWorkbook } from '../workbook/write-template.js';
import { writeFileAtomically } from './files.js';

export function register(program: Command): void {
  program
    .command('demo')
    .description(
      'Write the demo partnership workbook, and one return workbook per demo council under returns/',
    )
    .requiredOption('--out <folder>', 'The folder to write them to (created if needed)')
    .option('--period <YYYY-MM>', 'The month of the returns', DEMO_PERIOD)
    .action(async (options: { out: string; period: string }) => {
      process.exitCode = await runDemo(options.out, options.period);
    });
}

async function runDemo(folder: string, period: string): Promise<number> {
  const months = monthsOfFinancialYear(financialYearOf(DEMO_PERIOD));
  if (!isValidPeriod(period) || !months.includes(period)) {
    console.error(
      `--period: the demo covers ${months[0]} to ${months[months.length - 1]}; "${period}" is not one of them.`,
    );
    return 1;
  }
  const returns = path.join(folder, 'returns');
  await mkdir(returns, { recursive: true });
  const partnershipFile = path.join(folder, 'partnership.xlsx');
  await writeFileAtomically(partnershipFile, (out) => writePartnershipWorkbook(out, demoPartnership));
  const councilFiles = [];
  for (const council of DEMO_COUNCILS) {
    const file = path.join(returns, `${council}.xlsx`);
    const submission = demoCouncilSubmission(council, period);
    await writeFileAtomically(file, (out) =>
      writeCouncilTemplate(out, { council, period, partnership: demoPartnership, submission }),
    );
    councilFiles.push(file);
  }
  console.log(`Wrote ${partnershipFile} and ${councilFiles.length} council workbooks. Try:`);
  console.log(
    `  shared-cdo consolidate --partnership ${partnershipFile} --period ${period} --out ${path.join(folder, 'consolidated.xlsx')} ${councilFiles.join(' ')}`,
  );
  return 0;
}
