// The service's e-mail: what main.ts starts and stops. See service.ts for the schedule and outbox.ts
// for delivery.
import { join } from 'node:path';
import type { Config, DatabaseLocation } from '../config.js';
import { dataFolderFor } from '../data-folder.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import { MailService } from './service.js';

export { MailService } from './service.js';

/** `.eml` files go to the outbox folder of the data folder (./data/outbox/ by default). */
export const outboxDirFor = (database: DatabaseLocation): string => join(dataFolderFor(database), 'outbox');

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
