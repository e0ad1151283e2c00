// The e-mails of a Welsh partnership (DESIGN §12), as received through a real SMTP server and parsed back
// with mailparser: with `Bilingual`, one message with the Welsh first and the English after, each part
// marked `lang`, a subject naming the month in both languages and the plain text in the same order; with
// `Cymraeg`, Welsh alone, no English sentence of the catalogue left. Rendered in Chromium too: the PNGs
// in docs/ (welsh-*.png) are these, written when SCREENSHOT_DIR is docs.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import { CY, EN, shortMonthLabel } from '../../../shared/i18n/index.js';
import { PHASES, RAGS } from '../../../shared/vocabulary.js';
import type { Partnership } from '../../../shared/schemas.js';
import {
  contributionsChartSpec,
  projectsChartSpec,
  ragTrendChartSpec,
  trendChartSpec,
} from '../../../server/charts/rollup-charts.js';
import { renderSvg } from '../../../server/charts/render.js';
import { buildReminders, buildRollup } from '../../../server/mail/messages.js';
import { renderAgreementReminderEmail, renderProposalEmail } from '../../../server/mail/year-emails.js';
import { enqueueMail, OutboxWorker } from '../../../server/mail/outbox.js';
import { smtpTransport } from '../../../server/mail/transport.js';
import type { MailTables } from '../../../server/store/mail-tables.js';
import { hasChromium, launchChromium } from '../../helpers/chromium.js';
import { freshDatabaseUrl } from '../../helpers/databases.js';
import { demoRecords } from './demo-records.js';
import { openMailDb } from './mail-db.js';
import { startTestSmtp, type TestSmtp } from './smtp-harness.js';
import { proposal } from '../helpers/proposal.js';

const FROM = 'Shared CDO <shared-cdo@oxfordshire-districts.example>';
const PERIOD = '2027-03';

interface Received {
  kind: 'rollup' | 'statement' | 'reminder';
  mail: ParsedMail;
}

/** Every e-mail of the month for `partnership` (roll-up, statements, reminders), sent and received. */
async function sendAll(partnership: Partnership): Promise<Received[]> {
  const records = demoRecords({ hostile: false });
  const build = await buildRollup(partnership, consolidate(partnership, records, PERIOD), { from: FROM });
  const submitted = new Set(records.filter((r) => r.period === PERIOD).map((r) => r.council));
  const reminders = await buildReminders(partnership, PERIOD, submitted, { from: FROM });
  const smtp: TestSmtp = await startTestSmtp();
  const db: Kysely<MailTables> = await openMailDb(await freshDatabaseUrl('sqlite'));
  try {
    const messages = [...build.messages, ...reminders];
    await enqueueMail(db, messages);
    const worker = new OutboxWorker(db, smtpTransport(smtp.url));
    await worker.runOnce();
    await worker.stop();
    expect(smtp.deliveries).toHaveLength(messages.length);
    const kinds = new Map(messages.map((m) => [m.subject, m.kind]));
    return await Promise.all(
      smtp.deliveries.map(async (d) => {
        const mail = await simpleParser(d.raw, { skipImageLinks: true });
        return { kind: kinds.get(mail.subject ?? '') as Received['kind'], mail };
      }),
    );
  } finally {
    await db.destroy();
    await smtp.close();
  }
}

const one = (all: readonly Received[], kind: Received['kind']): ParsedMail => {
  const found = all.find((r) => r.kind === kind);
  expect(found, kind).toBeDefined();
  return found!.mail;
};

/** Text a person reads in HTML: tags, styles and comments gone, entities decoded by the parser's text. */
const visibleText = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/**
 * The English sentences of the catalogue that must not remain in a Welsh-only e-mail: each English text's
 * fixed words between placeholders, where they differ from the Welsh and are a phrase of some length
 * rather than a word a name might hold.
 */
const ENGLISH_PHRASES = Object.keys(EN).flatMap((key) => {
  const english = EN[key as keyof typeof EN];
  if (english === CY[key as keyof typeof CY].text) return [];
  return (
    english
      .split(/\{\w+\}/)
      .map((s) => s.trim().replace(/^[—:·(),.\s]+|[—:·(),.\s]+$/g, ''))
      // Phrases, not single words: the reminder names the sheets (Contributions, Skills) as Excel shows them.
      .filter((s) => s.length >= 12 && s.includes(' '))
  );
});

const bilingual: Partnership = { ...demoPartnership, language: 'Bilingual' };
const cymraeg: Partnership = { ...demoPartnership, language: 'Cymraeg' };

describe('a bilingual partnership’s e-mails', () => {
  let all: Received[];
  beforeAll(async () => {
    all = await sendAll(bilingual);
  });

  it('send the roll-up, statements and reminders once each, as before', () => {
    expect(new Set(all.map((r) => r.kind))).toEqual(new Set(['rollup', 'statement', 'reminder']));
  });

  it.each([
    ['rollup', 'Crynodeb y Prif Swyddog Digidol ar y Cyd — Mawrth 2027', 'Shared CDO roll-up — March 2027'],
    [
      'statement',
      'Datganiad cyfraniadau’r Prif Swyddog Digidol ar y Cyd — Mawrth 2027',
      'Shared CDO contribution statement — March 2027',
    ],
    [
      'reminder',
      'Nodyn atgoffa’r Prif Swyddog Digidol ar y Cyd — ffurflen Mawrth 2027',
      'Shared CDO reminder — March 2027',
    ],
  ] as const)(
    'write the %s with a subject naming the month in Welsh, then English',
    (kind, welsh, english) => {
      const subject = one(all, kind).subject!;
      expect(subject.indexOf(welsh)).toBe(0);
      expect(subject.indexOf(english)).toBeGreaterThan(welsh.length);
    },
  );

  it.each(['rollup', 'statement', 'reminder'] as const)(
    'put the %s in one HTML body, the Welsh part marked cy before the English part marked en',
    (kind) => {
      const html = String(one(all, kind).html);
      expect(html).toMatch(/<html lang="cy-GB">/);
      const cy = html.indexOf('<div lang="cy">');
      const en = html.indexOf('<div lang="en">');
      expect(cy).toBeGreaterThan(0);
      expect(en).toBeGreaterThan(cy);
      expect(html.match(/<div lang="(cy|en)">/g)).toHaveLength(2);
    },
  );

  it('write each language in its own part of the roll-up, and the plain text in the same order', () => {
    const mail = one(all, 'rollup');
    const html = String(mail.html);
    const split = html.indexOf('<div lang="en">');
    const [welsh, english] = [visibleText(html.slice(0, split)), visibleText(html.slice(split))];
    expect(welsh).toContain(CY['rollup.headline'].text);
    expect(welsh).toContain('Mawrth 2027');
    expect(welsh).not.toContain(EN['rollup.headline']);
    expect(english).toContain(EN['rollup.headline']);
    expect(english).not.toContain(CY['rollup.headline'].text);
    const text = mail.text!;
    expect(text.indexOf(CY['rollup.headline'].text)).toBeGreaterThan(0);
    expect(text.indexOf(EN['rollup.headline'])).toBeGreaterThan(text.indexOf(CY['rollup.headline'].text));
    expect(text.indexOf(EN['rollup.byCouncil'])).toBeGreaterThan(text.indexOf(CY['rollup.byCouncil'].text));
  });

  it('hold the roll-up’s charts in each language, each part showing its own, and one workbook', () => {
    const mail = one(all, 'rollup');
    const cids = mail.attachments.flatMap((a) => (a.cid ? [a.cid] : []));
    expect(cids).toHaveLength(8);
    expect(cids.filter((cid) => cid.endsWith('-cy'))).toHaveLength(4);
    const html = String(mail.html);
    const split = html.indexOf('<div lang="en">');
    const shown = (part: string) => [...part.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]!);
    expect(shown(html.slice(0, split)).sort()).toEqual(cids.filter((cid) => cid.endsWith('-cy')).sort());
    expect(shown(html.slice(split)).sort()).toEqual(cids.filter((cid) => !cid.endsWith('-cy')).sort());
    expect(mail.attachments.filter((a) => a.filename?.endsWith('.xlsx'))).toHaveLength(1);
  });
});

describe('a Welsh partnership’s e-mails', () => {
  let all: Received[];
  beforeAll(async () => {
    all = await sendAll(cymraeg);
  });

  it('use phrases to look for (the check below can fail)', () => {
    expect(ENGLISH_PHRASES.length).toBeGreaterThan(100);
    expect(ENGLISH_PHRASES).toContain('Contributions by council');
  });

  it.each(['rollup', 'statement', 'reminder'] as const)(
    'write the %s in Welsh alone: marked cy, no English sentence of the catalogue in its body or text',
    (kind) => {
      const mail = one(all, kind);
      const html = String(mail.html);
      expect(html).toMatch(/<html lang="cy-GB">/);
      expect(html).not.toMatch(/lang="en/);
      // The councils' own words (names, project titles) are data, in whatever language they wrote them.
      const data = [
        cymraeg.name,
        ...cymraeg.councils.map((c) => c.name),
        ...demoRecords({ hostile: false }).flatMap((r) => r.data.projects.map((p) => p.title)),
      ];
      for (const text of [visibleText(html), mail.text!, mail.subject!]) {
        const body = data.reduce((rest, words) => rest.replaceAll(words, ''), text);
        expect(ENGLISH_PHRASES.filter((phrase) => body.includes(phrase))).toEqual([]);
      }
      expect(mail.subject).toContain('Mawrth 2027');
      expect(mail.subject).not.toContain('March');
    },
  );

  it('show the roll-up’s charts drawn in Welsh alone', () => {
    const cids = one(all, 'rollup').attachments.flatMap((a) => (a.cid ? [a.cid] : []));
    expect(cids).toHaveLength(4);
    expect(cids.every((cid) => cid.endsWith('-cy'))).toBe(true);
  });
});

/** The demo's view for the month, which the charts are drawn from. */
const demoView = () => consolidate(demoPartnership, demoRecords({ hostile: false }), PERIOD);
const SPECS = [contributionsChartSpec, projectsChartSpec, trendChartSpec, ragTrendChartSpec] as const;

describe('the agreement e-mails’ link to the instructions', () => {
  const BASE = 'https://cdo.example';
  const WELSH_HELP = `${BASE}/addin/help-cy.html#agreement`;
  const ENGLISH_HELP = `${BASE}/addin/help.html#agreement`;
  const rendered = (partnership: Partnership) => [
    renderProposalEmail(partnership, proposal(partnership), ['cherwell'], BASE),
    renderAgreementReminderEmail(partnership, proposal(partnership), ['cherwell'], '2026-11-30', BASE),
  ];

  it('points the Welsh part at the Welsh help page and the English part at the English one', () => {
    for (const mail of rendered(bilingual)) {
      const split = mail.html.indexOf('<div lang="en">');
      expect(split).toBeGreaterThan(0);
      const [welsh, english] = [mail.html.slice(0, split), mail.html.slice(split)];
      expect(welsh).toContain(`href="${WELSH_HELP}"`);
      expect(welsh).not.toContain(ENGLISH_HELP);
      expect(english).toContain(`href="${ENGLISH_HELP}"`);
      expect(english).not.toContain(WELSH_HELP);
      expect(mail.text.indexOf(ENGLISH_HELP)).toBeGreaterThan(mail.text.indexOf(WELSH_HELP));
      expect(mail.text.indexOf(WELSH_HELP)).toBeGreaterThan(0);
    }
  });

  it('points a Welsh partnership’s e-mails at the Welsh help page alone, and English ones as before', () => {
    for (const mail of rendered(cymraeg)) {
      expect(mail.html).toContain(`href="${WELSH_HELP}"`);
      expect(`${mail.html}${mail.text}`).not.toContain('/help.html');
    }
    for (const mail of rendered(demoPartnership)) {
      expect(mail.html).toContain(`href="${ENGLISH_HELP}"`);
      expect(`${mail.html}${mail.text}`).not.toContain('help-cy');
    }
  });
});

describe('the roll-up’s charts in English', () => {
  it('are drawn from the same Vega-Lite specs as before the charts spoke Welsh', async () => {
    // Written once from the English-only charts: same spec, same SVG, same PNG bytes.
    const specs = SPECS.map((spec) => spec(demoView()));
    await expect(`${JSON.stringify(specs, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/english-chart-specs.json',
    );
  });
});

/** The text a chart draws: its SVG's text, before resvg rasterises it, one item a label or title line. */
async function chartText(spec: TopLevelSpec): Promise<string[]> {
  const svg = await renderSvg(spec);
  return svg
    .split(/<[^>]+>/)
    .map((s) =>
      s
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .trim(),
    )
    .filter((s) => s !== '');
}

/** The words the charts draw, in English where the Welsh differs: titles, axes, legends, phases, months. */
const CHART_KEYS = [
  ...(Object.keys(EN) as (keyof typeof EN)[]).filter((k) => k.startsWith('chartImage.')),
  'chart.contributions.title',
  'chart.projects.title',
  'figure.contributed.label',
  'figure.profiledDue.label',
  ...PHASES.map((p) => `phase.${p.toLowerCase()}` as const),
  ...RAGS.map((r) => `rag.${r.toLowerCase()}` as const),
] as const;
const ENGLISH_CHART_WORDS = [
  ...CHART_KEYS.flatMap((key) => {
    const english = EN[key as keyof typeof EN];
    return english === CY[key as keyof typeof CY].text ? [] : english.split(/\{\w+\}/).map((s) => s.trim());
  }),
  ...demoView().trend.months.map((month) => shortMonthLabel('en', month)),
].filter((words) => words.length > 0);

describe('the roll-up’s charts in Welsh', () => {
  it('look for English words the charts would draw (the check below can fail)', async () => {
    expect(ENGLISH_CHART_WORDS).toEqual(expect.arrayContaining(['Projects', 'Nov', 'Red', 'Discovery']));
    const english = (await Promise.all(SPECS.map(async (spec) => chartText(spec(demoView()))))).flat();
    expect(english.filter((t) => ENGLISH_CHART_WORDS.includes(t)).length).toBeGreaterThan(20);
  });

  it.each(SPECS.map((spec) => [spec.name, spec] as const))(
    'draw %s with no English chart word left, its months in Welsh',
    async (_, spec) => {
      const texts = await chartText(spec(demoView(), 'cy'));
      const english = texts.filter((text) =>
        ENGLISH_CHART_WORDS.some((words) => text === words || (words.includes(' ') && text.includes(words))),
      );
      expect(english).toEqual([]);
      if (spec === trendChartSpec || spec === ragTrendChartSpec) {
        expect(texts).toEqual(expect.arrayContaining(['Ebr', 'Tach', 'Maw']));
      }
    },
  );
});

describe.skipIf(!hasChromium('render the Welsh e-mails'))(
  'a bilingual partnership’s e-mails in a browser',
  () => {
    it('show the roll-up, a statement and a reminder with Welsh first, within a phone’s width', async () => {
      const all = await sendAll(bilingual);
      const outDir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'welsh-screens-'));
      mkdirSync(outDir, { recursive: true });
      const browser = await launchChromium();
      try {
        for (const kind of ['rollup', 'statement', 'reminder'] as const) {
          const mail = one(all, kind);
          let html = String(mail.html);
          for (const part of mail.attachments.filter((a) => a.cid)) {
            html = html.replaceAll(
              `cid:${part.cid}`,
              `data:${part.contentType};base64,${part.content.toString('base64')}`,
            );
          }
          const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
          await page.setContent(html, { waitUntil: 'load' });
          const layout = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            documentLang: document.documentElement.lang,
            parts: [...document.querySelectorAll('div[lang]')].map((d) => ({
              lang: d.getAttribute('lang'),
              top: d.getBoundingClientRect().top,
              words: (d.textContent ?? '').trim().length,
            })),
          }));
          expect(layout.scrollWidth).toBeLessThanOrEqual(600);
          expect(layout.documentLang).toBe('cy-GB');
          expect(layout.parts.map((p) => p.lang)).toEqual(['cy', 'en']);
          expect(layout.parts[1]!.top).toBeGreaterThan(layout.parts[0]!.top);
          for (const part of layout.parts) expect(part.words).toBeGreaterThan(100);
          await page.screenshot({ path: join(outDir, `welsh-${kind}.png`), fullPage: true });
          await page.close();
        }
      } finally {
        await browser.close();
      }
    }, 120_000);
  },
);
