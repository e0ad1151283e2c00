// Memory given back once the service has nothing to do. V8 keeps its young generation at the size the
// start-up grew it to (both semi-spaces, mostly empty) and the bytecode of code run once at start; its own
// memory reducer does not shrink either while the service waits. So once no request has arrived for
// QUIET_MS, one full collection that reduces memory is made (README, "What it costs"); the next quiet
// spell after more requests makes another.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { exposedCollector, type Collect } from './collector.js';

/** How long without a request before the collection. */
export const QUIET_MS = 20_000;

/** Collects once the server has answered everything and had no request for `quietMs`; again after each later quiet spell. */
export function collectWhenIdle(
  server: Server,
  collect: Collect | undefined = exposedCollector(),
  quietMs = QUIET_MS,
): { stop(): void } {
  if (!collect) return { stop: () => undefined };
  let inFlight = 0;
  const timer = setTimeout(() => {
    if (inFlight === 0) collect();
  }, quietMs).unref();
  // The wait starts again with each request and with the end of each answer (re-arming a timer that has
  // fired), and nothing is collected while an answer is going out: a busy service, or one sending a long
  // download, is never collected this way.
  const onRequest = (_request: IncomingMessage, response: ServerResponse): void => {
    inFlight++;
    timer.refresh();
    response.once('close', () => {
      inFlight--;
      timer.refresh();
    });
  };
  server.on('request', onRequest);
  return {
    stop() {
      clearTimeout(timer);
      server.off('request', onRequest);
    },
  };
}
