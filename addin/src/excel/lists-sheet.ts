// Drop-down lists live on a very hidden sheet the add-in owns, and data validation points at its
// ranges: a range has no length limit (an inline list stops at 255 characters) and list items may
// contain commas. Which lists there are, and what they hold, is shared/sheets' dropDownLists: the same
// as the Lists sheet of the template the service writes.
import type { DropDownList, ListSource } from '../../../shared/sheets/index.js';
import { columnLetters, quoteSheet } from './addresses.js';

export type DropDownLists = readonly DropDownList[];

/** The formula of each list's range on the lists sheet named `sheetName`, by list. */
export function listFormulas(lists: DropDownLists, sheetName: string): Map<ListSource, string> {
  return new Map(
    lists.map(({ source, values }, index) => {
      const letter = columnLetters(index);
      return [source, `=${quoteSheet(sheetName)}!$${letter}$2:$${letter}$${values.length + 1}`];
    }),
  );
}

/** Queues (re)writing the lists on the add-in's own lists sheet: each list's title, its values below. */
export function queueListsSheet(sheet: Excel.Worksheet, existed: boolean, lists: DropDownLists): void {
  if (existed) sheet.getRange().clear(Excel.ClearApplyTo.contents);
  lists.forEach(({ title, values }, index) => {
    const letter = columnLetters(index);
    const range = sheet.getRange(`${letter}1:${letter}${values.length + 1}`);
    range.numberFormat = [['@'], ...values.map(() => ['@'])];
    range.values = [[title], ...values.map((v) => [v])];
  });
  // Very hidden: not offered by Excel's Unhide, so nobody types over the lists by mistake. Hidden
  // once, when added: a sheet's visibility is the workbook's structure, which a protected workbook
  // refuses to change.
  if (!existed) sheet.visibility = Excel.SheetVisibility.veryHidden;
}
