// A local issuer shaped exactly like Microsoft Entra ID, so the service's real verification runs with
// no test reaching Microsoft: its signing keys (made by jose) at /common/discovery/v2.0/keys, and
// tenant T's issuer <authority>/T/v2.0. It signs v2 access tokens with the claims Entra puts in them.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export const CLIENT_ID = '6c2b8e0e-9a43-4d7c-8f1e-2a1f3b4c5d6e';
/** The PUBLIC_URL the tests give the service: the API's App ID URI is api://<its host>/<client ID>. */
export const PUBLIC_URL = 'https://cdo.example.gov.uk';
export const API_AUDIENCE = `api://cdo.example.gov.uk/${CLIENT_ID}`;

export const TENANTS = {
  cherwell: '11111111-1111-4111-8111-111111111111',
  southOxfordshire: '22222222-2222-4222-8222-222222222222',
  partnership: '33333333-3333-4333-8333-333333333333',
  elsewhere: '44444444-4444-4444-8444-444444444444',
} as const;

export interface Person {
  tenantId: string;
  objectId: string;
  name: string;
  username: string;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface TokenOptions {
  /** Claims to add or replace (undefined removes one). */
  claims?: Record<string, unknown>;
  /** Sign with a key the key set does not (yet) publish. */
  key?: SigningKey;
  /** Seconds from now. */
  expiresIn?: number;
}

export interface LocalIssuer {
  authority: string;
  /** Times the key set was fetched. */
  fetches: number;
  /** While true the key set answers 500. */
  down: boolean;
  token(person: Person, options?: TokenOptions): Promise<string>;
  newKey(): Promise<SigningKey>;
  publish(key: SigningKey): void;
  /** `alg: none`, the signature left empty. */
  unsigned(person: Person): string;
  /** HS256 with the published RSA public key (PEM) as the HMAC secret: the classic confusion attack. */
  hmacWithPublicKey(person: Person): Promise<string>;
  close(): Promise<void>;
}

const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startLocalIssuer(): Promise<LocalIssuer> {
  const newKey = async (): Promise<SigningKey> => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `key-${Math.random().toString(36).slice(2, 10)}`;
    return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
  };
  const published: SigningKey[] = [await newKey()];
  const server = http.createServer((req, res) => {
    if (req.url !== '/common/discovery/v2.0/keys') {
      res.writeHead(404).end();
      return;
    }
    issuer.fetches++;
    if (issuer.down) {
      res.writeHead(500).end('unavailable');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: published.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const claimsOf = (person: Person, expiresIn = 3600): JWTPayload => {
    const now = Math.floor(Date.now() / 1000);
    return {
      aud: API_AUDIENCE,
      iss: `${authority}/${person.tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + expiresIn,
      name: person.name,
      oid: person.objectId,
      preferred_username: person.username,
      scp: 'access_as_user',
      sub: `sub-${person.objectId}`,
      tid: person.tenantId,
      ver: '2.0',
    };
  };

  const issuer: LocalIssuer = {
    authority,
    fetches: 0,
    down: false,
    async token(person, options = {}) {
      const key = options.key ?? published[0]!;
      const claims: Record<string, unknown> = { ...claimsOf(person, options.expiresIn), ...options.claims };
      for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
      return new SignJWT(claims as JWTPayload)
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
        .sign(key.privateKey);
    },
    newKey,
    publish(key) {
      published.push(key);
    },
    unsigned(person) {
      return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claimsOf(person))}.`;
    },
    async hmacWithPublicKey(person) {
      const key = published[0]!;
      const pem = await exportSPKI(
        (await importJWK(key.publicJwk, 'RS256', { extractable: true })) as CryptoKey,
      );
      const input = `${encode({ alg: 'HS256', kid: key.kid, typ: 'JWT' })}.${encode(claimsOf(person))}`;
      return `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return issuer;
}

/** The service's environment for Microsoft 365 sign-in against this issuer. */
export const entraEnv = (issuer: LocalIssuer): Record<string, string> => ({
  ENTRA_CLIENT_ID: CLIENT_ID,
  ENTRA_AUTHORITY: issuer.authority,
  PUBLIC_URL: PUBLIC_URL,
});
