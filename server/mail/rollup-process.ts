// The monthly roll-up prepared in a process of its own, which exits once done (services/apart.ts): its
// consolidated view, workbook and charts (vega and resvg) would otherwise stay in the service's memory for
// as long as it runs, under every download that follows (README, "What it costs"). The child queues the
// roll-up's e-mails in the service's outbox; the service sends them.
import type { Period } from '../../shared/dates.js';
import type { Logger } from '../logger.js';
import { runApart, serveApart } from '../services/apart.js';
import { MailService, outboxDirFor } from './service.js';

/** Queues the roll-up for `period` from a child process; resolves with the number of e-mails added. */
export const enqueueRollupApart =
  (env: NodeJS.ProcessEnv, logger: Logger) =>
  (period: Period, now: Date): Promise<number> =>
    runApart(
      import.meta.url,
      `The roll-up for ${period} could not be prepared`,
      { env, now, task: period },
      logger,
    );

serveApart(import.meta.url, ({ config, logger, store, now }, period: Period) =>
  new MailService({
    store,
    config,
    logger,
    outboxDir: outboxDirFor(config.database),
    now: () => now,
  }).enqueueRollup(period),
);
