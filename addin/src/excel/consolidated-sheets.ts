// The consolidated view written into the workbook for the CDO: the download's workbook (GET
// /consolidated.xlsx), sheet for sheet. A Summary of the headline figures with native Excel charts under
// the figures, bound to the tables (so they follow a user's edits), what changed since the month
// compared with (the Changes table), then one table per consolidated sheet, with conditional formatting
// on statuses and RAG. Sheets, rows, words and charts come from shared/report, as the download's do.
import type { SheetLayout } from '../../../shared/sheets/index.js';
import {
  COUNCIL_LAYOUTS,
  INTEGER_FORMAT,
  MONEY_FORMAT,
  normaliseHeader,
} from '../../../shared/sheets/index.js';
import { penceToPounds } from '../../../shared/money.js';
import { rowsToGrid } from '../../../shared/parse/index.js';
import {
  buildReport,
  consolidatedCharts,
  CONSOLIDATED_HIGHLIGHTS,
  CONSOLIDATED_SHEETS,
  consolidatedSheetRows,
  drawnSeries,
  summaryChartPlaces,
  SUMMARY_CHART_COLUMNS,
  type ConsolidatedChart,
  type Report,
  type SummaryLine,
} from '../../../shared/report/index.js';
import type { ConsolidatedView } from '../../../shared/schemas.js';
import { RAGS } from '../../../shared/vocabulary.js';
import { blockAddress, columnLetters } from './addresses.js';
import { writeNewTable } from './new-table.js';
import { claimOwnedSheets } from './owned-sheets.js';
import { replaceTableRows } from './write-table.js';
import { t as say } from '../words.js';

export class WorkbookConflict extends Error {}

/** The consolidated tables, in the order of the consolidated workbook's sheets (after its Summary). */
const TABLE_SHEETS = [
  'changes',
  'contributions',
  'skills',
  'people',
  'projects',
  'dataQuality',
  'submissions',
  'trend',
  'phaseRag',
] as const;
type TableKey = (typeof TABLE_SHEETS)[number];

/** Where the Summary and Changes went, and why when a user's sheet kept the usual name. */
export interface ConsolidatedReport {
  summary: string;
  changes: string;
  /** The Summary's charts, by title. */
  charts: string[];
  notices: string[];
}

export async function writeConsolidatedView(
  context: Excel.RequestContext,
  view: ConsolidatedView,
): Promise<ConsolidatedReport> {
  const { worksheets, tables } = context.workbook;
  const councilTables = COUNCIL_LAYOUTS.map((l) => tables.getItemOrNullObject(l.table));
  const targets = TABLE_SHEETS.map((key) => {
    const layout = CONSOLIDATED_SHEETS[key];
    return {
      key,
      layout,
      sheet: worksheets.getItemOrNullObject(layout.sheet),
      table: tables.getItemOrNullObject(layout.table),
    };
  });
  for (const t of councilTables) t.load('name');
  for (const t of targets) {
    t.sheet.load('name');
    t.table.load('name');
  }
  await context.sync();

  if (councilTables.some((t) => !t.isNullObject)) {
    throw new WorkbookConflict(say('excel.councilWorkbook'));
  }
  const taken = targets.find((t) => t.table.isNullObject && !t.sheet.isNullObject);
  if (taken) {
    throw new WorkbookConflict(say('excel.sheetNotConsolidated', { sheet: taken.layout.sheet }));
  }

  // The Summary is claimed (and so added) first: it is the workbook's first sheet, as in the download.
  const { summary } = await claimOwnedSheets(context, ['summary']);
  const report = buildReport(view);
  const rows: Record<TableKey, object[]> = { ...consolidatedSheetRows(view), phaseRag: phaseRagRows(report) };
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
  // The charts start after a blank row under the figures, as in the download.
  const charts = await queueSummaryCharts(
    context,
    summary.sheet,
    consolidatedCharts(view),
    report.summary.length + 1,
  );
  summary.sheet.activate();
  await context.sync();
  return {
    summary: summary.name,
    changes: CONSOLIDATED_SHEETS.changes.sheet,
    charts: charts.drawn,
    notices: [summary.notice, ...charts.notices].filter((n): n is string => n !== undefined),
  };
}

/** Projects by phase and RAG as rows of its layout: the report's grid, counts under each RAG. */
const phaseRagRows = (report: Report): object[] =>
  report.projects.grid.map((row) => ({
    phase: row.phase,
    ...Object.fromEntries(RAGS.map((rag, i) => [rag.toLowerCase(), row.counts[i] ?? 0])),
  }));

function queueStatusColours(
  context: Excel.RequestContext,
  layout: SheetLayout,
  header: string,
  rules: readonly (readonly [text: string, colour: string])[],
): void {
  const range = context.workbook.tables.getItem(layout.table).columns.getItem(header).getDataBodyRange();
  range.conditionalFormats.clearAll();
  for (const [text, colour] of rules) {
    const format = range.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
    // The glossary's colour for the status, white bold text on it, as the download and the e-mail show it.
    format.textComparison.format.fill.color = `#${colour}`;
    format.textComparison.format.font.color = '#FFFFFF';
    format.textComparison.format.font.bold = true;
    format.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text };
  }
}

/**
 * A Summary line as a label, a value, the value's number format and what the figure means (the
 * glossary's explanation of a headline figure), with the download's number formats; blank lines stay
 * blank.
 */
function summaryRow(line: SummaryLine): [string, string | number, string, string] {
  switch (line.kind) {
    case 'heading':
      return [line.text, '', '@', ''];
    case 'blank':
      return ['', '', '@', ''];
    case 'money':
      return [line.label, penceToPounds(line.pence), MONEY_FORMAT, line.note ?? ''];
    case 'count':
      return [line.label, line.count, INTEGER_FORMAT, ''];
    case 'text':
      return [line.label, line.text, '@', ''];
  }
}

function queueSummary(sheet: Excel.Worksheet, report: Report): void {
  const lines = report.summary.map(summaryRow);
  sheet.getRange('A:C').clear(Excel.ClearApplyTo.contents);
  const range = sheet.getRange(blockAddress({ column: 0, row: 1 }, lines.length, 3));
  range.numberFormat = lines.map(([, , format]) => ['@', format, '@']);
  range.values = lines.map(([label, value, , note]) => [label, value, note]);
  sheet.getRange('A:A').format.columnWidth = 190;
  sheet.getRange('B:B').format.columnWidth = 150;
  sheet.getRange('C:C').format.columnWidth = 260;
  // Long lines (the cost shares, lists of councils) wrap in their column, as in the download, rather
  // than run under the charts.
  sheet.getRange('A:C').format.wrapText = true;
  // Headings in bold, as the download has them; every other label plain.
  sheet.getRange(`A1:A${lines.length}`).format.font.bold = false;
  report.summary.forEach((line, i) => {
    if (line.kind === 'heading') sheet.getRange(`A${i + 1}`).format.font.bold = true;
  });
}

/** Office.js's chart type for each kind of chart the report defines (read when drawing: office.js may load after this module). */
function chartType(kind: ConsolidatedChart['kind']): Excel.ChartType {
  if (kind === 'bar') return Excel.ChartType.barClustered;
  // Lines with markers, as the download draws them (a month between gaps is still seen).
  return kind === 'line' ? Excel.ChartType.lineMarkers : Excel.ChartType.columnStacked;
}

/**
 * The Summary's charts, each bound to the columns of a consolidated table (so a user's edits, or
 * rows they add, show in the charts), placed as the download places them; the charts written before
 * are replaced. One round trip reads the old charts and the tables' headers (a user may have
 * respelled one). Only ever called on the add-in's own Summary (see owned-sheets.ts).
 */
async function queueSummaryCharts(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  charts: readonly ConsolidatedChart[],
  firstRow: number,
): Promise<{ drawn: string[]; notices: string[] }> {
  const { tables } = context.workbook;
  sheet.charts.load('items/name');
  const headerRows = new Map<string, Excel.Range>();
  for (const chart of charts) {
    if (headerRows.has(chart.layout.table)) continue;
    const header = tables.getItem(chart.layout.table).getHeaderRowRange();
    header.load('values');
    headerRows.set(chart.layout.table, header);
  }
  await context.sync();
  for (const chart of sheet.charts.items) chart.delete();

  const drawn: string[] = [];
  const notices: string[] = [];
  const { places } = summaryChartPlaces(charts, firstRow);
  charts.forEach((spec, index) => {
    // The table's own spelling of each column the chart needs.
    const headers = (headerRows.get(spec.layout.table)!.values[0] ?? []).map(String);
    const header = (key: string): string | undefined => {
      const wanted = normaliseHeader(spec.layout.columns.find((c) => c.key === key)!.header);
      return headers.find((h) => normaliseHeader(h) === wanted);
    };
    const needed = [spec.categories, ...spec.series.map((s) => s.key)];
    const missing = needed.find((key) => header(key) === undefined);
    if (missing !== undefined) {
      const name = spec.layout.columns.find((c) => c.key === missing)!.header;
      notices.push(
        say('excel.chartColumnGone', { sheet: spec.layout.sheet, column: name, chart: spec.title }),
      );
      return;
    }
    const column = (key: string) => tables.getItem(spec.layout.table).columns.getItem(header(key)!);
    const categories = column(spec.categories).getDataBodyRange();
    const ordered = drawnSeries(spec);
    const [first, ...others] = ordered;
    // The first series with its header (Excel names the series from it), the rest added to it.
    const chart = sheet.charts.add(
      chartType(spec.kind),
      column(first!.key).getRange(),
      Excel.ChartSeriesBy.columns,
    );
    const series = [
      chart.series.getItemAt(0),
      ...others.map((s) => {
        const added = chart.series.add(header(s.key));
        added.setValues(column(s.key).getDataBodyRange());
        return added;
      }),
    ];
    ordered.forEach((s, i) => {
      const one = series[i]!;
      one.setXAxisValues(categories);
      if (spec.kind === 'line') {
        one.format.line.color = `#${s.colour}`;
        if (s.dashed) one.format.line.lineStyle = Excel.ChartLineStyle.dash;
      } else {
        one.format.fill.setSolidColor(`#${s.colour}`);
      }
    });
    chart.name = `SharedCdo${index + 1}`;
    chart.title.text = spec.title;
    // As the download draws them: the legend above the plot (horizontal bars keep Excel's default
    // bottom-up category order, their series reversed by drawnSeries).
    chart.legend.position = Excel.ChartLegendPosition.top;
    // A blank cell is a month with no data: a gap, never a zero, whatever chart defaults the user has.
    chart.displayBlanksAs = Excel.ChartDisplayBlanksAs.notPlotted;
    chart.axes.valueAxis.numberFormat = spec.valueFormat;
    // Placed as the download anchors it: rows counted from 0 there, from 1 in an address.
    const { top, height } = places[index]!;
    chart.setPosition(
      `${columnLetters(SUMMARY_CHART_COLUMNS.from)}${top + 1}`,
      `${columnLetters(SUMMARY_CHART_COLUMNS.to - 1)}${top + height}`,
    );
    drawn.push(spec.title);
  });
  return { drawn, notices };
}
