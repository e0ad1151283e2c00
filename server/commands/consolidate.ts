// `shared-cdo consolidate`: the consolidated view from workbook files, with no server or database
// (DESIGN §5). Every input is checked first; if any is invalid, one line per problem goes to standard
// error, the exit code is 1 and nothing is written.
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { consolidate, ConsolidationError } from '../../shared/consolidate/index.js';
import { latestReturns } from '../../shared/consolidate/select.js';
import { isValidPeriod, yearToDate, type Period } from '../../shared/dates.js';
import { monthLabel } from '../../shared/i18n/index.js';
import { spoken } from '../../shared/i18n/say.js';
import { parseCouncilWorkbook } from '../../shared/parse/index.js';
import type { Partnership, Problem, SubmissionRecord } from '../../shared/schemas.js';
import { readWorkbookGrids } from '../workbook/read.js';
import { writeConsolidatedWorkbook } from '../workbook/write-consolidated.js';
import { CLI_LOCALE, say } from './cli-language.js';
import { errorLines, loadPartnership, problemLine, unreadableLine, writeFileAtomically } from './files.js';
import { notAMonth } from './help.js';

interface Options {
  partnership: string;
  period: string;
  out?: string;
  json?: string;
}

interface CouncilFile {
  file: string;
  council: string;
  period: string;
  record: SubmissionRecord;
}

export function register(program: Command): void {
  program
    .command('consolidate')
    .description(say('cli.help.consolidate'))
    .requiredOption('--partnership <file>', say('cli.help.consolidate.partnership'))
    .requiredOption('--period <YYYY-MM>', say('cli.help.consolidate.period'))
    .option('--out <file>', say('cli.help.consolidate.out'))
    .option('--json <file>', say('cli.help.consolidate.json'))
    .argument('<workbooks...>', say('cli.help.consolidate.workbooks'))
    .action(async (workbooks: string[], options: Options) => {
      process.exitCode = await runConsolidate(workbooks, options);
    });
}

async function runConsolidate(workbooks: string[], options: Options): Promise<number> {
  if (!isValidPeriod(options.period)) {
    console.error(notAMonth('--period', options.period));
    return 1;
  }
  const { partnership, errors } = await loadPartnership(options.partnership);
  if (!partnership) return fail(errors);

  // One at a time: reading is CPU-bound, and a few hundred workbooks' cells need not be held at once.
  const read = [];
  for (const file of workbooks) read.push(await readCouncilFile(file, partnership));
  const problems = read.flatMap((r) => r.errors);
  const councilFiles = read.flatMap((r) => (r.councilFile ? [r.councilFile] : []));
  const names = new Map(partnership.councils.map((c) => [c.id, c.name]));
  const nameOf = (council: string) => names.get(council) ?? council;
  const { counted, notes, conflicts } = chooseFiles(councilFiles, options.period, nameOf);
  problems.push(...conflicts);
  if (problems.length) return fail(problems);

  let view;
  try {
    view = consolidate(partnership, counted, options.period);
  } catch (error) {
    if (error instanceof ConsolidationError)
      return fail([`${options.partnership}: ${error.sheet}: ${spoken(CLI_LOCALE, error.say)}`]);
    throw error;
  }
  for (const note of notes) console.error(note);
  for (const { file, problems: found } of read) {
    for (const p of found.filter((x) => x.severity === 'warning'))
      console.error(say('cli.file.warning', { problem: problemLine(file, p) }));
  }
  if (options.out)
    await writeFileAtomically(options.out, (out) =>
      writeConsolidatedWorkbook(view, out, partnership.language),
    );
  const json = `${JSON.stringify(view, null, 2)}\n`;
  if (options.json && options.json !== '-')
    await writeFileAtomically(options.json, (out) => endWith(out, json));
  if (options.json === '-' || (!options.json && !options.out)) process.stdout.write(json);
  return 0;
}

function fail(lines: readonly string[]): number {
  for (const line of lines) console.error(line);
  return 1;
}

async function readCouncilFile(
  file: string,
  partnership: Partnership,
): Promise<{ file: string; errors: string[]; problems: Problem[]; councilFile?: CouncilFile }> {
  let submittedAt: string;
  let parsed;
  try {
    const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
    submittedAt = info.mtime.toISOString();
    parsed = parseCouncilWorkbook(await readWorkbookGrids(bytes), { partnership });
  } catch (error) {
    return { file, errors: [unreadableLine(file, error)], problems: [] };
  }
  const errors = errorLines(file, parsed.problems);
  const { council, period } = parsed.about;
  if (errors.length || council === undefined || period === undefined) {
    return { file, errors, problems: parsed.problems };
  }
  const record: SubmissionRecord = {
    council,
    period,
    version: 1,
    submittedAt,
    review: 'pending',
    data: parsed.submission,
  };
  return { file, errors, problems: parsed.problems, councilFile: { file, council, period, record } };
}

/** Per council, the workbook that counts (the engine's rule, `latestReturns`); notes for the rest. */
function chooseFiles(
  files: readonly CouncilFile[],
  period: Period,
  nameOf: (council: string) => string,
): { counted: SubmissionRecord[]; notes: string[]; conflicts: string[] } {
  const year = yearToDate(period);
  const { latest, replaced, outside } = latestReturns(files, year, (a, b) => a.period > b.period);
  const notes = outside.map((f) => {
    const ignored = { file: f.file, council: nameOf(f.council), month: periodLabel(f.period) };
    return f.period > period
      ? say('cli.consolidate.ignoredAfter', { ...ignored, period: periodLabel(period) })
      : say('cli.consolidate.ignoredOutside', { ...ignored, year: year.financialYear });
  });
  const conflicts: string[] = [];
  for (const f of replaced) {
    const counted = latest.get(f.council)!;
    if (counted.period === f.period) {
      conflicts.push(
        say('cli.consolidate.sameMonth', {
          file: f.file,
          other: counted.file,
          council: nameOf(f.council),
          month: periodLabel(f.period),
        }),
      );
    } else {
      notes.push(ignoredFor(f, counted, nameOf));
    }
  }
  return { counted: [...latest.values()].map((f) => f.record), notes, conflicts };
}

const ignoredFor = (older: CouncilFile, newer: CouncilFile, nameOf: (council: string) => string): string =>
  say('cli.consolidate.superseded', {
    file: older.file,
    council: nameOf(older.council),
    month: periodLabel(older.period),
    newer: newer.file,
    newerMonth: periodLabel(newer.period),
  });

/** "November 2026" or "Tachwedd 2026". */
const periodLabel = (period: string): string => monthLabel(CLI_LOCALE, period);

function endWith(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    out.on('finish', resolve);
    out.end(text);
  });
}
