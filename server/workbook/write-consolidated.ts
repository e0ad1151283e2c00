// The consolidated workbook the CDO opens (DESIGN §1): a Summary of the headline figures with native
// charts drawn from the workbook's own tables, what changed since the month compared with, then one
// Excel table per part of the consolidated view, laid out by the CONSOLIDATED_* layouts.
import { firstDayOf, isoDateToExcelSerial } from '../../shared/dates.js';
import {
  inEach,
  localesOf,
  messagesIn,
  monthLabel,
  type Locale,
  type Messages,
} from '../../shared/i18n/index.js';
import { INTEGER_FORMAT, MONEY_FORMAT, MONTH_FORMAT, type SheetLayout } from '../../shared/sheets/index.js';
import { penceToPounds } from '../../shared/money.js';
import {
  buildReport,
  consolidatedCharts,
  CONSOLIDATED_HIGHLIGHTS,
  CONSOLIDATED_PHASE_RAG_LAYOUT,
  CONSOLIDATED_PROJECTS_LAYOUT,
  CONSOLIDATED_SHEETS,
  consolidatedSheetItems,
  drawnSeries,
  summaryChartPlaces,
  SUMMARY_CHART_COLUMNS,
  type ConsolidatedSheetRows,
  summaryLines,
  type SummaryLine,
} from '../../shared/report/index.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { RAGS, type Language } from '../../shared/vocabulary.js';
import { columnLetter } from '../xlsx/cell-ref.js';
import type { Cell, Chart, HighlightRule, SheetSpec } from '../xlsx/write/index.js';
import { columnIndex, layoutSheet, sheetColumns } from './layout-sheet.js';
import { writeXlsx } from './write.js';

/**
 * The one consolidated workbook: `GET /consolidated.xlsx`, the CLI's `--out` and the roll-up's attachment
 * all come from here, its native charts included.
 */
export async function writeConsolidatedWorkbook(
  view: ConsolidatedView,
  out: NodeJS.WritableStream,
  /** The partnership's language (DESIGN §12): the Summary, Changes and charts' words follow it. */
  language?: Language,
): Promise<void> {
  const locales = localesOf(language);
  const say = (text: (m: Messages, month: string) => string) =>
    inEach(locales, (locale) => text(messagesIn(locale), monthLabel(locale, view.period)));
  await writeXlsx(consolidatedSheets(view, locales), out, {
    title: say((m) => m('workbook.title', { partnership: view.partnership })),
    subject: say((m, month) => m('workbook.subject', { month, year: view.financialYear })),
    footer: `${view.partnership} · ${say((_, month) => month)}`,
  });
}

function consolidatedSheets(view: ConsolidatedView, locales: readonly Locale[]): SheetSpec[] {
  // Each sheet's rows are made a batch at a time as it is written, not copied whole beside the view.
  const sheets = consolidatedSheetItems(view, locales);
  return [
    summarySheet(view, locales),
    // In the order of the sheets: Changes, Contributions, Skills coverage, People, Projects, Data quality,
    // Submissions, Trend.
    ...(Object.keys(sheets) as (keyof ConsolidatedSheetRows)[]).map((key) =>
      layoutSheet(
        CONSOLIDATED_SHEETS[key],
        sheets[key].items,
        {
          highlights: CONSOLIDATED_HIGHLIGHTS.filter((h) => h.sheet === key).flatMap((h) =>
            Object.entries(h.colours).map(([equals, colour]): HighlightRule => ({
              column: columnIndex(CONSOLIDATED_SHEETS[key], h.column),
              equals,
              colour,
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
      return [
        line.label,
        { value: penceToPounds(line.pence), numberFormat: MONEY_FORMAT },
        ...(line.note === undefined ? [] : [line.note]),
      ];
    case 'count':
      return [line.label, { value: line.count, numberFormat: INTEGER_FORMAT }];
    case 'text':
      return [line.label, line.text];
  }
}

function summarySheet(view: ConsolidatedView, locales: readonly Locale[]): SheetSpec {
  const report = buildReport(view);
  const english = locales.length === 1 && locales[0] === 'en';
  const rows = (english ? report.summary : summaryLines(view, report, locales)).map(summaryCells);
  const { charts, pageBreaks } = summaryCharts(view, rows.length + 1, locales);
  return {
    name: CONSOLIDATED_SHEETS.summary,
    columns: [
      { header: 'Item', width: 30, wrap: true },
      { header: 'Value', width: 36, wrap: true },
      // What each headline figure means, in the glossary's words.
      { header: 'About', width: 44, wrap: true },
    ],
    header: false,
    rows,
    rowCount: rows.length,
    // Printed one page wide like every sheet (the figures alone are more than a page at a legible size),
    // the charts on pages of their own.
    charts,
    pageBreaks,
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

/**
 * The Summary's charts (shared/report/charts.ts), placed as summaryChartPlaces says. Each is bound to
 * its table's cells, so it follows the numbers if a user edits them; the cells' values are cached in
 * the chart as the writer writes them (pounds for money, serial dates for months).
 */
function summaryCharts(
  view: ConsolidatedView,
  firstRow: number,
  locales: readonly Locale[],
): { charts: Chart[]; pageBreaks: number[] } {
  const specs = consolidatedCharts(view, locales);
  const { places, pageBreaks } = summaryChartPlaces(specs, firstRow);
  const charts = specs.map((spec, i): Chart => {
    const { layout, categories, labels, series: _series, rows: _rows, ...chart } = spec;
    const { top, height } = places[i]!;
    const type = (key: string) => layout.columns[columnIndex(layout, key)]!.type;
    const months = type(categories) === 'month';
    const count = labels.length;
    return {
      ...chart,
      categories: {
        ref: columnRef(layout, categories, count),
        labels: months ? labels.map((m) => isoDateToExcelSerial(firstDayOf(m))) : labels,
        ...(months ? { format: MONTH_FORMAT } : {}),
      },
      series: drawnSeries(spec).map(({ key, values, colour }) => ({
        name: { ref: headerRef(layout, key), text: headerOf(layout, key) },
        values: {
          ref: columnRef(layout, key, count),
          numbers: type(key) === 'money' ? values.map((v) => (v === null ? null : penceToPounds(v))) : values,
        },
        colour,
      })),
      from: { row: top, column: SUMMARY_CHART_COLUMNS.from },
      to: { row: top + height, column: SUMMARY_CHART_COLUMNS.to },
    };
  });
  return { charts, pageBreaks };
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
