// GET /api/v1/config (public): what the pane needs before anyone signs in — whether Microsoft 365
// sign-in is on and, if so, the app registration to sign in with — so one build serves every service.
import { Router } from 'express';
import { clientConfigSchema, type ClientConfig } from '../../shared/api.js';
import type { RouteContext } from './context.js';

export function clientConfigRoutes({ registry, config }: RouteContext): Router {
  const router = Router();
  const body: ClientConfig = config.entra
    ? {
        microsoftSignIn: true,
        clientId: config.entra.clientId,
        authority: config.entra.authority,
        scope: config.entra.scope,
      }
    : { microsoftSignIn: false };
  registry.add(
    router,
    {
      method: 'get',
      path: '/config',
      operationId: 'getClientConfig',
      who: 'public',
      summary: 'How to sign in: whether Microsoft 365 sign-in is on, with which app registration',
      responses: { 200: { description: 'The sign-in settings', json: clientConfigSchema } },
    },
    (_req, res) => {
      res.json(body);
    },
  );
  return router;
}
