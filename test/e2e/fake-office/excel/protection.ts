import { ExcelError } from '../model/types.js';
import type { Batch } from './proxy.js';
import { Proxy } from './proxy.js';

/** WorkbookProtection (1.7) and WorksheetProtection (1.2): `protected`, loaded. */
export class ProtectionProxy<T> extends Proxy<T> {
  constructor(
    ctx: Batch,
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
