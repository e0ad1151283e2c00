// The demo's first two roll-ups as a new service sends them (October: every council's first return;
// November: month on month), rendered in headless Chromium at 600 px (desktop) and 375 px (phone), and
// the November consolidated workbook printed by LibreOffice. DOCS_DIR=docs writes the pictures in docs/
// (rollup-2026-10-600.png ... consolidated-2026-11.pdf); by default they go to a temporary folder. Printed
// on A4, no table row and no council's name and amounts are split across a page break.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUpTo } from '../../../demo/months.js';
import { buildRollup } from '../../../server/mail/messages.js';
import { writeConsolidatedWorkbook } from '../../../server/workbook/write-consolidated.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import type { SubmissionRecord } from '../../../shared/schemas.js';
import { hasChromium, launchChromium } from '../../helpers/chromium.js';
import { convertWithLibreOffice } from '../../helpers/libreoffice.js';
import { pdfPages } from '../../helpers/pdf.js';
import { requireTool } from '../../helpers/tools.js';
import { writtenBytes } from '../../helpers/xlsx.js';

const outDir = process.env.DOCS_DIR ?? mkdtempSync(join(tmpdir(), 'rollup-docs-'));
const demo = demoUpTo('2026-11');

/** The demo's returns up to `period`, as the service stores them on its first start. */
function recordsUpTo(period: string): SubmissionRecord[] {
  return demo.months
    .filter((m) => m.period <= period)
    .flatMap((m) =>
      Object.entries(m.returns).map(([council, data]) => ({
        council,
        period: m.period,
        version: 1,
        submittedAt: `${m.period}-28T09:30:00.000Z`,
        review: 'pending' as const,
        data,
      })),
    );
}

const viewFor = (period: string) => consolidate(demo.partnership, recordsUpTo(period), period);

describe.skipIf(!hasChromium('render the roll-up e-mails'))("the demo's roll-ups in a browser", () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const period of ['2026-10', '2026-11']) {
    it(`renders the ${period} roll-up at 600 and 375 px with its four charts`, async () => {
      const build = await buildRollup(demo.partnership, viewFor(period), {
        from: 'Shared CDO <shared-cdo@oxfordshire-districts.example>',
      });
      const mail = await simpleParser(build.messages[0]!.message, { skipImageLinks: true });
      let html = String(mail.html);
      for (const part of mail.attachments.filter((a) => a.cid))
        html = html.replaceAll(
          `cid:${part.cid}`,
          `data:${part.contentType};base64,${part.content.toString('base64')}`,
        );
      for (const width of [600, 375]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.setContent(html, { waitUntil: 'load' });
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          images: [...document.images].map((i) => ({
            loaded: i.complete && i.naturalWidth > 0,
            width: i.width,
          })),
        }));
        expect(layout.scrollWidth).toBeLessThanOrEqual(width);
        expect(layout.images).toHaveLength(4);
        for (const image of layout.images) expect(image.loaded).toBe(true);
        await page.screenshot({ path: join(outDir, `rollup-${period}-${width}.png`), fullPage: true });
        await page.close();
      }
      // Printed with the content pushed down by 0 to 200 px, so that page breaks fall at other places.
      const page = await browser.newPage();
      for (const shift of [0, 100, 200]) {
        await page.setContent(html.replace(/<body[^>]*>/, `$&<div style="height:${shift}px"></div>`), {
          waitUntil: 'load',
        });
        const rows = await page.$$eval('tr, tbody:has(th[scope="rowgroup"])', (elements) =>
          elements
            .filter((e) => !e.querySelector('table'))
            .map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ''))
            .filter((text) => text.length > 0),
        );
        const pages = (await pdfPages(new Uint8Array(await page.pdf({ preferCSSPageSize: true })))).map((p) =>
          p.text.replace(/\s+/g, ''),
        );
        expect(pages.length).toBeGreaterThan(1);
        for (const row of rows)
          expect(
            pages.some((text) => text.includes(row)),
            row,
          ).toBe(true);
      }
      await page.close();
    });
  }
});

describe.skipIf(!requireTool('libreoffice'))("the demo's consolidated workbook printed", () => {
  it('prints the November workbook as PDF', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docs-print-'));
    try {
      const file = join(dir, 'consolidated-2026-11.xlsx');
      await writeFile(file, await writtenBytes((out) => writeConsolidatedWorkbook(viewFor('2026-11'), out)));
      const pdfDir = join(dir, 'pdf');
      const [pdf] = await convertWithLibreOffice(file, 'pdf', pdfDir);
      expect(pdf).toMatch(/consolidated-2026-11\.pdf$/);
      await copyFile(pdf!, join(outDir, 'consolidated-2026-11.pdf'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
