// What Excel checks when a chart is made or changed: the series a range makes, their limits, colours,
// the default title and a series' shown name.
import type { RangeTarget } from './range.js';
import { CHART_SERIES_BY } from '../enums.js';
import type { Chart, ChartSeries, Sheet } from '../model/types.js';
import { ExcelError } from '../model/types.js';
import type { Workbook } from '../model/workbook.js';
import { INVALID_ARGUMENT } from './proxy.js';

/** Excel's limit on a chart's series. */
export const MAX_CHART_SERIES = 255;
export const MAX_SERIES_NAME = 255;

export const isColour = (value: unknown): value is string =>
  typeof value === 'string' && (/^#[0-9A-Fa-f]{6}$/.test(value) || /^[A-Za-z]+$/.test(value));

export function sheetOfChart(wb: Workbook, chart: Chart): Sheet {
  const sheet = wb.sheets.find((s) => s.charts.includes(chart));
  // A chart deleted earlier in the batch (or in another) is gone: Excel no longer finds it.
  if (!sheet)
    throw new ExcelError('ItemNotFound', 'The requested resource doesn’t exist: the chart was deleted.');
  return sheet;
}

export function seriesOf(
  wb: Workbook,
  target: RangeTarget,
  seriesBy: string,
): { seriesBy: string; series: ChartSeries[] } {
  if (!CHART_SERIES_BY.has(seriesBy)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
  const made = wb.seriesFromSource(target, seriesBy);
  if (made.series.length > MAX_CHART_SERIES)
    throw new ExcelError(
      'InvalidArgument',
      `The maximum number of data series per chart is ${MAX_CHART_SERIES}; this range would make ${made.series.length}.`,
    );
  return made;
}

/** Excel titles a one-series chart with the series' name and any other with a placeholder. */
export const defaultTitle = (wb: Workbook, series: ChartSeries[]): string =>
  series.length === 1 ? seriesName(wb, series[0]!) : 'Chart Title';

/** A series' name as Excel shows it: read from its header cell when it has one. */
export const seriesName = (wb: Workbook, series: ChartSeries): string =>
  series.nameRef ? String(wb.readRange(series.nameRef)[0] ?? '') : series.name;
