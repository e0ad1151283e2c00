// Who is calling, and may they? `authenticate` resolves the bearer token; every route then declares
// its roles with `allow(...)`, and council-scoped routes add `sameCouncil` so a council token can never
// reach another council's submissions.
import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../../shared/vocabulary.js';
import { HttpError, forbidden } from '../errors.js';
import type { Store, StoredToken } from '../store/index.js';
import { hashToken } from './tokens.js';

export type Caller = StoredToken;

declare module 'express-serve-static-core' {
  interface Locals {
    caller?: Caller;
  }
}

/** The caller a request's bearer token names, or undefined without a valid one. */
async function tokenCaller(store: Store, req: Request): Promise<Caller | undefined> {
  const match = BEARER.exec(req.get('authorization') ?? '');
  return match ? store.findToken(hashToken(match[1]!)) : undefined;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Resolves a valid bearer token before anything limits the request, so the limits know who is signed
 * in; a request without one goes on unsigned and is refused only by routes that need a caller.
 */
export function identify(store: Store) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const caller = await tokenCaller(store, req);
    if (caller) res.locals.caller = caller;
    next();
  };
}

export function authenticate(store: Store) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (res.locals.caller) {
      next();
      return;
    }
    if (!BEARER.test(req.get('authorization') ?? '')) {
      next(
        new HttpError(401, 'unauthenticated', 'Send your access token as "Authorization: Bearer <token>".'),
      );
      return;
    }
    const caller = await tokenCaller(store, req);
    if (!caller) {
      next(
        new HttpError(
          401,
          'unauthenticated',
          'This access token is not valid. Ask your administrator for a new one.',
        ),
      );
      return;
    }
    res.locals.caller = caller;
    next();
  };
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller;
  if (!caller) throw new HttpError(401, 'unauthenticated', 'Sign in with an access token.');
  return caller;
}

/** A route's roles; `any` lets every signed-in caller through. */
export type Audience = readonly Role[] | 'any';

export function allow(audience: Audience) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const caller = callerOf(res);
    if (audience !== 'any' && !audience.includes(caller.role)) {
      next(forbidden(`A ${caller.role} token may not do this.`));
      return;
    }
    next();
  };
}

/** Council tokens reach only their own council (the `:council` route parameter). */
export function sameCouncil(req: Request, res: Response, next: NextFunction): void {
  const caller = callerOf(res);
  if (caller.role === 'council' && caller.council !== req.params['council']) {
    next(forbidden(`This token belongs to ${caller.council}; it cannot reach another council's returns.`));
    return;
  }
  next();
}

/** May this caller read a council's submissions? */
export const mayReadCouncil = (caller: Caller, council: string): boolean =>
  caller.role === 'admin' ||
  caller.role === 'cdo' ||
  (caller.role === 'council' && caller.council === council);
