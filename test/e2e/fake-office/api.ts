// The Office.js object model over the in-memory workbook, with Office.js's batching rules: methods and
// property writes are queued and applied in order on context.sync(); a property can be read only after
// it was loaded and synced (before that the read throws PropertyNotLoaded); *OrNullObject proxies learn
// whether they exist on sync; a request, or an answer, over 5 MB is refused as Excel on the web
// refuses it.
import { CHART_LINE_STYLES, CHART_SERIES_BY, CHART_TYPES } from './enums.js';
import type { Chart, ChartSeries, ConditionalFormat, Rect, Sheet, Table, Workbook } from './workbook.js';
import { ExcelError, formatAddress, overlaps, parseAddress, setAtMost } from './workbook.js';

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
const encoder = new TextEncoder();

/**
 * What reaches Excel: every argument travels as JSON, so NaN, Infinity and undefined (in an array)
 * arrive as null, which for a cell means "leave it as it is", and a Date as its ISO text
 * ("Blank and null values in Excel add-ins").
 */
export function wire<T>(value: T): T {
  const text = JSON.stringify(value);
  return (text === undefined ? undefined : JSON.parse(text)) as T;
}

/** Excel's data validation limits (MS-XLS DValStrings; "Add data validation to Excel ranges"). */
export const VALIDATION_LIMITS = { title: 32, prompt: 255, errorMessage: 225, inlineList: 255 } as const;
const RULE_TYPES = ['wholeNumber', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'];

/** `a` less `b`: up to four rectangles. */
function subtract(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const parts: Rect[] = [];
  if (a.r0 < b.r0) parts.push({ ...a, r1: b.r0 - 1 });
  if (a.r1 > b.r1) parts.push({ ...a, r0: b.r1 + 1 });
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  if (a.c0 < b.c0) parts.push({ r0, r1, c0: a.c0, c1: b.c0 - 1 });
  if (a.c1 > b.c1) parts.push({ r0, r1, c0: b.c1 + 1, c1: a.c1 });
  return parts;
}

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
      suspendApiCalculationUntilNextSync: () => {
        this.requires('1.6', 'Application.suspendApiCalculationUntilNextSync');
        this.enqueueRead(() => (this.calculationSuspended = true));
      },
    };
  }

  /**
   * A member of ExcelApi `set`: on an older Excel the request fails with ApiNotFound when it runs,
   * as Office.js reports a member the host does not have.
   */
  requires(set: string, member: string): void {
    if (setAtMost(set, this.wb.excelApi)) return;
    this.enqueueRead(() => {
      throw new ExcelError(
        'ApiNotFound',
        `The method or property ${member} is part of the ExcelApi ${set} requirement set, which is not available in your version of Office.`,
      );
    });
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
    if (this.wb.cellEditMode) {
      this.calculationSuspended = false;
      throw new ExcelError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    }
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

  /** A property of `target` as this proxy reads it: for a collection loading `items/…`. */
  readFor(prop: string, target: T): unknown {
    return this.read(prop, target);
  }

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
  /** ExcelApi 1.7: whether the workbook's structure is protected. */
  readonly protection: ProtectionProxy<Workbook>;
  constructor(ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx);
    this.settings = new SettingCollection(ctx);
    this.protection = new ProtectionProxy(
      ctx,
      () => ctx.wb,
      '1.7',
      (wb) => wb.structureProtected,
    );
  }
}

/** WorkbookProtection (1.7) and WorksheetProtection (1.2): `protected`, loaded. */
class ProtectionProxy<T> extends Proxy<T> {
  constructor(
    ctx: RequestContext,
    resolve: () => T,
    private readonly set: string,
    private readonly isProtected: (target: T) => boolean,
  ) {
    super(ctx, resolve);
  }
  override load(props?: string | string[] | { select?: string }): this {
    this.ctx.requires(this.set, 'protection');
    return super.load(props);
  }
  protected read(prop: string, target: T): unknown {
    if (prop === 'protected') return this.isProtected(target);
    throw new ExcelError('InvalidArgument', `The fake does not load protection.${prop}.`);
  }
  get protected(): boolean {
    return this.loaded('protected');
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
    this.ctx.requires('1.4', 'WorksheetCollection.getItemOrNullObject');
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
  readonly protection: ProtectionProxy<Sheet>;

  constructor(ctx: RequestContext, resolve: () => Sheet, nullable = false) {
    super(ctx, resolve, nullable);
    this.protection = new ProtectionProxy(
      ctx,
      () => this.resolve(),
      '1.2',
      (sheet) => sheet.protected,
    );
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
    this.freezePanes = {
      freezeRows: (count) => {
        ctx.requires('1.7', 'WorksheetFreezePanes.freezeRows');
        this.change((sheet) => (sheet.frozenRows = count));
      },
    };
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
    this.change((sheet) => {
      // Hiding or showing a sheet changes the workbook's structure.
      if (this.ctx.wb.structureProtected)
        throw new ExcelError('AccessDenied', 'You cannot perform the requested operation.');
      sheet.visibility = value;
    });
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
    this.ctx.requires('1.4', 'Worksheet.getUsedRangeOrNullObject');
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

  /** A hidden sheet cannot be activated (office-js #3148, #2196). */
  activate(): void {
    this.ctx.enqueueRead(() => (this.ctx.wb.activeSheet = visibleSheet(this.resolve()).name));
  }
}

/** The sheet, unless it is hidden: Excel cannot show (activate, select in) a hidden sheet. */
function visibleSheet(sheet: Sheet): Sheet {
  if (sheet.visibility !== 'Visible')
    throw new ExcelError('InvalidOperation', `The sheet ${sheet.name} is hidden and cannot be activated.`);
  return sheet;
}

/** Workbook settings: ExcelApi 1.4. */
class SettingCollection {
  constructor(private readonly ctx: RequestContext) {}
  getItemOrNullObject(key: string): SettingProxy {
    this.ctx.requires('1.4', 'SettingCollection.getItemOrNullObject');
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
    this.ctx.requires('1.4', 'SettingCollection.add');
    const sent = wire(value);
    this.ctx.enqueue(() => this.ctx.wb.settings.set(key, sent), value);
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
  readonly dataValidation: { clear: () => void; rule: unknown; errorAlert: unknown; prompt: unknown };
  readonly conditionalFormats: { clearAll: () => void; add: (type: string) => ConditionalFormatProxy };

  constructor(ctx: RequestContext, resolve: () => RangeTarget, nullable = false) {
    super(ctx, resolve, nullable);
    const change = (op: (t: RangeTarget) => void, payload?: unknown) => this.formatting(op, payload);
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
    const invalid = (why: string) => new ExcelError('InvalidArgument', `${INVALID_ARGUMENT} (${why})`);
    const longer = (text: unknown, limit: number) => typeof text === 'string' && text.length > limit;
    // Data validation is ExcelApi 1.8; its rules, limits and clear() as "Add data validation to Excel
    // ranges" and office-js #2594 describe them.
    const validation = (op: (t: RangeTarget) => void, payload?: unknown) => {
      ctx.requires('1.8', 'Range.dataValidation');
      change(op, payload);
    };
    this.dataValidation = {
      // Clears the cells of this range only: a rule over more cells keeps the cells outside it.
      clear: () =>
        validation((t) => {
          t.sheet.validations = t.sheet.validations.flatMap((v) =>
            subtract(v.rect, t.rect).map((rect) => ({ ...v, rect })),
          );
        }),
      set rule(value: unknown) {
        const sent = wire(value) as Record<string, unknown> | null;
        validation((t) => {
          const types = Object.keys(sent ?? {}).filter((k) => RULE_TYPES.includes(k));
          if (types.length !== 1) throw invalid(`a rule has exactly one type, not ${types.join(', ')}`);
          const source = (sent?.list as { source?: unknown } | undefined)?.source;
          if (
            typeof source === 'string' &&
            !source.startsWith('=') &&
            source.length > VALIDATION_LIMITS.inlineList
          )
            throw invalid(`a list typed in the rule is at most ${VALIDATION_LIMITS.inlineList} characters`);
          // A rule over cells with other validation (mixed) is refused; the same cells' rule must be
          // cleared first.
          if (
            t.sheet.validations.some(
              (v) => v.rule !== undefined && overlaps(v.rect, t.rect) && !sameRect(v.rect, t.rect),
            )
          )
            throw invalid('the range has mixed data validation; clear it first');
          const target = entry(t);
          if (target.rule !== undefined)
            throw new ExcelError('InvalidOperation', 'Clear the data validation before setting a new rule.');
          target.rule = sent;
        }, value);
      },
      get rule(): unknown {
        throw notLoaded('rule');
      },
      set errorAlert(value: unknown) {
        const sent = wire(value) as { title?: unknown; message?: unknown } | null;
        validation((t) => {
          if (longer(sent?.title, VALIDATION_LIMITS.title))
            throw invalid(`an error alert's title is at most ${VALIDATION_LIMITS.title} characters`);
          if (longer(sent?.message, VALIDATION_LIMITS.errorMessage))
            throw invalid(`an error alert's message is at most ${VALIDATION_LIMITS.errorMessage} characters`);
          entry(t).errorAlert = sent;
        }, value);
      },
      get errorAlert(): unknown {
        throw notLoaded('errorAlert');
      },
      set prompt(value: unknown) {
        const sent = wire(value) as { title?: unknown; message?: unknown } | null;
        validation((t) => {
          if (longer(sent?.title, VALIDATION_LIMITS.title))
            throw invalid(`a prompt's title is at most ${VALIDATION_LIMITS.title} characters`);
          if (longer(sent?.message, VALIDATION_LIMITS.prompt))
            throw invalid(`a prompt's message is at most ${VALIDATION_LIMITS.prompt} characters`);
          entry(t).prompt = sent;
        }, value);
      },
      get prompt(): unknown {
        throw notLoaded('prompt');
      },
    };
    const conditional = (op: (t: RangeTarget) => void) => {
      ctx.requires('1.6', 'Range.conditionalFormats');
      change(op);
    };
    this.conditionalFormats = {
      clearAll: () =>
        conditional((t) => {
          t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => !sameRect(f.rect, t.rect));
        }),
      add: (type: string) => {
        const holder: { format?: ConditionalFormat } = {};
        conditional((t) => {
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
    const sent = wire(grid);
    this.cells(
      (t) => this.eachCell(t, sent, 'values', (r, c, v) => this.ctx.wb.write(t.sheet, r, c, v)),
      grid,
    );
  }
  get numberFormat(): unknown[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(grid: unknown[][]) {
    const sent = wire(grid);
    this.cells(
      (t) => this.eachCell(t, sent, 'numberFormat', (r, c, v) => this.ctx.wb.setFormat(t.sheet, r, c, v)),
      grid,
    );
  }

  /** A change to the cells' contents: refused on a protected sheet or a filtered table. */
  private cells(op: (t: RangeTarget) => void, payload?: unknown): void {
    this.change((t) => {
      this.ctx.wb.guardChange(t.sheet, t.rect, 'cells');
      op(t);
    }, payload);
  }

  /** A change to the cells' formats or rules: refused on a protected sheet. */
  private formatting(op: (t: RangeTarget) => void, payload?: unknown): void {
    this.change((t) => {
      this.ctx.wb.guardChange(t.sheet, t.rect, 'format');
      op(t);
    }, payload);
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

  /** The cells this range stands for, when the batch runs (for methods that take a Range). */
  target(): RangeTarget {
    return this.resolve();
  }

  select(): void {
    this.ctx.enqueueRead(() => {
      const t = this.resolve();
      this.ctx.wb.activeSheet = visibleSheet(t.sheet).name;
      this.ctx.wb.selection = formatAddress(t.sheet.name, t.rect);
    });
  }
}

class ConditionalFormatProxy {
  readonly textComparison: {
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
    rule: unknown;
  };
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
        font: {
          set color(value: string) {
            change((f) => (f.font = { ...f.font, color: value }));
          },
          get color(): string {
            throw notLoaded('color');
          },
          set bold(value: boolean) {
            change((f) => (f.font = { ...f.font, bold: value }));
          },
          get bold(): boolean {
            throw notLoaded('bold');
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
    this.ctx.requires('1.4', 'TableCollection.getItemOrNullObject');
    return new TableProxy(this.ctx, () => this.find(name), true);
  }
}

export class TableProxy extends Proxy<Table> {
  readonly rows: { add: (index: number | undefined, values: unknown[][]) => void };
  readonly columns: {
    add: (index: number | undefined, values: unknown[][] | undefined, name?: string) => void;
    getItem: (name: string) => {
      getRange: () => RangeProxy;
      getHeaderRowRange: () => RangeProxy;
      getDataBodyRange: () => RangeProxy;
    };
  };

  constructor(ctx: RequestContext, resolve: () => Table, nullable = false) {
    super(ctx, resolve, nullable);
    this.rows = {
      add: (index, values) => {
        if (index !== undefined && index !== null)
          throw new ExcelError('NotImplemented', 'The fake adds rows at the end only.');
        const sent = wire(values);
        this.change((table) => ctx.wb.addTableRows(table, sent), values);
      },
    };
    this.columns = {
      add: (index, values, name) => {
        if ((index !== undefined && index !== null) || values)
          throw new ExcelError('NotImplemented', 'The fake adds empty named columns at the end only.');
        this.change((table) => ctx.wb.addTableColumn(table, name ?? 'Column'));
      },
      getItem: (name) => {
        // Looked up by the column's exact name: a table's own spelling may differ from the layout's.
        const column = (rows: (table: Table) => { r0: number; r1: number }) =>
          new RangeProxy(ctx, () => {
            const table = this.resolve();
            const index = ctx.wb.headers(table).indexOf(name);
            if (index < 0)
              throw new ExcelError('ItemNotFound', `The table ${table.name} has no column ${name}.`);
            const c = table.rect.c0 + index;
            return { sheet: table.sheet, rect: { ...rows(table), c0: c, c1: c } };
          });
        return {
          getRange: () => column((t) => ({ r0: t.rect.r0, r1: t.rect.r1 })),
          getHeaderRowRange: () => column((t) => ({ r0: t.rect.r0, r1: t.rect.r0 })),
          getDataBodyRange: () => column((t) => ({ r0: t.rect.r0 + 1, r1: t.rect.r1 })),
        };
      },
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

  /** ExcelApi 1.2: shows every row again. */
  clearFilters(): void {
    this.ctx.requires('1.2', 'Table.clearFilters');
    this.change((table) => {
      if (table.sheet.protected)
        throw new ExcelError('AccessDenied', 'You cannot perform the requested operation.');
      table.filtered = false;
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

const INVALID_ARGUMENT = 'The argument is invalid or missing or has an incorrect format.';
/** Excel's limit on a chart's series. */
export const MAX_CHART_SERIES = 255;
const MAX_SERIES_NAME = 255;

/** A value Office.js answers on sync (getCount, getDimensionValues): `value` reads only after it. */
export class ClientResult<T> {
  private known = false;
  private answer?: T;
  constructor(ctx: RequestContext, compute: () => T) {
    ctx.enqueueRead(() => {
      this.answer = compute();
      ctx.responseBytes += encoder.encode(JSON.stringify(this.answer) ?? '').length;
      this.known = true;
    });
  }
  get value(): T {
    if (!this.known) throw notLoaded('value');
    return this.answer as T;
  }
}

/** The cells a Range argument stands for, when the batch runs; anything but a Range is refused. */
function rangeArgument(value: unknown): RangeTarget {
  if (!(value instanceof RangeProxy)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
  return value.target();
}

const isColour = (value: unknown): value is string =>
  typeof value === 'string' && (/^#[0-9A-Fa-f]{6}$/.test(value) || /^[A-Za-z]+$/.test(value));

function sheetOfChart(wb: Workbook, chart: Chart): Sheet {
  const sheet = wb.sheets.find((s) => s.charts.includes(chart));
  // A chart deleted earlier in the batch (or in another) is gone: Excel no longer finds it.
  if (!sheet)
    throw new ExcelError('ItemNotFound', 'The requested resource doesn’t exist: the chart was deleted.');
  return sheet;
}

function seriesOf(
  wb: Workbook,
  target: RangeTarget,
  seriesBy: string,
): { seriesBy: string; series: ChartSeries[] } {
  if (!CHART_SERIES_BY.has(seriesBy)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
  const made = wb.seriesFromSource(target, seriesBy);
  if (made.series.length > MAX_CHART_SERIES)
    throw new ExcelError(
      'InvalidArgument',
      `The maximum number of data series per chart is ${MAX_CHART_SERIES}; this range would make ${made.series.length}.`,
    );
  return made;
}

/** Excel titles a one-series chart with the series' name and any other with a placeholder. */
const defaultTitle = (wb: Workbook, series: ChartSeries[]): string =>
  series.length === 1 ? seriesName(wb, series[0]!) : 'Chart Title';

/** A series' name as Excel shows it: read from its header cell when it has one. */
export const seriesName = (wb: Workbook, series: ChartSeries): string =>
  series.nameRef ? String(wb.readRange(series.nameRef)[0] ?? '') : series.name;

/**
 * A collection whose `load('items/name, count')` answers on sync with fresh proxies over its items,
 * their listed properties loaded, as Office.js collections do.
 */
abstract class ProxyCollection<T, P extends Proxy<T>> {
  private loadedItems?: P[];
  private loadedCount?: number;
  constructor(
    protected readonly ctx: RequestContext,
    private readonly what: string,
  ) {}

  /** The items, when the batch runs. */
  protected abstract targets(): T[];
  protected abstract make(target: T): P;

  getCount(): ClientResult<number> {
    this.ctx.requires('1.4', 'getCount');
    return new ClientResult(this.ctx, () => this.targets().length);
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = loadList(props);
    const fields = list.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    const items = list.some((p) => p.startsWith('items'));
    if (!items && !list.includes('count'))
      throw new ExcelError('InvalidArgument', `The fake loads ${this.what} as items/… or count.`);
    this.ctx.enqueueRead(() => {
      const targets = this.targets();
      this.loadedCount = targets.length;
      if (!items) return;
      this.loadedItems = targets.map((target) => {
        const proxy = this.make(target);
        proxy.settle();
        for (const field of fields) proxy.preload(field, proxy.readFor(field, target));
        return proxy;
      });
    });
    return this;
  }

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  get count(): number {
    if (this.loadedCount === undefined) throw notLoaded('count');
    return this.loadedCount;
  }
}

class ChartCollection extends ProxyCollection<Chart, ChartProxy> {
  constructor(
    ctx: RequestContext,
    private readonly sheet: () => Sheet,
  ) {
    super(ctx, 'charts');
  }
  protected targets(): Chart[] {
    return this.sheet().charts;
  }
  protected make(chart: Chart): ChartProxy {
    return new ChartProxy(this.ctx, () => {
      sheetOfChart(this.ctx.wb, chart);
      return chart;
    });
  }

  add(type: string, source: unknown, seriesBy = 'Auto'): ChartProxy {
    const holder: { chart?: Chart } = {};
    this.ctx.enqueue(
      () => {
        if (!CHART_TYPES.has(type)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
        const target = rangeArgument(source);
        const sheet = this.sheet();
        const made = seriesOf(this.ctx.wb, target, seriesBy);
        sheet.chartsAdded += 1;
        holder.chart = {
          name: `Chart ${sheet.chartsAdded}`,
          type,
          source: formatAddress(target.sheet.name, target.rect),
          seriesBy: made.seriesBy,
          title: defaultTitle(this.ctx.wb, made.series),
          series: made.series,
          axisFormats: {},
          displayBlanksAs: 'NotPlotted',
        };
        sheet.charts.push(holder.chart);
      },
      { type, seriesBy },
    );
    return new ChartProxy(this.ctx, () => {
      if (!holder.chart) throw new ExcelError('ItemNotFound', 'The chart was not created.');
      sheetOfChart(this.ctx.wb, holder.chart);
      return holder.chart;
    });
  }

  /** The first chart of that name (names need not be unique in Excel). */
  private find(name: string): Chart {
    const chart = this.sheet().charts.find((c) => c.name === name);
    if (!chart) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: chart ${name}.`);
    return chart;
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => this.find(name));
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => this.find(name), true);
  }
  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.ctx, () => {
      const chart = this.sheet().charts[index];
      if (!chart) throw new ExcelError('ItemNotFound', `There is no chart at position ${index}.`);
      return chart;
    });
  }
}

class ChartProxy extends Proxy<Chart> {
  readonly title: ChartTitleProxy;
  readonly series: ChartSeriesCollection;
  readonly axes: { valueAxis: ChartAxisProxy; categoryAxis: ChartAxisProxy };

  constructor(ctx: RequestContext, resolve: () => Chart, nullable = false) {
    super(ctx, resolve, nullable);
    this.title = new ChartTitleProxy(ctx, () => this.resolve());
    this.series = new ChartSeriesCollection(ctx, () => this.resolve());
    this.axes = {
      valueAxis: new ChartAxisProxy(ctx, () => this.resolve(), 'value'),
      categoryAxis: new ChartAxisProxy(ctx, () => this.resolve(), 'category'),
    };
  }

  protected read(prop: string, chart: Chart): unknown {
    switch (prop) {
      case 'name':
        return chart.name;
      case 'chartType':
        return chart.type;
      case 'plotBy':
        return chart.seriesBy;
      case 'displayBlanksAs':
        return chart.displayBlanksAs;
      default:
        throw new ExcelError('InvalidArgument', `The fake does not load Chart.${prop}.`);
    }
  }

  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.change((c) => {
      if (typeof value !== 'string' || value.length === 0)
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.name = value;
    }, value);
  }
  get chartType(): string {
    return this.loaded('chartType');
  }
  /** ExcelApi 1.8. */
  get displayBlanksAs(): string {
    return this.loaded('displayBlanksAs');
  }
  set displayBlanksAs(value: string) {
    this.change((c) => {
      if (!['NotPlotted', 'Zero', 'Interplotted'].includes(value))
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.displayBlanksAs = value;
    }, value);
  }
  set chartType(value: string) {
    this.change((c) => {
      if (!CHART_TYPES.has(value)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.type = value;
    }, value);
  }

  /** Moves the chart over cells of its own sheet: `start`'s top-left corner to `end`'s bottom-right. */
  setPosition(start: unknown, end?: unknown): void {
    this.change((c) => {
      const sheet = sheetOfChart(this.ctx.wb, c);
      const cell = (value: unknown): Rect => {
        if (typeof value === 'string') {
          let parsed: ReturnType<typeof parseAddress>;
          try {
            parsed = parseAddress(value);
          } catch {
            throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
          }
          if (parsed.sheet && this.ctx.wb.sheet(parsed.sheet) !== sheet)
            throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
          return parsed.rect;
        }
        const target = rangeArgument(value);
        if (target.sheet !== sheet) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
        return target.rect;
      };
      const from = cell(start);
      const topLeft = formatAddress(undefined, { ...from, r1: from.r0, c1: from.c0 });
      if (end === undefined || end === null) {
        c.position = { from: topLeft };
        return;
      }
      const to = cell(end);
      if (to.r1 < from.r0 || to.c1 < from.c0) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.position = { from: topLeft, to: formatAddress(undefined, { ...to, r0: to.r1, c0: to.c1 }) };
    });
  }

  /** Reads the series afresh from `source`, as charts.add does. */
  setData(source: unknown, seriesBy = 'Auto'): void {
    this.change((c) => {
      const target = rangeArgument(source);
      const made = seriesOf(this.ctx.wb, target, seriesBy);
      c.source = formatAddress(target.sheet.name, target.rect);
      c.seriesBy = made.seriesBy;
      c.series = made.series;
    });
  }

  delete(): void {
    this.change((chart) => {
      const sheet = sheetOfChart(this.ctx.wb, chart);
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

class ChartTitleProxy extends Proxy<Chart> {
  protected read(prop: string, chart: Chart): unknown {
    if (prop === 'text') return chart.title;
    throw new ExcelError('InvalidArgument', `The fake does not load ChartTitle.${prop}.`);
  }
  get text(): string {
    return this.loaded('text');
  }
  set text(value: string) {
    this.change((c) => {
      if (typeof value !== 'string') throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.title = value;
    }, value);
  }
}

class ChartAxisProxy extends Proxy<Chart> {
  constructor(
    ctx: RequestContext,
    resolve: () => Chart,
    private readonly which: 'value' | 'category',
  ) {
    super(ctx, resolve);
  }
  protected read(prop: string, chart: Chart): unknown {
    if (prop === 'numberFormat') return chart.axisFormats[this.which] ?? 'General';
    throw new ExcelError('InvalidArgument', `The fake does not load ChartAxis.${prop}.`);
  }
  get numberFormat(): string {
    return this.loaded('numberFormat');
  }
  set numberFormat(value: string) {
    this.ctx.requires('1.8', 'ChartAxis.numberFormat');
    this.change((c) => (c.axisFormats[this.which] = value), value);
  }
}

class ChartSeriesCollection extends ProxyCollection<SeriesTarget, ChartSeriesProxy> {
  constructor(
    ctx: RequestContext,
    private readonly chart: () => Chart,
  ) {
    super(ctx, 'series');
  }
  protected targets(): SeriesTarget[] {
    const chart = this.chart();
    return chart.series.map((series) => ({ chart, series }));
  }
  protected make(target: SeriesTarget): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, () => target);
  }

  /** A new, empty series (Excel shows it once it has values), at `index` or last. */
  add(name?: string, index?: number): ChartSeriesProxy {
    this.ctx.requires('1.7', 'ChartSeriesCollection.add');
    const holder: { series?: ChartSeries; chart?: Chart } = {};
    this.ctx.enqueue(() => {
      const chart = this.chart();
      if (name !== undefined && (typeof name !== 'string' || name.length > MAX_SERIES_NAME))
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      if (chart.series.length >= MAX_CHART_SERIES)
        throw new ExcelError(
          'InvalidArgument',
          `The maximum number of data series per chart is ${MAX_CHART_SERIES}.`,
        );
      const at = index ?? chart.series.length;
      if (!Number.isInteger(at) || at < 0 || at > chart.series.length)
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      holder.series = { name: name ?? `Series${chart.series.length + 1}` };
      holder.chart = chart;
      chart.series.splice(at, 0, holder.series);
    }, name);
    return new ChartSeriesProxy(this.ctx, () => {
      if (!holder.series || !holder.chart)
        throw new ExcelError('ItemNotFound', 'The series was not created.');
      return { chart: holder.chart, series: holder.series };
    });
  }

  /** The series at `index` when the batch first uses it; Office.js keeps that object afterwards. */
  getItemAt(index: number): ChartSeriesProxy {
    let bound: { chart: Chart; series: ChartSeries } | undefined;
    return new ChartSeriesProxy(this.ctx, () => {
      if (!bound) {
        const chart = this.chart();
        const series = chart.series[index];
        if (!series) throw new ExcelError('ItemNotFound', `The chart has no series at position ${index}.`);
        bound = { chart, series };
      }
      return bound;
    });
  }
}

interface SeriesTarget {
  chart: Chart;
  series: ChartSeries;
}

class ChartSeriesProxy extends Proxy<SeriesTarget> {
  readonly format: {
    fill: { setSolidColor: (colour: string) => void; clear: () => void };
    line: { color: string; lineStyle: string };
  };

  constructor(ctx: RequestContext, resolve: () => SeriesTarget) {
    // A series of a deleted chart, or deleted itself, is gone.
    super(ctx, () => {
      const target = resolve();
      sheetOfChart(ctx.wb, target.chart);
      if (!target.chart.series.includes(target.series))
        throw new ExcelError('ItemNotFound', 'The requested resource doesn’t exist: the series was deleted.');
      return target;
    });
    const change = (op: (s: ChartSeries) => void, payload?: unknown) =>
      this.change((t) => op(t.series), payload);
    this.format = {
      fill: {
        setSolidColor: (colour) =>
          change((s) => {
            if (!isColour(colour)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
            s.fill = colour;
          }, colour),
        clear: () => change((s) => delete s.fill),
      },
      line: {
        set color(value: string) {
          change((s) => {
            if (!isColour(value)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
            s.lineColor = value;
          }, value);
        },
        get color(): string {
          throw notLoaded('color');
        },
        set lineStyle(value: string) {
          ctx.requires('1.7', 'ChartLineFormat.lineStyle');
          change((s) => {
            if (!CHART_LINE_STYLES.has(value)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
            s.lineStyle = value;
          }, value);
        },
        get lineStyle(): string {
          throw notLoaded('lineStyle');
        },
      },
    };
  }

  protected read(prop: string, target: SeriesTarget): unknown {
    if (prop === 'name') return seriesName(this.ctx.wb, target.series);
    throw new ExcelError('InvalidArgument', `The fake does not load ChartSeries.${prop}.`);
  }

  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.change((t) => {
      if (typeof value !== 'string' || value.length > MAX_SERIES_NAME)
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      t.series.name = value;
      delete t.series.nameRef;
    }, value);
  }

  /** A series' values are one row or one column of cells; Excel refuses a block. */
  setValues(source: unknown): void {
    this.ctx.requires('1.7', 'ChartSeries.setValues');
    this.change((t) => {
      const target = rangeArgument(source);
      const { rect } = target;
      if (rect.r0 !== rect.r1 && rect.c0 !== rect.c1)
        throw new ExcelError(
          'InvalidArgument',
          'The reference is not valid. References for titles, values, sizes, or data labels must be a single cell, row, or column.',
        );
      t.series.values = { sheet: target.sheet, rect: { ...rect } };
    });
  }

  setXAxisValues(source: unknown): void {
    this.ctx.requires('1.7', 'ChartSeries.setXAxisValues');
    this.change((t) => {
      const target = rangeArgument(source);
      t.series.xValues = { sheet: target.sheet, rect: { ...target.rect } };
    });
  }

  /** ExcelApi 1.12: what the series shows now, as text. */
  getDimensionValues(dimension: string): ClientResult<string[]> {
    this.ctx.requires('1.12', 'ChartSeries.getDimensionValues');
    return new ClientResult(this.ctx, () => {
      const { series } = this.resolve();
      const values = this.ctx.wb.readRange(series.values);
      switch (dimension) {
        case 'Values':
        case 'YValues':
          return values.map(String);
        case 'Categories':
        case 'XValues':
          return series.xValues
            ? this.ctx.wb.readRange(series.xValues).map(String)
            : values.map((_, i) => String(i + 1));
        default:
          throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      }
    });
  }

  delete(): void {
    this.ctx.requires('1.7', 'ChartSeries.delete');
    this.change((t) => (t.chart.series = t.chart.series.filter((s) => s !== t.series)));
  }
}
