// The roll-up HTML as a mail client shows it: rendered in headless Chromium at phone and desktop widths,
// from the message as received (inline images resolved from their cid: parts). Screenshots are written
// to SCREENSHOT_DIR (default: a temporary folder) for people to look at; docs/rollup-email.png is one.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import { buildRollup, type RollupBuild } from '../../../server/mail/messages.js';
import { hasChromium, launchChromium } from '../../helpers/chromium.js';
import { demoRecords } from './demo-records.js';

const available = hasChromium('render the roll-up e-mail');

describe.skipIf(!available)('roll-up e-mail in a browser', () => {
  let browser: Browser;
  let html: string;
  let build: RollupBuild;
  const outDir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'rollup-screens-'));

  beforeAll(async () => {
    build = await buildRollup(
      demoPartnership,
      consolidate(demoPartnership, demoRecords({ hostile: false }), '2027-03'),
      {
        from: 'Shared CDO <shared-cdo@oxfordshire-districts.example>',
      },
    );
    const mail = await simpleParser(build.messages[0]!.message, { skipImageLinks: true });
    html = String(mail.html);
    for (const part of mail.attachments.filter((a) => a.cid)) {
      html = html.replaceAll(
        `cid:${part.cid}`,
        `data:${part.contentType};base64,${part.content.toString('base64')}`,
      );
    }
    mkdirSync(outDir, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [375, 800]) {
    it(`fits ${width} px without sideways scrolling, with every chart shown`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.setContent(html, { waitUntil: 'load' });
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        images: [...document.images].map((i) => ({
          loaded: i.complete && i.naturalWidth > 0,
          width: i.width,
        })),
        scripts: document.scripts.length,
        headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(width);
      expect(layout.images).toHaveLength(4);
      for (const image of layout.images) {
        expect(image.loaded).toBe(true);
        expect(image.width).toBeLessThanOrEqual(width);
      }
      expect(layout.scripts).toBe(0);
      expect(requests).toEqual([]);
      expect(layout.headings).toEqual([
        'Headline figures',
        'Since February 2027',
        'Contributions by council',
        'Projects by RAG and phase',
        `Overdue projects (${build.view.projects.totals.overdue})`,
        'Skills gaps',
        'Returns',
        `Open conflicts (${build.view.projects.conflicts.length + build.view.skills.conflicts.length})`,
      ]);
      await page.screenshot({ path: join(outDir, `rollup-email-${width}.png`), fullPage: true });
      // The "Since" section and the charts under it, up to the next heading: docs/rollup-since.png.
      const clip = await page.evaluate(() => {
        const headings = [...document.querySelectorAll('h2')];
        const since = headings.findIndex((h) => h.textContent?.startsWith('Since '));
        const top = headings[since]!.getBoundingClientRect().top + window.scrollY;
        const bottom = headings[since + 1]!.getBoundingClientRect().top + window.scrollY;
        return { x: 0, y: top - 8, width: document.documentElement.clientWidth, height: bottom - top };
      });
      expect(clip.height).toBeGreaterThan(200);
      await page.screenshot({ path: join(outDir, `rollup-since-${width}.png`), clip, fullPage: true });
      await page.close();
    });
  }
});
