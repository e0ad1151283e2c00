// Who is calling, and may they? `identify` resolves the bearer token; every route then declares
// its roles with `allow(...)`, and council-scoped routes add `sameCouncil` so a council token can never
// reach another council's submissions.
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../../shared/api.js';
import { dateLabel } from '../../shared/dates.js';
import type { Role } from '../../shared/vocabulary.js';
import { HttpError, forbidden } from '../errors.js';
import type { Store, StoredToken } from '../store/index.js';
import { looksLikeJwt, type EntraPerson, type MayFetchKeys } from './entra.js';
import { hashToken } from './tokens.js';

/** A signed-in caller: who (for "by whom" and the audit trail) and what they may do. */
export interface Caller extends Actor {
  via: 'token' | 'entra';
  role: Role;
  council: string | null;
  /** When this sign-in stops working. */
  expiresAt?: string;
}

declare module 'express-serve-static-core' {
  interface Locals {
    caller?: Caller;
    /** Who a refused request claimed to be (an expired or revoked token), for the audit trail. */
    claimed?: Actor;
    /** Why the request's credentials were not accepted, for routes that need a caller. */
    refusal?: HttpError;
    /** The route reached audits this request's refusal itself. */
    audited?: boolean;
  }
}

/** A token's last use is written at most this often, so a busy script does not write on every call. */
const LAST_USED_GRANULARITY_MS = 60_000;

const NEW_TOKEN_ADVICE =
  'Ask your Shared CDO administrator for a new one and connect again with it; your sheets stay as they are.';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** What a request's credentials come to: a caller, or the refusal to answer with. */
type Identity = { caller: Caller } | { refusal: HttpError };

/** How bearer tokens are checked: our access tokens always, Microsoft's when sign-in is on. */
export interface SignIn {
  store: Store;
  now: () => Date;
  entra?: (token: string, mayFetchKeys: MayFetchKeys) => Promise<EntraPerson>;
  /**
   * Whether the request's address has used up its failed sign-ins: checked before a Microsoft token
   * would make the service fetch Microsoft's keys, so a locked-out address cannot make it fetch them.
   */
  lockedOut?: (req: Request) => Promise<boolean>;
}

async function identityOf(signIn: SignIn, req: Request, res: Response): Promise<Identity> {
  const match = BEARER.exec(req.get('authorization') ?? '');
  if (!match) {
    return {
      refusal: new HttpError(
        401,
        'unauthenticated',
        'Send your access token as "Authorization: Bearer <token>".',
      ),
    };
  }
  const token = match[1]!;
  try {
    return {
      caller:
        signIn.entra && looksLikeJwt(token)
          ? await entraCaller(
              signIn.store,
              await signIn.entra(token, async () => !(await signIn.lockedOut?.(req))),
              res,
            )
          : await tokenCaller(signIn.store, token, signIn.now(), res),
    };
  } catch (error) {
    if (error instanceof HttpError) return { refusal: error };
    throw error;
  }
}

/**
 * Resolves the request's credentials before anything limits it, so the limits know who is signed in;
 * a request without valid ones goes on unsigned and is refused (with the reason found here) only by
 * routes that need a caller.
 */
export function identify(signIn: SignIn) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const identity = await identityOf(signIn, req, res);
      if ('caller' in identity) res.locals.caller = identity.caller;
      else res.locals.refusal = identity.refusal;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Lets only a signed-in caller through; the others get the reason `identify` found. */
export function authenticate(_req: Request, res: Response, next: NextFunction): void {
  if (res.locals.caller) next();
  else next(res.locals.refusal ?? new HttpError(401, 'unauthenticated', 'Sign in first.'));
}

async function tokenCaller(store: Store, token: string, now: Date, res: Response): Promise<Caller> {
  const found = await store.findToken(hashToken(token));
  if (!found) {
    throw new HttpError(
      401,
      'unauthenticated',
      'This access token is not valid. Ask your administrator for a new one.',
    );
  }
  const actor: Caller = {
    via: 'token',
    id: String(found.id),
    label: found.label,
    role: found.role,
    council: found.council,
    expiresAt: found.expiresAt,
  };
  if (found.revokedAt !== null) {
    res.locals.claimed = actor;
    throw new HttpError(
      401,
      'token-revoked',
      `This access token was revoked on ${dateLabel(found.revokedAt)}. ${NEW_TOKEN_ADVICE}`,
    );
  }
  if (found.expiresAt <= now.toISOString()) {
    res.locals.claimed = actor;
    throw new HttpError(
      401,
      'token-expired',
      `This access token expired on ${dateLabel(found.expiresAt)}. ${NEW_TOKEN_ADVICE}`,
    );
  }
  if (isStale(found, now)) await store.touchToken(found.id, now.toISOString());
  return actor;
}

/**
 * A Microsoft 365 person: a registered user has their role; anyone else of a tenant registered to a
 * council is a council user of it; anyone else is not registered (403, naming who can register them).
 */
async function entraCaller(store: Store, person: EntraPerson, res: Response): Promise<Caller> {
  const who = {
    via: 'entra' as const,
    id: `${person.tenantId}/${person.objectId}`,
    label: `${person.name} <${person.username}>`,
    expiresAt: person.expiresAt,
  };
  const user = await store.findUser(person.tenantId, person.username);
  if (user) return { ...who, role: user.role, council: user.council };
  const tenant = await store.findTenant(person.tenantId);
  if (tenant) return { ...who, role: 'council', council: tenant.council };
  res.locals.claimed = { via: who.via, id: who.id, label: who.label };
  const admins = (await store.listUsers()).filter((u) => u.role === 'admin').map((u) => u.email);
  const registrar = admins.length
    ? `a Shared CDO administrator (${admins.join(', ')})`
    : "your partnership's Shared CDO administrator";
  throw new HttpError(
    403,
    'not-registered',
    `${who.label} of Microsoft 365 organisation ${person.tenantId} is not registered with Shared CDO. ` +
      `Ask ${registrar} to register your organisation for your council, or you by name.`,
  );
}

const isStale = (token: StoredToken, now: Date): boolean =>
  token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) >= LAST_USED_GRANULARITY_MS;

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller;
  if (!caller) throw new HttpError(401, 'unauthenticated', 'Sign in first.');
  return caller;
}

/** A route's roles; `any` lets every signed-in caller through. */
export type Audience = readonly Role[] | 'any';

export function allow(audience: Audience) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const caller = callerOf(res);
    if (audience !== 'any' && !audience.includes(caller.role)) {
      next(forbidden(`The ${caller.role} role may not do this.`));
      return;
    }
    next();
  };
}

/** Council tokens reach only their own council (the `:council` route parameter). */
export function sameCouncil(req: Request, res: Response, next: NextFunction): void {
  const caller = callerOf(res);
  if (caller.role === 'council' && caller.council !== req.params['council']) {
    next(forbidden(`You sign in for ${caller.council}; you cannot reach another council's returns.`));
    return;
  }
  next();
}

/** May this caller read a council's submissions? */
export const mayReadCouncil = (caller: Caller, council: string): boolean =>
  caller.role === 'admin' ||
  caller.role === 'cdo' ||
  (caller.role === 'council' && caller.council === council);
