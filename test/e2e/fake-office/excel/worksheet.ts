// Worksheet and Table with their collections. They live together because each hands out the other
// (worksheet.tables.add gives a Table, table.worksheet its Worksheet), as in Office.js.
import { parseAddress } from '../model/addresses.js';
import type { Rect, Sheet, Table } from '../model/types.js';
import { ExcelError } from '../model/types.js';
import { ChartCollection } from './chart.js';
import { ProtectionProxy } from './protection.js';
import type { Batch } from './proxy.js';
import { notLoaded, Proxy, loadList, wire } from './proxy.js';
import { RangeProxy, visibleSheet } from './range.js';

export class WorksheetCollection {
  private loadedItems?: WorksheetProxy[];
  constructor(private readonly ctx: Batch) {}
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

  constructor(ctx: Batch, resolve: () => Sheet, nullable = false) {
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

export class TableCollection {
  constructor(private readonly ctx: Batch) {}
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

  constructor(ctx: Batch, resolve: () => Table, nullable = false) {
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
