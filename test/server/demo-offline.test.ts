// One demo: `shared-cdo demo --out` writes what a new service loads on its first start, so
// `shared-cdo consolidate` over those files gives the service's figures exactly, for both months; the
// service adds last year's close and this year's agreement (three councils agreed, one awaited).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILS } from '../../demo/partnership.js';
import { createLogger } from '../../server/logger.js';
import { consolidatedView } from '../../server/services/consolidated-view.js';
import { loadDemo } from '../../server/services/demo.js';
import { yearRecord } from '../../server/services/partnership-year.js';
import { openStore, type Store } from '../../server/store/index.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { freshDatabaseUrl } from '../helpers/databases.js';
import { asPeriod } from '../../shared/dates.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../bin/shared-cdo.js', import.meta.url));

/** The month's figures: everything but the stored versions' metadata and the comparison with other months. */
const figures = ({ changes: _c, trend: _t, submissions: _s, ...rest }: ConsolidatedView) => rest;

/**
 * The service's view without what only the service holds (DESIGN §10): the year's agreement and what
 * last year's close brought forward, which a folder of workbooks cannot carry.
 */
function withoutTheYear({ agreement: _a, contributions, ...rest }: ConsolidatedView): ConsolidatedView {
  const { broughtForwardPence: _t, ...totals } = contributions.totals;
  return {
    ...rest,
    contributions: {
      ...contributions,
      totals,
      councils: contributions.councils.map(({ broughtForwardPence: _b, ...c }) => c),
    },
  } as ConsolidatedView;
}

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shared-cdo-one-demo-'));
  store = await openStore(await freshDatabaseUrl('sqlite'));
  // A first start on 6 December 2026 loads October and November.
  const demo = await loadDemo(
    store,
    createLogger('silent'),
    new Date('2026-12-06T10:00:00Z'),
    'Europe/London',
  );
  expect(demo.periods).toEqual(['2026-10', '2026-11']);
  await run(process.execPath, [CLI, 'demo', '--out', 'files', '--period', '2026-11'], { cwd: dir });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the demo offline and in the service', { timeout: 120_000 }, () => {
  it('writes the latest month under returns/ and the month before under returns/YYYY-MM/', async () => {
    const names = DEMO_COUNCILS.map((c) => `${c}.xlsx`).sort();
    expect((await readdir(path.join(dir, 'files', 'returns'))).sort()).toEqual(['2026-10', ...names].sort());
    expect((await readdir(path.join(dir, 'files', 'returns', '2026-10'))).sort()).toEqual(names);
  });

  it.each([
    ['November 2026, the latest month', '2026-11', 'returns'],
    ['October 2026, the month before', '2026-10', 'returns/2026-10'],
  ])('gives the service’s figures for %s', async (_month, period, folder) => {
    const files = DEMO_COUNCILS.map((c) => path.join('files', folder, `${c}.xlsx`));
    const { stdout } = await run(
      process.execPath,
      [
        CLI,
        'consolidate',
        '--partnership',
        'files/partnership.xlsx',
        '--period',
        period,
        '--json',
        '-',
        ...files,
      ],
      { cwd: dir, maxBuffer: 16 << 20 },
    );
    const offline = JSON.parse(stdout) as ConsolidatedView;
    const service = await consolidatedView(store, asPeriod(period));
    expect(figures(offline)).toEqual(figures(withoutTheYear(service)));
    // What the service adds: three councils of four have agreed the year's shares; last year is closed.
    expect(service.agreement).toMatchObject({
      status: 'proposed',
      agreedAt: null,
      awaiting: ['vale-of-white-horse'],
      declined: [],
    });
    const lastYear = await yearRecord(store, '2025-26');
    expect(lastYear.status).toBe('closed');
    // 2025-26 has the worked example's budget: £339,172.63 less £80,000.00 confirmed funding.
    expect(lastYear.statements.reduce((sum, st) => sum + st.duePence, 0)).toBe(25_917_263);
    // Each council's balance (due less contributed) is brought forward, apart from this year's due.
    expect(service.contributions.councils.map((c) => [c.council, c.broughtForwardPence])).toEqual(
      lastYear.statements.map((st) => [st.council, st.duePence - st.contributedPence]),
    );
    expect(service.contributions.totals.broughtForwardPence).toBe(
      lastYear.statements.reduce((sum, st) => sum + st.duePence - st.contributedPence, 0),
    );
    expect(lastYear.statements.some((st) => st.duePence !== st.contributedPence)).toBe(true);
    // What the demo's latest month brings is there offline too.
    const projects = new Map(offline.projects.items.map((p) => [p.id, p.rag]));
    expect(projects.get('OXD-008')).toBe(period === '2026-11' ? 'Green' : undefined);
    expect(projects.get('OXD-004')).toBe(period === '2026-11' ? 'Red' : 'Amber');
  });
});
