// The consolidated view as rows for the consolidated sheets' layouts (CONSOLIDATED_SHEETS): what the
// add-in writes into Excel and what a consolidated workbook holds, from one mapping. Cells say what they
// mean: statuses in words, council names beside IDs, and times as date-times on the UK clock.
import { isoTimeToExcelSerial } from '../dates.js';
import type { ConsolidatedView } from '../schemas.js';
import type { ReviewStatus } from '../vocabulary.js';
import { changeRows, trendRows } from './changes.js';
import { councilNames, STATUS_LABELS } from './councils.js';
import { returnsReport } from './data-quality.js';
import { COVERAGE_LABELS } from './skills.js';

/** Where a council's return stands with the CDO, in words. */
export const REVIEW_LABELS: Record<ReviewStatus, string> = {
  pending: 'Awaiting review',
  accepted: 'Accepted',
  returned: 'Returned',
};

export interface ConsolidatedSheetRows {
  changes: object[];
  contributions: object[];
  skills: object[];
  people: object[];
  projects: object[];
  dataQuality: object[];
  submissions: object[];
  trend: object[];
}

/** A consolidated sheet's items, and how one item becomes a row of the sheet's layout. */
export interface SheetItems<T = unknown> {
  items: readonly T[];
  row: (item: T) => object;
}

const sheet = <T>(items: readonly T[], row: (item: T) => object): SheetItems =>
  ({ items, row }) as SheetItems;
const asIs = (item: object): object => item;

/**
 * The consolidated sheets as items and the mapping of each, so that a writer can make the rows a batch at
 * a time instead of holding a copy of every project beside the view.
 */
export function consolidatedSheetItems(
  view: ConsolidatedView,
): Record<keyof ConsolidatedSheetRows, SheetItems> {
  const name = councilNames(view);
  return {
    changes: sheet(changeRows(view), asIs),
    contributions: sheet(view.contributions.councils, (c) => ({ ...c, status: STATUS_LABELS[c.status] })),
    skills: sheet(view.skills.coverage, (s) => ({ ...s, status: COVERAGE_LABELS[s.status] })),
    people: sheet(view.skills.people, (p) => ({
      ...p,
      councils: p.councils.join('; '),
      skills: p.skills.map((s) => `${s.skill} (${s.level}, ${s.daysPerMonth} days/month)`).join('; '),
    })),
    projects: sheet(view.projects.items, (p) => ({
      ...p,
      partners: p.partners.join('; '),
      reportedBy: p.reportedBy.join('; '),
    })),
    dataQuality: sheet(returnsReport(view).lines, (line) => ({
      ...line,
      ...(line.council === undefined ? {} : { councilName: name(line.council) }),
    })),
    submissions: sheet(view.submissions, (s) => ({
      ...s,
      name: name(s.council),
      submittedAt: isoTimeToExcelSerial(s.submittedAt),
      review: REVIEW_LABELS[s.review],
    })),
    trend: sheet(trendRows(view), asIs),
  };
}

export function consolidatedSheetRows(view: ConsolidatedView): ConsolidatedSheetRows {
  const sheets = consolidatedSheetItems(view);
  return Object.fromEntries(
    Object.entries(sheets).map(([key, { items, row }]) => [key, items.map(row)]),
  ) as unknown as ConsolidatedSheetRows;
}

/** How a cell's word is coloured: Excel's Good, Neutral and Bad. */
export type Highlight = 'good' | 'neutral' | 'bad';

/** The coloured columns of the consolidated sheets: which words get which colour. */
export const CONSOLIDATED_HIGHLIGHTS: readonly {
  sheet: keyof ConsolidatedSheetRows;
  column: string;
  colours: Readonly<Record<string, Highlight>>;
}[] = [
  {
    sheet: 'contributions',
    column: 'status',
    colours: {
      [STATUS_LABELS.paid]: 'good',
      [STATUS_LABELS['on-track']]: 'good',
      [STATUS_LABELS.behind]: 'bad',
    },
  },
  {
    sheet: 'skills',
    column: 'status',
    colours: {
      [COVERAGE_LABELS.covered]: 'good',
      [COVERAGE_LABELS.fragile]: 'neutral',
      [COVERAGE_LABELS.gap]: 'bad',
    },
  },
  { sheet: 'projects', column: 'rag', colours: { Green: 'good', Amber: 'neutral', Red: 'bad' } },
  { sheet: 'projects', column: 'overdue', colours: { Yes: 'bad' } },
  {
    sheet: 'submissions',
    column: 'review',
    colours: {
      [REVIEW_LABELS.accepted]: 'good',
      [REVIEW_LABELS.pending]: 'neutral',
      [REVIEW_LABELS.returned]: 'bad',
    },
  },
];
