// Bearer tokens: 32 random bytes, base64url, behind a recognisable prefix (so a leaked token is easy
// to spot in a scanner). Only the SHA-256 hash is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/vocabulary.js';
import type { Store } from '../store/index.js';

export const TOKEN_PREFIX = 'scdo_';

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export const generateToken = (): string => TOKEN_PREFIX + randomBytes(32).toString('base64url');

export interface NewToken {
  role: Role;
  council?: string;
  label: string;
}

/** Creates a token and stores its hash; the returned token is the only copy there will ever be. */
export async function createToken(store: Store, spec: NewToken, now: Date = new Date()): Promise<string> {
  if (spec.role === 'council' && !spec.council) throw new Error('A council token needs --council ID');
  if (spec.role !== 'council' && spec.council) throw new Error('Only a council token is bound to a council');
  const token = generateToken();
  await store.insertToken({ hash: hashToken(token), ...spec }, now.toISOString());
  return token;
}
