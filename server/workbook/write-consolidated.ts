// The consolidated workbook the CDO opens (DESIGN §1): a Summary of the headline figures, then one
// Excel table per part of the consolidated view, laid out by the CONSOLIDATED_* layouts.
import { CONSOLIDATED_SHEETS, INTEGER_FORMAT, MONEY_FORMAT } from '../../shared/layouts.js';
import { periodLabel } from '../../shared/dates.js';
import { penceToPounds } from '../../shared/money.js';
import {
  buildReport,
  CONSOLIDATED_HIGHLIGHTS,
  consolidatedSheetRows,
  type ConsolidatedSheetRows,
  type SummaryLine,
} from '../../shared/report/index.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { renderRollupCharts, type RollupChart } from '../charts/rollup-charts.js';
import { columnIndex, layoutSheet } from './layout-sheet.js';
import {
  pngSize,
  writeXlsx,
  type Cell,
  type HighlightRule,
  type Image,
  type SheetSpec,
} from './xlsx-writer.js';

/**
 * The one consolidated workbook: `GET /consolidated.xlsx`, the CLI's `--out` and the roll-up's attachment
 * all come from here, charts included. The roll-up passes the charts it has already drawn for the e-mail
 * (the same ones `renderRollupCharts` would draw), so they are not drawn twice.
 */
/** A chart as the Summary sheet shows it: a picture and its title as the alternative text. */
export type WorkbookChart = Pick<RollupChart, 'title' | 'png'>;

export async function writeConsolidatedWorkbook(
  view: ConsolidatedView,
  out: NodeJS.WritableStream,
  charts?: readonly WorkbookChart[],
): Promise<void> {
  const drawn = charts ?? (await renderRollupCharts(view));
  const month = periodLabel(view.period);
  await writeXlsx(consolidatedSheets(view, drawn), out, {
    title: `${view.partnership}: consolidated view`,
    subject: `Consolidated view for ${month} (financial year ${view.financialYear})`,
    footer: `${view.partnership} · ${month}`,
  });
}

function consolidatedSheets(view: ConsolidatedView, charts: readonly WorkbookChart[]): SheetSpec[] {
  const rows = consolidatedSheetRows(view);
  return [
    summarySheet(view, charts),
    // In the order of the rows: Contributions, Skills coverage, People, Projects, Data quality, Submissions.
    ...(Object.keys(rows) as (keyof ConsolidatedSheetRows)[]).map((key) =>
      layoutSheet(CONSOLIDATED_SHEETS[key], rows[key], {
        highlights: CONSOLIDATED_HIGHLIGHTS.filter((h) => h.sheet === key).flatMap((h) =>
          Object.entries(h.colours).map(([equals, highlight]): HighlightRule => ({
            column: columnIndex(CONSOLIDATED_SHEETS[key], h.column),
            equals,
            highlight,
          })),
        ),
      }),
    ),
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

function summarySheet(view: ConsolidatedView, charts: readonly WorkbookChart[]): SheetSpec {
  const rows = buildReport(view).summary.map(summaryCells);
  return {
    name: CONSOLIDATED_SHEETS.summary,
    columns: [
      { header: 'Item', width: 34 },
      { header: 'Value', width: 44 },
    ],
    header: false,
    rows,
    rowCount: rows.length,
    images: chartImages(charts),
    printOnOnePage: true,
  };
}

const CHART_WIDTH_PX = 560;
const ROW_HEIGHT_PX = 20;

/** Charts stacked in column D, each starting two rows below the one above it. */
function chartImages(charts: readonly WorkbookChart[]): Image[] {
  let row = 0;
  return charts.map(({ title, png }) => {
    const image = { png, title, row, column: 3, width: CHART_WIDTH_PX };
    const size = pngSize(png);
    const heightPx = (CHART_WIDTH_PX * size.height) / size.width;
    row += Math.ceil(heightPx / ROW_HEIGHT_PX) + 2;
    return image;
  });
}
