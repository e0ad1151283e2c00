// The workbooks as a finance officer prints them: converted to PDF by LibreOffice, every sheet is A4
// landscape, one page wide (every column of every page is there, under the repeated header row), the
// footer names the partnership, period and page, the Summary's figures take at most two pages and its
// four charts two more (two to a page, none cut by a page break), and long sheets take a
// number of pages in proportion to their rows (a page holds at least 30 lines of text, so no long text
// or stray column gets pages of its own). SCREENSHOT_DIR keeps rendered pages for people to see;
// docs/print-consolidated-first-page.png and docs/print-template-first-page.png are two of them.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { demoSubmissions } from '../../../demo/submissions.js';
import { writeConsolidatedWorkbook } from '../../../server/workbook/write-consolidated.js';
import { writeCouncilTemplate } from '../../../server/workbook/write-template.js';
import { wrappedLines } from '../../../server/xlsx/write/index.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import { COUNCIL_LAYOUTS, type SheetLayout } from '../../../shared/sheets/index.js';
import { CONSOLIDATED_SHEETS } from '../../../shared/report/index.js';
import type { ConsolidatedView } from '../../../shared/schemas.js';
import { convertWithLibreOffice } from '../../helpers/libreoffice.js';
import { pdfPagePng, pdfPages, type PdfPage } from '../../helpers/pdf.js';
import { requireTool } from '../../helpers/tools.js';
import { writtenBytes } from '../../helpers/xlsx.js';

const PERIOD = '2026-11';
const FOOTER = 'Oxfordshire Districts Digital Partnership · November 2026';
/** A4 landscape, in points. */
const A4 = { width: 842, height: 595 };

function demoView(): ConsolidatedView {
  const records = Object.entries(demoSubmissions(PERIOD)).map(([council, data], i) => ({
    council,
    period: PERIOD,
    version: 1,
    submittedAt: `2026-12-0${i + 1}T09:30:00.000Z`,
    review: 'pending' as const,
    data,
  }));
  return consolidate(demoPartnership, records, PERIOD);
}

/** The demo view with many projects, people and councils' returns, so that sheets run over pages. */
function largeView(): ConsolidatedView {
  const view = demoView();
  const projects = view.projects.items;
  const people = view.skills.people;
  const submissions = view.submissions;
  return {
    ...view,
    projects: {
      ...view.projects,
      items: Array.from({ length: 200 }, (_, i) => ({ ...projects[i % projects.length]!, id: `P-${i}` })),
    },
    skills: {
      ...view.skills,
      people: Array.from({ length: 120 }, (_, i) => ({
        ...people[i % people.length]!,
        email: `person${i}@example.gov.uk`,
      })),
    },
    submissions: Array.from({ length: 300 }, (_, i) => ({
      ...submissions[i % submissions.length]!,
      council: `council-${i}`,
    })),
  };
}

/** The pages of each sheet, found by the footer: partnership and period, sheet name, page number. */
function pagesBySheet(pages: readonly PdfPage[], footer: string, sheets: readonly string[]) {
  const bySheet = new Map<string, PdfPage[]>(sheets.map((s) => [s, []]));
  for (const page of pages) {
    expect(page.text).toContain(footer);
    const sheet = sheets.find((s) => new RegExp(`(^| )${s} · Page \\d+ of \\d+`).test(page.text));
    if (!sheet) throw new Error(`A page with no sheet name in its footer: ${page.text.slice(0, 300)}`);
    bySheet.get(sheet)!.push(page);
  }
  return bySheet;
}

const CONSOLIDATED_SHEET_NAMES = Object.values(CONSOLIDATED_SHEETS).map((s) =>
  typeof s === 'string' ? s : s.sheet,
);

/** Words of a header as the PDF's text has them (a wrapped header is broken between lines). */
const headerWords = (layout: SheetLayout): string[] =>
  layout.columns.flatMap((c) => c.header.match(/[A-Za-z]{3,}/g) ?? []);

const hasLibreOffice = requireTool('libreoffice');

describe.skipIf(!hasLibreOffice)('printed with LibreOffice', () => {
  let dir: string;
  const screens = process.env.SCREENSHOT_DIR ?? mkdtempSync(path.join(tmpdir(), 'print-screens-'));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'print-'));
    mkdirSync(screens, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function printed(name: string, write: (out: NodeJS.WritableStream) => Promise<void>) {
    const file = path.join(dir, `${name}.xlsx`);
    await writeFile(file, await writtenBytes(write));
    const out = await mkdtemp(path.join(dir, 'pdf-'));
    await convertWithLibreOffice(file, 'pdf', out);
    const pdf = new Uint8Array(await readFile(path.join(out, `${name}.pdf`)));
    return { pdf, pages: await pdfPages(pdf) };
  }

  /** The figures on one or two pages, then the four charts two to a page (their titles whole). */
  function expectSummaryPages(summary: readonly PdfPage[]): void {
    expect(summary.length).toBeGreaterThanOrEqual(3);
    expect(summary.length).toBeLessThanOrEqual(4);
    const chartPages = summary.slice(-2).map((p) => p.text);
    expect(chartPages[0]).toContain('Contributed to date against profiled due');
    expect(chartPages[0]).toContain('Projects by phase and RAG');
    expect(chartPages[1]).toContain('The year so far');
    expect(chartPages[1]).toContain('Projects by RAG, month by month');
  }

  function expectA4Landscape(pages: readonly PdfPage[]): void {
    for (const page of pages) {
      expect(Math.round(page.width)).toBe(A4.width);
      expect(Math.round(page.height)).toBe(A4.height);
    }
  }

  it('prints the consolidated workbook one page wide with headers on every page, and the Summary on four pages at most', async () => {
    const view = largeView();
    const { pdf, pages } = await printed('consolidated-large', (out) => writeConsolidatedWorkbook(view, out));
    expectA4Landscape(pages);
    const tables = [
      [CONSOLIDATED_SHEETS.contributions, view.contributions.councils.length, 1],
      [CONSOLIDATED_SHEETS.skills, view.skills.coverage.length, 1],
      // People and Projects rows hold wrapped text (skills, partners, updates): several lines a row.
      [CONSOLIDATED_SHEETS.people, view.skills.people.length, 4],
      [CONSOLIDATED_SHEETS.projects, view.projects.items.length, 4],
      [CONSOLIDATED_SHEETS.submissions, view.submissions.length, 1],
    ] as const;
    const bySheet = pagesBySheet(pages, FOOTER, CONSOLIDATED_SHEET_NAMES);
    expectSummaryPages(bySheet.get(CONSOLIDATED_SHEETS.summary)!);
    for (const [layout, rows, linesPerRow] of tables) {
      const sheetPages = bySheet.get(layout.sheet)!;
      expect(sheetPages.length, layout.sheet).toBeGreaterThan(0);
      expect(sheetPages.length, layout.sheet).toBeLessThanOrEqual(Math.ceil((rows * linesPerRow) / 30) + 1);
      for (const [i, page] of sheetPages.entries()) {
        expect(page.text, `${layout.sheet} page ${i + 1}`).toMatch(/Page \d+ of \d+/);
        for (const word of headerWords(layout))
          expect(page.text, `${layout.sheet} page ${i + 1}`).toContain(word);
      }
    }
    // No row is split across pages (neither Excel nor LibreOffice splits a row): the last project on each
    // Projects page has all of its wrapped update on that page.
    const compact = (text: string) => text.replace(/\s+/g, '');
    const updateWidth = CONSOLIDATED_SHEETS.projects.columns.find((c) => c.key === 'update')!.width!;
    for (const [i, page] of bySheet.get(CONSOLIDATED_SHEETS.projects.sheet)!.entries()) {
      const ids = [...page.text.matchAll(/\bP-(\d+)\b/g)];
      const last = ids.at(-1)!;
      const update = view.projects.items[Number(last[1])]!.update!;
      // Longer than its column is wide: wrapped on several lines.
      expect(update.length).toBeGreaterThan(updateWidth);
      expect(compact(page.text.slice(last.index)), `Projects page ${i + 1}`).toContain(compact(update));
    }
    // The last submission row is printed: nothing fell off the end.
    expect(bySheet.get(CONSOLIDATED_SHEETS.submissions.sheet)!.at(-1)!.text).toContain('council-299');
    await writeFile(
      path.join(screens, 'consolidated-projects-page.png'),
      await pdfPagePng(pdf, pages.indexOf(bySheet.get(CONSOLIDATED_SHEETS.projects.sheet)![0]!) + 1),
    );
  });

  it('prints the demo consolidated workbook as one page per sheet, the Summary apart', async () => {
    const { pdf, pages } = await printed('consolidated', (out) => writeConsolidatedWorkbook(demoView(), out));
    expectA4Landscape(pages);
    const bySheet = pagesBySheet(pages, FOOTER, CONSOLIDATED_SHEET_NAMES);
    expectSummaryPages(bySheet.get(CONSOLIDATED_SHEETS.summary)!);
    for (const sheet of CONSOLIDATED_SHEET_NAMES.filter((s) => s !== CONSOLIDATED_SHEETS.summary))
      expect(bySheet.get(sheet), sheet).toHaveLength(1);
    await writeFile(path.join(screens, 'print-consolidated-first-page.png'), await pdfPagePng(pdf, 1));
  });

  it('prints a filled council template as one page per sheet, with its columns whole', async () => {
    const { pdf, pages } = await printed('template', (out) =>
      writeCouncilTemplate(out, {
        council: 'cherwell',
        period: PERIOD,
        partnership: demoPartnership,
        submission: demoSubmissions(PERIOD).cherwell,
      }),
    );
    expectA4Landscape(pages);
    const footer =
      'Oxfordshire Districts Digital Partnership · Cherwell District Council · Return for November 2026';
    const bySheet = pagesBySheet(pages, footer, ['About', ...COUNCIL_LAYOUTS.map((l) => l.sheet)]);
    for (const layout of COUNCIL_LAYOUTS) {
      const sheetPages = bySheet.get(layout.sheet)!;
      expect(sheetPages, layout.sheet).toHaveLength(1);
      for (const word of headerWords(layout)) expect(sheetPages[0]!.text, layout.sheet).toContain(word);
    }
    expect(pages).toHaveLength(4);
    await writeFile(path.join(screens, 'print-template-first-page.png'), await pdfPagePng(pdf, 1));
  });
});

describe('wrapped text', () => {
  it('counts the lines text takes in a column, wrapping at spaces and breaking long words', () => {
    expect(wrappedLines('Short', 10)).toBe(1);
    expect(wrappedLines('one two three four five six', 10)).toBe(3);
    expect(wrappedLines('a\nb\nc', 10)).toBe(3);
    expect(wrappedLines('x'.repeat(25), 10)).toBe(3);
    // However long, a row stops growing at twelve lines.
    expect(wrappedLines('word '.repeat(1000), 10)).toBe(12);
  });
});
