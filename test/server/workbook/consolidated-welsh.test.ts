// The consolidated workbook of a Welsh partnership (DESIGN §12): the Summary's labels, the Changes and
// Data quality sheets' words and the charts' titles follow the partnership's language — both, Welsh
// first, when it is bilingual — while sheet names, tables' headers and every figure stay as in English.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import { CY, EN } from '../../../shared/i18n/index.js';
import type { ConsolidatedView } from '../../../shared/schemas.js';
import type { Language } from '../../../shared/vocabulary.js';
import { writeConsolidatedWorkbook } from '../../../server/workbook/write-consolidated.js';
import { writtenBytes, zipParts } from '../../helpers/xlsx.js';
import { demoRecords } from '../mail/demo-records.js';

interface Written {
  sheets: string[];
  /** The Summary's rows: label, value. */
  summary: [unknown, unknown][];
  /** The Changes sheet's rows below its header. */
  changes: unknown[][];
  /** The Data quality sheet's rows below its header: kind, council, council name, project, message. */
  dataQuality: unknown[][];
  /** Every table's column headers, and every chart's XML. */
  tables: string[];
  charts: string[];
}

async function written(view: ConsolidatedView, language?: Language): Promise<Written> {
  const bytes = await writtenBytes((out) => writeConsolidatedWorkbook(view, out, language));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (name: string) =>
    (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
  const parts = [...(await zipParts(bytes))];
  return {
    sheets: book.worksheets.map((w) => w.name),
    summary: rows('Summary').map((r) => [r[0], r[1]]),
    changes: rows('Changes').slice(1),
    dataQuality: rows('Data quality').slice(1),
    tables: parts
      .filter(([name]) => name.startsWith('xl/tables/'))
      .map(([, xml]) => xml.replace(/ id="\d+"/g, '')),
    charts: parts.filter(([name]) => name.startsWith('xl/charts/chart')).map(([, xml]) => xml),
  };
}

describe('the consolidated workbook in Welsh', () => {
  let view: ConsolidatedView;
  let english: Written;
  let bilingual: Written;
  let welsh: Written;

  beforeAll(async () => {
    view = consolidate(demoPartnership, demoRecords({ hostile: false }), '2027-03');
    expect(view.changes.since).not.toBeNull();
    [english, bilingual, welsh] = await Promise.all([
      written(view),
      written(view, 'Bilingual'),
      written(view, 'Cymraeg'),
    ]);
  });

  it('is the English workbook when the partnership says English', async () => {
    expect(await written(view, 'English')).toEqual(english);
  });

  it('keeps the sheet names, the tables’ headers and every figure', () => {
    for (const other of [bilingual, welsh]) {
      expect(other.sheets).toEqual(english.sheets);
      expect(other.tables).toEqual(english.tables);
      expect(other.summary.map(([, value]) => (typeof value === 'number' ? value : null))).toEqual(
        english.summary.map(([, value]) => (typeof value === 'number' ? value : null)),
      );
    }
  });

  it('labels the Summary in Welsh then English when bilingual, and in Welsh alone in Cymraeg', () => {
    expect(bilingual.summary).toHaveLength(english.summary.length);
    let translated = 0;
    english.summary.forEach(([label], i) => {
      const both = bilingual.summary[i]![0];
      const cy = welsh.summary[i]![0];
      if (typeof label !== 'string' || label === view.partnership) return;
      if (cy === label) return; // a label the same in both (none is expected, but a name would be)
      translated += 1;
      // A money label's unit comes once, after both languages: "Cost net eleni / Net cost this year (£)".
      expect(both).toBe(`${String(cy).replace(/ \(£\)$/, '')} / ${label}`);
    });
    expect(translated).toBeGreaterThan(30);
    const label = (summary: Written['summary'], text: string) => summary.find(([l]) => l === text)?.[1];
    expect(
      label(bilingual.summary, `${CY['headline.netCost.label'].text} / ${EN['headline.netCost.label']} (£)`),
    ).toBe(label(english.summary, `${EN['headline.netCost.label']} (£)`));
    expect(label(welsh.summary, CY['summary.period'].text)).toBe('Mawrth 2027');
    expect(label(bilingual.summary, `${CY['summary.period'].text} / ${EN['summary.period']}`)).toBe(
      'Mawrth 2027 / March 2027',
    );
  });

  it('writes the Changes sheet’s words in Welsh then English, and its items as they are', () => {
    expect(english.changes.length).toBeGreaterThan(3);
    expect(bilingual.changes).toHaveLength(english.changes.length);
    english.changes.forEach((row, i) => {
      expect(bilingual.changes[i]![0]).toBe(`${String(welsh.changes[i]![0])} / ${String(row[0])}`);
      expect(bilingual.changes[i]![1]).toBe(row[1]); // the item: a council or project ID
    });
    expect(bilingual.changes.map((r) => r[0])).toContain(
      `${CY['change.firstReturn'].text} / ${EN['change.firstReturn']}`,
    );
  });

  it('writes the Data quality sheet’s kinds and sentences in Welsh then English; warnings keep their codes', () => {
    expect(english.dataQuality.length).toBeGreaterThan(4);
    expect(bilingual.dataQuality).toHaveLength(english.dataQuality.length);
    english.dataQuality.forEach((row, i) => {
      const [both, cy] = [bilingual.dataQuality[i]!, welsh.dataQuality[i]!];
      expect(both[4]).toBe(`${String(cy[4])} / ${String(row[4])}`);
      expect(cy[4]).not.toBe(row[4]);
      expect(both.slice(1, 4)).toEqual(row.slice(1, 4)); // the council's ID and name, the project's ID
      // A warning's kind is its code, as the API gives it; the other kinds are words.
      expect(both[0]).toBe(
        /^[a-z-]+$/.test(String(row[0])) ? row[0] : `${String(cy[0])} / ${String(row[0])}`,
      );
    });
    expect(english.dataQuality.map((r) => r[0])).toContain('lead-missing');
    expect(welsh.dataQuality.map((r) => r[0])).toContain(CY['dataQuality.kind.missing'].text);
  });

  it('titles the charts in Welsh then English', () => {
    expect(english.charts.some((xml) => xml.includes(EN['chart.projects.title']))).toBe(true);
    expect(
      bilingual.charts.some((xml) =>
        xml.includes(`${CY['chart.projects.title'].text} / ${EN['chart.projects.title']}`),
      ),
    ).toBe(true);
    expect(welsh.charts.some((xml) => xml.includes(CY['chart.projects.title'].text))).toBe(true);
    expect(welsh.charts.some((xml) => xml.includes(EN['chart.projects.title']))).toBe(false);
  });
});
