// Workbook (the root of the object model): its worksheets, tables, settings and protection.
import type { Workbook } from '../model/workbook.js';
import type { Batch } from './proxy.js';
import { ProtectionProxy } from './protection.js';
import { SettingCollection } from './settings.js';
import { TableCollection, WorksheetCollection } from './worksheet.js';

export class WorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  /** ExcelApi 1.7: whether the workbook's structure is protected. */
  readonly protection: ProtectionProxy<Workbook>;
  constructor(ctx: Batch) {
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
