// `xl/workbook.xml`: the sheets in order, the print titles, and whether to recalculate on opening.
import type { SheetSpec } from './sheet-spec.js';
import { attr, MAIN_NS, REL_NS, XML_HEAD } from './xml-text.js';

export function workbookXml(sheets: readonly SheetSpec[], formulas: boolean): string {
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets
      .map(
        (s, i) =>
          `<sheet name="${attr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
      )
      .join('') +
    `</sheets>${printTitlesXml(sheets)}${formulas ? '<calcPr fullCalcOnLoad="1"/>' : ''}</workbook>`
  );
}

/** The header row of every sheet that has one is printed at the top of each of its pages. */
function printTitlesXml(sheets: readonly SheetSpec[]): string {
  const names = sheets.flatMap((s, i) =>
    s.header === false
      ? []
      : [
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${attr(s.name.replace(/'/g, "''"))}'!$1:$1</definedName>`,
        ],
  );
  return names.length ? `<definedNames>${names.join('')}</definedNames>` : '';
}
