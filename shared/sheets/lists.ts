// Drop-down lists: the fixed vocabulary (DESIGN §2) and the partnership's own budget lines and council
// IDs. One function makes the lists a workbook's sheets drop down, for the template the service writes
// and for the sheets the add-in sets up alike.
import type { Partnership } from './partnership-workbook.js';
import type { SheetLayout } from './column.js';
import {
  CONTRIBUTION_TYPES,
  COST_SHARE_METHODS,
  FUNDING_STATUSES,
  LANGUAGES,
  MEMBERSHIPS,
  ORGANISATION_TYPES,
  PHASES,
  RAGS,
  SKILL_LEVELS,
  SKILLS,
  THEMES,
} from '../vocabulary.js';

/** Where a drop-down list comes from: the fixed vocabulary or the partnership's own data. */
export type ListSource =
  | 'skills'
  | 'skillLevels'
  | 'phases'
  | 'rags'
  | 'themes'
  | 'organisationTypes'
  | 'contributionTypes'
  | 'memberships'
  | 'fundingStatuses'
  | 'costShareMethods'
  | 'languages'
  | 'budgetLines'
  | 'councils';

export type FixedList = Exclude<ListSource, 'budgetLines' | 'councils'>;

export const FIXED_LISTS = {
  skills: SKILLS,
  skillLevels: SKILL_LEVELS,
  phases: PHASES,
  rags: RAGS,
  themes: THEMES,
  organisationTypes: ORGANISATION_TYPES,
  contributionTypes: CONTRIBUTION_TYPES,
  memberships: MEMBERSHIPS,
  fundingStatuses: FUNDING_STATUSES,
  costShareMethods: COST_SHARE_METHODS,
  languages: LANGUAGES,
} as const satisfies Record<FixedList, readonly [string, ...string[]]>;

/** A list's words: the vocabulary's for a fixed list, any text for the partnership's own. */
export type ListWord<L extends ListSource> = L extends FixedList ? (typeof FIXED_LISTS)[L][number] : string;

/** Each list's column title on the Lists sheet. */
export const LIST_TITLES: Readonly<Record<ListSource, string>> = {
  skills: 'Skills',
  skillLevels: 'Levels',
  phases: 'Phases',
  rags: 'RAG',
  themes: 'Themes',
  organisationTypes: 'Organisation types',
  contributionTypes: 'Contribution types',
  memberships: 'Memberships',
  fundingStatuses: 'Funding statuses',
  costShareMethods: 'Cost-share methods',
  languages: 'Languages',
  budgetLines: 'Budget lines',
  councils: 'Councils',
};

/**
 * The values of a drop-down list. Budget lines are those of the given financial year (all years when
 * none is given); councils are the partnership's council IDs. Without a partnership those two are empty.
 */
export function listValues(source: ListSource, partnership?: Partnership, financialYear?: string): string[] {
  if (source === 'councils') return partnership ? partnership.councils.map((c) => c.id) : [];
  if (source === 'budgetLines') {
    if (!partnership) return [];
    const lines = partnership.budget
      .filter((b) => financialYear === undefined || b.financialYear === financialYear)
      .map((b) => b.budgetLine);
    return [...new Set(lines)];
  }
  return [...FIXED_LISTS[source]];
}

/** One column of a workbook's Lists sheet. */
export interface DropDownList {
  readonly source: ListSource;
  /** The column's header on the Lists sheet. */
  readonly title: string;
  readonly values: readonly string[];
}

/**
 * The Lists sheet of a workbook: a column per list its sheets drop down, in the order their columns
 * first use them. A list with no values (no partnership to take them from) has no column, so no rule
 * points at it.
 */
export function dropDownLists(
  sheets: readonly Pick<SheetLayout, 'columns'>[],
  partnership?: Partnership,
  financialYear?: string,
): DropDownList[] {
  const sources = new Set<ListSource>();
  for (const sheet of sheets) for (const column of sheet.columns) if (column.list) sources.add(column.list);
  return [...sources]
    .map((source) => ({
      source,
      title: LIST_TITLES[source],
      values: listValues(source, partnership, financialYear),
    }))
    .filter((list) => list.values.length > 0);
}
