// The Office.js object model over the in-memory workbook, with Office.js's batching rules: methods and
// property writes are queued and applied in order on context.sync(); a property can be read only after
// it was loaded and synced (before that the read throws PropertyNotLoaded); *OrNullObject proxies learn
// whether they exist on sync; a request, or an answer, over 5 MB is refused as Excel on the web
// refuses it.
import type { Chart, ConditionalFormat, Rect, Sheet, Table, Workbook } from './workbook.js';
import { ExcelError, formatAddress, parseAddress } from './workbook.js';

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
const encoder = new TextEncoder();

interface RangeTarget {
  sheet: Sheet;
  rect: Rect;
}

function notLoaded(prop: string): Error {
  return new ExcelError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function loadList(props?: string | string[] | { select?: string }): string[] {
  const text = Array.isArray(props)
    ? props.join(',')
    : typeof props === 'string'
      ? props
      : (props?.select ?? '');
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export class RequestContext {
  private queue: (() => void)[] = [];
  private fresh: Proxy<unknown>[] = [];
  private bytes = 0;
  private writes = 0;
  /** The size of what this sync's loads answer, as JSON. */
  responseBytes = 0;
  private calculationSuspended = false;
  readonly workbook: WorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  readonly runtime = { enableEvents: true };

  constructor(readonly wb: Workbook) {
    this.workbook = new WorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.enqueueRead(() => (this.calculationSuspended = true)),
    };
  }

  /** Queues a change to the workbook. */
  enqueue(op: () => void, payload?: unknown): void {
    this.queue.push(op);
    this.writes += 1;
    this.bytes += 64 + (payload === undefined ? 0 : encoder.encode(JSON.stringify(payload)).length);
  }

  /** Queues something that changes nothing: a load, a selection, a calculation hint. */
  enqueueRead(op: () => void): void {
    this.queue.push(op);
    this.bytes += 64;
  }

  register(proxy: Proxy<unknown>): void {
    this.fresh.push(proxy);
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const ops = this.queue.splice(0);
    const proxies = this.fresh.splice(0);
    const bytes = this.bytes;
    const writes = this.writes;
    this.bytes = 0;
    this.writes = 0;
    this.wb.syncCount += 1;
    this.wb.largestRequestBytes = Math.max(this.wb.largestRequestBytes, bytes);
    if (bytes > REQUEST_LIMIT_BYTES) {
      throw new ExcelError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    await Promise.resolve();
    if (writes > 0 && this.wb.readOnly) {
      for (const proxy of proxies) proxy.settle();
      throw new ExcelError('AccessDenied', 'You cannot perform the requested operation.');
    }
    this.responseBytes = 0;
    try {
      for (const op of ops) op();
      if (this.responseBytes > REQUEST_LIMIT_BYTES) {
        this.wb.refusedAnswers += 1;
        throw new ExcelError(
          'ResponsePayloadSizeLimitExceeded',
          'The response payload size has exceeded the limit.',
        );
      }
      // The largest answer Excel gave (a refused one is not given).
      this.wb.largestResponseBytes = Math.max(this.wb.largestResponseBytes, this.responseBytes);
    } finally {
      for (const proxy of proxies) proxy.settle();
      if (this.calculationSuspended) this.wb.suspendedSyncs += 1;
      this.calculationSuspended = false;
    }
  }
}

/** A proxy for an object found when the batch runs; `resolve` throws ItemNotFound when there is none. */
export abstract class Proxy<T> {
  private readonly cache = new Map<string, unknown>();
  private nullState?: boolean;

  constructor(
    protected readonly ctx: RequestContext,
    protected readonly resolve: () => T,
    private readonly nullable = false,
  ) {
    ctx.register(this);
  }

  protected abstract read(prop: string, target: T): unknown;

  load(props?: string | string[] | { select?: string }): this {
    const list = loadList(props);
    this.ctx.enqueueRead(() => {
      const target = this.nullable ? this.tryResolve() : this.resolve();
      if (target === undefined) return;
      for (const prop of list) {
        const value = this.read(prop, target);
        this.ctx.responseBytes += encoder.encode(JSON.stringify(value) ?? '').length;
        this.cache.set(prop, value);
      }
    });
    return this;
  }

  private tryResolve(): T | undefined {
    try {
      return this.resolve();
    } catch (error) {
      if (error instanceof ExcelError && error.code === 'ItemNotFound') return undefined;
      throw error;
    }
  }

  settle(): void {
    if (this.nullState !== undefined) return;
    this.nullState = this.nullable ? this.tryResolve() === undefined : false;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** For collections' items: a property loaded along with the collection. */
  preload(prop: string, value: unknown): void {
    this.cache.set(prop, value);
  }

  protected loaded<V>(prop: string): V {
    if (!this.cache.has(prop)) throw notLoaded(prop);
    return this.cache.get(prop) as V;
  }

  /** Queues a change to the object; it happens on sync. */
  protected change(op: (target: T) => void, payload?: unknown): void {
    this.ctx.enqueue(() => op(this.resolve()), payload);
  }
}

// ---- Workbook, sheets, settings -------------------------------------------------------------------

export class WorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  constructor(ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx);
    this.settings = new SettingCollection(ctx);
  }
}

class WorksheetCollection {
  private loadedItems?: WorksheetProxy[];
  constructor(private readonly ctx: RequestContext) {}
  load(props?: string): this {
    const fields = loadList(props);
    if (!fields.some((p) => p.startsWith('items')))
      throw new ExcelError('InvalidArgument', 'The fake loads worksheets as items/name.');
    this.ctx.enqueueRead(() => {
      this.loadedItems = this.ctx.wb.sheets.map((sheet) => {
        const proxy = new WorksheetProxy(this.ctx, () => sheet);
        proxy.settle();
        proxy.preload('name', sheet.name);
        return proxy;
      });
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.requireSheet(name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.requireSheet(name), true);
  }
  add(name: string): WorksheetProxy {
    let created: Sheet | undefined;
    this.ctx.enqueue(() => (created = this.ctx.wb.addSheet(name)));
    return new WorksheetProxy(this.ctx, () => created ?? this.ctx.wb.requireSheet(name));
  }
}

export class WorksheetProxy extends Proxy<Sheet> {
  readonly tables: { add: (address: string, hasHeaders: boolean) => TableProxy };
  readonly freezePanes: { freezeRows: (count: number) => void };
  readonly charts: ChartCollection;

  constructor(ctx: RequestContext, resolve: () => Sheet, nullable = false) {
    super(ctx, resolve, nullable);
    this.tables = {
      add: (address, hasHeaders) => {
        let table: Table | undefined;
        // As Office.js documents: an address without a sheet name is read on the *active* sheet,
        // whichever worksheet's collection was asked.
        this.change(() => {
          const parsed = parseAddress(address);
          const target = parsed.sheet ? ctx.wb.requireSheet(parsed.sheet) : ctx.wb.active();
          table = ctx.wb.addTable(target, parsed.rect, hasHeaders);
        });
        return new TableProxy(ctx, () => {
          if (!table) throw new ExcelError('ItemNotFound', 'The table was not created.');
          return table;
        });
      },
    };
    this.freezePanes = { freezeRows: (count) => this.change((sheet) => (sheet.frozenRows = count)) };
    this.charts = new ChartCollection(ctx, () => this.resolve());
  }

  protected read(prop: string, sheet: Sheet): unknown {
    if (prop === 'name') return sheet.name;
    if (prop === 'visibility') return sheet.visibility;
    throw new ExcelError('InvalidArgument', `The fake does not load Worksheet.${prop}.`);
  }

  get name(): string {
    return this.loaded('name');
  }

  set visibility(value: string) {
    this.change((sheet) => (sheet.visibility = value));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      if (!address) return { sheet, rect: { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 } };
      const parsed = parseAddress(address);
      return { sheet: parsed.sheet ? this.ctx.wb.requireSheet(parsed.sheet) : sheet, rect: parsed.rect };
    });
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.resolve();
        const rect = this.ctx.wb.usedRect(sheet);
        if (!rect) throw new ExcelError('ItemNotFound', 'The sheet is empty.');
        return { sheet, rect };
      },
      true,
    );
  }

  activate(): void {
    this.ctx.enqueueRead(() => (this.ctx.wb.activeSheet = this.resolve().name));
  }
}

class SettingCollection {
  constructor(private readonly ctx: RequestContext) {}
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(
      this.ctx,
      () => {
        if (!this.ctx.wb.settings.has(key)) throw new ExcelError('ItemNotFound', `No setting ${key}.`);
        return { key, value: this.ctx.wb.settings.get(key) };
      },
      true,
    );
  }
  add(key: string, value: unknown): void {
    this.ctx.enqueue(() => this.ctx.wb.settings.set(key, JSON.parse(JSON.stringify(value))), value);
  }
}

class SettingProxy extends Proxy<{ key: string; value: unknown }> {
  protected read(prop: string, setting: { key: string; value: unknown }): unknown {
    if (prop === 'value') return setting.value;
    if (prop === 'key') return setting.key;
    throw new ExcelError('InvalidArgument', `The fake does not load Setting.${prop}.`);
  }
  get value(): unknown {
    return this.loaded('value');
  }
}

// ---- Ranges -----------------------------------------------------------------------------------------

export class RangeProxy extends Proxy<RangeTarget> {
  readonly format: {
    fill: { color: string; clear: () => void };
    font: { bold: boolean };
    columnWidth: number;
  };
  readonly dataValidation: { clear: () => void; rule: unknown; errorAlert: unknown };
  readonly conditionalFormats: { clearAll: () => void; add: (type: string) => ConditionalFormatProxy };

  constructor(ctx: RequestContext, resolve: () => RangeTarget, nullable = false) {
    super(ctx, resolve, nullable);
    const change = (op: (t: RangeTarget) => void, payload?: unknown) => this.change(op, payload);
    const wb = ctx.wb;
    this.format = {
      fill: {
        set color(value: string) {
          change((t) => wb.setFill(t.sheet, t.rect, value), value);
        },
        get color(): string {
          throw notLoaded('color');
        },
        clear: () => change((t) => wb.setFill(t.sheet, t.rect, undefined)),
      },
      font: {
        set bold(_value: boolean) {
          change(() => undefined);
        },
        get bold(): boolean {
          throw notLoaded('bold');
        },
      },
      set columnWidth(value: number) {
        change((t) => {
          for (let c = t.rect.c0; c <= Math.min(t.rect.c1, t.rect.c0 + 200); c++)
            t.sheet.columnWidths.set(c, value);
        });
      },
      get columnWidth(): number {
        throw notLoaded('columnWidth');
      },
    };
    const sameRect = (a: Rect, b: Rect) => a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
    const entry = (t: RangeTarget) => {
      let found = t.sheet.validations.find((v) => sameRect(v.rect, t.rect));
      if (!found) {
        found = { rect: { ...t.rect }, rule: undefined };
        t.sheet.validations.push(found);
      }
      return found;
    };
    this.dataValidation = {
      clear: () =>
        change((t) => {
          t.sheet.validations = t.sheet.validations.filter((v) => !sameRect(v.rect, t.rect));
        }),
      set rule(value: unknown) {
        change((t) => {
          const target = entry(t);
          if (target.rule !== undefined)
            throw new ExcelError('InvalidOperation', 'Clear the data validation before setting a new rule.');
          target.rule = JSON.parse(JSON.stringify(value));
        }, value);
      },
      get rule(): unknown {
        throw notLoaded('rule');
      },
      set errorAlert(value: unknown) {
        change((t) => (entry(t).errorAlert = value), value);
      },
      get errorAlert(): unknown {
        throw notLoaded('errorAlert');
      },
    };
    this.conditionalFormats = {
      clearAll: () =>
        change((t) => {
          t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => !sameRect(f.rect, t.rect));
        }),
      add: (type: string) => {
        const holder: { format?: ConditionalFormat } = {};
        change((t) => {
          holder.format = { rect: { ...t.rect }, type };
          t.sheet.conditionalFormats.push(holder.format);
        });
        return new ConditionalFormatProxy(ctx, holder);
      },
    };
  }

  protected read(prop: string, t: RangeTarget): unknown {
    const wb = this.ctx.wb;
    switch (prop) {
      case 'values':
        return wb.values(t.sheet, t.rect);
      case 'numberFormat':
        return wb.formats(t.sheet, t.rect);
      case 'address':
        return formatAddress(t.sheet.name, t.rect);
      case 'rowCount':
        return t.rect.r1 - t.rect.r0 + 1;
      case 'columnCount':
        return t.rect.c1 - t.rect.c0 + 1;
      case 'rowIndex':
        return t.rect.r0;
      case 'columnIndex':
        return t.rect.c0;
      default:
        throw new ExcelError('InvalidArgument', `The fake does not load Range.${prop}.`);
    }
  }

  get values(): unknown[][] {
    return this.loaded('values');
  }
  set values(grid: unknown[][]) {
    this.change(
      (t) => this.eachCell(t, grid, 'values', (r, c, v) => this.ctx.wb.write(t.sheet, r, c, v)),
      grid,
    );
  }
  get numberFormat(): unknown[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(grid: unknown[][]) {
    this.change(
      (t) => this.eachCell(t, grid, 'numberFormat', (r, c, v) => this.ctx.wb.setFormat(t.sheet, r, c, v)),
      grid,
    );
  }
  get address(): string {
    return this.loaded('address');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }

  private eachCell(
    t: RangeTarget,
    grid: unknown[][],
    what: string,
    write: (r: number, c: number, v: unknown) => void,
  ) {
    const rows = t.rect.r1 - t.rect.r0 + 1;
    const cols = t.rect.c1 - t.rect.c0 + 1;
    if (
      !Array.isArray(grid) ||
      grid.length !== rows ||
      grid.some((row) => !Array.isArray(row) || row.length !== cols)
    ) {
      throw new ExcelError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, ${formatAddress(t.sheet.name, t.rect)}).`,
      );
    }
    grid.forEach((row, i) => row.forEach((v, j) => write(t.rect.r0 + i, t.rect.c0 + j, v)));
  }

  delete(shift: string): void {
    if (shift !== 'Up')
      throw new ExcelError('NotImplemented', `The fake deletes with shift Up only, not ${shift}.`);
    this.change((t) => this.ctx.wb.deleteUp(t.sheet, t.rect));
  }

  clear(applyTo = 'All'): void {
    this.change((t) => {
      this.ctx.wb.clearContents(t.sheet, t.rect);
      if (applyTo === 'All' || applyTo === 'Formats') this.ctx.wb.setFill(t.sheet, t.rect, undefined);
    });
  }

  select(): void {
    this.ctx.enqueueRead(() => {
      const t = this.resolve();
      this.ctx.wb.activeSheet = t.sheet.name;
      this.ctx.wb.selection = formatAddress(t.sheet.name, t.rect);
    });
  }
}

class ConditionalFormatProxy {
  readonly textComparison: { format: { fill: { color: string } }; rule: unknown };
  constructor(ctx: RequestContext, holder: { format?: ConditionalFormat }) {
    const change = (op: (f: ConditionalFormat) => void) =>
      ctx.enqueue(() => {
        if (!holder.format) throw new ExcelError('ItemNotFound', 'The conditional format was not created.');
        op(holder.format);
      });
    this.textComparison = {
      format: {
        fill: {
          set color(value: string) {
            change((f) => (f.fill = value));
          },
          get color(): string {
            throw notLoaded('color');
          },
        },
      },
      set rule(value: unknown) {
        change((f) => (f.rule = JSON.parse(JSON.stringify(value))));
      },
      get rule(): unknown {
        throw notLoaded('rule');
      },
    };
  }
}

// ---- Tables -----------------------------------------------------------------------------------------

class TableCollection {
  constructor(private readonly ctx: RequestContext) {}
  private find(name: string): Table {
    const table = this.ctx.wb.table(name);
    if (!table) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: table ${name}.`);
    return table;
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.find(name));
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.find(name), true);
  }
}

export class TableProxy extends Proxy<Table> {
  readonly rows: { add: (index: number | undefined, values: unknown[][]) => void };
  readonly columns: {
    add: (index: number | undefined, values: unknown[][] | undefined, name?: string) => void;
    getItem: (name: string) => { getDataBodyRange: () => RangeProxy };
  };

  constructor(ctx: RequestContext, resolve: () => Table, nullable = false) {
    super(ctx, resolve, nullable);
    this.rows = {
      add: (index, values) => {
        if (index !== undefined && index !== null)
          throw new ExcelError('NotImplemented', 'The fake adds rows at the end only.');
        this.change((table) => ctx.wb.addTableRows(table, values), values);
      },
    };
    this.columns = {
      add: (index, values, name) => {
        if ((index !== undefined && index !== null) || values)
          throw new ExcelError('NotImplemented', 'The fake adds empty named columns at the end only.');
        this.change((table) => ctx.wb.addTableColumn(table, name ?? 'Column'));
      },
      getItem: (name) => ({
        getDataBodyRange: () =>
          new RangeProxy(ctx, () => {
            const table = this.resolve();
            // Looked up by the column's exact name: a table's own spelling may differ from the layout's.
            const index = ctx.wb.headers(table).indexOf(name);
            if (index < 0)
              throw new ExcelError('ItemNotFound', `The table ${table.name} has no column ${name}.`);
            const c = table.rect.c0 + index;
            return { sheet: table.sheet, rect: { r0: table.rect.r0 + 1, c0: c, r1: table.rect.r1, c1: c } };
          }),
      }),
    };
  }

  protected read(prop: string, table: Table): unknown {
    if (prop === 'name') return table.name;
    throw new ExcelError('InvalidArgument', `The fake does not load Table.${prop}.`);
  }

  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.change((table) => {
      this.ctx.wb.checkTableName(value, table);
      table.name = value;
    });
  }

  private worksheetProxy?: WorksheetProxy;
  /** Like Office.js, a navigation property returns the same proxy each time. */
  get worksheet(): WorksheetProxy {
    this.worksheetProxy ??= new WorksheetProxy(this.ctx, () => this.resolve().sheet);
    return this.worksheetProxy;
  }

  private range(pick: (table: Table) => Rect): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const table = this.resolve();
      return { sheet: table.sheet, rect: pick(table) };
    });
  }
  getRange(): RangeProxy {
    return this.range((t) => ({ ...t.rect }));
  }
  getHeaderRowRange(): RangeProxy {
    return this.range((t) => ({ ...t.rect, r1: t.rect.r0 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.range((t) => ({ ...t.rect, r0: t.rect.r0 + 1 }));
  }
}

// ---- Charts -----------------------------------------------------------------------------------------

class ChartCollection {
  private loadedItems?: ChartProxy[];
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => Sheet,
  ) {}

  add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    const holder: { chart?: Chart } = {};
    this.ctx.enqueue(() => {
      const target = (source as unknown as { resolve: () => RangeTarget }).resolve();
      holder.chart = {
        name: `Chart ${this.sheet().charts.length + 1}`,
        type,
        source: formatAddress(target.sheet.name, target.rect),
        seriesBy,
        title: '',
      };
      this.sheet().charts.push(holder.chart);
    });
    return new ChartProxy(this.ctx, () => {
      if (!holder.chart) throw new ExcelError('ItemNotFound', 'The chart was not created.');
      return holder.chart;
    });
  }

  load(props?: string): this {
    if (!loadList(props).some((p) => p.startsWith('items')))
      throw new ExcelError('InvalidArgument', 'Load items/...');
    this.ctx.enqueueRead(() => {
      const sheet = this.sheet();
      this.loadedItems = sheet.charts.map((chart) => {
        const proxy = new ChartProxy(this.ctx, () => chart);
        proxy.settle();
        return proxy;
      });
    });
    return this;
  }

  get items(): ChartProxy[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
}

class ChartProxy extends Proxy<Chart> {
  readonly title: { text: string };
  constructor(ctx: RequestContext, resolve: () => Chart) {
    super(ctx, resolve);
    const change = (op: (c: Chart) => void) => this.change(op);
    this.title = {
      set text(value: string) {
        change((c) => (c.title = value));
      },
      get text(): string {
        throw notLoaded('text');
      },
    };
  }
  protected read(prop: string, chart: Chart): unknown {
    if (prop === 'name') return chart.name;
    throw new ExcelError('InvalidArgument', `The fake does not load Chart.${prop}.`);
  }
  set name(value: string) {
    this.change((c) => (c.name = value));
  }
  get name(): string {
    return this.loaded('name');
  }
  setPosition(start: string, end: string): void {
    this.change((c) => (c.position = [start, end]));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const chart = this.resolve();
      for (const sheet of this.ctx.wb.sheets) sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}
