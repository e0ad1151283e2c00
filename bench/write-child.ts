// Run in a child process so that peak memory (maxRSS) belongs to one writer alone:
//   node --import tsx bench/write-child.ts ours|exceljs COUNCILS ROWS
// Builds the consolidated view, writes the workbook to a temporary file and prints JSON figures.
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeConsolidatedWorkbook } from '../server/workbook/write-consolidated.js';
import { consolidate } from '../shared/consolidate/index.js';
import { writeWithExceljs } from './baseline-exceljs.js';
import { benchPartnership, benchRecords, BENCH_PERIOD } from './fixtures.js';

const [writer = 'ours', councils = '400', rows = '500'] = process.argv.slice(2);
const view = consolidate(
  benchPartnership(Number(councils)),
  benchRecords(Number(councils), Number(rows)),
  BENCH_PERIOD,
);
const rssBeforeWrite = process.memoryUsage().rss;
const file = path.join(tmpdir(), `bench-consolidated-${process.pid}-${writer}.xlsx`);
const start = performance.now();
const out = createWriteStream(file);
if (writer === 'exceljs') {
  await writeWithExceljs(view, out);
  await new Promise((resolve) => out.end(resolve));
} else {
  await writeConsolidatedWorkbook(view, out);
}
const ms = performance.now() - start;
const { size } = await stat(file);
await rm(file);
console.log(
  JSON.stringify({
    ms,
    bytes: size,
    projects: view.projects.items.length,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rssBeforeWriteBytes: rssBeforeWrite,
  }),
);
