// The first start's demo in a process of its own, which exits once done (apart.ts): loading the demo and
// preparing its first e-mails (the roll-up draws its charts with vega and resvg) would otherwise leave the
// service holding their libraries and garbage for as long as it runs; the service idles as if it had
// loaded nothing. The child loads the demo into the service's database and queues what the mail service's
// first check would queue, so that the service's own check finds it done; the service sends it.
import { MailService, outboxDirFor } from '../mail/index.js';
import type { Logger } from '../logger.js';
import { runApart, serveApart } from './apart.js';
import { loadDemo, type DemoLoad } from './demo.js';

/**
 * Loads the demo into the service's database in a child process and resolves with its tokens. `env` is the
 * environment the service was configured from; the child's log lines go to `logger`'s destination.
 */
export const loadDemoApart = (env: NodeJS.ProcessEnv, now: Date, logger: Logger): Promise<DemoLoad> =>
  runApart(import.meta.url, 'The demo could not be loaded', { env, now, task: undefined }, logger);

serveApart(import.meta.url, async ({ config, logger, store, now }): Promise<DemoLoad> => {
  const demo = await loadDemo(store, logger, now, config.timeZone);
  // What the mail service's first check would queue now; the service's own check then finds it queued.
  const mail = new MailService({
    store,
    config,
    logger,
    outboxDir: outboxDirFor(config.database),
    now: () => now,
  });
  await mail.runDueJobs();
  return demo;
});
