// Microsoft 365 sign-in (DESIGN §9.1) against a local issuer shaped like Entra ID: who a valid token is,
// and every way a token can be wrong, each refused on its own; on SQLite and on PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { createToken } from '../../server/auth/tokens.js';
import { loadConfig } from '../../server/config.js';
import type { AuditEntry, Me, SubmissionSummary } from '../../shared/api.js';
import {
  API_AUDIENCE,
  CLIENT_ID,
  startLocalIssuer,
  TENANTS,
  type LocalIssuer,
  type Person,
} from '../helpers/entra-issuer.js';
import { testActor } from '../helpers/actors.js';
import { ENTRA_PEOPLE, json, startTestService, type TestService } from './helpers/service.js';
import { describeStores } from '../helpers/databases.js';

let issuer: LocalIssuer;
let t: TestService;
const jo = ENTRA_PEOPLE.cherwell;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  issuer = await startLocalIssuer();
});
afterAll(() => issuer.close());

async function refusal(
  token: string,
  service = t,
): Promise<{ status: number; code: string; message: string }> {
  const response = await service.call('GET', '/api/v1/me', { token });
  const body = await json<{ error: { code: string; message: string } }>(response);
  return { status: response.status, ...body.error };
}

const invalid = { status: 401, code: 'invalid-token' };

describeStores('Microsoft 365 sign-in', (kind) => {
  beforeAll(async () => {
    t = await startTestService({ entra: issuer, kind });
    await t.call('PUT', '/api/v1/partnership', { token: 'admin', json: demoPartnership });
  });
  afterAll(() => t.stop());

  describe('a valid Microsoft 365 token', () => {
    it('signs in a person of a tenant registered to a council as that council, for either audience', async () => {
      for (const aud of [API_AUDIENCE, CLIENT_ID]) {
        const response = await t.call('GET', '/api/v1/me', {
          token: await issuer.token(jo, { claims: { aud } }),
        });
        expect(response.status).toBe(200);
        const me = await json<Me>(response);
        expect(me).toMatchObject({
          role: 'council',
          council: 'cherwell',
          label: 'Jo Bloggs <jo.bloggs@cherwell.example>',
          via: 'entra',
        });
        expect(Date.parse(me.expiresAt!) - Date.now()).toBeGreaterThan(3500_000);
      }
    });

    it('accepts a token up to 60 s past its expiry or before its start, and no further', async () => {
      expect(
        (await t.call('GET', '/api/v1/me', { token: await issuer.token(jo, { expiresIn: -30 }) })).status,
      ).toBe(200);
      expect(await refusal(await issuer.token(jo, { expiresIn: -90 }))).toMatchObject(invalid);
      const early = await issuer.token(jo, { claims: { nbf: now() + 30 } });
      expect((await t.call('GET', '/api/v1/me', { token: early })).status).toBe(200);
    });

    it('files a return as that person, and the audit trail names them', async () => {
      const token = await issuer.token(jo);
      const sent = await t.call('POST', '/api/v1/councils/cherwell/submissions?period=2026-10', {
        token,
        json: demoCouncilSubmission('cherwell', '2026-10'),
      });
      expect(sent.status).toBe(201);
      const { submissions } = await json<{ submissions: SubmissionSummary[] }>(
        await t.call('GET', '/api/v1/councils/cherwell/submissions?period=2026-10', { token }),
      );
      expect(submissions[0]!.submittedBy).toBe('Jo Bloggs <jo.bloggs@cherwell.example>');
      const { entries } = await json<{ entries: AuditEntry[] }>(
        await t.call('GET', '/api/v1/audit?action=submission.create', { token: 'cdo' }),
      );
      expect(entries.at(-1)).toMatchObject({
        actor: {
          via: 'entra',
          id: `${jo.tenantId}/${jo.objectId}`,
          label: 'Jo Bloggs <jo.bloggs@cherwell.example>',
        },
        council: 'cherwell',
        period: '2026-10',
        status: 201,
      });
    });

    it('refuses a person of an unregistered tenant with 403 not-registered, naming who can register them', async () => {
      const stranger: Person = {
        tenantId: TENANTS.elsewhere,
        objectId: jo.objectId,
        name: 'Jo Bloggs',
        username: 'jo.bloggs@cherwell.example',
      };
      const refused = await refusal(await issuer.token(stranger));
      expect(refused).toMatchObject({ status: 403, code: 'not-registered' });
      expect(refused.message).toContain(
        `Jo Bloggs <jo.bloggs@cherwell.example> of Microsoft 365 organisation ${TENANTS.elsewhere} is not registered`,
      );
      expect(refused.message).toContain('Ask a Shared CDO administrator (ada.admin@partnership.example)');
    });
  });

  describe('every way a Microsoft token can be wrong gets 401 invalid-token', () => {
    it('a bad signature', async () => {
      const token = await issuer.token(jo);
      const [header, , signature] = token.split('.');
      const forged = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()),
          oid: 'someone-else',
        }),
      ).toString('base64url');
      expect(await refusal(`${header}.${forged}.${signature}`)).toMatchObject(invalid);
    });

    it('alg: none', async () => {
      expect(await refusal(issuer.unsigned(jo))).toMatchObject(invalid);
    });

    it('HS256 signed with the public key', async () => {
      expect(await refusal(await issuer.hmacWithPublicKey(jo))).toMatchObject(invalid);
    });

    it('an issuer other than the tenant’s', async () => {
      const token = await issuer.token(jo, {
        claims: { iss: `https://login.microsoftonline.com/${jo.tenantId}/v2.0` },
      });
      expect(await refusal(token)).toMatchObject(invalid);
    });

    it('a tid other than the issuer’s tenant', async () => {
      // Signed by the authority for the partnership's tenant, but claiming to be of Cherwell's.
      const token = await issuer.token(jo, {
        claims: { iss: `${issuer.authority}/${TENANTS.partnership}/v2.0` },
      });
      expect(await refusal(token)).toMatchObject(invalid);
    });

    it('another audience', async () => {
      const token = await issuer.token(jo, { claims: { aud: 'api://someone-else.example/other-app' } });
      expect(await refusal(token)).toMatchObject(invalid);
    });

    it('expired', async () => {
      const refused = await refusal(await issuer.token(jo, { expiresIn: -3600 }));
      expect(refused).toMatchObject(invalid);
      expect(refused.message).toMatch(/Sign in again/);
    });

    it('not yet valid', async () => {
      expect(await refusal(await issuer.token(jo, { claims: { nbf: now() + 300 } }))).toMatchObject(invalid);
    });

    it('without the access_as_user scope', async () => {
      const refused = await refusal(await issuer.token(jo, { claims: { scp: 'User.Read Files.Read' } }));
      expect(refused).toMatchObject(invalid);
      expect(refused.message).toContain('access_as_user');
    });
  });

  describe('the key set', () => {
    // The key set's refetch pause is measured on the clock: only Date is faked, so time moves when told.
    afterEach(() => vi.useRealTimers());
    const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

    it('is fetched again for an unknown key id, at most once a minute, and the token refused', async () => {
      const own = await startTestService({ entra: issuer, kind });
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        expect((await own.call('GET', '/api/v1/me', { token: await issuer.token(jo) })).status).toBe(200);
        const fetched = issuer.fetches;
        later(61_000);
        expect(await refusal(await issuer.token(jo, { key: await issuer.newKey() }), own)).toMatchObject(
          invalid,
        );
        expect(issuer.fetches).toBe(fetched + 1);
        later(30_000);
        expect(await refusal(await issuer.token(jo, { key: await issuer.newKey() }), own)).toMatchObject(
          invalid,
        );
        expect(issuer.fetches).toBe(fetched + 1);
        later(31_000);
        expect(await refusal(await issuer.token(jo, { key: await issuer.newKey() }), own)).toMatchObject(
          invalid,
        );
        expect(issuer.fetches).toBe(fetched + 2);
      } finally {
        await own.stop();
      }
    });

    it('is fetched at most once a minute while Microsoft fails it too, keys already held still working', async () => {
      const own = await startTestService({ entra: issuer, kind });
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        expect((await own.call('GET', '/api/v1/me', { token: await issuer.token(jo) })).status).toBe(200);
        const fetched = issuer.fetches;
        issuer.down = true;
        later(61_000);
        // Five tokens signed with keys the service does not hold: one fetch, which fails; then none.
        for (let i = 0; i < 5; i++) {
          const unknown = await issuer.token(jo, { key: await issuer.newKey() });
          expect(await refusal(unknown, own)).toMatchObject({ status: 503, code: 'sign-in-unavailable' });
        }
        expect(issuer.fetches).toBe(fetched + 1);
        // A token signed with a key already held is checked without a fetch, Microsoft down or not.
        expect((await own.call('GET', '/api/v1/me', { token: await issuer.token(jo) })).status).toBe(200);
        later(59_000);
        const rotated = await issuer.newKey();
        issuer.publish(rotated);
        issuer.down = false;
        // Microsoft answers again, but the minute since the failed fetch has not passed: still no fetch.
        const early = await refusal(await issuer.token(jo, { key: rotated }), own);
        expect(early).toMatchObject({ status: 503, code: 'sign-in-unavailable' });
        expect(issuer.fetches).toBe(fetched + 1);
        later(2_000);
        const response = await own.call('GET', '/api/v1/me', {
          token: await issuer.token(jo, { key: rotated }),
        });
        expect(response.status).toBe(200);
        expect(issuer.fetches).toBe(fetched + 2);
      } finally {
        issuer.down = false;
        await own.stop();
      }
    });

    it('is never fetched for an address locked out by wrong tokens, whose valid tokens still work', async () => {
      const own = await startTestService({ entra: issuer, kind });
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        expect((await own.call('GET', '/api/v1/me', { token: await issuer.token(jo) })).status).toBe(200);
        // 30 wrong tokens from this address (DESIGN §9.5's limit): the 31st is refused as locked out.
        for (let i = 0; i < 30; i++)
          expect((await own.call('GET', '/api/v1/me', { token: `scdo_wrong-${i}` })).status).toBe(401);
        const locked = await refusal('scdo_wrong-31', own);
        expect(locked).toMatchObject({ status: 429, code: 'too-many-failed-sign-ins' });
        const fetched = issuer.fetches;
        later(61_000);
        for (let i = 0; i < 5; i++) {
          const unknown = await issuer.token(jo, { key: await issuer.newKey() });
          expect(await refusal(unknown, own)).toMatchObject({
            status: 429,
            code: 'too-many-failed-sign-ins',
          });
        }
        expect(issuer.fetches).toBe(fetched);
        // A valid token is never refused by the limit: its key is held, so it needs no fetch either.
        expect((await own.call('GET', '/api/v1/me', { token: await issuer.token(jo) })).status).toBe(200);
        expect(issuer.fetches).toBe(fetched);
      } finally {
        await own.stop();
      }
    });

    it('picks up a new signing key when a token first uses it', async () => {
      const own = await startTestService({ entra: issuer, kind });
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        expect((await own.call('GET', '/api/v1/me', { token: await issuer.token(jo) })).status).toBe(200);
        const rotated = await issuer.newKey();
        issuer.publish(rotated);
        later(61_000);
        const response = await own.call('GET', '/api/v1/me', {
          token: await issuer.token(jo, { key: rotated }),
        });
        expect(response.status).toBe(200);
      } finally {
        await own.stop();
      }
    });

    it('unreachable: 503 with a plain message, not 401', async () => {
      const own = await startTestService({ entra: issuer, kind });
      issuer.down = true;
      try {
        const refused = await refusal(await issuer.token(jo), own);
        expect(refused).toMatchObject({ status: 503, code: 'sign-in-unavailable' });
        expect(refused.message).toBe(
          "Microsoft 365 sign-in cannot be checked just now: Microsoft's signing keys could not be fetched. Try again in a minute.",
        );
        // Access tokens still work meanwhile.
        const { token } = await createToken(own.service.store, { role: 'cdo', label: 'Script' }, testActor());
        expect((await own.call('GET', '/api/v1/me', { token })).status).toBe(200);
      } finally {
        issuer.down = false;
        await own.stop();
      }
    });
  });

  describe('without ENTRA_CLIENT_ID', () => {
    it('takes access tokens only: a Microsoft token is not a valid access token', async () => {
      const plain = await startTestService({ kind });
      try {
        expect(await refusal(await issuer.token(jo), plain)).toMatchObject({
          status: 401,
          code: 'unauthenticated',
        });
        expect(await json(await plain.call('GET', '/api/v1/config', { token: null }))).toEqual({
          microsoftSignIn: false,
        });
      } finally {
        await plain.stop();
      }
    });
  });
});

describe('without ENTRA_CLIENT_ID', () => {
  it('needs PUBLIC_URL beside ENTRA_CLIENT_ID, which names the API', () => {
    expect(() => loadConfig({ ENTRA_CLIENT_ID: CLIENT_ID })).toThrow(
      'Invalid configuration: ENTRA_CLIENT_ID: needs PUBLIC_URL too (its host names the API: api://<host>/<client ID>)',
    );
  });
});
