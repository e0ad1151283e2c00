// What every Office.js proxy shares: the batch it queues on, load() and the PropertyNotLoaded rule,
// *OrNullObject proxies, collections loaded as items/… or count, and values answered on sync.
import type { Workbook } from '../model/workbook.js';
import { ExcelError } from '../model/types.js';

const encoder = new TextEncoder();

/** The size of `value` as JSON, as it travels to and from Excel. */
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value) ?? '').length;

/**
 * What reaches Excel: every argument travels as JSON, so NaN, Infinity and undefined (in an array)
 * arrive as null, which for a cell means "leave it as it is", and a Date as its ISO text
 * ("Blank and null values in Excel add-ins").
 */
export function wire<T>(value: T): T {
  const text = JSON.stringify(value);
  return (text === undefined ? undefined : JSON.parse(text)) as T;
}

export const INVALID_ARGUMENT = 'The argument is invalid or missing or has an incorrect format.';

/** The request context as its proxies see it: the batch they queue on (Batch implements it). */
export interface Batch {
  readonly wb: Workbook;
  /** The size of what this sync's loads answer, as JSON. */
  responseBytes: number;
  requires(set: string, member: string): void;
  enqueue(op: () => void, payload?: unknown): void;
  enqueueRead(op: () => void): void;
  register(proxy: Proxy<unknown>): void;
}

export function notLoaded(prop: string): Error {
  return new ExcelError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function loadList(props?: string | string[] | { select?: string }): string[] {
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

/** A proxy for an object found when the batch runs; `resolve` throws ItemNotFound when there is none. */
export abstract class Proxy<T> {
  private readonly cache = new Map<string, unknown>();
  private nullState?: boolean;

  constructor(
    protected readonly ctx: Batch,
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
        this.ctx.responseBytes += jsonBytes(value);
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

/** A value Office.js answers on sync (getCount, getDimensionValues): `value` reads only after it. */
export class ClientResult<T> {
  private known = false;
  private answer?: T;
  constructor(ctx: Batch, compute: () => T) {
    ctx.enqueueRead(() => {
      this.answer = compute();
      ctx.responseBytes += jsonBytes(this.answer);
      this.known = true;
    });
  }
  get value(): T {
    if (!this.known) throw notLoaded('value');
    return this.answer as T;
  }
}

/**
 * A collection whose `load('items/name, count')` answers on sync with fresh proxies over its items,
 * their listed properties loaded, as Office.js collections do.
 */
export abstract class ProxyCollection<T, P extends Proxy<T>> {
  private loadedItems?: P[];
  private loadedCount?: number;
  constructor(
    protected readonly ctx: Batch,
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
