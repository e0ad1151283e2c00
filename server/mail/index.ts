// The service's e-mail: what main.ts starts and stops. See service.ts for the schedule and outbox.ts
// for delivery.
import { dirname, join } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { DatabaseLocation } from '../store/database-url.js';
import type { Store } from '../store/index.js';
import { DEFAULT_OUTBOX_DIR, MailService } from './service.js';

export { MailService } from './service.js';

/** `.eml` files go beside a SQLite database (./data/outbox/ with the default DATABASE_URL), else to ./data/outbox/. */
export const outboxDirFor = (database: DatabaseLocation): string =>
  database.kind === 'sqlite' && database.file !== ':memory:'
    ? join(dirname(database.file), 'outbox')
    : DEFAULT_OUTBOX_DIR;

/** Starts the mail service without waiting for its start-up catch-up, so HTTP start-up is not delayed. */
export function startMailService(deps: {
  store: Store;
  config: Config;
  logger: Logger;
  now?: () => Date;
}): MailService {
  const service = new MailService({
    store: deps.store,
    config: deps.config,
    logger: deps.logger,
    outboxDir: outboxDirFor(deps.config.database),
    ...(deps.now ? { now: deps.now } : {}),
  });
  void service.start();
  deps.logger.info(
    { nextCheck: service.nextRun()?.toISOString(), smtp: Boolean(deps.config.smtpUrl) },
    'mail: roll-up and reminders scheduled daily at 07:00',
  );
  return service;
}
