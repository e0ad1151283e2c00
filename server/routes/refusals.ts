// Every refused write (DESIGN §9.3) goes into the audit trail just before its response is sent: who tried (the
// caller, the expired or revoked token they claimed to be, or nobody signed in), what and the status.
import type { RequestHandler, Response } from 'express';
import type { Actor } from '../../shared/api.js';
import { councilIdSchema, periodSchema } from '../../shared/schemas.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { RouteSpec } from './registry.js';

const REFUSALS = new Set([401, 403, 409, 413, 422, 423, 429]);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Runs `record` (when it returns a promise) before the response's end goes out, not after: a client that
 * then makes its next request must find that request's entry after this one, in id order as in time.
 */
function recordBeforeEnd(res: Response, record: () => Promise<unknown> | undefined): void {
  const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
  res.end = ((...args: unknown[]) => {
    const recording = record();
    if (!recording) return end(...args);
    void recording.finally(() => end(...args));
    return res;
  }) as typeof res.end;
}

function actorOf(req: Parameters<RequestHandler>[0], res: Response): Actor {
  const { caller, claimed } = res.locals;
  return caller
    ? { via: caller.via, id: caller.id, label: caller.label }
    : (claimed ?? { via: 'anonymous', id: req.ip ?? '', label: 'no valid sign-in' });
}

/**
 * A write refused by a request limit (429) before it reached its route, audited as `request.limited`:
 * the route's own action is not known yet, its method and path are.
 */
export function auditLimitedWrite(store: Store, now: () => Date, logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (WRITES.has(req.method)) {
      recordBeforeEnd(res, () => {
        if (res.statusCode !== 429 || res.locals.audited) return undefined;
        return store
          .recordAudit({
            at: now().toISOString(),
            actor: actorOf(req, res),
            action: 'request.limited',
            target: `${req.method} ${req.originalUrl.split('?')[0]}`,
            status: 429,
          })
          .catch((error: unknown) => logger.error({ err: error }, 'a refused request was not audited'));
      });
    }
    next();
  };
}

export function auditRefusals(store: Store, now: () => Date, logger: Logger) {
  return (spec: RouteSpec): RequestHandler =>
    (req, res, next) => {
      // Route parameters are read now: Express restores the router's own once the route is left.
      const council = councilIdSchema.safeParse(req.params['council']);
      const period = periodSchema.safeParse(req.params['period'] ?? req.query['period']);
      // The route is reached: its own action is what the trail records, not `request.limited`.
      res.locals.audited = true;
      recordBeforeEnd(res, () => {
        if (!REFUSALS.has(res.statusCode)) return undefined;
        return store
          .recordAudit({
            at: now().toISOString(),
            actor: actorOf(req, res),
            action: spec.action!,
            ...(council.success ? { council: council.data } : {}),
            ...(period.success ? { period: period.data } : {}),
            target: `${req.method} ${req.originalUrl.split('?')[0]}`,
            status: res.statusCode,
          })
          .catch((error: unknown) =>
            logger.error({ err: error, action: spec.action }, 'a refused request was not audited'),
          );
      });
      next();
    };
}
