// One demo: `shared-cdo demo --out` writes what a new service loads on its first start, so
// `shared-cdo consolidate` over those files gives the service's figures exactly, for both months.
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
import { openStore, type Store } from '../../server/store/index.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { freshDatabaseUrl } from '../helpers/databases.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../bin/shared-cdo.js', import.meta.url));

/**
 * The month's figures: everything but the stored versions' metadata, the comparison with other months and
 * what only the service records of the year (its agreement and last year's closing balances, DESIGN §10),
 * which no workbook holds.
 */
const figures = ({ changes: _c, trend: _t, submissions: _s, agreement: _a, ...rest }: ConsolidatedView) => ({
  ...rest,
  contributions: {
    ...rest.contributions,
    councils: rest.contributions.councils.map(({ broughtForwardPence: _b, ...council }) => council),
    totals: (({ broughtForwardPence: _b, ...totals }) => totals)(rest.contributions.totals),
  },
});

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
    const service = await consolidatedView(store, period);
    expect(figures(offline)).toEqual(figures(service));
    // What the demo's latest month brings is there offline too.
    const projects = new Map(offline.projects.items.map((p) => [p.id, p.rag]));
    expect(projects.get('OXD-008')).toBe(period === '2026-11' ? 'Green' : undefined);
    expect(projects.get('OXD-004')).toBe(period === '2026-11' ? 'Red' : 'Amber');
  });
});
