// GET /me: who is signed in (by token or Microsoft 365) and until when, so the add-in can show it and hide what the role may not do.
import { Router } from 'express';
import { meSchema, type Me } from '../../shared/api.js';
import { callerOf } from '../auth/middleware.js';
import type { RouteContext } from './context.js';

export function meRoutes({ registry }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/me',
      operationId: 'getMe',
      who: 'any',
      summary: 'Who is signed in',
      responses: { 200: { description: 'The caller', json: meSchema } },
    },
    (_req, res) => {
      const caller = callerOf(res);
      const me: Me = {
        role: caller.role,
        ...(caller.council ? { council: caller.council } : {}),
        label: caller.label,
        via: caller.via,
        ...(caller.expiresAt ? { expiresAt: caller.expiresAt } : {}),
      };
      res.json(me);
    },
  );
  return router;
}
