// Bearer tokens: 32 random bytes, base64url, behind a recognisable prefix (so a leaked token is easy
// to spot in a scanner). Only the SHA-256 hash is stored.
import { createHash, randomBytes } from 'node:crypto';
import { TOKEN_DAYS, type Actor, type TokenInfo } from '../../shared/api.js';
import type { Role } from '../../shared/vocabulary.js';
import type { Store } from '../store/index.js';

export const TOKEN_PREFIX = 'scdo_';

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export const generateToken = (): string => TOKEN_PREFIX + randomBytes(32).toString('base64url');

export interface NewToken {
  role: Role;
  council?: string;
  label: string;
  /** Days until it stops working: TOKEN_DAYS.default unless said, at most TOKEN_DAYS.max. */
  expiresInDays?: number;
}

/** Creates a token and stores its hash; the returned token is the only copy there will ever be. */
export async function createToken(
  store: Store,
  spec: NewToken,
  actor: Actor,
  now: Date = new Date(),
): Promise<TokenInfo & { token: string }> {
  if (spec.role === 'council' && !spec.council) throw new Error('A council token needs --council ID');
  if (spec.role !== 'council' && spec.council) throw new Error('Only a council token is bound to a council');
  const days = spec.expiresInDays ?? TOKEN_DAYS.default;
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_DAYS.max)
    throw new Error(`A token lasts 1 to ${TOKEN_DAYS.max} days, not ${days}`);
  const token = generateToken();
  const info = await store.insertToken(
    {
      hash: hashToken(token),
      role: spec.role,
      ...(spec.council ? { council: spec.council } : {}),
      label: spec.label,
      expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
    },
    actor,
    now.toISOString(),
  );
  return { ...info, token };
}
