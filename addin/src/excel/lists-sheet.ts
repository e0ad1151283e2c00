// Drop-down lists live on a hidden `Lists` sheet and data validation points at its ranges: a range has
// no length limit (an inline list stops at 255 characters) and list items may contain commas.
import type { ListSource } from '../../../shared/layouts.js';
import { columnLetters } from './addresses.js';

export const LISTS_SHEET = 'Lists';

export type DropDownLists = Partial<Record<ListSource, readonly string[]>>;

/** The lists in a stable column order, and the formula each column's validation uses. */
export function listColumns(
  lists: DropDownLists,
): { source: ListSource; values: readonly string[]; formula: string }[] {
  return (Object.entries(lists) as [ListSource, readonly string[]][])
    .filter(([, values]) => values.length > 0)
    .map(([source, values], index) => {
      const letter = columnLetters(index);
      return { source, values, formula: `=${LISTS_SHEET}!$${letter}$2:$${letter}$${values.length + 1}` };
    });
}

/** Queues (re)writing the Lists sheet; `sheet` is the existing one or null when it must be added. */
export function queueListsSheet(
  context: Excel.RequestContext,
  existing: Excel.Worksheet | null,
  lists: DropDownLists,
): void {
  const sheet = existing ?? context.workbook.worksheets.add(LISTS_SHEET);
  if (existing) sheet.getRange().clear(Excel.ClearApplyTo.contents);
  listColumns(lists).forEach(({ source, values }, index) => {
    const letter = columnLetters(index);
    const range = sheet.getRange(`${letter}1:${letter}${values.length + 1}`);
    range.numberFormat = [['@'], ...values.map(() => ['@'])];
    range.values = [[source], ...values.map((v) => [v])];
  });
  sheet.visibility = Excel.SheetVisibility.hidden;
}
