// The consolidated workbook the CDO opens (DESIGN §1): a Summary of the headline figures with native
// charts drawn from the workbook's own tables, what changed since the month compared with, then one
// Excel table per part of the consolidated view, laid out by the CONSOLIDATED_* layouts.
import { firstDayOf, isoDateToExcelSerial, periodLabel } from '../../shared/dates.js';
import {
  CONSOLIDATED_CONTRIBUTIONS_LAYOUT,
  CONSOLIDATED_PHASE_RAG_LAYOUT,
  CONSOLIDATED_PROJECTS_LAYOUT,
  CONSOLIDATED_SHEETS,
  CONSOLIDATED_TREND_LAYOUT,
  INTEGER_FORMAT,
  MONEY_FORMAT,
  MONTH_FORMAT,
  type SheetLayout,
} from '../../shared/layouts.js';
import { penceToPounds } from '../../shared/money.js';
import {
  buildReport,
  CONSOLIDATED_HIGHLIGHTS,
  consolidatedSheetItems,
  type ConsolidatedSheetRows,
  type SummaryLine,
} from '../../shared/report/index.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { PHASES, RAGS } from '../../shared/vocabulary.js';
import { columnLetter } from './columns.js';
import { columnIndex, layoutSheet, sheetColumns } from './layout-sheet.js';
import { writeXlsx, type Cell, type Chart, type HighlightRule, type SheetSpec } from './xlsx-writer.js';

/**
 * The one consolidated workbook: `GET /consolidated.xlsx`, the CLI's `--out` and the roll-up's attachment
 * all come from here, its native charts included.
 */
export async function writeConsolidatedWorkbook(
  view: ConsolidatedView,
  out: NodeJS.WritableStream,
): Promise<void> {
  const month = periodLabel(view.period);
  await writeXlsx(consolidatedSheets(view), out, {
    title: `${view.partnership}: consolidated view`,
    subject: `Consolidated view for ${month} (financial year ${view.financialYear})`,
    footer: `${view.partnership} · ${month}`,
  });
}

function consolidatedSheets(view: ConsolidatedView): SheetSpec[] {
  // Each sheet's rows are made a batch at a time as it is written, not copied whole beside the view.
  const sheets = consolidatedSheetItems(view);
  return [
    summarySheet(view),
    // In the order of the sheets: Changes, Contributions, Skills coverage, People, Projects, Data quality,
    // Submissions, Trend.
    ...(Object.keys(sheets) as (keyof ConsolidatedSheetRows)[]).map((key) =>
      layoutSheet(
        CONSOLIDATED_SHEETS[key],
        sheets[key].items,
        {
          highlights: CONSOLIDATED_HIGHLIGHTS.filter((h) => h.sheet === key).flatMap((h) =>
            Object.entries(h.colours).map(([equals, highlight]): HighlightRule => ({
              column: columnIndex(CONSOLIDATED_SHEETS[key], h.column),
              equals,
              highlight,
            })),
          ),
        },
        sheets[key].row,
      ),
    ),
    phaseRagSheet(view),
  ];
}

/** A Summary line as cells: money in pounds with the money format, counts as whole numbers. */
function summaryCells(line: SummaryLine): Cell[] {
  switch (line.kind) {
    case 'heading':
      return [{ value: line.text, bold: true }];
    case 'blank':
      return [];
    case 'money':
      return [line.label, { value: penceToPounds(line.pence), numberFormat: MONEY_FORMAT }];
    case 'count':
      return [line.label, { value: line.count, numberFormat: INTEGER_FORMAT }];
    case 'text':
      return [line.label, line.text];
  }
}

function summarySheet(view: ConsolidatedView): SheetSpec {
  const rows = buildReport(view).summary.map(summaryCells);
  return {
    name: CONSOLIDATED_SHEETS.summary,
    columns: [
      { header: 'Item', width: 34 },
      { header: 'Value', width: 44, wrap: true },
    ],
    header: false,
    rows,
    rowCount: rows.length,
    charts: summaryCharts(view),
    printOnOnePage: true,
  };
}

/** The cells of a layout's column over `count` data rows (at least the one blank row a table keeps). */
function columnRef(layout: SheetLayout, key: string, count: number): string {
  const letter = columnLetter(columnIndex(layout, key) + 1);
  return `${sheetRef(layout.sheet)}$${letter}$2:$${letter}$${1 + Math.max(1, count)}`;
}
const headerRef = (layout: SheetLayout, key: string): string => {
  const letter = columnLetter(columnIndex(layout, key) + 1);
  return `${sheetRef(layout.sheet)}$${letter}$1`;
};
const sheetRef = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!`;
const headerOf = (layout: SheetLayout, key: string): string =>
  layout.columns[columnIndex(layout, key)]!.header;

/** GOV.UK colours: readable on white, and the RAG colours people expect. */
const COLOURS = {
  contributed: '1D70B8',
  profiled: 'B1B4B6',
  Red: 'D4351C',
  Amber: 'F47738',
  Green: '00703C',
};
const pounds = (pence: readonly number[]) => pence.map(penceToPounds);

/**
 * The Summary's charts, right of the figures: contributed against profiled due per council (from the
 * Contributions table), projects by phase and RAG (from Projects by phase), and the year's trend
 * (from Trend). Each is bound to those cells, so it follows the numbers if a user edits them.
 */
function summaryCharts(view: ConsolidatedView): Chart[] {
  const councils = view.contributions.councils;
  const contributions = CONSOLIDATED_CONTRIBUTIONS_LAYOUT;
  const trend = CONSOLIDATED_TREND_LAYOUT;
  const phases = CONSOLIDATED_PHASE_RAG_LAYOUT;
  const money = (layout: SheetLayout, key: string, pence: readonly number[], colour: string) => ({
    name: { ref: headerRef(layout, key), text: headerOf(layout, key) },
    values: { ref: columnRef(layout, key, pence.length), numbers: pounds(pence) },
    colour,
  });
  const councilRows = Math.min(60, Math.max(16, councils.length * 2 + 6));
  const grid = buildReport(view).projects.grid;
  const at = (top: number, height: number) => ({
    from: { row: top, column: 3 },
    to: { row: top + height, column: 12 },
  });
  return [
    {
      title: 'Contributed to date against profiled due',
      description: `Bar chart: contributed to date and profiled due to date for each of ${councils.length} councils.`,
      kind: 'bar',
      categories: {
        ref: columnRef(contributions, 'name', councils.length),
        labels: councils.map((c) => c.name),
      },
      series: [
        money(
          contributions,
          'contributedPence',
          councils.map((c) => c.contributedPence),
          COLOURS.contributed,
        ),
        money(
          contributions,
          'profiledDuePence',
          councils.map((c) => c.profiledDuePence),
          COLOURS.profiled,
        ),
      ],
      valueFormat: '£#,##0',
      ...at(0, councilRows),
    },
    {
      title: 'Projects by phase and RAG',
      description: `Stacked column chart: ${view.projects.totals.count} projects by phase, coloured by RAG status.`,
      kind: 'stacked-column',
      categories: { ref: columnRef(phases, 'phase', PHASES.length), labels: [...PHASES] },
      series: RAGS.map((rag, i) => ({
        name: { ref: headerRef(phases, rag.toLowerCase()), text: rag },
        values: {
          ref: columnRef(phases, rag.toLowerCase(), PHASES.length),
          numbers: grid.map((row) => row.counts[i] ?? 0),
        },
        colour: COLOURS[rag],
      })),
      valueFormat: '0',
      ...at(councilRows + 2, 18),
    },
    {
      title: `The year so far: contributed against profiled due, ${view.financialYear}`,
      description: `Line chart: the partnership's contributed and profiled due to date for each month from April to ${view.trend.months.length} months in.`,
      kind: 'line',
      categories: {
        ref: columnRef(trend, 'month', view.trend.months.length),
        labels: view.trend.months.map((m) => isoDateToExcelSerial(firstDayOf(m))),
        format: MONTH_FORMAT,
      },
      series: [
        money(trend, 'contributedPence', view.trend.contributedPence, COLOURS.contributed),
        money(trend, 'profiledDuePence', view.trend.profiledDuePence, COLOURS.profiled),
      ],
      valueFormat: '£#,##0',
      ...at(councilRows + 22, 18),
    },
  ];
}

/**
 * Projects by phase and RAG as formulas over the Projects table, so the counts (and the chart drawn
 * from them) follow a user's edits; the values written are the view's counts.
 */
function phaseRagSheet(view: ConsolidatedView): SheetSpec {
  const layout = CONSOLIDATED_PHASE_RAG_LAYOUT;
  const projects = CONSOLIDATED_PROJECTS_LAYOUT;
  const count = view.projects.items.length;
  const phaseCells = columnRef(projects, 'phase', count);
  const ragCells = columnRef(projects, 'rag', count);
  const rows = buildReport(view).projects.grid.map((row, r): Cell[] => [
    row.phase,
    ...RAGS.map((_, i): Cell => {
      const column = columnLetter(i + 2);
      return {
        value: row.counts[i] ?? 0,
        formula: `COUNTIFS(${phaseCells},$A${r + 2},${ragCells},${column}$1)`,
      };
    }),
  ]);
  return {
    name: layout.sheet,
    columns: sheetColumns(layout),
    rows,
    rowCount: rows.length,
    table: layout.table,
    freezeHeader: true,
  };
}
