// A partnership that starts using the service in September (DESIGN §4, month on month), sent over HTTP:
// the API's consolidated view, the consolidated workbook's Changes and Trend sheets and the roll-up
// e-mail all give the figures worked out by hand in september-start.fixtures.ts.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderRollupEmail } from '../../server/mail/rollup-email.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';
import {
  OCTOBER,
  SEPTEMBER,
  septemberPartnership,
  septemberStartReturns,
} from '../shared/september-start.fixtures.js';
import { json, startTestService, type TestService } from './helpers/service.js';

describeStores('a partnership that starts in September', (kind) => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService({
      now: () => new Date('2026-11-05T10:00:00Z'),
      databaseUrl: await freshDatabaseUrl(kind),
    });
    const put = await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: septemberPartnership() });
    expect(put.status).toBe(200);
    for (const { council, period, data } of septemberStartReturns()) {
      const sent = await t.call('POST', `/api/v1/councils/${council}/submissions?period=${period}`, {
        token: 'admin',
        json: data,
      });
      expect(sent.status, `${council} ${period}: ${await sent.clone().text()}`).toBe(201);
    }
  });
  afterAll(() => t.stop());

  const view = async (period: string): Promise<ConsolidatedView> => {
    const response = await t.call('GET', `/api/v1/consolidated?period=${period}`, { token: 'viewer' });
    expect(response.status).toBe(200);
    return json<ConsolidatedView>(response);
  };

  it('gives September and October the hand-worked figures through the API', async () => {
    const september = await view('2026-09');
    expect(september.changes).toEqual(SEPTEMBER.changes);
    expect(september.trend).toEqual(SEPTEMBER.trend);
    const october = await view('2026-10');
    expect(october.changes).toEqual(OCTOBER.changes);
    expect(october.trend).toEqual(OCTOBER.trend);
    // The service's view also says what last year's close brought forward: nothing, as none was closed.
    expect(october.contributions.totals).toEqual({ ...OCTOBER.totals, broughtForwardPence: 0 });
  });

  it("states them on the consolidated workbook's Changes and Trend sheets", async () => {
    const response = await t.call('GET', '/api/v1/consolidated.xlsx?period=2026-10', { token: 'viewer' });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const rows = (sheet: string) => {
      const values = book
        .getWorksheet(sheet)!
        .getSheetValues()
        .slice(1)
        .map((row) => (Array.isArray(row) ? row.slice(1) : []));
      const [header, ...body] = values;
      return body.map((row) => Object.fromEntries(header!.map((h, i) => [String(h), row[i] ?? null])));
    };

    const changes = rows('Changes');
    expect(changes.filter((r) => r['Change'] === 'First return').map((r) => [r['Item'], r['Name']])).toEqual([
      ['oxford-city', 'Oxford City Council'],
      ['west-oxfordshire', 'West Oxfordshire District Council'],
    ]);
    expect(
      changes
        .filter((r) => r['Change'] === 'Contributed in the month')
        .map((r) => [r['Item'], r['Contributed in the month (£)'], r['Earlier months restated (£)']]),
    ).toEqual([
      ['cherwell', 12_350, 0],
      ['south-oxfordshire', 12_000, 5_000],
      ['vale-of-white-horse', 0, 0],
      ['west-oxfordshire', 10_000, 0],
      ['oxford-city', 1_500, 0],
    ]);
    expect(
      changes
        .filter((r) =>
          ['Phase moved', 'RAG moved', 'Newly overdue', 'New project'].includes(String(r['Change'])),
        )
        .map((r) => [r['Change'], r['Item'], r['From'], r['To']]),
    ).toEqual([
      ['Phase moved', 'P-1', 'Discovery', 'Alpha'],
      ['Newly overdue', 'P-2', 'Not overdue', 'Overdue'],
      ['RAG moved', 'P-3', 'Green', 'Red'],
    ]);
    expect(
      changes.filter((r) => r['Change'] === 'Skill coverage').map((r) => [r['Item'], r['From'], r['To']]),
    ).toEqual([['Service design', 'No practitioner', 'One practitioner']]);

    const trend = rows('Trend');
    expect(trend.map((r) => r['Returns'])).toEqual([0, 0, 0, 0, 0, 3, 5]);
    expect(trend.map((r) => r['Contributed to date (£)'])).toEqual([
      45_000, 85_000, 100_000, 110_000, 115_000, 125_900, 161_750,
    ]);
    expect(trend.map((r) => r['Profiled due to date (£)'])).toEqual([
      21_597.72, 43_195.44, 64_793.16, 86_390.88, 107_988.6, 129_586.32, 151_184.03,
    ]);
    // No return counted before September: blank, not zero projects.
    expect(trend.map((r) => [r['Red'], r['Amber'], r['Green']])).toEqual([
      ...Array(5).fill([null, null, null]),
      [0, 1, 2],
      [1, 1, 2],
    ]);
  });

  it('says in the roll-up that two returns are first returns, and what was contributed and restated', async () => {
    const { text, html } = renderRollupEmail(await view('2026-10'), []);
    const since = text.slice(text.indexOf('Since September 2026'), text.indexOf('Contributions by council'));
    expect(since).toContain('First returns:');
    expect(since).toMatch(/Oxford City Council: first return of 2026-27, £1,500\.00 contributed to date/);
    expect(since).toMatch(
      /West Oxfordshire District Council: first return of 2026-27, £50,000\.00 contributed to date/,
    );
    for (const line of [
      'Cherwell District Council: £12,350.00',
      'South Oxfordshire District Council: £12,000.00',
      'West Oxfordshire District Council: £10,000.00',
      'Oxford City Council: £1,500.00',
      'South Oxfordshire District Council: +£5,000.00 on months up to September 2026',
      'P-1 Project P-1: phase Discovery → Alpha',
      'P-3 Project P-3: RAG Green → Red',
      'P-2 Project P-2 is now overdue',
      'Service design: gap closed (now one practitioner)',
    ])
      expect(since).toContain(line);
    // West Oxfordshire's project and practitioners are in its first return: not news.
    expect(since).not.toContain('P-4');
    expect(since).not.toContain('Development');
    expect(since).not.toContain('Vale of White Horse District Council:');
    expect(text).toMatch(/^Still to pay this year: +£98,922\.63 /m);
    expect(text).toMatch(/^Behind profile: +£22,796\.01 /m);
    expect(text).toMatch(/^Paid ahead: +£1,500\.00 /m);
    expect(html).toContain('<strong>Earlier months restated</strong>');
  });
});
