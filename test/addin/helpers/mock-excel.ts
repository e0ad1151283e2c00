// An Excel request context for unit tests, built from office-addin-mock objects: properties read as
// errors until they are loaded and synced, as in Office.js. Each proxy the code asks for is a fresh
// mock registered with the context, so context.sync() (a spy) syncs them all and records what each
// round trip carried.
import { OfficeMockObject } from 'office-addin-mock';
import { vi } from 'vitest';

/** Office.js enums the adapter uses, as the strings Office.js itself uses. */
export const ExcelEnums = {
  DeleteShiftDirection: { up: 'Up' },
  ClearApplyTo: { contents: 'Contents' },
  SheetVisibility: { hidden: 'Hidden' },
};

export interface MockSheet {
  name: string;
  /** Table name → its cells (header first) and the address of its top-left cell. */
  table?: { name: string; values: unknown[][]; topLeft: string };
  /** The used range when the sheet holds no table. */
  used?: { values: unknown[][]; address: string };
}

export interface SyncRecord {
  /** JSON bytes of the cell values written in this round trip. */
  bytesWritten: number;
  rowsWritten: number;
  suspendedCalculation: boolean;
}

export interface MockContext {
  context: Excel.RequestContext;
  sync: ReturnType<typeof vi.fn>;
  syncs: SyncRecord[];
  settings: Map<string, string>;
  fills: Map<string, string>;
}

const encoder = new TextEncoder();
const bytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

const cellOf = (ref: string): { row: number; column: number } => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { column: m[1]!.charCodeAt(0) - 65, row: Number(m[2]) };
};

/** The cells of `address` (e.g. `A2:I40`) on a mock sheet: its table's or used range's values, else ''. */
function valuesAt(s: MockSheet | undefined, address: string): unknown[][] {
  const source = s?.table
    ? { values: s.table.values, origin: cellOf(s.table.topLeft) }
    : s?.used
      ? { values: s.used.values, origin: cellOf(s.used.address.split(':')[0]!) }
      : undefined;
  const [first, last = first] = address.split(':') as [string, string?];
  const from = cellOf(first);
  const to = cellOf(last!);
  return Array.from({ length: to.row - from.row + 1 }, (_, i) =>
    Array.from({ length: to.column - from.column + 1 }, (_, j) => {
      const r = from.row + i - (source?.origin.row ?? 0);
      const c = from.column + j - (source?.origin.column ?? 0);
      return source?.values[r]?.[c] ?? '';
    }),
  );
}

function lastCell(topLeft: string, rows: number, columns: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(topLeft)!;
  const col = m[1]!.charCodeAt(0) - 65 + columns - 1;
  return `${String.fromCharCode(65 + col)}${Number(m[2]) + rows - 1}`;
}

export function mockExcel(sheets: MockSheet[], settings: Record<string, string> = {}): MockContext {
  const live: OfficeMockObject[] = [];
  const written: { values: unknown[][] }[] = [];
  const settingValues = new Map(Object.entries(settings));
  const fills = new Map<string, string>();
  let suspended = false;
  const syncs: SyncRecord[] = [];
  // Office.js sets isNullObject on every *OrNullObject proxy without a load; the mock would want one.
  const track = <T extends OfficeMockObject>(mock: T, isNull?: boolean): T => {
    if (isNull !== undefined) Object.defineProperty(mock, 'isNullObject', { value: isNull });
    live.push(mock);
    return mock;
  };

  const rangeMock = (sheet: string, address: string, values: unknown[][] = [[]]) => {
    const range = track(
      new OfficeMockObject({
        address: `${sheet}!${address}`,
        values,
        numberFormat: values.map((row) => row.map(() => 'General')),
        rowCount: Math.max(values.length, 0),
        format: {
          fill: {
            color: '',
            clear: () => fills.delete(`${sheet}!${address}`),
          },
        },
        delete: () => undefined,
        clear: () => undefined,
      }),
    );
    // Record what the code writes: office-addin-mock keeps assigned values as plain properties.
    const entry = {
      get values() {
        return range.values as unknown[][];
      },
    };
    written.push(entry);
    return range;
  };

  const sheetMock = (s: MockSheet | undefined, name: string) =>
    track(
      new OfficeMockObject({
        name: s?.name ?? name,
        getRange: (address: string) => rangeMock(s?.name ?? name, address, valuesAt(s, address)),
        getUsedRangeOrNullObject: () => {
          if (!s?.used) return track(new OfficeMockObject({ values: [], address: '' }), true);
          return track(
            new OfficeMockObject({
              ...s.used,
              address: `${s.name}!${s.used.address}`,
              rowCount: s.used.values.length,
              columnCount: s.used.values[0]?.length ?? 0,
            }),
            false,
          );
        },
      }),
      !s,
    );

  const tableMock = (s: MockSheet | undefined, name: string) => {
    const t = s?.table;
    const width = t?.values[0]?.length ?? 1;
    return track(
      new OfficeMockObject({
        name,
        worksheet: { name: s?.name ?? '' },
        getRange: () =>
          track(
            new OfficeMockObject({
              values: t?.values ?? [],
              rowCount: t?.values.length ?? 0,
              columnCount: width,
              address: `${s?.name}!${t?.topLeft}:${lastCell(t?.topLeft ?? 'A1', t?.values.length ?? 1, width)}`,
            }),
            false,
          ),
        getHeaderRowRange: () =>
          track(
            new OfficeMockObject({
              values: [t?.values[0] ?? []],
              address: `${s?.name}!${t?.topLeft}:${lastCell(t?.topLeft ?? 'A1', 1, width)}`,
            }),
          ),
        getDataBodyRange: () => {
          const top = /^([A-Z]+)(\d+)$/.exec(t?.topLeft ?? 'A1')!;
          const bodyTop = `${top[1]}${Number(top[2]) + 1}`;
          const rows = Math.max((t?.values.length ?? 1) - 1, 1);
          return track(
            new OfficeMockObject({
              rowCount: rows,
              address: `${s?.name}!${bodyTop}:${lastCell(bodyTop, rows, width)}`,
            }),
          );
        },
        rows: { add: (_index: unknown, values: unknown[][]) => written.push({ values }) },
        clearFilters: () => undefined,
      }),
      !t,
    );
  };

  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const findTable = (name: string) => sheets.find((s) => s.table?.name.toLowerCase() === name.toLowerCase());

  const syncAll = async (): Promise<void> => {
    let bytesWritten = 0;
    let rowsWritten = 0;
    for (const entry of written.splice(0)) {
      const values = entry.values;
      if (
        Array.isArray(values) &&
        values.length &&
        Array.isArray(values[0]) &&
        (values[0] as unknown[]).length
      ) {
        bytesWritten += bytes(values);
        rowsWritten += values.length;
      }
    }
    for (const mock of live) await mock.sync();
    syncs.push({ bytesWritten, rowsWritten, suspendedCalculation: suspended });
    suspended = false;
  };
  const sync = vi.fn(syncAll);

  const context = {
    sync,
    application: { suspendApiCalculationUntilNextSync: () => (suspended = true) },
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => sheetMock(find(name), name),
        getItem: (name: string) => sheetMock(find(name) ?? { name }, name),
      },
      tables: {
        getItemOrNullObject: (name: string) => tableMock(findTable(name), name),
        getItem: (name: string) => tableMock(findTable(name), name),
      },
      settings: {
        getItemOrNullObject: (key: string) =>
          track(new OfficeMockObject({ value: settingValues.get(key) ?? '' }), !settingValues.has(key)),
        add: (key: string, value: string) => settingValues.set(key, value),
      },
    },
  };
  return { context: context as unknown as Excel.RequestContext, sync, syncs, settings: settingValues, fills };
}
