// The partnership settings: anyone signed in reads them; the CDO replaces them with JSON or the
// partnership workbook. Every replacement is a new stored version.
import { Router } from 'express';
import { partnershipResponseSchema } from '../../shared/api.js';
import { partnershipSchema } from '../../shared/schemas.js';
import { callerOf } from '../auth/middleware.js';
import { notFound } from '../errors.js';
import type { RouteContext } from './context.js';
import { receiveUpload, uploadBody } from './uploads.js';

export function partnershipRoutes({ registry, store, now, decoder, spool }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'get',
      path: '/partnership',
      operationId: 'getPartnership',
      who: 'any',
      summary: 'The current partnership settings',
      description: 'The ETag header carries the settings version.',
      responses: { 200: { description: 'The settings', json: partnershipSchema } },
      errors: [404],
    },
    async (_req, res) => {
      const current = await store.currentPartnership();
      if (!current) throw notFound('The partnership settings have not been set up yet.');
      res.set('ETag', `"${current.version}"`).json(current.partnership);
    },
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/partnership',
      operationId: 'replacePartnership',
      who: ['cdo', 'admin'],
      action: 'partnership.replace',
      summary: 'Replace the partnership settings',
      description: 'JSON, or the partnership workbook (.xlsx raw body or multipart field "file"). Versioned.',
      body: { json: partnershipSchema, workbook: true },
      responses: { 200: { description: 'The new version', json: partnershipResponseSchema } },
      errors: [400, 413, 415, 422],
    },
    uploadBody(spool),
    async (req, res) => {
      const partnership = await decoder.readPartnership(await receiveUpload(req, res, spool));
      const at = now().toISOString();
      const version = await store.savePartnership(partnership, callerOf(res), at);
      res.set('ETag', `"${version}"`).json({ version, updatedAt: at });
    },
  );
  return router;
}
