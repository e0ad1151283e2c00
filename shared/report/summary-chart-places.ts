// Where the Summary's charts go, for the download and the pane alike (one definition, so the pane's
// workbook is the download's): under the figures and as wide as them, one under another, two to a
// printed page, with a page break above a chart that would not fit whole.
import type { ChartSeriesSpec, ConsolidatedChart } from './charts.js';

/** Rows of 15 pt on a printed page at full size: A4 landscape less the margins (516 pt). */
const PAGE_ROWS = 34;
/** Half a printed page, less a blank row between two charts. */
const HALF_PAGE_ROWS = 16;

/** The Summary's columns a chart spans: its figures' three (A to C). */
export const SUMMARY_CHART_COLUMNS = { from: 0, to: 3 } as const;

/** A chart's rows on the Summary, counted from 0: it starts at `top` and is `height` rows tall. */
export interface ChartPlace {
  top: number;
  height: number;
}

/**
 * Each chart's place from `firstRow` (counted from 0), and the rows (counted from 0) a page break goes
 * above. A chart sized for the screen (16 to 18 rows) is half a page tall; one that needs more (a bar
 * for each of many councils) has up to a page.
 */
export function summaryChartPlaces(
  charts: readonly Pick<ConsolidatedChart, 'rows'>[],
  firstRow: number,
): { places: ChartPlace[]; pageBreaks: number[] } {
  const pageBreaks: number[] = [];
  let top = firstRow;
  let used = PAGE_ROWS;
  const places = charts.map(({ rows }) => {
    const height = rows <= HALF_PAGE_ROWS + 2 ? HALF_PAGE_ROWS : Math.min(rows, PAGE_ROWS);
    if (used + 1 + height > PAGE_ROWS) {
      pageBreaks.push(top);
      used = 0;
    } else {
      // A blank row between two charts on one page.
      top += 1;
      used += 1;
    }
    const place = { top, height };
    top += height;
    used += height;
    return place;
  });
  return { places, pageBreaks };
}

/**
 * A chart's series in the order they are drawn. Horizontal bars are drawn with the categories from the
 * bottom up (the one layout where both Excel and LibreOffice list the legend in bar order), so their
 * series go in reverse: each council's bars, and the legend, then read top down in the order the
 * other surfaces give them.
 */
export const drawnSeries = (chart: Pick<ConsolidatedChart, 'kind' | 'series'>): readonly ChartSeriesSpec[] =>
  chart.kind === 'bar' ? [...chart.series].reverse() : chart.series;
