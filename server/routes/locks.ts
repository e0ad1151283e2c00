// The CDO locks a period once its figures are final (submissions then get 423) and can reopen it.
import { Router } from 'express';
import { z } from 'zod';
import { periodSchema } from '../../shared/schemas.js';
import { callerOf } from '../auth/middleware.js';
import type { RouteContext } from './context.js';
import { periodParams } from './params.js';

const lockSchema = z.object({ period: periodSchema, locked: z.boolean() });

export function lockRoutes({ registry, store, now }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'put',
      path: '/periods/:period/lock',
      operationId: 'lockPeriod',
      who: ['cdo', 'admin'],
      action: 'period.lock',
      summary: 'Lock a period: no more submissions for it',
      params: periodParams,
      responses: { 200: { description: 'Locked', json: lockSchema } },
      errors: [404],
    },
    async (_req, res, { params: { period } }) => {
      await store.lockPeriod(period, callerOf(res), now().toISOString());
      res.json({ period, locked: true });
    },
  );
  registry.add(
    router,
    {
      method: 'delete',
      path: '/periods/:period/lock',
      operationId: 'reopenPeriod',
      who: ['cdo', 'admin'],
      action: 'period.unlock',
      summary: 'Reopen a locked period',
      params: periodParams,
      responses: { 200: { description: 'Reopened', json: lockSchema } },
      errors: [404],
    },
    async (_req, res, { params: { period } }) => {
      await store.unlockPeriod(period, callerOf(res), now().toISOString());
      res.json({ period, locked: false });
    },
  );
  return router;
}
