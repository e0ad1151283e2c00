import { ExcelError } from '../model/types.js';
import type { Batch } from './proxy.js';
import { Proxy, wire } from './proxy.js';

/** Workbook settings: ExcelApi 1.4. */
export class SettingCollection {
  constructor(private readonly ctx: Batch) {}
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
