// The consolidated workbook the CDO opens (DESIGN §1): a Summary of the headline figures, then one
// Excel table per part of the consolidated view, laid out by the CONSOLIDATED_* layouts.
import { consolidatedSheetRows } from '../../shared/consolidated-rows.js';
import { periodLabel } from '../../shared/dates.js';
import {
  CONSOLIDATED_CONTRIBUTIONS_LAYOUT,
  CONSOLIDATED_DATA_QUALITY_LAYOUT,
  CONSOLIDATED_PEOPLE_LAYOUT,
  CONSOLIDATED_PROJECTS_LAYOUT,
  CONSOLIDATED_SHEETS,
  CONSOLIDATED_SKILLS_LAYOUT,
  CONSOLIDATED_SUBMISSIONS_LAYOUT,
  INTEGER_FORMAT,
  MONEY_FORMAT,
} from '../../shared/layouts.js';
import { penceToPounds } from '../../shared/money.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { PHASES, RAGS } from '../../shared/vocabulary.js';
import { columnIndex, layoutSheet } from './layout-sheet.js';
import {
  pngSize,
  writeXlsx,
  type Cell,
  type HighlightRule,
  type Image,
  type SheetSpec,
} from './xlsx-writer.js';

export interface ConsolidatedWorkbookOptions {
  /** Chart images placed on the Summary sheet beside the figures. */
  charts?: { title: string; png: Buffer }[];
}

export async function writeConsolidatedWorkbook(
  view: ConsolidatedView,
  out: NodeJS.WritableStream,
  options: ConsolidatedWorkbookOptions = {},
): Promise<void> {
  await writeXlsx(consolidatedSheets(view, options), out);
}

function consolidatedSheets(view: ConsolidatedView, options: ConsolidatedWorkbookOptions): SheetSpec[] {
  const rows = consolidatedSheetRows(view);
  const statusColumn = columnIndex(CONSOLIDATED_CONTRIBUTIONS_LAYOUT, 'status');
  const coverageColumn = columnIndex(CONSOLIDATED_SKILLS_LAYOUT, 'status');
  const ragColumn = columnIndex(CONSOLIDATED_PROJECTS_LAYOUT, 'rag');
  const overdueColumn = columnIndex(CONSOLIDATED_PROJECTS_LAYOUT, 'overdue');
  return [
    summarySheet(view, options.charts ?? []),
    layoutSheet(CONSOLIDATED_CONTRIBUTIONS_LAYOUT, rows.contributions, {
      highlights: highlightsOf(statusColumn, { paid: 'good', 'on-track': 'good', behind: 'bad' }),
    }),
    layoutSheet(CONSOLIDATED_SKILLS_LAYOUT, rows.skills, {
      highlights: highlightsOf(coverageColumn, { covered: 'good', fragile: 'neutral', gap: 'bad' }),
    }),
    layoutSheet(CONSOLIDATED_PEOPLE_LAYOUT, rows.people),
    layoutSheet(CONSOLIDATED_PROJECTS_LAYOUT, rows.projects, {
      highlights: [
        ...highlightsOf(ragColumn, { Green: 'good', Amber: 'neutral', Red: 'bad' }),
        { column: overdueColumn, equals: 'Yes', highlight: 'bad' },
      ],
    }),
    layoutSheet(CONSOLIDATED_DATA_QUALITY_LAYOUT, rows.dataQuality),
    layoutSheet(CONSOLIDATED_SUBMISSIONS_LAYOUT, rows.submissions),
  ];
}

const highlightsOf = (column: number, colours: Record<string, HighlightRule['highlight']>): HighlightRule[] =>
  Object.entries(colours).map(([equals, highlight]) => ({ column, equals, highlight }));

const money = (pence: number): Cell => ({ value: penceToPounds(pence), numberFormat: MONEY_FORMAT });
const count = (n: number): Cell => ({ value: n, numberFormat: INTEGER_FORMAT });
const heading = (text: string): Cell[] => [{ value: text, bold: true }];
const listOrNone = (items: readonly string[]): string => (items.length ? items.join(', ') : 'None');

function summarySheet(view: ConsolidatedView, charts: readonly { title: string; png: Buffer }[]): SheetSpec {
  const { contributions: c, projects: p, skills, dataQuality } = view;
  const outstanding = c.councils.reduce((sum, council) => sum + Math.max(0, council.balancePence), 0);
  const method =
    c.appliedMethod === c.method
      ? c.method
      : `${c.method} (no CDO time recorded, so ${c.appliedMethod} is applied)`;
  const skillsWith = (status: string) =>
    skills.coverage.filter((s) => s.status === status).map((s) => s.skill);
  const rows: Cell[][] = [
    heading(`${view.partnership}: consolidated view`),
    [],
    ['Partnership', view.partnership],
    ['Period', periodLabel(view.period)],
    ['Financial year', view.financialYear],
    ['Cost-share method', method],
    [],
    heading('Contributions'),
    ['Budget (£)', money(c.budgetPence)],
    ['Confirmed funding (£)', money(c.fundingPence)],
    ['Net cost (£)', money(c.netCostPence)],
    ...(c.surplusPence > 0 ? [['Funding surplus (£)', money(c.surplusPence)]] : []),
    ['Due for the year (£)', money(c.totals.duePence)],
    ['Profiled due to date (£)', money(c.totals.profiledDuePence)],
    ['Cash paid (£)', money(c.totals.cashPaidPence)],
    ['In-kind (£)', money(c.totals.inKindPence)],
    ['Contributed to date (£)', money(c.totals.contributedPence)],
    ['Outstanding (£)', money(outstanding)],
    [
      'Councils behind profile',
      listOrNone(c.councils.filter((x) => x.status === 'behind').map((x) => x.council)),
    ],
    [],
    heading('Projects'),
    ['Projects', count(p.totals.count)],
    ...RAGS.map((rag): Cell[] => [`RAG ${rag}`, count(p.byRag[rag] ?? 0)]),
    ...PHASES.map((phase): Cell[] => [`Phase ${phase}`, count(p.byPhase[phase] ?? 0)]),
    ['Overdue', count(p.totals.overdue)],
    ['Budget (£)', money(p.totals.budgetPence)],
    ['Spent to date (£)', money(p.totals.spentPence)],
    ['Savings target (£/yr)', money(p.totals.savingsTargetPence)],
    ['Savings realised (£)', money(p.totals.savingsRealisedPence)],
    ['Investment secured (£)', money(p.totals.investmentPence)],
    ['Project conflicts', count(p.conflicts.length)],
    [],
    heading('Skills'),
    ['People', count(skills.people.length)],
    ['Skills gaps (no practitioner)', listOrNone(skillsWith('gap'))],
    ['Fragile skills (one practitioner)', listOrNone(skillsWith('fragile'))],
    ['Skill conflicts', count(skills.conflicts.length)],
    [],
    heading('Returns'),
    ['Missing returns', listOrNone(dataQuality.missing)],
    [
      'Carried forward',
      listOrNone(dataQuality.carriedForward.map((x) => `${x.council} (from ${periodLabel(x.from)})`)),
    ],
    ['Warnings', count(dataQuality.warnings.length)],
  ];
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
  };
}

const CHART_WIDTH_PX = 560;
const ROW_HEIGHT_PX = 20;

/** Charts stacked in column D, each starting two rows below the one above it. */
function chartImages(charts: readonly { title: string; png: Buffer }[]): Image[] {
  let row = 0;
  return charts.map(({ title, png }) => {
    const image = { png, title, row, column: 3, width: CHART_WIDTH_PX };
    const size = pngSize(png);
    const heightPx = (CHART_WIDTH_PX * size.height) / size.width;
    row += Math.ceil(heightPx / ROW_HEIGHT_PX) + 2;
    return image;
  });
}
