// A small streaming .xlsx writer: sheets are generated row by row straight into the zip, so a workbook
// of hundreds of thousands of rows never exists in memory. It writes what our workbooks need and no
// more: typed cells with number formats, real Excel tables, frozen headers, column widths, drop-down
// validation with input prompts, conditional fills, native charts, document properties, and page setup
// so that every sheet prints on A4 landscape one page wide with its header row on every page. Every
// string is an inline string cell, so text can never become a formula; formulas are only those the
// caller writes as such.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { chartAnchorXml, chartXml, type Chart } from './chart-xml.js';
import { columnLetter } from './columns.js';

export type { Chart } from './chart-xml.js';

/** A cell: blank, text, number, boolean, or a value with its own format / emphasis. */
export type Cell = string | number | boolean | null | undefined | StyledCell;
export interface StyledCell {
  /** With a formula, the value it gives as written (shown until the workbook is recalculated). */
  value: string | number | boolean | null | undefined;
  numberFormat?: string;
  bold?: boolean;
  /** A formula without the leading `=`, e.g. `COUNTIFS(Projects!$G$2:$G$9,A2)`. */
  formula?: string;
}

export interface SheetColumn {
  header: string;
  /** Excel character units. */
  width: number;
  /** Applied to the column's data cells, and to the whole column so that typed values take it too. */
  numberFormat?: string;
  /** Long text: wrapped within the column's width (the row grows) instead of running over or being cut. */
  wrap?: boolean;
}

/** Colour a cell of a 0-based column when it equals a value: white bold text on `colour` (`RRGGBB`). */
export interface HighlightRule {
  column: number;
  equals: string;
  colour: string;
}

/** A column's rule, its input prompt, or both. */
export interface Validation {
  /** 0-based column of the table. */
  column: number;
  /** `any`: no check, only the prompt. */
  type: 'list' | 'decimal' | 'whole' | 'any';
  /** A list: a range such as `Lists!$A$2:$A$9`. A number: the lower bound. */
  formula1?: string;
  /** A number: the upper bound; without it the rule is "at least formula1". */
  formula2?: string;
  /**
   * How Excel answers a value the rule refuses: `stop` refuses it, `warning` asks first; the title and
   * the plain-English message say what the column expects.
   */
  alert?: { style: 'stop' | 'warning'; title: string; message: string };
  /** The sentence Excel shows beside a selected cell, saying what the column wants. */
  prompt?: { title: string; text: string };
  /** Excel rows covered; by default the data rows and many blank rows under them. */
  rows?: { first: number; last: number };
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
  /** Data rows written under the header row (or from row 1 when `header` is false). */
  rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>;
  /** How many rows `rows` yields; tables, validations and formats need the extent before streaming. */
  rowCount: number;
  /** Write the column headers as row 1 (default true). */
  header?: boolean;
  /** Make the header and rows an Excel table with this name (needs `header`). */
  table?: string;
  freezeHeader?: boolean;
  hidden?: boolean;
  /** Print the whole sheet on one page (a summary), rather than one page wide and as long as it needs. */
  printOnOnePage?: boolean;
  validations?: readonly Validation[];
  highlights?: readonly HighlightRule[];
  charts?: readonly Chart[];
}

/** What the workbook is: its document properties, and the footer of every printed page. */
export interface WorkbookInfo {
  title: string;
  /** Says the period, e.g. "Consolidated view for November 2026". */
  subject: string;
  /** The left of every page's footer, e.g. "Oxfordshire Digital Partnership · November 2026". */
  footer: string;
  created?: Date;
}

export const CREATOR = 'Shared CDO';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_BASE = 'application/vnd.openxmlformats-officedocument';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/**
 * Blank rows under a table that validations still cover, for rows typed under it; Excel also carries a
 * table column's validation on to every row the table grows by. Not to the sheet's last row: some
 * spreadsheet libraries expand a validation into one entry per cell when they open a workbook.
 */
const VALIDATED_BLANK_ROWS = 10_000;
/** Excel's paper size code for A4. */
const PAPER_A4 = 9;
/** Excel refuses longer cell text. */
const MAX_CELL_CHARS = 32_767;
/** Rows are batched into chunks of about this many characters before they go to the zip. */
const CHUNK_CHARS = 1 << 16;
/** Deflate level: level 1 writes several times faster than the default for a few per cent more bytes. */
const COMPRESSION_LEVEL = 1;

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '@': 49 };

/** Number formats, fonts and wrapping used by cells, registered as sheets are written and saved last. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([['0|false|false|false', 0]]);
  private readonly xfList: { numFmtId: number; bold: boolean; wrap: boolean; right: boolean }[] = [
    { numFmtId: 0, bold: false, wrap: false, right: false },
  ];
  /** Conditional formats' colours, in dxf order. */
  private readonly highlights: string[] = [];

  /** The dxf of a status colour: white bold text on it, as the e-mail's labels are drawn. */
  highlight(colour: string): number {
    const known = this.highlights.indexOf(colour);
    if (known >= 0) return known;
    this.highlights.push(colour);
    return this.highlights.length - 1;
  }

  /** `right`: aligned right, as a number column's header is over its numbers. */
  id(numberFormat: string | undefined, bold = false, wrap = false, right = false): number {
    const numFmtId = numberFormat === undefined ? 0 : this.formatId(numberFormat);
    const key = `${numFmtId}|${bold}|${wrap}|${right}`;
    let id = this.xfs.get(key);
    if (id === undefined) {
      id = this.xfList.length;
      this.xfList.push({ numFmtId, bold, wrap, right });
      this.xfs.set(key, id);
    }
    return id;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const numFmts = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`,
    );
    const xfs = this.xfList.map(
      ({ numFmtId, bold, wrap, right }) =>
        `<xf numFmtId="${numFmtId}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}` +
        // Top-aligned, so that a row made tall by wrapped text reads across from its first line.
        ` applyAlignment="1"><alignment${right ? ' horizontal="right"' : ''} vertical="top"${wrap ? ' wrapText="1"' : ''}/></xf>`,
    );
    const dxf = (fill: string) =>
      `<dxf><font><b/><color rgb="FFFFFFFF"/></font><fill><patternFill><bgColor rgb="FF${fill}"/></patternFill></fill></dxf>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.highlights.length}">${this.highlights.map(dxf).join('')}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

/** Writes the sheets as an .xlsx to `out`, resolving once the last byte is written. */
export async function writeXlsx(
  sheets: readonly SheetSpec[],
  out: NodeJS.WritableStream,
  info: WorkbookInfo,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = pipeline(zip.outputStream, out);
  const styles = new Styles();
  const overrides: [part: string, type: string][] = [
    [`/xl/workbook.xml`, `${CT_BASE}.spreadsheetml.sheet.main+xml`],
  ];
  const options = { compress: true, compressionLevel: COMPRESSION_LEVEL };
  const add = (part: string, xml: string) => zip.addBuffer(Buffer.from(xml, 'utf8'), part, options);

  let tableCount = 0;
  let chartCount = 0;
  let formulas = false;
  sheets.forEach((sheet, index) => {
    const n = index + 1;
    const rels: string[] = [];
    const sheetRel = (type: string, target: string) => {
      rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${REL_TYPE}/${type}" Target="${target}"/>`);
      return `rId${rels.length}`;
    };
    let tablePart = '';
    if (sheet.table) {
      tableCount += 1;
      const rId = sheetRel('table', `../tables/table${tableCount}.xml`);
      tablePart = `<tableParts count="1"><tablePart r:id="${rId}"/></tableParts>`;
      add(`xl/tables/table${tableCount}.xml`, tableXml(sheet, tableCount));
      overrides.push([`/xl/tables/table${tableCount}.xml`, `${CT_BASE}.spreadsheetml.table+xml`]);
    }
    let drawingPart = '';
    if (sheet.charts?.length) {
      const first = chartCount + 1;
      chartCount += sheet.charts.length;
      const rId = sheetRel('drawing', `../drawings/drawing${n}.xml`);
      drawingPart = `<drawing r:id="${rId}"/>`;
      sheet.charts.forEach((chart, i) => {
        add(`xl/charts/chart${first + i}.xml`, chartXml(chart));
        overrides.push([`/xl/charts/chart${first + i}.xml`, `${CT_BASE}.drawingml.chart+xml`]);
      });
      add(`xl/drawings/drawing${n}.xml`, drawingXml(sheet.charts));
      add(
        `xl/drawings/_rels/drawing${n}.xml.rels`,
        relsXml(sheet.charts.map((_, i) => ['chart', `../charts/chart${first + i}.xml`])),
      );
      overrides.push([`/xl/drawings/drawing${n}.xml`, `${CT_BASE}.drawing+xml`]);
    }
    const rows = Readable.from(
      sheetXml(
        sheet,
        index === 0,
        styles,
        pageSetupXml(sheet, info),
        `${drawingPart}${tablePart}`,
        () => (formulas = true),
      ),
      { objectMode: false },
    );
    // yazl does not pass on a failing entry; end the whole workbook with the error instead of hanging.
    rows.on('error', (error) => (zip.outputStream as Readable).destroy(error));
    zip.addReadStream(rows, `xl/worksheets/sheet${n}.xml`, options);
    if (rels.length) add(`xl/worksheets/_rels/sheet${n}.xml.rels`, relsXmlRaw(rels));
    overrides.push([`/xl/worksheets/sheet${n}.xml`, `${CT_BASE}.spreadsheetml.worksheet+xml`]);
  });

  add(
    'xl/_rels/workbook.xml.rels',
    relsXml([
      ...sheets.map((_, i): [string, string] => ['worksheet', `worksheets/sheet${i + 1}.xml`]),
      ['styles', 'styles.xml'],
    ]),
  );
  add(
    '_rels/.rels',
    relsXmlRaw([
      `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>`,
      `<Relationship Id="rId2" Type="${PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>`,
      `<Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/>`,
    ]),
  );
  add('docProps/core.xml', corePropertiesXml(info));
  add('docProps/app.xml', appPropertiesXml());
  overrides.push(
    ['/xl/styles.xml', `${CT_BASE}.spreadsheetml.styles+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', `${CT_BASE}.extended-properties+xml`],
  );
  add(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
      '</Types>',
  );
  // Styles are known only once every sheet has been streamed, so they go last: yazl writes entries in
  // order and pulls a lazy entry's stream only when it reaches it.
  zip.addReadStreamLazy('xl/styles.xml', options, (cb) =>
    cb(null, Readable.from([Buffer.from(styles.xml())])),
  );
  // So is whether any sheet holds a formula, which Excel is then asked to recalculate on opening.
  zip.addReadStreamLazy('xl/workbook.xml', options, (cb) =>
    cb(null, Readable.from([Buffer.from(workbookXml(sheets, formulas))])),
  );
  zip.end();
  await done;
}

function workbookXml(sheets: readonly SheetSpec[], formulas: boolean): string {
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

async function* sheetXml(
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
function pageSetupXml(sheet: SheetSpec, info: WorkbookInfo): string {
  // In a footer `&` starts a code (&L left, &A sheet name, &P page...); a literal one is written `&&`.
  // The sheet name sits with the page number on the right, leaving the left for a long footer.
  const footer = `&L${info.footer.replace(/&/g, '&&')}&R&A · Page &P of &N`;
  return (
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${PAPER_A4}" orientation="landscape" fitToWidth="1" fitToHeight="${sheet.printOnOnePage ? 1 : 0}"/>` +
    `<headerFooter><oddFooter>${text(footer)}</oddFooter></headerFooter>`
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

function corePropertiesXml(info: WorkbookInfo): string {
  const created = (info.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${text(info.title)}</dc:title><dc:subject>${text(info.subject)}</dc:subject>` +
    `<dc:creator>${CREATOR}</dc:creator><cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appPropertiesXml(): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    `<Application>${CREATOR}</Application></Properties>`
  );
}

function tableXml(sheet: SheetSpec, id: number): string {
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

function drawingXml(charts: readonly Chart[]): string {
  return (
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"` +
    ` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">` +
    `${charts.map((chart, i) => chartAnchorXml(chart, i + 1)).join('')}</xdr:wsDr>`
  );
}

function relsXml(rels: readonly [type: string, target: string][]): string {
  return relsXmlRaw(
    rels.map(
      ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/${type}" Target="${target}"/>`,
    ),
  );
}

function relsXmlRaw(rels: readonly string[]): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
}

// XML 1.0 forbids most control characters; Excel would call the file corrupt.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// Excel reads `_x0041_` in cell text as an escaped character; `_x005F_` keeps such text literal.
const EXCEL_ESCAPE_LOOKALIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** Anything `text` or `inline` would change; most cell text has none, and skips the replacing. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPING = /[\u0000-\u001F&<>"_\uFFFE\uFFFF]|^\s|\s$/;

function text(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Also used for cell text, so that no text can look like markup such as ` t="d"` to the reader's scan. */
const quoted = (escaped: string): string => escaped.replace(/"/g, '&quot;');

function attr(value: string): string {
  return quoted(text(value)).replace(/\n/g, '&#10;');
}

/** An inline string: written as text whatever it looks like, so `=SUM(…)` stays text. */
function inline(value: string): string {
  if (!NEEDS_ESCAPING.test(value) && value.length <= MAX_CELL_CHARS) return `<is><t>${value}</t></is>`;
  const clipped = value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
  const escaped = quoted(text(clipped.replace(EXCEL_ESCAPE_LOOKALIKE, '_x005F_$1')));
  const space = /^\s|\s$/.test(clipped) ? ' xml:space="preserve"' : '';
  return `<is><t${space}>${escaped}</t></is>`;
}
