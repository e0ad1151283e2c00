// The demo loaded on a first start must be alive whatever the date: its returns fit the partnership's
// budget lines even when the last two months are in another financial year, or straddle two; on SQLite
// and on PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_COUNCILS } from '../../demo/partnership.js';
import { createLogger } from '../../server/logger.js';
import { renderRollupEmail } from '../../server/mail/rollup-email.js';
import { consolidatedView } from '../../server/services/consolidated-view.js';
import { loadDemo } from '../../server/services/demo.js';
import { writeConsolidatedWorkbook } from '../../server/workbook/write-consolidated.js';
import { readWorkbookGrids } from '../../server/workbook/read.js';
import { writtenBytes } from '../helpers/xlsx.js';
import { openStore, type Store } from '../../server/store/index.js';
import { describeStores, freshDatabaseUrl, type StoreKind } from '../helpers/databases.js';
import { asPeriod } from '../../shared/dates.js';

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function demoAt(kind: StoreKind, isoTime: string) {
  const store = await openStore(await freshDatabaseUrl(kind));
  stores.push(store);
  const demo = await loadDemo(store, createLogger('silent'), new Date(isoTime), 'Europe/London');
  return { store, demo };
}

describeStores('the demo', (kind) => {
  describe('the demo on a first start', () => {
    it.each([
      ['in the worked example’s year', '2026-11-23T10:00:00Z', ['2026-09', '2026-10'], '2026-27'],
      ['across the turn of the financial year', '2027-05-15T10:00:00Z', ['2027-03', '2027-04'], '2027-28'],
      ['in a later year', '2029-01-20T10:00:00Z', ['2028-11', '2028-12'], '2028-29'],
    ])('loads every council’s return for the last two months %s', async (_when, now, periods, lastYear) => {
      const { store, demo } = await demoAt(kind, now);
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

  describe('the demo’s latest month', () => {
    it('changes a project’s RAG and adds a project, and every surface says so', async () => {
      const { store, demo } = await demoAt(kind, '2026-11-23T10:00:00Z');
      const view = await consolidatedView(store, asPeriod(demo.periods.at(-1)!));
      expect(view.changes.since).toBe('2026-09');
      expect(view.changes.projects).toEqual([
        { project: 'OXD-004', title: 'Shared cloud hosting', kind: 'rag', from: 'Amber', to: 'Red' },
        // Due 30 September: overdue at the end of October, not at the end of September.
        { project: 'OXD-004', title: 'Shared cloud hosting', kind: 'overdue', from: false, to: true },
        { project: 'OXD-008', title: 'Shared booking system', kind: 'new', from: null, to: 'Discovery' },
      ]);
      expect(view.changes.skills).toEqual([]);
      const paid = view.changes.contributions.filter((c) => c.receivedPence > 0).map((c) => c.council);
      expect(paid).toEqual(['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire']);

      // The roll-up's "Since" section lists exactly those.
      const text = renderRollupEmail(view, []).text;
      const since = text.slice(
        text.indexOf('Since September 2026'),
        text.indexOf('Contributions by council'),
      );
      expect(since).toContain('OXD-004 Shared cloud hosting: RAG Amber → Red');
      expect(since).toContain('OXD-008 Shared booking system (new, Discovery)');
      expect(since).toContain('OXD-004 Shared cloud hosting is now overdue');
      expect(since.match(/OXD-\d+/g)).toEqual(['OXD-008', 'OXD-004', 'OXD-004']);

      // So does the workbook's Changes sheet.
      const grids = await readWorkbookGrids(
        await writtenBytes((out) => writeConsolidatedWorkbook(view, out)),
      );
      const rows = grids.Changes!.values.slice(1);
      expect(rows.slice(0, 3).map((r) => r.slice(0, 5))).toEqual([
        ['RAG moved', 'OXD-004', 'Shared cloud hosting', 'Amber', 'Red'],
        ['Newly overdue', 'OXD-004', 'Shared cloud hosting', 'Not overdue', 'Overdue'],
        ['New project', 'OXD-008', 'Shared booking system', '', 'Discovery'],
      ]);
      expect(rows.slice(3).map((r) => r[1])).toEqual(view.changes.contributions.map((c) => c.council));
    });
  });
});
