// What every surface shows of a consolidated view (the e-mail, the consolidated workbook, the add-in):
// each figure, table and sentence is computed here once, from the view alone.
export { buildReport, type Report } from './build.js';
export { CHART_COLOURS, consolidatedCharts, type ChartSeriesSpec, type ConsolidatedChart } from './charts.js';
export {
  CHANGE_LABELS,
  changeRows,
  sinceReport,
  trendRows,
  type ChangeRow,
  type SinceReport,
  type TrendRow,
} from './changes.js';
export * from './consolidated-sheets.js';
export { councilNames, type CouncilLine } from './councils.js';
export type { DataQualityLine } from './data-quality.js';
export type { HeadlineFigure, HeadlineKey } from './headline.js';
export type { OverdueProject, PhaseRagRow } from './projects.js';
export {
  CONSOLIDATED_HIGHLIGHTS,
  consolidatedSheetItems,
  consolidatedSheetRows,
  type ConsolidatedSheetRows,
} from './sheet-rows.js';
export {
  drawnSeries,
  summaryChartPlaces,
  SUMMARY_CHART_COLUMNS,
  type ChartPlace,
} from './summary-chart-places.js';
export { costSharesLine, moneyLabel, summaryLines, type SummaryLine } from './summary.js';
export { contributionTotals } from './totals.js';
