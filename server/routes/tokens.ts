// Access tokens for administrators (DESIGN §9.2): list them (never the token itself), create one
// (shown in that response only) and revoke one.
import { Router } from 'express';
import { createdTokenSchema, newTokenSchema, tokenInfoSchema, tokenListSchema } from '../../shared/api.js';
import { callerOf } from '../auth/middleware.js';
import { createToken } from '../auth/tokens.js';
import { notFound } from '../errors.js';
import { unknownCouncil } from '../services/council-check.js';
import { requestFieldProblem } from '../services/json-problems.js';
import { phrase } from '../../shared/i18n/say.js';
import type { RouteContext } from './context.js';
import { idParams } from './params.js';

export function tokenRoutes({ registry, store, now }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/tokens',
      operationId: 'listTokens',
      who: ['admin'],
      summary: 'Every access token: who holds it, its role, when it expires and was last used',
      responses: { 200: { description: 'The tokens', json: tokenListSchema } },
    },
    async (_req, res) => {
      res.json({ tokens: await store.listTokens() });
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/tokens',
      operationId: 'createToken',
      who: ['admin'],
      action: 'token.create',
      summary: 'Create an access token (shown in this response only)',
      body: { json: newTokenSchema },
      responses: { 201: { description: 'The new token', json: createdTokenSchema } },
      errors: [422],
    },
    async (_req, res, { body: spec }) => {
      if ((spec.role === 'council') !== (spec.council !== undefined))
        throw requestFieldProblem('council', phrase('problem.json.councilToken'));
      const unknown = spec.council && (await unknownCouncil(store, spec.council));
      if (unknown) throw requestFieldProblem('council', unknown);
      const created = await createToken(store, spec, callerOf(res), now());
      res.status(201).json(created);
    },
  );
  registry.add(
    router,
    {
      method: 'delete',
      path: '/tokens/:id',
      operationId: 'revokeToken',
      who: ['admin'],
      action: 'token.revoke',
      summary: 'Revoke an access token for good',
      params: idParams,
      responses: { 200: { description: 'The revoked token', json: tokenInfoSchema } },
      errors: [404],
    },
    async (_req, res, { params: { id } }) => {
      const revoked = await store.revokeToken(id, callerOf(res), now().toISOString());
      if (!revoked) throw notFound(`There is no access token ${id}.`);
      res.json(revoked);
    },
  );
  return router;
}
