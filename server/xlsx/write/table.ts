// An Excel table over a sheet's header and rows (`xl/tables/tableN.xml`).
import { columnLetter } from '../cell-ref.js';
import type { SheetSpec } from './sheet-spec.js';
import { attr, MAIN_NS, XML_HEAD } from './xml-text.js';

export function tableXml(sheet: SheetSpec, id: number): string {
  const lastColumn = columnLetter(sheet.columns.length);
  // A table needs at least one data row; an empty one is left blank for the user to fill.
  const ref = `A1:${lastColumn}${1 + Math.max(1, sheet.rowCount)}`;
  const name = attr(sheet.table ?? `Table${id}`);
  return (
    `${XML_HEAD}<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${sheet.columns.length}">` +
    sheet.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${attr(c.header)}"/>`).join('') +
    '</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    '</table>'
  );
}
