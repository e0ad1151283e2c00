// An Excel request context for unit tests over the E2E tests' in-memory Excel (the one Office test
// double): the sheets are typed into a workbook as a person would type them, and each round trip is
// recorded with what it carried, so a test can count round trips and check each request's size.
import { vi } from 'vitest';
import { parseAddress } from '../../e2e/fake-office/model/addresses.js';
import type { Sheet } from '../../e2e/fake-office/model/types.js';
import { Workbook } from '../../e2e/fake-office/model/workbook.js';
import { RequestContext } from '../../e2e/fake-office/excel/request-context.js';

export interface CouncilSheet {
  name: string;
  /** A table: its cells (header first) and the address of its top-left cell. */
  table?: { name: string; values: unknown[][]; topLeft: string };
  /** Cells outside any table, from the address of their top-left cell (`A1:B3` starts at A1). */
  used?: { values: unknown[][]; address: string };
}

export interface SyncRecord {
  /** JSON bytes of the cell grids (values written, rows added) this round trip carried. */
  bytesWritten: number;
  rowsWritten: number;
  /** Whether the round trip ran with calculation suspended (suspendApiCalculationUntilNextSync). */
  suspendedCalculation: boolean;
}

export interface ExcelForTest {
  context: Excel.RequestContext;
  /** context.sync, spied: one call per round trip. */
  sync: ReturnType<typeof vi.spyOn>;
  syncs: SyncRecord[];
  /** The workbook's settings (Office.js keeps the strings the adapter writes). */
  settings: { get(key: string): string | undefined };
}

const encoder = new TextEncoder();
const bytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;
const isGrid = (value: unknown): value is unknown[][] =>
  Array.isArray(value) && value.length > 0 && Array.isArray(value[0]) && value[0].length > 0;

/** Types `values` into `sheet` from `topLeft`, cell by cell. */
function type(wb: Workbook, sheet: Sheet, topLeft: string, values: unknown[][]): { r0: number; c0: number } {
  const { r0, c0 } = parseAddress(topLeft).rect;
  values.forEach((row, i) => row.forEach((value, j) => wb.write(sheet, r0 + i, c0 + j, value)));
  return { r0, c0 };
}

export function inMemoryExcel(sheets: CouncilSheet[], settings: Record<string, string> = {}): ExcelForTest {
  const wb = new Workbook(sheets[0]?.name);
  for (const s of sheets) {
    const sheet = wb.sheet(s.name) ?? wb.addSheet(s.name);
    if (s.used) type(wb, sheet, s.used.address.split(':')[0]!, s.used.values);
    if (s.table) {
      const { r0, c0 } = type(wb, sheet, s.table.topLeft, s.table.values);
      const width = s.table.values[0]?.length ?? 1;
      const rect = { r0, c0, r1: r0 + s.table.values.length - 1, c1: c0 + width - 1 };
      const table = wb.addTable(sheet, rect, true);
      wb.checkTableName(s.table.name, table);
      table.name = s.table.name;
    }
  }
  for (const [key, value] of Object.entries(settings)) wb.settings.set(key, value);

  const context = new RequestContext(wb);
  // The cell grids each request carries, gathered as they are queued and closed off by its sync.
  let grids: unknown[][][] = [];
  const enqueue = context.enqueue.bind(context);
  context.enqueue = (op, payload) => {
    if (isGrid(payload)) grids.push(payload);
    enqueue(op, payload);
  };
  const syncs: SyncRecord[] = [];
  const run = context.sync.bind(context);
  const sync = vi.spyOn(context, 'sync').mockImplementation(async () => {
    const carried = grids;
    grids = [];
    const suspendedBefore = wb.suspendedSyncs;
    await run();
    syncs.push({
      bytesWritten: carried.reduce((n, grid) => n + bytes(grid), 0),
      rowsWritten: carried.reduce((n, grid) => n + grid.length, 0),
      suspendedCalculation: wb.suspendedSyncs > suspendedBefore,
    });
  });
  return {
    context: context as unknown as Excel.RequestContext,
    sync,
    syncs,
    settings: { get: (key) => wb.settings.get(key) as string | undefined },
  };
}
