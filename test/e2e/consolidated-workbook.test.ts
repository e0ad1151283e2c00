// The pane's consolidated view is the download's workbook (issue 19): loaded into a blank workbook
// through Office.js, it has the sheets of GET /consolidated.xlsx in the same order under the same names,
// the same tables (header rows and number formats) and the same native charts on the Summary (title,
// kind, series bound to the same cells, placed alike). The download is read with exceljs (sheets,
// cells) and its chart parts as XML: the pane's workbook is compared with it, not with this test's copy
// of either. The pane itself shows the headline figures with the glossary's labels, checked against
// figures worked out by hand from the demo's returns.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { DEMO_COUNCILS } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { asSentence, FIGURES } from '../../shared/glossary.js';
import { requireTool } from '../helpers/tools.js';
import { openWorkbook, sheetNames, zipParts } from '../helpers/xlsx.js';
import type { TestService } from '../server/helpers/service.js';
import { axeViolations } from './helpers/axe.js';
import {
  act,
  connect,
  excel,
  openPane,
  outputText,
  pageProblems,
  screenshot,
  type FakeChart,
  type FakeSheet,
} from './helpers/pane.js';
import { NOW, PERIOD, startPaneWorld, type PaneWorld } from './helpers/world.js';

const haveChromium = requireTool('chromium');

/** A cell reference with its sheet, as either surface spells it: no quotes, no `$`. */
const plainRef = (ref: string | undefined): string | undefined => ref?.replace(/[$']/g, '');

/** 0 → A. */
const letter = (column: number): string =>
  column < 26 ? String.fromCharCode(65 + column) : letter(Math.floor(column / 26) - 1) + letter(column % 26);

/** The Office.js chart type a DrawingML plot is (bars, stacked columns, lines with markers). */
function officeType(plot: string): string {
  if (plot.startsWith('<c:lineChart>')) return /<c:marker val="1"\/>/.test(plot) ? 'LineMarkers' : 'Line';
  const column = /<c:barDir val="col"\/>/.test(plot);
  const grouping = /<c:grouping val="(\w+)"\/>/.exec(plot)![1];
  return `${column ? 'Column' : 'Bar'}${grouping === 'stacked' ? 'Stacked' : 'Clustered'}`;
}

interface DownloadedChart {
  type: string;
  title: string;
  series: { name: string; values?: string; xValues?: string }[];
  valueFormat: string;
  displayBlanksAs: string;
  legendPosition: string;
  /** Categories listed from the top (bars) and the value axis crossing at the last category. */
  categoryAxis: { reversePlotOrder?: boolean; position?: string };
  position: { from: string; to: string };
}

const LEGEND_POSITIONS: Record<string, string> = {
  t: 'Top',
  b: 'Bottom',
  l: 'Left',
  r: 'Right',
  tr: 'Corner',
};

const relTargets = (rels: string): Map<string, string> =>
  new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="(\w+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );

/** The charts of a sheet of the downloaded workbook, in the order of its drawing's anchors. */
function downloadedCharts(parts: Map<string, string>, sheet: string): DownloadedChart[] {
  const workbook = parts.get('xl/workbook.xml')!;
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="(\\w+)"`).exec(workbook)![1]!;
  const sheetPart = relTargets(parts.get('xl/_rels/workbook.xml.rels')!)
    .get(id)!
    .replace(/^\/?(xl\/)?/, '');
  const sheetFile = sheetPart.split('/').pop()!;
  const sheetRels = relTargets(parts.get(`xl/worksheets/_rels/${sheetFile}.rels`) ?? '');
  const drawingId = /<drawing r:id="(\w+)"\/>/.exec(parts.get(`xl/${sheetPart}`)!)?.[1];
  if (drawingId === undefined) return [];
  const drawingFile = sheetRels.get(drawingId)!.split('/').pop()!;
  const drawing = parts.get(`xl/drawings/${drawingFile}`)!;
  const drawingRels = relTargets(parts.get(`xl/drawings/_rels/${drawingFile}.rels`)!);
  return [...drawing.matchAll(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g)].map(([anchor]) => {
    const corner = (tag: string) => {
      const m = new RegExp(`<xdr:${tag}><xdr:col>(\\d+)</xdr:col>.*?<xdr:row>(\\d+)</xdr:row>`).exec(anchor)!;
      return { column: Number(m[1]), row: Number(m[2]) };
    };
    const from = corner('from');
    const to = corner('to');
    const chartId = /<c:chart [^>]*r:id="(\w+)"/.exec(anchor)![1]!;
    const xml = parts.get(`xl/charts/${drawingRels.get(chartId)!.split('/').pop()!}`)!;
    const plot = /<c:(lineChart|barChart)>[\s\S]*<\/c:\1>/.exec(xml)![0];
    return {
      type: officeType(plot),
      title: /<a:t>([^<]*)<\/a:t>/.exec(xml)![1]!,
      series: [...plot.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map(([ser]) => ({
        name: /<c:tx><c:strRef>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)![1]!,
        values: plainRef(/<c:val><c:numRef><c:f>([^<]+)<\/c:f>/.exec(ser)?.[1]),
        xValues: plainRef(/<c:cat><c:(?:str|num)Ref><c:f>([^<]+)<\/c:f>/.exec(ser)?.[1]),
      })),
      valueFormat: /<c:valAx>[\s\S]*?<c:numFmt formatCode="([^"]+)"/.exec(xml)![1]!.replace(/&quot;/g, '"'),
      displayBlanksAs: /<c:dispBlanksAs val="gap"\/>/.test(xml) ? 'NotPlotted' : 'other',
      legendPosition: LEGEND_POSITIONS[/<c:legendPos val="(\w+)"\/>/.exec(xml)![1]!]!,
      categoryAxis: /<c:catAx>[\s\S]*?<c:orientation val="maxMin"\/>/.test(xml)
        ? {
            reversePlotOrder: true,
            ...(/<c:valAx>[\s\S]*?<c:crosses val="max"\/>/.test(xml) ? { position: 'Maximum' } : {}),
          }
        : {},
      // The anchor's `to` corner is the top-left of the cell after the chart: the chart ends in the cell
      // before it, as Office.js's setPosition names it.
      position: { from: `${letter(from.column)}${from.row + 1}`, to: `${letter(to.column - 1)}${to.row}` },
    };
  });
}

const paneChart = (chart: FakeChart): DownloadedChart => ({
  type: chart.type,
  title: chart.title,
  // A series' name is its column's header, as shown. Office.js names a series by a reference only when
  // the chart is made from a range with its header (the first series); the others are named with the
  // header's text (ChartSeriesCollection.add takes a name, and no API binds it to a cell).
  series: chart.series.map((s) => ({
    name: s.name,
    values: plainRef(s.values),
    xValues: plainRef(s.xValues),
  })),
  valueFormat: chart.axisFormats.value ?? 'General',
  displayBlanksAs: chart.displayBlanksAs,
  legendPosition: chart.legendPosition ?? 'Right',
  categoryAxis: chart.categoryAxis,
  position: { from: chart.position!.from, to: chart.position!.to! },
});

/** Row `row` (1-based) of a downloaded sheet as exceljs reads it: values, and number formats. */
function downloadedRow(book: ExcelJS.Workbook, sheet: string, row: number, width: number) {
  const cells = Array.from({ length: width }, (_, i) =>
    book
      .getWorksheet(sheet)!
      .getRow(row)
      .getCell(i + 1),
  );
  return {
    values: cells.map((c) => (c.value === null ? '' : c.value)),
    formats: cells.map((c) => c.numFmt || 'General'),
  };
}

/**
 * The same of the pane's sheet. The pane formats the Summary's text cells as text (`@`) so that Excel
 * does not read a name typed as `=…` or `1e5` as a formula or a number when the pane writes it; the
 * download writes those cells as strings, which Excel never reads, under General: the two are the same.
 */
function paneRow(sheet: FakeSheet, row: number, width: number, textIsGeneral = false) {
  const values = sheet.values[row - 1] ?? [];
  const format = (i: number) => sheet.formats[`${letter(i)}${row}`] ?? 'General';
  return {
    values: Array.from({ length: width }, (_, i) => values[i] ?? ''),
    formats: Array.from({ length: width }, (_, i) =>
      textIsGeneral && format(i) === '@' && typeof (values[i] ?? '') === 'string' ? 'General' : format(i),
    ),
  };
}

describe.runIf(haveChromium)('the pane’s consolidated view is the download’s workbook', () => {
  let world: PaneWorld;
  let service: TestService;
  let browser: Browser;
  let page: Page;
  let book: ExcelJS.Workbook;
  let parts: Map<string, string>;

  beforeAll(async () => {
    world = await startPaneWorld();
    ({ service, browser } = world);
    // Every demo council's October return, each carrying its ledger from April.
    for (const council of DEMO_COUNCILS) {
      const response = await service.call(
        'POST',
        `/api/v1/councils/${council}/submissions?period=${PERIOD}`,
        { token: 'cdo', json: demoCouncilSubmission(council, PERIOD) },
      );
      expect(response.status, council).toBe(201);
    }
    const download = await service.call('GET', `/api/v1/consolidated.xlsx?period=${PERIOD}`, {
      token: 'cdo',
    });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    book = await openWorkbook(bytes);
    parts = await zipParts(bytes);

    page = await openPane(browser, service.url, world.fakeOffice, {
      now: NOW,
      partitionKey: 'cdo-workbook',
      width: 320,
    });
    await page.locator('#token').waitFor();
    await connect(page, service.tokens.cdo);
    await act(page, 'consolidated');
  });

  afterAll(async () => world?.close());

  it('has the download’s sheets, in its order, after the blank sheet the workbook had', async () => {
    expect(await outputText(page)).toContain(
      'Consolidated view for October 2026 written: Summary with 4 charts',
    );
    expect(await excel(page).sheetNames()).toEqual(['Sheet1', ...sheetNames(book)]);
  });

  it('writes the Summary’s lines as the download does: labels, figures and their number formats', async () => {
    const sheet = await excel(page).sheet('Summary');
    const rows = book.getWorksheet('Summary')!.rowCount;
    expect(sheet.values.length).toBe(rows);
    for (let row = 1; row <= rows; row++) {
      expect(paneRow(sheet, row, 3, true), `Summary row ${row}`).toEqual(
        downloadedRow(book, 'Summary', row, 3),
      );
    }
  });

  it('writes each table with the download’s header row and number formats', async () => {
    const tables = sheetNames(book).filter((name) => name !== 'Summary');
    expect(tables).toHaveLength(9);
    for (const name of tables) {
      const sheet = await excel(page).sheet(name);
      const width = book.getWorksheet(name)!.getRow(1).cellCount;
      expect(width, name).toBeGreaterThan(0);
      expect(paneRow(sheet, 1, width).values, `${name} header`).toEqual(
        downloadedRow(book, name, 1, width).values,
      );
      // The first data row's formats: money, months, dates, counts and text as the download has them.
      expect(paneRow(sheet, 2, width).formats, `${name} formats`).toEqual(
        downloadedRow(book, name, 2, width).formats,
      );
    }
  });

  it('draws the download’s charts on the Summary: titles, kinds, series bound to the same cells, placed alike', async () => {
    const expected = downloadedCharts(parts, 'Summary');
    expect(expected.map((c) => c.title)).toEqual([
      'Contributed to date against profiled due',
      'Projects by phase and RAG',
      'The year so far: contributed against profiled due, 2026-27',
      'Projects by RAG, month by month, 2026-27',
    ]);
    const drawn = (await excel(page).sheet('Summary')).charts.map(paneChart);
    expect(drawn).toEqual(expected);
    // No other sheet has a chart in either workbook.
    for (const name of sheetNames(book).filter((n) => n !== 'Summary')) {
      expect(downloadedCharts(parts, name), name).toEqual([]);
      expect((await excel(page).sheet(name)).charts, name).toEqual([]);
    }
  });

  it('shows the headline figures in the pane with the glossary’s labels, worked out by hand', async () => {
    const shown = await page.locator('.headline tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        label: (tr.querySelector('.figure-label') as HTMLElement).innerText.trim(),
        note: (tr.querySelector('.figure-note') as HTMLElement).innerText.trim(),
        amount: (tr.querySelector('td') as HTMLElement).innerText.trim(),
      })),
    );
    // The demo for October 2026 (DESIGN §4's worked example): budget £339,172.63, confirmed funding
    // £80,000.00, so a net cost of £259,172.63, all four councils Members all year; Hybrid 50% dues
    // Cherwell £69,440.58, South Oxfordshire £66,643.10, Vale £64,454.75, West Oxfordshire £58,634.20.
    // Profiled to October (7 of 12 months, each rounded half away from zero): 4,050,700.5 → £40,507.01,
    // 3,887,514.17 → £38,875.14, 3,759,860.42 → £37,598.60, 3,420,328.33 → £34,203.28; £151,184.03.
    // Cash April–October: Cherwell £35,000 in April and October = £70,000; South Oxfordshire £5,000 a
    // month = £35,000; Vale £12,000 in June and September = £24,000; West Oxfordshire £4,900 a month =
    // £34,300; £163,300.00. In-kind, 7 months: 3 days × £350 = £7,350; 2 × £320 = £4,480; 4 × £300 =
    // £8,400; 2 × £340 = £4,760; £24,990.00. Contributed: £77,350, £39,480, £32,400, £39,060; £188,290.00.
    // Balances: Cherwell −£7,909.42 (paid ahead), South Oxfordshire £27,163.10, Vale £32,054.75, West
    // Oxfordshire £19,574.20: still to pay £78,792.05. Behind profile: only Vale, £37,598.60 − £32,400
    // = £5,198.60 (South Oxfordshire's £39,480 is above its £38,875.14).
    const glossary = (key: keyof typeof FIGURES) => ({
      label: FIGURES[key].label,
      note: asSentence(FIGURES[key].explanation),
    });
    expect(shown).toEqual([
      expect.objectContaining({ label: 'Budget', amount: '£339,172.63' }),
      expect.objectContaining({ label: 'Confirmed funding', amount: '£80,000.00' }),
      expect.objectContaining({ label: 'Net cost this year', amount: '£259,172.63' }),
      { ...glossary('duePence'), amount: '£259,172.63' },
      { ...glossary('profiledDuePence'), amount: '£151,184.03' },
      expect.objectContaining({ label: 'Cash paid', amount: '£163,300.00' }),
      expect.objectContaining({ label: 'In-kind', amount: '£24,990.00' }),
      { ...glossary('contributedPence'), amount: '£188,290.00' },
      { ...glossary('outstandingPence'), amount: '£78,792.05' },
      { ...glossary('arrearsPence'), amount: '£5,198.60' },
      { ...glossary('overpaidPence'), amount: '£7,909.42' },
    ]);
    expect(shown.every((s) => s.note.length > 0)).toBe(true);
    // A table a screen reader can walk: its caption, column headers and a header for each row.
    expect(await page.locator('.headline caption').innerText()).toBe('Headline figures, October 2026');
    expect(await page.locator('.headline thead th[scope="col"]').allInnerTexts()).toEqual([
      'Figure',
      'Amount',
    ]);
    expect(await page.locator('.headline tbody th[scope="row"]').count()).toBe(11);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageProblems(page).errors).toEqual([]);
    await screenshot(page, '26-consolidated-headline');
  });
});
