// The demo loaded on a first start must be alive whatever the date: its returns fit the partnership's
// budget lines even when the last two months are in another financial year, or straddle two.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_COUNCILS } from '../../demo/partnership.js';
import { createLogger } from '../../server/logger.js';
import { loadDemo } from '../../server/services/demo.js';
import { openStore, type Store } from '../../server/store/index.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function demoAt(isoTime: string) {
  const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-demo-'));
  dirs.push(dir);
  const store = await openStore(join(dir, 'demo.sqlite'));
  stores.push(store);
  const demo = await loadDemo(store, createLogger('silent'), new Date(isoTime), 'Europe/London');
  return { store, demo };
}

describe('the demo on a first start', () => {
  it.each([
    ['in the worked example’s year', '2026-11-23T10:00:00Z', ['2026-09', '2026-10'], '2026-27'],
    ['across the turn of the financial year', '2027-05-15T10:00:00Z', ['2027-03', '2027-04'], '2027-28'],
    ['in a later year', '2029-01-20T10:00:00Z', ['2028-11', '2028-12'], '2028-29'],
  ])('loads every council’s return for the last two months %s', async (_when, now, periods, lastYear) => {
    const { store, demo } = await demoAt(now);
    expect(demo.periods).toEqual(periods);
    for (const council of DEMO_COUNCILS) {
      for (const period of periods) {
        const versions = await store.listSubmissions(council, period);
        expect(versions.map((v) => v.version)).toEqual([1]);
      }
    }
    const current = await store.currentPartnership();
    const years = new Set(current?.partnership.budget.map((b) => b.financialYear));
    expect(years.has(lastYear)).toBe(true);
    expect(demo.tokens.map((t) => t.role)).toEqual(['admin', 'cdo', 'viewer', 'council']);
  });
});
