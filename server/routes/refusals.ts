// Every refused write (DESIGN §9.3) goes into the audit trail just before its response is sent: who tried (the
// caller, the expired or revoked token they claimed to be, or nobody signed in), what and the status.
import type { RequestHandler } from 'express';
import type { Actor } from '../../shared/api.js';
import { councilIdSchema, periodSchema } from '../../shared/schemas.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { RouteSpec } from './registry.js';

const REFUSALS = new Set([401, 403, 409, 413, 422, 423]);

export function auditRefusals(store: Store, now: () => Date, logger: Logger) {
  return (spec: RouteSpec): RequestHandler =>
    (req, res, next) => {
      // Route parameters are read now: Express restores the router's own once the route is left.
      const council = councilIdSchema.safeParse(req.params['council']);
      const period = periodSchema.safeParse(req.params['period'] ?? req.query['period']);
      // The refusal is recorded before its answer goes out, not after: a client that then makes its next
      // request must find that request's entry after this one, in id order as in time.
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.end = ((...args: unknown[]) => {
        if (!REFUSALS.has(res.statusCode)) return end(...args);
        const anonymous: Actor = { via: 'anonymous', id: req.ip ?? '', label: 'no valid sign-in' };
        const { caller, claimed } = res.locals;
        const actor: Actor = caller
          ? { via: caller.via, id: caller.id, label: caller.label }
          : (claimed ?? anonymous);
        void store
          .recordAudit({
            at: now().toISOString(),
            actor,
            action: spec.action!,
            ...(council.success ? { council: council.data } : {}),
            ...(period.success ? { period: period.data } : {}),
            target: `${req.method} ${req.originalUrl.split('?')[0]}`,
            status: res.statusCode,
          })
          .catch((error: unknown) =>
            logger.error({ err: error, action: spec.action }, 'a refused request was not audited'),
          )
          .finally(() => end(...args));
        return res;
      }) as typeof res.end;
      next();
    };
}
