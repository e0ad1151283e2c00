// A worksheet part, streamed row by row: columns, frozen header, cells (every string an inline string,
// so text can never become a formula), conditional fills, validations with prompts, and page setup so
// that the sheet prints on A4 landscape one page wide.
import { columnLetter } from '../cell-ref.js';
import type { WorkbookInfo } from './doc-props.js';
import type { HighlightRule, SheetColumn, SheetSpec, StyledCell } from './sheet-spec.js';
import type { Styles } from './styles.js';
import { attr, inline, MAIN_NS, REL_NS, text, XML_HEAD } from './xml-text.js';

/**
 * Blank rows under a table that validations still cover, for rows typed under it; Excel also carries a
 * table column's validation on to every row the table grows by. Not to the sheet's last row: some
 * spreadsheet libraries expand a validation into one entry per cell when they open a workbook.
 */
const VALIDATED_BLANK_ROWS = 10_000;
/** Excel's paper size code for A4. */
const PAPER_A4 = 9;
/** Rows are batched into chunks of about this many characters before they go to the zip. */
const CHUNK_CHARS = 1 << 16;

/** The sheet part's XML in chunks, its rows taken from `sheet.rows` as they are written. */
export async function* sheetXml(
  sheet: SheetSpec,
  selected: boolean,
  styles: Styles,
  pageSetup: string,
  tail: string,
  hasFormula: () => void,
) {
  const { columns } = sheet;
  const withHeader = sheet.header !== false;
  const letters = columns.map((_, i) => columnLetter(i + 1));
  const columnStyles = columns.map((c) =>
    c.numberFormat || c.wrap ? styles.id(c.numberFormat, false, c.wrap) : 0,
  );
  const firstDataRow = withHeader ? 2 : 1;
  const lastRow = Math.max(firstDataRow - 1 + sheet.rowCount, withHeader ? 1 : 0);
  const lastColumn = letters[letters.length - 1] ?? 'A';
  const pane =
    sheet.freezeHeader && withHeader
      ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
      : '';
  let chunk =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${lastColumn}${Math.max(lastRow, 1)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${columns
      .map(
        (c, i) =>
          `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${columnStyles[i] ? ` style="${columnStyles[i]}"` : ''}/>`,
      )
      .join('')}</cols><sheetData>`;

  if (withHeader) {
    // Wrapped, so a long header in a narrow column shows whole on two lines instead of being cut.
    // A number column's header sits right, over its numbers; a text column's left, over its text.
    const numeric = (c: SheetColumn) => c.numberFormat !== undefined && c.numberFormat !== '@';
    const header = (c: SheetColumn) => styles.id(undefined, true, true, numeric(c));
    // Bold text is wider: a header gets less of its column per line than body text.
    const lines = Math.max(...columns.map((c) => wrappedLines(c.header, c.width * 0.85)));
    chunk += `<row r="1"${rowHeight(lines)}>${columns.map((c, i) => `<c r="${letters[i]}1" s="${header(c)}" t="inlineStr">${inline(c.header)}</c>`).join('')}</row>`;
  }
  let r = firstDataRow;
  for await (const row of sheet.rows) {
    let xml = '';
    let lines = 1;
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (cell === null || cell === undefined || cell === '') continue;
      const ref = `${letters[i] ?? columnLetter(i + 1)}${r}`;
      const column = columns[i];
      const value = typeof cell === 'object' ? cell.value : cell;
      if (column?.wrap && typeof value === 'string')
        lines = Math.max(lines, wrappedLines(value, column.width));
      if (typeof cell === 'object') {
        const s = styles.id(cell.numberFormat ?? column?.numberFormat, cell.bold, column?.wrap);
        if (cell.formula === undefined) xml += cellXml(ref, cell.value, s);
        else {
          hasFormula();
          xml += formulaCellXml(ref, cell.formula, cell.value, s);
        }
      } else {
        xml += cellXml(ref, cell, columnStyles[i] ?? 0);
      }
    }
    chunk += `<row r="${r}"${rowHeight(lines)}>${xml}</row>`;
    r += 1;
    if (chunk.length >= CHUNK_CHARS) {
      yield Buffer.from(chunk, 'utf8');
      chunk = '';
    }
  }
  if (r - firstDataRow !== sheet.rowCount) {
    throw new Error(`Sheet ${sheet.name}: ${r - firstDataRow} rows written, ${sheet.rowCount} announced`);
  }
  chunk += '</sheetData>';
  chunk += highlightsXml(sheet, styles, letters, firstDataRow, lastRow);
  chunk += validationsXml(sheet, letters, firstDataRow, lastRow);
  chunk += `${pageSetup}${tail}</worksheet>`;
  yield Buffer.from(chunk, 'utf8');
}

/** Points per line of 11-point text, Excel's default row height. */
const LINE_POINTS = 15;
/** A row never grows past this many lines, so one long note cannot take a printed page of its own. */
const MAX_LINES = 12;

/**
 * How many lines `value` takes wrapped in a column `width` characters wide, wrapping at spaces as Excel
 * does. Rows with wrapped text are given their height: neither Excel nor LibreOffice reliably measures
 * a row when it opens a file, and a row left one line high shows only the first line, or prints over
 * the next.
 */
export function wrappedLines(value: string, width: number): number {
  // A column `width` wide holds `width` zeros; ordinary text is narrower, about 1.15 characters per zero.
  const capacity = Math.max(1, Math.floor(width * 1.1));
  if (value.length <= capacity && !value.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of value.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      const length = word.length;
      if (used > 0 && used + 1 + length > capacity) {
        lines += 1;
        used = 0;
      }
      used += (used > 0 ? 1 : 0) + length;
      // A word longer than the column breaks across lines.
      while (used > capacity) {
        lines += 1;
        used -= capacity;
      }
    }
    if (lines >= MAX_LINES) return MAX_LINES;
  }
  return lines;
}

const rowHeight = (lines: number): string =>
  lines > 1 ? ` ht="${Math.min(lines, MAX_LINES) * LINE_POINTS}" customHeight="1"` : '';

function cellXml(ref: string, value: string | number | boolean | null | undefined, s: number): string {
  const style = s ? ` s="${s}"` : '';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value === null || value === undefined || value === '') return style ? `<c r="${ref}"${style}/>` : '';
  return `<c r="${ref}"${style} t="inlineStr">${inline(value)}</c>`;
}

/** A formula and the number or text it gives as written. */
function formulaCellXml(ref: string, formula: string, value: StyledCell['value'], s: number): string {
  const style = s ? ` s="${s}"` : '';
  const f = `<f>${text(formula)}</f>`;
  if (typeof value === 'number') return `<c r="${ref}"${style}>${f}<v>${value}</v></c>`;
  return `<c r="${ref}"${style} t="str">${f}<v>${text(String(value ?? ''))}</v></c>`;
}

function highlightsXml(
  sheet: SheetSpec,
  styles: Styles,
  letters: string[],
  firstRow: number,
  lastRow: number,
): string {
  if (!sheet.highlights?.length || lastRow < firstRow) return '';
  let priority = 0;
  const byColumn = new Map<number, HighlightRule[]>();
  for (const h of sheet.highlights) byColumn.set(h.column, [...(byColumn.get(h.column) ?? []), h]);
  return [...byColumn]
    .map(([column, rules]) => {
      const ref = `${letters[column]}${firstRow}:${letters[column]}${lastRow}`;
      const cfRules = rules.map((rule) => {
        priority += 1;
        const value = `"${rule.equals.replace(/"/g, '""')}"`;
        return `<cfRule type="cellIs" dxfId="${styles.highlight(rule.colour)}" priority="${priority}" operator="equal"><formula>${text(value)}</formula></cfRule>`;
      });
      return `<conditionalFormatting sqref="${ref}">${cfRules.join('')}</conditionalFormatting>`;
    })
    .join('');
}

function validationsXml(sheet: SheetSpec, letters: string[], firstRow: number, lastRow: number): string {
  if (!sheet.validations?.length) return '';
  const last = Math.max(lastRow, firstRow) + VALIDATED_BLANK_ROWS;
  const rules = sheet.validations.map((v) => {
    const rows = v.rows ?? { first: firstRow, last };
    const sqref = `${letters[v.column]}${rows.first}:${letters[v.column]}${rows.last}`;
    // Excel limits a prompt's title to 32 characters and its text to 255.
    const prompt = v.prompt
      ? ` showInputMessage="1" promptTitle="${attr(v.prompt.title.slice(0, 32))}" prompt="${attr(v.prompt.text.slice(0, 255))}"`
      : '';
    if (v.type === 'any') return `<dataValidation allowBlank="1"${prompt} sqref="${sqref}"/>`;
    const operator =
      v.type === 'list' ? '' : ` operator="${v.formula2 === undefined ? 'greaterThanOrEqual' : 'between'}"`;
    const alert = v.alert
      ? ` showErrorMessage="1" errorStyle="${v.alert.style}" errorTitle="${attr(v.alert.title.slice(0, 32))}" error="${attr(v.alert.message.slice(0, 255))}"`
      : '';
    return (
      `<dataValidation type="${v.type}"${operator} allowBlank="1"${prompt}${alert} sqref="${sqref}">` +
      `<formula1>${text(v.formula1 ?? '')}</formula1>${v.formula2 === undefined ? '' : `<formula2>${text(v.formula2)}</formula2>`}` +
      '</dataValidation>'
    );
  });
  return `<dataValidations count="${rules.length}">${rules.join('')}</dataValidations>`;
}

/**
 * A4 landscape, one page wide (a summary: one page in all), with the partnership and period, the sheet
 * name and "Page n of m" in the footer of every page.
 */
export function pageSetupXml(sheet: SheetSpec, info: WorkbookInfo): string {
  // In a footer `&` starts a code (&L left, &A sheet name, &P page...); a literal one is written `&&`.
  // The sheet name sits with the page number on the right, leaving the left for a long footer.
  const footer = `&L${info.footer.replace(/&/g, '&&')}&R&A · Page &P of &N`;
  return (
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${PAPER_A4}" orientation="landscape" fitToWidth="1" fitToHeight="${sheet.printOnOnePage ? 1 : 0}"/>` +
    `<headerFooter><oddFooter>${text(footer)}</oddFooter></headerFooter>` +
    rowBreaksXml(sheet.pageBreaks ?? [])
  );
}

/** Manual page breaks above the given 0-based rows (Excel numbers a break by the row above it). */
function rowBreaksXml(rows: readonly number[]): string {
  if (!rows.length) return '';
  const breaks = rows.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('');
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
}
