// GET /api/v1/audit: the audit trail for the CDO and administrators, oldest first, a page at a time,
// as JSON or (Accept: text/csv) CSV with a Link header to the next page.
import { Router } from 'express';
import { z } from 'zod';
import { auditPageSchema } from '../../shared/api.js';
import { councilIdSchema } from '../../shared/schemas.js';
import { AUDIT_PAGE, auditCsv, auditTimeSchema, endOf, startOf } from '../services/audit-trail.js';
import type { RouteContext } from './context.js';

const auditQuery = z.object({
  from: auditTimeSchema.optional().describe('A day (YYYY-MM-DD, UTC) or an instant; inclusive'),
  to: auditTimeSchema.optional().describe('A day (the whole day) or an instant; inclusive'),
  council: councilIdSchema.optional(),
  action: z.string().max(100).optional().describe('e.g. submission.create, token.revoke'),
  after: z.coerce.number().int().min(0).optional().describe("The previous page's `next`"),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE.max).default(AUDIT_PAGE.default),
});

export function auditRoutes({ registry, store }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/audit',
      operationId: 'listAuditEntries',
      who: ['admin', 'cdo'],
      summary: 'The audit trail: every change and every refused write',
      description:
        'Oldest first. JSON, or CSV with `Accept: text/csv` (the next page is in the Link header). ' +
        'Pass `next` as `after` for the following page.',
      query: auditQuery,
      responses: {
        200: { description: 'One page of entries', json: auditPageSchema },
      },
      errors: [400],
    },
    async (req, res, { query: q }) => {
      // One more than asked shows whether another page follows.
      const entries = await store.auditEntries({
        ...(q.from ? { from: startOf(q.from) } : {}),
        ...(q.to ? { to: endOf(q.to) } : {}),
        ...(q.council ? { council: q.council } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.after !== undefined ? { after: q.after } : {}),
        limit: q.limit + 1,
      });
      const page = entries.slice(0, q.limit);
      const next = entries.length > q.limit ? page.at(-1)!.id : null;
      if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
        if (next !== null) {
          const query = new URLSearchParams(req.query as Record<string, string>);
          query.set('after', String(next));
          res.set('Link', `<${req.baseUrl}${req.path}?${query}>; rel="next"`);
        }
        res.type('text/csv').send(auditCsv(page, true));
        return;
      }
      res.json({ entries: page, next });
    },
  );
  return router;
}
