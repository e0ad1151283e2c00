// How small a sheet prints: Excel and LibreOffice shrink a sheet set to fit one page wide until its
// columns fit the page, so the text prints at the font's size times that scale. Worked out here from
// what the workbook says (each <col> width, the page margins and set-up, the rows' heights, the styles'
// font), measuring a column the wider of Excel's way (Calibri 11's digit is 7 px at 96 dpi) and
// LibreOffice's (the digit's own advance, 1038/2048 em of Calibri or its metric twin Carlito), and
// required to be at least 8 pt on every printed sheet of the consolidated workbook and the council
// template (issue 19).
import { describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { demoSubmissions } from '../../../demo/submissions.js';
import { writeConsolidatedWorkbook } from '../../../server/workbook/write-consolidated.js';
import { writeCouncilTemplate } from '../../../server/workbook/write-template.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import { CONSOLIDATED_PEOPLE_LAYOUT } from '../../../shared/report/index.js';
import { CONTRIBUTIONS_LAYOUT, SKILLS_LAYOUT } from '../../../shared/sheets/index.js';
import { writtenBytes, zipParts } from '../../helpers/xlsx.js';

const PERIOD = '2026-11';
/** ISO 216 A4 in points, portrait. */
const A4 = { width: 595.28, height: 841.89 };
const POINTS_PER_INCH = 72;
/** Excel's maximum digit width of Calibri 11 at 96 dpi, in pixels. */
const DIGIT_PX = 7;
/** A digit's advance in Calibri (and Carlito), in ems. */
const DIGIT_EM = 1038 / 2048;
const SMALLEST_POINTS = 8;

/**
 * A column `width` characters wide in points: by Excel's rule (ECMA-376 Part 1, §18.3.1.13, in whole
 * pixels) or LibreOffice's (the width in digits of the font, as it measured on A4 here), the wider.
 */
const columnPoints = (width: number, fontPoints: number): number =>
  Math.max(
    Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX) * 0.75,
    width * DIGIT_EM * fontPoints,
  );

const attribute = (xml: string, element: string, name: string): string | undefined =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

interface PrintedSheet {
  name: string;
  /** The size the sheet's body text prints at, in points. */
  points: number;
}

/** Each sheet of a written workbook and the size its text prints at. */
async function printedSizes(bytes: Buffer): Promise<PrintedSheet[]> {
  const parts = await zipParts(bytes);
  const workbook = parts.get('xl/workbook.xml')!;
  const rels = parts.get('xl/_rels/workbook.xml.rels')!;
  const fontPoints = Number(attribute(parts.get('xl/styles.xml')!, 'sz', 'val'));
  expect(fontPoints).toBeGreaterThan(0);
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)\/>/g)].map(([, attrs]) => ({
    name: /\bname="([^"]*)"/.exec(attrs!)![1]!,
    id: /\br:id="([^"]*)"/.exec(attrs!)![1]!,
    hidden: /\bstate="hidden"/.test(attrs!),
  }));
  // A hidden sheet (the template's lists) is not printed.
  return sheets
    .filter((s) => !s.hidden)
    .map(({ name, id }) => {
      const target = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]*)"`).exec(rels)?.[1];
      const xml = parts.get(`xl/${target!.replace(/^\/?xl\//, '')}`)!;
      expect(attribute(xml, 'pageSetup', 'paperSize'), name).toBe('9');
      expect(attribute(xml, 'pageSetUpPr', 'fitToPage'), name).toBe('1');
      expect(attribute(xml, 'pageSetup', 'fitToWidth'), name).toBe('1');
      const landscape = attribute(xml, 'pageSetup', 'orientation') === 'landscape';
      const inches = (side: string) => Number(attribute(xml, 'pageMargins', side));
      const page = landscape ? { width: A4.height, height: A4.width } : A4;
      const printable = {
        width: page.width - (inches('left') + inches('right')) * POINTS_PER_INCH,
        height: page.height - (inches('top') + inches('bottom')) * POINTS_PER_INCH,
      };
      const widths = [...xml.matchAll(/<col\b[^>]*\bwidth="([^"]*)"/g)].map(([, w]) => Number(w));
      expect(widths.length, name).toBeGreaterThan(0);
      let scale = Math.min(
        1,
        printable.width / widths.map((w) => columnPoints(w, fontPoints)).reduce((a, b) => a + b, 0),
      );
      // A sheet that must also fit one page tall shrinks until its rows fit too.
      if (Number(attribute(xml, 'pageSetup', 'fitToHeight') ?? 1) === 1) {
        const defaultHeight = Number(attribute(xml, 'sheetFormatPr', 'defaultRowHeight') ?? 15);
        const heights = [...xml.matchAll(/<row\b([^>]*)>/g)].map(([, attrs]) =>
          Number(/\bht="([^"]*)"/.exec(attrs!)?.[1] ?? defaultHeight),
        );
        scale = Math.min(scale, printable.height / heights.reduce((a, b) => a + b, 0));
      }
      return { name, points: fontPoints * scale };
    });
}

function demoView() {
  const records = Object.entries(demoSubmissions(PERIOD)).map(([council, data]) => ({
    council,
    period: PERIOD,
    version: 1,
    submittedAt: `${PERIOD}-28T09:30:00.000Z`,
    review: 'pending' as const,
    data,
  }));
  return consolidate(demoPartnership, records, PERIOD);
}

describe('printed one page wide on A4', () => {
  it(`prints every sheet of the consolidated workbook at ${SMALLEST_POINTS} pt or more`, async () => {
    const sizes = await printedSizes(await writtenBytes((out) => writeConsolidatedWorkbook(demoView(), out)));
    expect(sizes.map((s) => s.name)).toContain('Projects');
    for (const { name, points } of sizes) expect(points, name).toBeGreaterThanOrEqual(SMALLEST_POINTS);
  });

  it(`prints every sheet of a council's return at ${SMALLEST_POINTS} pt or more`, async () => {
    const bytes = await writtenBytes((out) =>
      writeCouncilTemplate(out, {
        council: 'cherwell',
        period: PERIOD,
        partnership: demoPartnership,
        submission: demoSubmissions(PERIOD).cherwell,
      }),
    );
    const sizes = await printedSizes(bytes);
    expect(sizes.map((s) => s.name)).toEqual(expect.arrayContaining(['Skills', 'Projects']));
    for (const { name, points } of sizes) expect(points, name).toBeGreaterThanOrEqual(SMALLEST_POINTS);
  });

  it('measures a sheet too wide for the page as printing small', async () => {
    // The demo's Projects sheet as it was (seventeen columns, 236 characters wide): LibreOffice printed
    // it at 6.5 pt with Carlito.
    const wide = [10, 24, 14, 14, 16, 9, 7, 11, 11, 13, 13, 13, 13, 13, 9, 16, 30];
    const xml =
      '<worksheet><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetFormatPr defaultRowHeight="15"/><cols>' +
      wide.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}"/>`).join('') +
      '</cols><sheetData/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6"/>' +
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';
    const { buildZip } = await import('../../helpers/zip.js');
    const bytes = buildZip([
      {
        name: 'xl/workbook.xml',
        data: '<workbook><sheets><sheet name="Projects" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      { name: 'xl/styles.xml', data: '<styleSheet><fonts><font><sz val="11"/></font></fonts></styleSheet>' },
      { name: 'xl/worksheets/sheet1.xml', data: xml },
    ]);
    const [projects] = await printedSizes(bytes);
    expect(projects!.points).toBeGreaterThan(6.3);
    expect(projects!.points).toBeLessThan(6.7);
  });
});

describe('e-mail addresses', () => {
  // Calibri 11's letters are narrower than its digits: an address of n characters takes about 0.95 n
  // characters of column width (a 41-character address measures 266 px, 38 digits).
  const longest = Math.max(
    ...Object.values(demoSubmissions(PERIOD)).flatMap((s) => s.skills.map((row) => row.email.length)),
  );

  it('are shown whole in the columns that hold them', () => {
    expect(longest).toBeGreaterThanOrEqual(41);
    const columns = [
      SKILLS_LAYOUT.columns.find((c) => c.key === 'email')!,
      CONTRIBUTIONS_LAYOUT.columns.find((c) => c.key === 'personEmail')!,
      CONSOLIDATED_PEOPLE_LAYOUT.columns.find((c) => c.key === 'email')!,
    ];
    for (const column of columns) expect(column.width, column.header).toBeGreaterThanOrEqual(longest * 0.95);
  });
});
