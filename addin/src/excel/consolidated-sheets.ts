// The consolidated view written into the workbook for the CDO: one table per consolidated sheet, a
// Summary, and a Dashboard of native Excel charts, with conditional formatting on statuses and RAG.
import type { SheetLayout } from '../../../shared/layouts.js';
import { CONSOLIDATED_SHEETS, COUNCIL_LAYOUTS, MONEY_FORMAT } from '../../../shared/layouts.js';
import { penceToPounds } from '../../../shared/money.js';
import { rowsToGrid } from '../../../shared/parse/index.js';
import {
  buildReport,
  CONSOLIDATED_HIGHLIGHTS,
  consolidatedSheetRows,
  type Highlight,
  type Report,
  type SummaryLine,
} from '../../../shared/report/index.js';
import type { ConsolidatedView } from '../../../shared/schemas.js';
import { RAGS } from '../../../shared/vocabulary.js';
import { blockAddress } from './addresses.js';
import { writeNewTable } from './new-table.js';
import { claimOwnedSheets } from './owned-sheets.js';
import { replaceTableRows } from './write-table.js';

export class WorkbookConflict extends Error {}

const TABLE_SHEETS = [
  ['contributions', CONSOLIDATED_SHEETS.contributions],
  ['skills', CONSOLIDATED_SHEETS.skills],
  ['people', CONSOLIDATED_SHEETS.people],
  ['projects', CONSOLIDATED_SHEETS.projects],
  ['dataQuality', CONSOLIDATED_SHEETS.dataQuality],
  ['submissions', CONSOLIDATED_SHEETS.submissions],
] as const;

const FILLS: Record<Highlight, string> = { bad: '#F4CCCC', neutral: '#FCE5CD', good: '#D9EAD3' };

/** Where the Summary and Dashboard went, and why when a user's sheet kept the usual name. */
export interface ConsolidatedReport {
  summary: string;
  dashboard: string;
  notices: string[];
}

export async function writeConsolidatedView(
  context: Excel.RequestContext,
  view: ConsolidatedView,
): Promise<ConsolidatedReport> {
  const { worksheets, tables } = context.workbook;
  const councilTables = COUNCIL_LAYOUTS.map((l) => tables.getItemOrNullObject(l.table));
  const targets = TABLE_SHEETS.map(([key, layout]) => ({
    key,
    layout,
    sheet: worksheets.getItemOrNullObject(layout.sheet),
    table: tables.getItemOrNullObject(layout.table),
  }));
  for (const t of councilTables) t.load('name');
  for (const t of targets) {
    t.sheet.load('name');
    t.table.load('name');
  }
  await context.sync();

  if (councilTables.some((t) => !t.isNullObject)) {
    throw new WorkbookConflict(
      'This workbook holds a council’s own sheets. Open a new blank workbook for the consolidated view, so that nothing here is overwritten.',
    );
  }
  const taken = targets.find((t) => t.table.isNullObject && !t.sheet.isNullObject);
  if (taken) {
    throw new WorkbookConflict(
      `This workbook already has a sheet called “${taken.layout.sheet}” that is not a consolidated table. Open a new blank workbook for the consolidated view.`,
    );
  }

  const { summary, dashboard } = await claimOwnedSheets(context, ['summary', 'dashboard']);
  const rows = consolidatedSheetRows(view);
  const report = buildReport(view);
  queueSummary(summary.sheet, report);
  for (const t of targets) {
    const grid = rowsToGrid(t.layout, rows[t.key], { dates: 'serial' });
    if (!t.table.isNullObject) {
      await replaceTableRows(context, t.layout.table, { headers: grid[0] as string[], rows: grid.slice(1) });
    } else {
      await writeNewTable(context, worksheets.add(t.layout.sheet), t.layout, grid);
    }
  }
  for (const { sheet, column, colours } of CONSOLIDATED_HIGHLIGHTS) {
    const layout = CONSOLIDATED_SHEETS[sheet];
    const header = layout.columns.find((c) => c.key === column)!.header;
    queueStatusColours(context, layout, header, Object.entries(colours));
  }
  await queueDashboard(context, dashboard.sheet, view, report);
  summary.sheet.activate();
  await context.sync();
  return {
    summary: summary.name,
    dashboard: dashboard.name,
    notices: [summary.notice, dashboard.notice].filter((n): n is string => n !== undefined),
  };
}

function queueStatusColours(
  context: Excel.RequestContext,
  layout: SheetLayout,
  header: string,
  rules: readonly (readonly [string, Highlight])[],
): void {
  const range = context.workbook.tables.getItem(layout.table).columns.getItem(header).getDataBodyRange();
  range.conditionalFormats.clearAll();
  for (const [text, highlight] of rules) {
    const format = range.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
    format.textComparison.format.fill.color = FILLS[highlight];
    format.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text };
  }
}

/** A Summary line as a label, a value and the value's number format; blank lines stay blank. */
function summaryRow(line: SummaryLine): [string, string | number, string] {
  switch (line.kind) {
    case 'heading':
      return [line.text, '', '@'];
    case 'blank':
      return ['', '', '@'];
    case 'money':
      return [line.label, penceToPounds(line.pence), MONEY_FORMAT];
    case 'count':
      return [line.label, line.count, '0'];
    case 'text':
      return [line.label, line.text, '@'];
  }
}

function queueSummary(sheet: Excel.Worksheet, report: Report): void {
  const lines = report.summary.map(summaryRow);
  sheet.getRange('A:B').clear(Excel.ClearApplyTo.contents);
  const range = sheet.getRange(blockAddress({ column: 0, row: 1 }, lines.length, 2));
  range.numberFormat = lines.map(([, , format]) => ['@', format]);
  range.values = lines.map(([label, value]) => [label, value]);
  sheet.getRange('A:A').format.columnWidth = 190;
  sheet.getRange('B:B').format.columnWidth = 150;
  sheet.getRange('A1:A' + lines.length).format.font.bold = true;
}

/**
 * Chart data blocks on the left of the Dashboard, the charts on the right; old charts are replaced.
 * Only ever called on the add-in's own Dashboard (see owned-sheets.ts).
 */
async function queueDashboard(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  view: ConsolidatedView,
  report: Report,
): Promise<void> {
  sheet.charts.load('items/name');
  await context.sync();
  for (const chart of sheet.charts.items) chart.delete();
  sheet.getRange('A:D').clear(Excel.ClearApplyTo.contents);

  const councils = view.contributions.councils.filter((c) => c.membership === 'Member');
  const money: (string | number)[][] = [
    ['Council', 'Due (£)', 'Contributed (£)'],
    ...councils.map((c) => [c.council, c.duePence / 100, c.contributedPence / 100]),
  ];
  const phases: (string | number)[][] = [
    ['Phase', ...RAGS],
    ...report.projects.grid.map((row) => [row.phase, ...row.counts]),
  ];
  const skills: (string | number)[][] = [
    ['Skill', 'People (Working+)', 'Practitioners+'],
    ...view.skills.coverage.map((s) => [s.skill, s.people, s.practitioners]),
  ];
  const blocks = [
    {
      data: money,
      title: 'Contributions: due and contributed by council',
      type: Excel.ChartType.columnClustered,
    },
    { data: phases, title: 'Projects by phase and RAG', type: Excel.ChartType.columnStacked },
    { data: skills, title: 'Skills coverage', type: Excel.ChartType.barClustered },
  ];
  let row = 1;
  blocks.forEach((block, index) => {
    const range = sheet.getRange(
      blockAddress({ column: 0, row }, block.data.length, block.data[0]?.length ?? 1),
    );
    range.numberFormat = block.data.map((r, i) =>
      r.map((_, j) => (i === 0 || j === 0 ? '@' : index === 0 ? MONEY_FORMAT : '0')),
    );
    range.values = block.data;
    const chart = sheet.charts.add(block.type, range, Excel.ChartSeriesBy.columns);
    chart.name = `SharedCdo${index + 1}`;
    chart.title.text = block.title;
    chart.setPosition(`F${1 + index * 20}`, `N${18 + index * 20}`);
    row += block.data.length + 2;
  });
  sheet.getRange('A:A').format.columnWidth = 150;
}
