// The foundation's performance targets: reading a council workbook, consolidating a large partnership
// (one month, and the whole view with changes and the year's trend) and writing its consolidated
// workbook, each beside the baseline it is measured against.
import { execFile } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { demoPartnership } from '../demo/partnership.js';
import { writtenBytes } from '../server/xlsx/write/bytes.js';
import { readWorkbookGrids } from '../server/workbook/read.js';
import { writeCouncilTemplate } from '../server/workbook/write-template.js';
import { consolidate, consolidateMonth } from '../shared/consolidate/index.js';
import { asPeriod } from '../shared/dates.js';
import { parseCouncilWorkbook } from '../shared/parse/index.js';
import type { ProjectRow } from '../shared/schemas.js';
import { benchPartnership, benchYearRecords } from './fixtures.js';
import { interleavedMediansMs, megabytes, seconds, type BenchSection, type Measure } from './report.js';

const run = promisify(execFile);
const COUNCILS = 400;
const ROWS_PER_COUNCIL = 500;
const WORKBOOK_ROWS = 10_000;
/** March: the trend covers all twelve months of the year. */
const YEAR_END = asPeriod('2027-03');

/**
 * A council workbook of 10,000 project rows: our template, filled and then saved by another program
 * (exceljs's in-memory writer) as an office suite saves it, with shared strings after the sheets.
 */
async function bigCouncilWorkbook(): Promise<Buffer> {
  const projects: ProjectRow[] = Array.from({ length: WORKBOOK_ROWS }, (_, i) => ({
    id: `CDC-${i + 1}`,
    title: `Project ${i + 1}: improving a council service`,
    theme: 'Digital government',
    lead: 'cherwell',
    partners: ['south-oxfordshire', 'west-oxfordshire'],
    externalPartners: 'Improvement Service; NHS NSS',
    phase: 'Beta',
    rag: 'Amber',
    start: '2026-04-01',
    due: '2027-03-31',
    budgetPence: 1_250_000 + i,
    spentPence: 400_000 + i,
    savingsTargetPence: 100_000,
    savingsRealisedPence: 20_000,
    investmentPence: 0,
    owner: 'Priya Shah',
    update: 'Moving to private beta next month; recruitment of user research participants under way.',
  }));
  const submission = { period: asPeriod('2026-11'), contributions: [], skills: [], projects };
  const ours = await writtenBytes((out) =>
    writeCouncilTemplate(out, {
      council: 'cherwell',
      period: '2026-11',
      partnership: demoPartnership,
      submission,
    }),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(ours as unknown as ArrayBuffer);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The baseline: exceljs's streaming reader reading every cell value of the same file. */
async function exceljsStreamingRead(bytes: Buffer): Promise<number> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      row.eachCell(() => {
        cells += 1;
      });
    }
  }
  return cells;
}

async function readCouncilWorkbook(): Promise<Measure[]> {
  const bytes = await bigCouncilWorkbook();
  let rows = 0;
  const [ours, baseline] = await interleavedMediansMs(
    9,
    async () => {
      const parsed = parseCouncilWorkbook(await readWorkbookGrids(bytes), { partnership: demoPartnership });
      if (!parsed.ok)
        throw new Error(`The benchmark workbook does not parse: ${parsed.problems[0]?.message}`);
      rows = parsed.submission.projects.length;
    },
    () => exceljsStreamingRead(bytes),
  );
  const ratio = ours / baseline;
  return [
    {
      measure: `(a) read + parse + validate a council workbook of ${rows.toLocaleString('en-GB')} project rows (${megabytes(bytes.length)})`,
      ours: seconds(ours),
      baseline: `${seconds(baseline)} (exceljs streaming read)`,
      comparison: `${ratio.toFixed(2)}× baseline`,
      target: '≤ 1.5× baseline',
      met: ratio <= 1.5,
    },
  ];
}

/**
 * Every council returns every month, so the year's view reads twelve returns per council; the single
 * month's view of the same returns is the baseline it is compared with.
 */
async function consolidateLarge(): Promise<Measure[]> {
  const partnership = benchPartnership(COUNCILS);
  const records = benchYearRecords(COUNCILS, ROWS_PER_COUNCIL, YEAR_END);
  let projects = 0;
  let months = 0;
  const [month, year] = await interleavedMediansMs(
    5,
    async () => {
      projects = consolidateMonth(partnership, records, YEAR_END).projects.items.length;
    },
    async () => {
      months = consolidate(partnership, records, YEAR_END).trend.months.length;
    },
  );
  return [
    {
      measure: `(b) consolidate one month, ${COUNCILS} councils × ${ROWS_PER_COUNCIL} project rows (${projects.toLocaleString('en-GB')} projects)`,
      ours: seconds(month),
      baseline: '—',
      comparison: '—',
      target: '< 1 s',
      met: month < 1000,
    },
    {
      measure: `(b) the whole view with changes and the ${months}-month trend (${records.length.toLocaleString('en-GB')} returns)`,
      ours: seconds(year),
      baseline: `${seconds(month)} (one month's view)`,
      comparison: `${(year / month).toFixed(1)}× one month`,
      target: '< 1.5 s',
      met: year < 1500,
    },
  ];
}

interface ChildFigures {
  ms: number;
  bytes: number;
  projects: number;
  maxRssBytes: number;
}

async function writeInChild(writer: 'ours' | 'exceljs'): Promise<ChildFigures> {
  const script = fileURLToPath(new URL('./write-child.ts', import.meta.url));
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', script, writer, String(COUNCILS), String(ROWS_PER_COUNCIL)],
    // tsx is resolved from the working folder: the repository's.
    { cwd: fileURLToPath(new URL('..', import.meta.url)), maxBuffer: 1 << 20, timeout: 600_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildFigures;
}

async function writeConsolidatedLarge(): Promise<Measure[]> {
  const ours = await writeInChild('ours');
  const baseline = await writeInChild('exceljs');
  const speedup = baseline.ms / ours.ms;
  const limit = 400 * 1024 * 1024;
  return [
    {
      measure: `(c) write the consolidated workbook, ${COUNCILS} councils (${ours.projects.toLocaleString('en-GB')} projects, ${megabytes(ours.bytes)}): time`,
      ours: seconds(ours.ms),
      baseline: `${seconds(baseline.ms)} (exceljs in-memory Workbook)`,
      comparison: `${speedup.toFixed(1)}× faster`,
      target: '≥ 2× faster',
      met: speedup >= 2,
    },
    {
      measure: '(c) peak memory of the process (view + write)',
      ours: megabytes(ours.maxRssBytes),
      baseline: megabytes(baseline.maxRssBytes),
      comparison: `${(baseline.maxRssBytes / ours.maxRssBytes).toFixed(1)}× less`,
      target: '< 400 MB',
      met: ours.maxRssBytes < limit,
    },
  ];
}

export const foundation: BenchSection = {
  name: 'foundation',
  description: 'Workbook reading, consolidation and the consolidated workbook',
  async run() {
    return [
      ...(await readCouncilWorkbook()),
      ...(await consolidateLarge()),
      ...(await writeConsolidatedLarge()),
    ];
  },
};
