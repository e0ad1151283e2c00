// The drop-down lists of a workbook: the fixed vocabulary's words and the partnership's own budget lines
// and council IDs. One function makes the lists a workbook's sheets drop down, for the template the
// service writes and for the sheets the add-in sets up alike.
import type { SheetLayout } from './layout.js';
import { FIXED_LISTS, LIST_TITLES, type ListSource } from './lists.js';
import type { Partnership } from './partnership-workbook.js';

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
