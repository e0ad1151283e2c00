// Microsoft 365 access tokens, checked exactly as DESIGN §9.1 says: RS256 only, signed by a key of the
// authority's key set (fetched once, kept, and fetched again for an unknown key id at most once a
// minute, whether Microsoft answered the last time or not), issued by the issuer of the token's own
// tenant, for this API, in date (60 s leeway), with the access_as_user scope. Any other token is 401
// invalid-token; a key set that cannot be fetched is 503.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JWSHeaderParameters,
  type JWTPayload,
  type FlattenedJWSInput,
} from 'jose';
import type { EntraConfig } from '../config.js';
import { HttpError } from '../errors.js';

/** Who a valid Microsoft token names. */
export interface EntraPerson {
  tenantId: string;
  objectId: string;
  name: string;
  /** `preferred_username`, lower-cased: unique only within its tenant. */
  username: string;
  /** When the token stops working (ISO). */
  expiresAt: string;
}

export const REQUIRED_SCOPE = 'access_as_user';
const CLOCK_LEEWAY_S = 60;
const REFETCH_COOLDOWN_MS = 60_000;
const KEYS_MAX_AGE_MS = 24 * 60 * 60_000;
const KEYS_TIMEOUT_MS = 5_000;
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A compact JWS (header.payload.signature) rather than one of our `scdo_` access tokens. */
export const looksLikeJwt = (token: string): boolean => /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(token);

/** Errors that say the token is wrong; anything else (network, timeout, a bad key set) is ours. */
const TOKEN_FAULTS = [
  errors.JWTExpired,
  errors.JWTClaimValidationFailed,
  errors.JWTInvalid,
  errors.JWSInvalid,
  errors.JWSSignatureVerificationFailed,
  errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
  errors.JWKSNoMatchingKey,
  errors.JWKSMultipleMatchingKeys,
];

const invalid = (why: string): HttpError =>
  new HttpError(
    401,
    'invalid-token',
    `This Microsoft 365 sign-in is not valid here (${why}). Sign in again.`,
  );

/** The key set could not be fetched within the last minute and holds no key for this token. */
class KeysUnavailable extends Error {}

/** Whether a token may make the service fetch Microsoft's keys (no, from an address locked out). */
export type MayFetchKeys = () => Promise<boolean>;

/**
 * Microsoft's key set. jose pauses refetching only after a fetch that succeeded, so a failed fetch is
 * remembered here: for a minute after it, only the keys already held are used. And a key is fetched
 * only when `mayFetch` allows; otherwise a token whose key is not held is refused as invalid.
 */
function keySet(url: URL) {
  const remote = createRemoteJWKSet(url, {
    cooldownDuration: REFETCH_COOLDOWN_MS,
    cacheMaxAge: KEYS_MAX_AGE_MS,
    timeoutDuration: KEYS_TIMEOUT_MS,
  });
  let failedAt = Number.NEGATIVE_INFINITY;
  const held = () => {
    const jwks = remote.jwks();
    return jwks ? createLocalJWKSet(jwks) : undefined;
  };
  const holds = (kid: string | undefined): boolean =>
    remote.jwks()?.keys.some((key) => key.kid === kid) ?? false;
  return (mayFetch: MayFetchKeys) => async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    const wouldFetch = !remote.fresh || (!holds(header.kid) && !remote.coolingDown);
    if (!wouldFetch) return remote(header, token);
    if (Date.now() - failedAt < REFETCH_COOLDOWN_MS) {
      const keys = held();
      if (keys && holds(header.kid)) return keys(header, token);
      throw new KeysUnavailable();
    }
    if (!(await mayFetch())) {
      const keys = held();
      if (keys) return keys(header, token);
      throw new errors.JWKSNoMatchingKey();
    }
    try {
      return await remote(header, token);
    } catch (error) {
      if (!TOKEN_FAULTS.some((fault) => error instanceof fault)) failedAt = Date.now();
      throw error;
    }
  };
}

export function entraVerifier(
  config: EntraConfig,
): (token: string, mayFetchKeys: MayFetchKeys) => Promise<EntraPerson> {
  const keys = keySet(new URL(`${config.authority}/common/discovery/v2.0/keys`));
  return async (token, mayFetchKeys) => {
    let claimed: JWTPayload;
    try {
      claimed = decodeJwt(token);
    } catch {
      throw invalid('it cannot be read');
    }
    // The issuer is bound to the tenant the token names: a tenant can only vouch for its own people.
    const tenantId = claimed['tid'];
    if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) throw invalid('it names no tenant');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys(mayFetchKeys), {
        algorithms: ['RS256'],
        issuer: `${config.authority}/${tenantId}/v2.0`,
        audience: config.audiences,
        clockTolerance: CLOCK_LEEWAY_S,
        requiredClaims: ['exp', 'nbf', 'oid'],
      }));
    } catch (error) {
      if (TOKEN_FAULTS.some((fault) => error instanceof fault))
        throw invalid((error as Error).message.replace(/\.$/, ''));
      throw new HttpError(
        503,
        'sign-in-unavailable',
        "Microsoft 365 sign-in cannot be checked just now: Microsoft's signing keys could not be fetched. Try again in a minute.",
      );
    }
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE)) throw invalid(`it lacks the ${REQUIRED_SCOPE} scope`);
    const objectId = payload['oid'];
    const username = payload['preferred_username'];
    if (typeof objectId !== 'string' || typeof username !== 'string' || username === '')
      throw invalid('it names no person');
    const name = typeof payload['name'] === 'string' && payload['name'] ? payload['name'] : username;
    return {
      tenantId,
      objectId,
      name,
      username: username.toLowerCase(),
      expiresAt: new Date(payload.exp! * 1000).toISOString(),
    };
  };
}
