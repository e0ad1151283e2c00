// Liveness (the process answers) and readiness (the database answers) for load balancers and ops.
import { Router } from 'express';
import type { RouteContext } from './context.js';

export function healthRoutes({ store, outage }: RouteContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const ready = await store.isReady().catch((error: unknown) => {
      outage.failed(error);
      return false;
    });
    if (ready) outage.answered();
    res
      .status(ready ? 200 : 503)
      .json(
        ready
          ? { status: 'ready' }
          : { error: { code: 'not-ready', message: 'The database is not reachable.' } },
      );
  });
  return router;
}
