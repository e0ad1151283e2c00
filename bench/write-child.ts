// Run in a child process so that peak memory (maxRSS) belongs to one writer alone:
//   node --import tsx bench/write-child.ts ours|exceljs COUNCILS ROWS
// Builds the consolidated view (the returns folded in one at a time, as the service reads them), writes
// the workbook to a temporary file and prints JSON figures.
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeConsolidatedWorkbook } from '../server/workbook/write-consolidated.js';
import { Consolidation } from '../shared/consolidate/index.js';
import { writeWithExceljs } from './baseline-exceljs.js';
import { benchPartnership, BENCH_PERIOD, eachBenchRecord } from './fixtures.js';

const [writer = 'ours', councils = '400', rows = '500'] = process.argv.slice(2);
// One return at a time, as the service folds them from its store: the returns are never all in memory.
const consolidation = new Consolidation(benchPartnership(Number(councils)), BENCH_PERIOD);
for (const record of eachBenchRecord(Number(councils), Number(rows))) consolidation.add(record);
const view = consolidation.view();
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
