// The service's e-mail: what main.ts starts and stops. See service.ts for the schedule and outbox.ts
// for delivery.
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import { enqueueRollupApart } from './rollup-process.js';
import { MailService, outboxDirFor } from './service.js';

export { MailService, outboxDirFor } from './service.js';

/** Starts the mail service without waiting for its start-up catch-up, so HTTP start-up is not delayed. */
export function startMailService(deps: {
  store: Store;
  config: Config;
  logger: Logger;
  now?: () => Date;
  /** The environment the service was configured from, for the process that prepares the roll-up. */
  env: NodeJS.ProcessEnv;
}): MailService {
  const { database } = deps.config;
  // Prepared apart, unless the database is in this process's memory, where no other process can open it.
  const inMemory = database.kind === 'sqlite' && database.file === ':memory:';
  const service = new MailService({
    store: deps.store,
    config: deps.config,
    logger: deps.logger,
    outboxDir: outboxDirFor(database),
    ...(deps.now ? { now: deps.now } : {}),
    ...(inMemory ? {} : { rollupApart: enqueueRollupApart(deps.env, deps.logger) }),
  });
  void service.start();
  deps.logger.info(
    { nextCheck: service.nextRun()?.toISOString(), smtp: Boolean(deps.config.smtpUrl) },
    'mail: roll-up and reminders scheduled daily at 07:00',
  );
  return service;
}
