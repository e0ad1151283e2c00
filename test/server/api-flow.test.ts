// The whole journey over HTTP: the CDO sets up the partnership, each council submits (JSON, a raw
// workbook, a multipart upload), and the consolidated view and workbook match consolidation run directly;
// on SQLite and on PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { readWorkbookGrids } from '../../server/workbook/read.js';
import type { SubmissionReceipt } from '../../shared/api.js';
import { consolidate } from '../../shared/consolidate/index.js';
import { CONSOLIDATED_CONTRIBUTIONS_LAYOUT } from '../../shared/report/index.js';
import { parseCouncilWorkbook } from '../../shared/parse/index.js';
import type { ConsolidatedView, CouncilSubmission, SubmissionRecord } from '../../shared/schemas.js';
import { councilWorkbook } from './helpers/council-workbook.js';
import { json, startTestService, XLSX, type TestService } from './helpers/service.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';
import { openWorkbook, sheetRecords } from '../helpers/xlsx.js';

const PERIOD = '2026-10';
/**
 * The service's view adds the year's agreement and last year's closing balances (DESIGN §10) to what
 * consolidate() computes; here there is neither an agreement nor a closed year before.
 */
const withNoYearFigures = (view: ConsolidatedView): ConsolidatedView => ({
  ...view,
  agreement: { id: null, status: 'none', agreedAt: null, awaiting: [], declined: [] },
  contributions: {
    ...view.contributions,
    councils: view.contributions.councils.map((c) => ({ ...c, broughtForwardPence: 0 })),
    totals: { ...view.contributions.totals, broughtForwardPence: 0 },
  },
});

describeStores('partnership → submissions → consolidated view', (kind) => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService({
      now: () => new Date('2026-11-05T10:00:00Z'),
      databaseUrl: await freshDatabaseUrl(kind),
    });
  });
  afterAll(() => t.stop());

  const sent: SubmissionRecord[] = [];

  it('lets the CDO store the partnership and everyone read it back', async () => {
    const put = await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
    expect(put.status).toBe(200);
    expect(await json(put)).toMatchObject({ version: 1 });
    const got = await t.call('GET', '/api/v1/partnership', { token: 'viewer' });
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"1"');
    expect(await got.json()).toEqual(demoPartnership);
  });

  it('takes one return per council as JSON, a raw workbook and a multipart upload', async () => {
    const record = (receipt: SubmissionReceipt, data: CouncilSubmission): void => {
      sent.push({
        council: receipt.council,
        period: PERIOD,
        version: receipt.version,
        submittedAt: receipt.submittedAt,
        review: 'pending',
        data,
      });
    };
    // cherwell: JSON from the add-in.
    const cherwell = demoCouncilSubmission('cherwell', PERIOD);
    const r1 = await t.call('POST', `/api/v1/councils/cherwell/submissions?period=${PERIOD}`, {
      token: 'cherwell',
      json: cherwell,
    });
    expect(r1.status).toBe(201);
    const receipt1 = await json<SubmissionReceipt>(r1);
    expect(receipt1).toMatchObject({ council: 'cherwell', version: 1, period: PERIOD });
    expect(receipt1.changes.Contributions.added).toBe(cherwell.contributions.length);
    expect(receipt1.changes.Projects).toEqual({ added: cherwell.projects.length, changed: 0, removed: 0 });
    record(receipt1, cherwell);

    // south-oxfordshire and vale: workbook as the raw body; west: multipart.
    for (const [council, how] of [
      ['south-oxfordshire', 'xlsx'],
      ['vale-of-white-horse', 'xlsx'],
      ['west-oxfordshire', 'multipart'],
    ] as const) {
      const workbook = await councilWorkbook(
        council,
        PERIOD,
        demoPartnership,
        demoCouncilSubmission(council, PERIOD),
      );
      const token = council === 'south-oxfordshire' ? 'southOxfordshire' : 'cdo';
      const response = await t.call('POST', `/api/v1/councils/${council}/submissions?period=${PERIOD}`, {
        token,
        [how]: workbook,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      const receipt = await json<SubmissionReceipt>(response);
      expect(receipt).toMatchObject({ council, version: 1, period: PERIOD });
      // What the service stored is what the parser reads from those same bytes.
      const parsed = parseCouncilWorkbook(await readWorkbookGrids(workbook), {
        partnership: demoPartnership,
        council,
        period: PERIOD,
      });
      record(receipt, parsed.submission);
      const stored = await t.call('GET', `/api/v1/councils/${council}/submissions/${receipt.id}`, {
        token: 'cdo',
      });
      expect(await json<{ data: CouncilSubmission; source: string }>(stored)).toMatchObject({
        data: parsed.submission,
        source: 'upload',
      });
    }
  });

  it('serves the consolidated view equal to consolidate() on the same inputs', async () => {
    const response = await t.call('GET', `/api/v1/consolidated?period=${PERIOD}`, { token: 'viewer' });
    expect(response.status).toBe(200);
    // Streamed as it is written, and still JSON as a whole.
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const view = await json<ConsolidatedView>(response);
    expect(view).toEqual(withNoYearFigures(consolidate(demoPartnership, sent, PERIOD)));
    expect(view.dataQuality.missing).toEqual([]);
    expect(view.contributions.totals.duePence).toBe(view.contributions.netCostPence);
  });

  it('serves the consolidated workbook with the same totals', async () => {
    const response = await t.call('GET', `/api/v1/consolidated.xlsx?period=${PERIOD}`, { token: 'cherwell' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(XLSX);
    expect(response.headers.get('content-disposition')).toContain(`shared-cdo-consolidated-${PERIOD}.xlsx`);
    const workbook = await openWorkbook(await response.arrayBuffer());
    const rows = sheetRecords(workbook, CONSOLIDATED_CONTRIBUTIONS_LAYOUT.sheet);
    const view = consolidate(demoPartnership, sent, PERIOD);
    const byCouncil = new Map(rows.map((r) => [r['Council ID'], r]));
    for (const c of view.contributions.councils) {
      expect(byCouncil.get(c.council)?.['Due for the year (£)']).toBeCloseTo(c.duePence / 100, 2);
      expect(byCouncil.get(c.council)?.['Contributed to date (£)']).toBeCloseTo(c.contributedPence / 100, 2);
    }
    const councilRows = view.contributions.councils.map((c) => byCouncil.get(c.council)!);
    const dueTotalPence = councilRows.reduce(
      (sum, r) => sum + Math.round(Number(r['Due for the year (£)']) * 100),
      0,
    );
    expect(dueTotalPence).toBe(view.contributions.netCostPence);
  });

  it('compares with another month of the year on request, and says plainly when it cannot', async () => {
    const response = await t.call('GET', `/api/v1/consolidated?period=${PERIOD}&compare=2026-07`, {
      token: 'viewer',
    });
    expect(response.status).toBe(200);
    const view = await json<ConsolidatedView>(response);
    expect(view).toEqual(
      withNoYearFigures(consolidate(demoPartnership, sent, PERIOD, { compare: '2026-07' })),
    );
    expect(view.changes.since).toBe('2026-07');
    // Nothing was returned before October, so every return is a first return since July and no project
    // is news.
    expect(view.changes.firstReturns).toEqual(view.submissions.map((s) => s.council).sort());
    expect(view.changes.projects).toEqual([]);

    for (const path of ['/api/v1/consolidated', '/api/v1/consolidated.xlsx']) {
      for (const compare of ['2026-10', '2026-12', '2025-09']) {
        const refused = await t.call('GET', `${path}?period=${PERIOD}&compare=${compare}`, {
          token: 'viewer',
        });
        expect(refused.status).toBe(400);
        expect(await refused.json()).toEqual({
          error: {
            code: 'invalid-compare',
            message: `compare must be a month of 2026-27 before October 2026; ${compare} is not.`,
          },
        });
      }
      const malformed = await t.call('GET', `${path}?period=${PERIOD}&compare=July`, { token: 'viewer' });
      expect(malformed.status).toBe(400);
      expect(await json<{ error: { message: string } }>(malformed)).toMatchObject({
        error: { message: 'compare: a period is a month written YYYY-MM' },
      });
    }
  });

  it('shows every council on the status board with who submitted and when', async () => {
    const response = await t.call('GET', `/api/v1/status?period=${PERIOD}`, { token: 'viewer' });
    const board = await json<{
      deadline: string;
      councils: {
        council: string;
        submitted: boolean;
        version: number;
        submittedBy: string;
        late: boolean;
      }[];
    }>(response);
    expect(board.deadline).toBe('2026-11-10');
    expect(board.councils.map((c) => [c.council, c.submitted, c.version, c.late])).toEqual([
      ['cherwell', true, 1, false],
      ['south-oxfordshire', true, 1, false],
      ['vale-of-white-horse', true, 1, false],
      ['west-oxfordshire', true, 1, false],
    ]);
    expect(board.councils[0]!.submittedBy).toBe('test cherwell');
  });

  it('pre-fills the council template with its latest return', async () => {
    const response = await t.call('GET', `/api/v1/templates/council.xlsx?council=cherwell&period=2026-11`, {
      token: 'cherwell',
    });
    expect(response.status).toBe(200);
    const grids = await readWorkbookGrids(Buffer.from(await response.arrayBuffer()));
    const parsed = parseCouncilWorkbook(grids, {
      partnership: demoPartnership,
      council: 'cherwell',
      period: '2026-11',
    });
    const cherwell = demoCouncilSubmission('cherwell', PERIOD);
    expect(parsed.about).toMatchObject({ council: 'cherwell', period: '2026-11' });
    expect(parsed.submission.projects).toEqual(cherwell.projects);
    expect(parsed.submission.skills).toEqual(cherwell.skills);
  });
});
