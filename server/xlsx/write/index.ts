// A small streaming .xlsx writer: sheets are generated row by row straight into the zip, so a workbook
// of hundreds of thousands of rows never exists in memory. It writes what a workbook of tables needs
// and no more: typed cells with number formats, real Excel tables, frozen headers, column widths,
// drop-down validation with input prompts, conditional fills, native charts, document properties, and
// page setup so that every sheet prints on A4 landscape one page wide with its header row on every
// page. Every string is an inline string cell, so text can never become a formula; formulas are only
// those the caller writes as such. One part per file beside this one, as SheetJS and exceljs lay out
// theirs; this one puts them in the zip.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { chartXml } from './chart.js';
import { contentTypesXml, CT_BASE } from './content-types.js';
import { appPropertiesXml, corePropertiesXml, type WorkbookInfo } from './doc-props.js';
import { drawingXml } from './drawing.js';
import { relsXml, relsXmlRaw, REL_TYPE } from './relationships.js';
import type { SheetSpec } from './sheet-spec.js';
import { Styles } from './styles.js';
import { tableXml } from './table.js';
import { workbookXml } from './workbook-part.js';
import { pageSetupXml, sheetXml } from './worksheet.js';
import { PKG_REL_NS } from './xml-text.js';

export type { Chart, ChartSeries } from './chart.js';
export type { WorkbookInfo } from './doc-props.js';
export type { Cell, HighlightRule, SheetColumn, SheetSpec, StyledCell, Validation } from './sheet-spec.js';
export { wrappedLines } from './worksheet.js';

/** Deflate level: level 1 writes several times faster than the default for a few per cent more bytes. */
const COMPRESSION_LEVEL = 1;

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
  add('docProps/app.xml', appPropertiesXml(info));
  overrides.push(
    ['/xl/styles.xml', `${CT_BASE}.spreadsheetml.styles+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', `${CT_BASE}.extended-properties+xml`],
  );
  add('[Content_Types].xml', contentTypesXml(overrides));
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
