// What every route module receives from `createApp`.
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { DecodePool } from '../returns/decode/pool.js';
import type { UploadSpool } from '../returns/spool.js';
import type { Store } from '../store/index.js';
import type { DatabaseOutage } from '../store/unreachable.js';
import type { ApiRegistry } from './registry.js';

export interface RouteContext {
  config: Config;
  store: Store;
  logger: Logger;
  now: () => Date;
  registry: ApiRegistry;
  /** Where uploads are decoded and checked, beside the thread that serves requests. */
  decoder: DecodePool;
  /** Whether the database is answering, so that an outage is logged once. */
  outage: DatabaseOutage;
  /** Where upload bodies wait, within one budget, until decoded. */
  spool: UploadSpool;
}
