// One computation per figure: the demo's consolidated view rendered through every surface — the JSON,
// the consolidated workbook, the roll-up e-mail (HTML and text) and the add-in's consolidated view in the
// in-memory Excel — states each headline figure exactly as shared/report computes it.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { renderRollupEmail } from '../../server/mail/rollup-email.js';
import { writeConsolidatedWorkbook } from '../../server/workbook/write-consolidated.js';
import { consolidate } from '../../shared/consolidate/index.js';
import { formatPounds } from '../../shared/money.js';
import { buildReport, moneyLabel, type HeadlineKey } from '../../shared/report/index.js';
import { consolidatedViewSchema, type ConsolidatedView } from '../../shared/schemas.js';
import { demoRecords } from '../server/mail/demo-records.js';

const view = consolidate(demoPartnership, demoRecords({ hostile: false }), '2027-03');
const report = buildReport(view);
const expected = new Map(report.headline.map((f) => [f.key, f.pence]));

/** Surface → headline figure → pence as that surface states it. */
type Stated = Map<HeadlineKey, number>;
const pence = (pounds: unknown): number => Math.round(Number(pounds) * 100);
const fromPoundsText = (text: string): number => {
  const negative = text.startsWith('-');
  return (negative ? -1 : 1) * Number(text.replace(/[-£,.]/g, ''));
};

async function workbookFigures(): Promise<Stated> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeConsolidatedWorkbook(view, out);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const rows = new Map<unknown, unknown>();
  book.getWorksheet('Summary')!.eachRow((row) => rows.set(row.getCell(1).value, row.getCell(2).value));
  return statedBy((label) => (rows.has(moneyLabel(label)) ? pence(rows.get(moneyLabel(label))) : undefined));
}

async function addinFigures(): Promise<Stated> {
  await import('../e2e/fake-office/office.js');
  const { showConsolidated } = await import('../../addin/src/excel/index.js');
  await showConsolidated(view);
  const fake = (globalThis as unknown as { __fakeExcel: { sheet(name: string): { values: unknown[][] } } })
    .__fakeExcel;
  const rows = new Map(fake.sheet('Summary')!.values.map((r) => [r[0], r[1]]));
  return statedBy((label) => (rows.has(moneyLabel(label)) ? pence(rows.get(moneyLabel(label))) : undefined));
}

function emailFigures(): { html: Stated; text: Stated } {
  const { html, text } = renderRollupEmail(view, []);
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    html: statedBy((label) => {
      const m = new RegExp(`>${escaped(label)}<br>.*?</td><td[^>]*>(-?£[\\d,.]+)</td>`).exec(html);
      return m ? fromPoundsText(m[1]!) : undefined;
    }),
    text: statedBy((label) => {
      const m = new RegExp(`^${escaped(label)}: +(-?£[\\d,.]+)`, 'm').exec(text);
      return m ? fromPoundsText(m[1]!) : undefined;
    }),
  };
}

function jsonFigures(): Stated {
  const json: ConsolidatedView = consolidatedViewSchema.parse(JSON.parse(JSON.stringify(view)));
  const { budgetPence, fundingPence, netCostPence, totals } = json.contributions;
  return new Map(Object.entries({ budgetPence, fundingPence, netCostPence, ...totals })) as Stated;
}

function statedBy(find: (label: string) => number | undefined): Stated {
  const stated: Stated = new Map();
  for (const f of report.headline) {
    const value = find(f.label);
    if (value !== undefined) stated.set(f.key, value);
  }
  return stated;
}

let surfaces: Record<string, Stated>;
beforeAll(async () => {
  const email = emailFigures();
  surfaces = {
    json: jsonFigures(),
    workbook: await workbookFigures(),
    addin: await addinFigures(),
    'e-mail HTML': email.html,
    'e-mail text': email.text,
  };
});

describe('the headline figures', () => {
  it('carry the glossary’s labels and explanations, and nowhere a bare "Outstanding"', () => {
    const { html, text } = renderRollupEmail(view, []);
    for (const [label, explanation] of [
      ['Still to pay this year', 'What councils have yet to contribute of the year’s due'],
      ['Behind profile', 'What councils should have contributed by now and have not.'],
    ]) {
      expect(html).toContain(`>${label}<br>`);
      expect(html).toContain(explanation);
      expect(text).toMatch(new RegExp(`^${label}: +£[\\d,.]+ \\(${explanation}`, 'm'));
    }
    const labels = report.summary.flatMap((line) => ('label' in line ? [line.label] : []));
    for (const surface of [html, text, labels.join('\n')]) expect(surface).not.toMatch(/Outstanding/i);
  });

  it('are the DESIGN §4 totals: still to pay, behind profile and paid ahead apart, so an overpayment hides no arrears', () => {
    const { councils, totals } = view.contributions;
    expect(Object.keys(totals).sort()).toEqual(
      [
        'cashPaidPence',
        'contributedPence',
        'duePence',
        'inKindPence',
        'outstandingPence',
        'arrearsPence',
        'overpaidPence',
        'profiledDuePence',
      ].sort(),
    );
    expect(totals.arrearsPence).toBe(
      councils.reduce((t, c) => t + Math.max(0, c.profiledDuePence - c.contributedPence), 0),
    );
    expect(totals.outstandingPence).toBe(councils.reduce((t, c) => t + Math.max(0, c.balancePence), 0));
    expect(totals.overpaidPence).toBe(councils.reduce((t, c) => t + Math.max(0, -c.balancePence), 0));
    // The demo has a council ahead of its due, so the net balance would understate what is owed.
    expect(totals.overpaidPence).toBeGreaterThan(0);
    expect(totals.outstandingPence).toBe(totals.duePence - totals.contributedPence + totals.overpaidPence);
  });

  it('are stated identically by the JSON, the workbook, the add-in and both parts of the e-mail', () => {
    for (const [surface, stated] of Object.entries(surfaces)) {
      for (const [key, value] of stated)
        expect(`${surface} ${key} ${value}`).toBe(`${surface} ${key} ${expected.get(key)}`);
    }
    const everywhere: HeadlineKey[] = [
      'netCostPence',
      'contributedPence',
      'outstandingPence',
      'arrearsPence',
    ];
    for (const [surface, stated] of Object.entries(surfaces))
      expect([...stated.keys()], surface).toEqual(expect.arrayContaining(everywhere));
    // Every figure of the headline is on the Summary sheets and in the JSON.
    for (const surface of ['json', 'workbook', 'addin'])
      expect([...surfaces[surface]!.keys()].sort(), surface).toEqual([...expected.keys()].sort());
    expect(formatPounds(expected.get('outstandingPence')!)).not.toBe(
      formatPounds(expected.get('outstandingPence')! - expected.get('overpaidPence')!),
    );
  });
});
