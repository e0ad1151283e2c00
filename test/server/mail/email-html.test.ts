// The e-mails as finance teams and their mail clients read them: one money vocabulary with the workbook
// and the README, real data tables with header cells (layout tables stay presentational), labels that
// Outlook for Windows draws, and a roll-up that prints on A4 with no chart split across pages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { renderRollupCharts } from '../../../server/charts/rollup-charts.js';
import { renderStatementEmail } from '../../../server/mail/member-emails.js';
import { renderRollupEmail } from '../../../server/mail/rollup-email.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import { CONSOLIDATED_CONTRIBUTIONS_LAYOUT } from '../../../shared/report/index.js';
import { RAGS } from '../../../shared/vocabulary.js';
import { hasChromium, launchChromium } from '../../helpers/chromium.js';
import { pdfImageCount, pdfPages } from '../../helpers/pdf.js';
import { demoRecords } from './demo-records.js';

const view = consolidate(demoPartnership, demoRecords({ hostile: false }), '2027-03');
const charts = await renderRollupCharts(view);
const rollup = renderRollupEmail(view, charts);
const statement = renderStatementEmail(view, view.contributions.councils.slice(0, 1));
const emails = { rollup, statement };

/** Every `<table …>` opening tag of an HTML body. */
const tables = (html: string) => [...html.matchAll(/<table\b[^>]*>/g)].map((m) => m[0]);

describe('one money vocabulary', () => {
  it('says Contributed (cash paid plus in-kind), Cash paid and In-kind alike in the e-mails, the workbook and the README', () => {
    for (const [name, email] of Object.entries(emails)) {
      for (const part of [email.html, email.text]) {
        expect(part, name).toContain('Contributed');
        // "Paid" as a figure's name once meant cash plus in-kind in the HTML and cash alone in the
        // workbook; it remains only as a status (a council that has paid its due).
        expect(part, name).not.toMatch(/<th\b[^>]*>\s*Paid\s*<\/th>|^Council .*\bPaid\b/m);
        expect(part, name).not.toMatch(/of which/i);
      }
    }
    for (const part of [statement.html, statement.text]) {
      expect(part).toContain('Cash paid');
      expect(part).toContain('In-kind');
    }
    expect(rollup.html).toContain('Contributed is cash paid plus in-kind');
    expect(CONSOLIDATED_CONTRIBUTIONS_LAYOUT.columns.map((c) => c.header)).toEqual(
      expect.arrayContaining(['Cash paid (£)', 'In-kind (£)', 'Contributed to date (£)']),
    );
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toMatch(/\*\*Contributed\*\* is \*\*Cash paid\*\* plus \*\*In-kind\*\*/);
  });
});

describe('e-mail tables', () => {
  it('marks data tables up with header cells and leaves only layout tables presentational', () => {
    for (const [name, email] of Object.entries(emails)) {
      const html = email.html;
      const data = tables(html).filter((t) => !t.includes('role="presentation"'));
      expect(data.length, name).toBeGreaterThan(0);
      // Each data table has column headers; a presentational table never has header cells.
      const bodies = html.split(/<table\b/).slice(1);
      for (const body of bodies) {
        const own = body.split('</table>')[0]!;
        if (body.startsWith(' role="presentation"') || /^[^>]*role="presentation"/.test(body)) {
          expect(own, name).not.toMatch(/<th\b/);
        }
      }
      expect(html.match(/<th scope="col"/g)?.length, name).toBeGreaterThanOrEqual(2);
      for (const th of html.match(/<th\b[^>]*>/g) ?? [])
        expect(th, name).toMatch(/scope="(col|row|rowgroup)"/);
    }
    // The per-council table: four column headers, and each council's figures headed by its name.
    expect(rollup.html).toMatch(
      /<th scope="col"[^>]*>Due<\/th><th scope="col"[^>]*>Profiled due<\/th><th scope="col"[^>]*>Contributed<\/th><th scope="col"[^>]*>Balance<\/th>/,
    );
    for (const council of view.contributions.councils.filter((c) => c.membership === 'Member')) {
      expect(rollup.html).toMatch(new RegExp(`<th scope="rowgroup"[^>]*>.*?${council.name}`, 's'));
    }
  });

  it('draws status and RAG labels as coloured table cells, which Outlook for Windows renders', () => {
    expect(rollup.html).not.toContain('inline-block');
    const labels = [
      ...rollup.html.matchAll(/<td bgcolor="(#[0-9a-f]{6})"[^>]*background-color:\1;[^>]*>([^<]+)<\/td>/g),
    ];
    const words = labels.map((m) => m[2]!);
    expect(words).toContain('Behind profile');
    expect(words.some((w) => (RAGS as readonly string[]).includes(w))).toBe(true);
  });
});

describe.skipIf(!hasChromium('print the roll-up'))('the roll-up printed', () => {
  it('prints on A4 with every chart whole on one page', async () => {
    let html = rollup.html;
    for (const chart of charts) {
      html = html.replaceAll(`cid:${chart.id}`, `data:image/png;base64,${chart.png.toString('base64')}`);
    }
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const pages = await pdfPages(pdf);
      expect(pages.length).toBeGreaterThan(1);
      for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
      // A picture split by a page break is drawn twice, once clipped on each page.
      expect(await pdfImageCount(pdf)).toBe(charts.length);
      // The column is printed at the page's width, not the 640 px of the screen.
      const text = pages.map((p) => p.text).join(' ');
      expect(text).toContain('Headline figures');
      expect(text).toContain('Open conflicts');
    } finally {
      await browser.close();
    }
  });
});
