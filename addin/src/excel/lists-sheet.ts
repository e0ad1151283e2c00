// Drop-down lists live on a very hidden sheet the add-in owns, and data validation points at its
// ranges: a range has no length limit (an inline list stops at 255 characters) and list items may
// contain commas.
import type { ListSource } from '../../../shared/layouts.js';
import { columnLetters, quoteSheet } from './addresses.js';

export type DropDownLists = Partial<Record<ListSource, readonly string[]>>;

/** The non-empty lists in a stable column order, and the formula each column's validation uses. */
export function listColumns(
  lists: DropDownLists,
  sheetName: string,
): { source: ListSource; values: readonly string[]; formula: string }[] {
  return (Object.entries(lists) as [ListSource, readonly string[]][])
    .filter(([, values]) => values.length > 0)
    .map(([source, values], index) => {
      const letter = columnLetters(index);
      return {
        source,
        values,
        formula: `=${quoteSheet(sheetName)}!$${letter}$2:$${letter}$${values.length + 1}`,
      };
    });
}

/** Queues (re)writing the lists on the add-in's own lists sheet. */
export function queueListsSheet(
  sheet: Excel.Worksheet,
  existed: boolean,
  columns: ReturnType<typeof listColumns>,
): void {
  if (existed) sheet.getRange().clear(Excel.ClearApplyTo.contents);
  columns.forEach(({ source, values }, index) => {
    const letter = columnLetters(index);
    const range = sheet.getRange(`${letter}1:${letter}${values.length + 1}`);
    range.numberFormat = [['@'], ...values.map(() => ['@'])];
    range.values = [[source], ...values.map((v) => [v])];
  });
  // Very hidden: not offered by Excel's Unhide, so nobody types over the lists by mistake.
  sheet.visibility = Excel.SheetVisibility.veryHidden;
}
