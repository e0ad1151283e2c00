// The consolidated view's charts, defined once: the workbook's Summary (DrawingML) and the add-in's
// Summary (Office.js) draw the same charts — title, kind, the consolidated table and columns each is
// bound to, colours and value format — so the two can never disagree on what a chart shows.
import type { SheetLayout } from '../sheets/layout.js';
import type { ConsolidatedView } from '../schemas.js';
import { RAG_COLOURS } from '../glossary.js';
import { RAGS } from '../vocabulary.js';
import { inEach, messagesIn, monthLabel, type Locale, type Messages } from '../i18n/index.js';
import { buildReport } from './build.js';
import { CONSOLIDATED_SHEETS } from './consolidated-sheets.js';

/** GOV.UK colours (`RRGGBB`): readable on white, and the glossary's RAG colours. */
export const CHART_COLOURS = {
  contributed: '1D70B8',
  profiled: 'B1B4B6',
  ...RAG_COLOURS,
} as const;

export interface ChartSeriesSpec {
  /** The column of the chart's table the series is bound to. */
  readonly key: string;
  /**
   * The values the view has in that column (pence for money), for surfaces that cache them; null where
   * the view has no data for the category (the cell is blank), which every surface draws as a gap.
   */
  readonly values: readonly (number | null)[];
  readonly colour: string;
  /** Dashed applies to lines only. */
  readonly dashed?: boolean;
}

export interface ConsolidatedChart {
  readonly title: string;
  /** Alternative text for screen readers. */
  readonly description: string;
  /** Horizontal bars, stacked columns, or lines with markers. */
  readonly kind: 'bar' | 'stacked-column' | 'line';
  /** The consolidated table the chart is drawn from, and the column holding its categories. */
  readonly layout: SheetLayout;
  readonly categories: string;
  /** The categories as the view has them, one a row of the table: names, phases or months. */
  readonly labels: readonly string[];
  readonly series: readonly ChartSeriesSpec[];
  /** The value axis' number format. */
  readonly valueFormat: string;
  /** Height in worksheet rows: room for a bar per council, within reason. */
  readonly rows: number;
}

const POUNDS_AXIS = '£#,##0';

/** Contributed against profiled due, the profiled line dashed: the two money series of a chart. */
function moneySeries(contributed: readonly number[], profiled: readonly number[]): ChartSeriesSpec[] {
  return [
    { key: 'contributedPence', values: contributed, colour: CHART_COLOURS.contributed },
    { key: 'profiledDuePence', values: profiled, colour: CHART_COLOURS.profiled, dashed: true },
  ];
}

/** Per council, projects by phase and RAG, and the year so far: the charts every surface draws. */
export function consolidatedCharts(
  view: ConsolidatedView,
  locales: readonly Locale[] = ['en'],
): ConsolidatedChart[] {
  const councils = view.contributions.councils;
  const grid = buildReport(view).projects.grid;
  // Titles and descriptions in the partnership's languages (DESIGN §12), Welsh first when bilingual.
  const say = (text: (m: Messages) => string) => inEach(locales, (locale) => text(messagesIn(locale)));
  return [
    {
      title: say((m) => m('chart.contributions.title')),
      description: say((m) => m('chart.contributions.description', { count: councils.length })),
      kind: 'bar',
      layout: CONSOLIDATED_SHEETS.contributions,
      categories: 'name',
      labels: councils.map((c) => c.name),
      series: moneySeries(
        councils.map((c) => c.contributedPence),
        councils.map((c) => c.profiledDuePence),
      ),
      valueFormat: POUNDS_AXIS,
      rows: Math.min(60, Math.max(16, councils.length * 2 + 6)),
    },
    {
      title: say((m) => m('chart.projects.title')),
      description: say((m) => m('chart.projects.description', { count: view.projects.totals.count })),
      kind: 'stacked-column',
      layout: CONSOLIDATED_SHEETS.phaseRag,
      categories: 'phase',
      labels: grid.map((row) => row.phase),
      series: RAGS.map((rag, i) => ({
        key: rag.toLowerCase(),
        values: grid.map((row) => row.counts[i] ?? 0),
        colour: CHART_COLOURS[rag],
      })),
      valueFormat: '0',
      rows: 18,
    },
    {
      title: say((m) => m('chart.trend.title', { year: view.financialYear })),
      description: say((m) => m('chart.trend.description', { count: view.trend.months.length })),
      kind: 'line',
      layout: CONSOLIDATED_SHEETS.trend,
      categories: 'month',
      labels: view.trend.months,
      series: moneySeries(view.trend.contributedPence, view.trend.profiledDuePence),
      valueFormat: POUNDS_AXIS,
      rows: 18,
    },
    ragTrendChart(view, locales),
  ];
}

/**
 * Projects by RAG at the end of each month. A month no return counts for has no counts (null, a blank
 * Trend cell): its points are left out and the lines start at the first month with data, never at zero.
 */
function ragTrendChart(view: ConsolidatedView, locales: readonly Locale[]): ConsolidatedChart {
  const { trend } = view;
  const first = trend.returns.findIndex((n) => n > 0);
  const say = (text: (m: Messages, locale: Locale) => string) =>
    inEach(locales, (locale) => text(messagesIn(locale), locale));
  return {
    title: say((m) => m('chart.ragTrend.title', { year: view.financialYear })),
    description: say((m, locale) =>
      m('chart.ragTrend.description', {
        from:
          first < 0
            ? m('chart.ragTrend.noMonth')
            : m('chart.ragTrend.firstMonth', { month: monthLabel(locale, trend.months[first]!) }),
      }),
    ),
    kind: 'line',
    layout: CONSOLIDATED_SHEETS.trend,
    categories: 'month',
    labels: trend.months,
    series: RAGS.map((rag) => ({
      key: rag.toLowerCase(),
      values: trend.rag[rag],
      colour: CHART_COLOURS[rag],
    })),
    valueFormat: '0',
    rows: 18,
  };
}
