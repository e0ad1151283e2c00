// The request limits' counters kept in the database (DESIGN §9.5), so any number of instances sharing one
// database enforce one limit, not one each: an express-rate-limit store over the store's rate_limits table.
import type { IncrementResponse, Options, Store as LimitStore } from 'express-rate-limit';
import type { Store } from '../store/index.js';

export class DatabaseLimitStore implements LimitStore {
  /** Keys are counted in the database, shared with the other instances. */
  readonly localKeys = false;
  private windowMs = 60_000;

  /** `prefix` keeps one limit's keys apart from another's in the one table. */
  constructor(
    private readonly store: Store,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const { hits, resetAt } = await this.store.hitRateLimit(
      `${this.prefix}${key}`,
      this.windowMs,
      Date.now(),
    );
    return { totalHits: hits, resetTime: new Date(resetAt) };
  }

  /** The hits of `key` so far in its window, without counting one. */
  hits(key: string): Promise<number> {
    return this.store.rateLimitHits(`${this.prefix}${key}`, Date.now());
  }

  decrement(key: string): Promise<void> {
    return this.store.unhitRateLimit(`${this.prefix}${key}`);
  }

  resetKey(key: string): Promise<void> {
    return this.store.resetRateLimit(`${this.prefix}${key}`);
  }
}
