// The consolidated view as rows for the consolidated sheets' layouts (CONSOLIDATED_SHEETS): what the
// add-in writes into Excel and what a consolidated workbook holds, from one mapping. Cells say what they
// mean: statuses in words, council names beside IDs, and times as date-times on the UK clock.
import { isoTimeToExcelSerial } from '../dates.js';
import type { Locale } from '../i18n/index.js';
import type { ConsolidatedView } from '../schemas.js';
import {
  COUNCIL_STATUS_COLOURS,
  COUNCIL_STATUS_WORDS,
  RAG_COLOURS,
  REVIEW_COLOURS,
  REVIEW_WORDS,
  SKILL_STATUS_COLOURS,
  SKILL_STATUS_WORDS,
} from '../glossary.js';
import { changeRows, trendRows } from './changes.js';
import { councilNames } from './councils.js';
import { dataQualityLines } from './data-quality.js';

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
  /**
   * The Changes and Data quality sheets' words follow the partnership's language (DESIGN §12); the other
   * sheets' are data.
   */
  locales: readonly Locale[] = ['en'],
): Record<keyof ConsolidatedSheetRows, SheetItems> {
  const name = councilNames(view);
  return {
    changes: sheet(changeRows(view, locales), asIs),
    contributions: sheet(view.contributions.councils, (c) => ({
      ...c,
      status: COUNCIL_STATUS_WORDS[c.status],
    })),
    skills: sheet(view.skills.coverage, (s) => ({ ...s, status: SKILL_STATUS_WORDS[s.status] })),
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
    dataQuality: sheet(dataQualityLines(view, locales), (line) => ({
      ...line,
      ...(line.council === undefined ? {} : { councilName: name(line.council) }),
    })),
    submissions: sheet(view.submissions, (s) => ({
      ...s,
      name: name(s.council),
      submittedAt: isoTimeToExcelSerial(s.submittedAt),
      review: REVIEW_WORDS[s.review],
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

/** Each status word in its cell coloured as the glossary colours it; words from one sheet's column. */
const wordColours = <K extends string>(words: Record<K, string>, colours: Record<K, string>) =>
  Object.fromEntries(Object.entries<string>(words).map(([code, word]) => [word, colours[code as K]]));

/** The coloured columns of the consolidated sheets: which words get which colour (`RRGGBB`). */
export const CONSOLIDATED_HIGHLIGHTS: readonly {
  sheet: keyof ConsolidatedSheetRows;
  column: string;
  colours: Readonly<Record<string, string>>;
}[] = [
  {
    sheet: 'contributions',
    column: 'status',
    colours: wordColours(COUNCIL_STATUS_WORDS, COUNCIL_STATUS_COLOURS),
  },
  { sheet: 'skills', column: 'status', colours: wordColours(SKILL_STATUS_WORDS, SKILL_STATUS_COLOURS) },
  { sheet: 'projects', column: 'rag', colours: RAG_COLOURS },
  { sheet: 'projects', column: 'overdue', colours: { Yes: RAG_COLOURS.Red } },
  { sheet: 'submissions', column: 'review', colours: wordColours(REVIEW_WORDS, REVIEW_COLOURS) },
];
