// Access tokens over their life (DESIGN §9.2): created for 90 days unless told (at most 366), listed
// without ever showing the token, last use recorded, revoked for good; an expired or revoked token is
// refused with a message that says what to do. On SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import type { Me, TokenInfo } from '../../shared/api.js';
import { hashToken } from '../../server/auth/tokens.js';
import { json, startTestService, type TestService } from './helpers/service.js';
import { cliOnFreshDatabase } from '../helpers/cli.js';
import { describeStores } from '../helpers/databases.js';

let t: TestService;
let clock = new Date('2026-11-20T09:00:00.000Z');
const DAY_MS = 86_400_000;

async function create(body: object): Promise<TokenInfo & { token: string }> {
  const response = await t.call('POST', '/api/v1/tokens', { json: body });
  expect(response.status).toBe(201);
  return json(response);
}

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = await json<{ error: { code: string; message: string } }>(response);
  return { status: response.status, ...body.error };
}

describeStores('access tokens over their life', (kind) => {
  beforeAll(async () => {
    clock = new Date('2026-11-20T09:00:00.000Z');
    t = await startTestService({ now: () => clock, kind });
    expect((await t.call('PUT', '/api/v1/partnership', { json: demoPartnership })).status).toBe(200);
  });
  afterAll(() => t.stop());

  describe('access tokens', () => {
    it('lasts 90 days unless told, is shown once, and is listed by number with its last use, never itself', async () => {
      const created = await create({ role: 'council', council: 'cherwell', label: 'Cherwell script' });
      expect(created.token.startsWith('scdo_')).toBe(true);
      expect(created).toMatchObject({
        role: 'council',
        council: 'cherwell',
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(Date.parse(created.expiresAt) - clock.getTime()).toBe(90 * DAY_MS);
      const longest = await create({ role: 'viewer', label: 'Board pack', expiresInDays: 366 });
      expect(Date.parse(longest.expiresAt) - clock.getTime()).toBe(366 * DAY_MS);

      clock = new Date(clock.getTime() + 5 * 60_000);
      const me = await t.call('GET', '/api/v1/me', { token: created.token });
      expect(await json<Me>(me)).toEqual({
        role: 'council',
        council: 'cherwell',
        label: 'Cherwell script',
        via: 'token',
        expiresAt: created.expiresAt,
      });

      const listed = await t.call('GET', '/api/v1/tokens');
      expect(listed.headers.get('cache-control')).toBe('no-store');
      const text = await listed.text();
      expect(text).not.toContain(created.token);
      expect(text).not.toContain(created.token.slice('scdo_'.length));
      expect(text).not.toContain(hashToken(created.token));
      const { tokens } = JSON.parse(text) as { tokens: TokenInfo[] };
      expect(tokens.find((x) => x.id === created.id)).toEqual({
        id: created.id,
        label: 'Cherwell script',
        role: 'council',
        council: 'cherwell',
        createdAt: '2026-11-20T09:00:00.000Z',
        expiresAt: created.expiresAt,
        lastUsedAt: clock.toISOString(),
        revokedAt: null,
      });
    });

    it('refuses a lifetime over 366 days, a council token without its council and an unknown council', async () => {
      const refuse = async (body: object, words: RegExp) => {
        const response = await t.call('POST', '/api/v1/tokens', { json: body });
        expect(response.status).toBe(422);
        const { errors } = await json<{ errors: { message: string }[] }>(response);
        expect(errors.map((e) => e.message).join(' ')).toMatch(words);
      };
      await refuse({ role: 'viewer', label: 'Too long', expiresInDays: 367 }, /expiresInDays/);
      await refuse({ role: 'viewer', label: 'Never', expiresInDays: 0 }, /expiresInDays/);
      await refuse({ role: 'council', label: 'Whose?' }, /council: a council token/);
      await refuse({ role: 'cdo', council: 'cherwell', label: 'Odd' }, /council: a council token/);
      await refuse({ role: 'council', council: 'atlantis', label: 'Lost' }, /"atlantis" is not a council/);
      await refuse({ role: 'viewer', label: 'x', admin: true }, /admin/);
    });

    it('refuses an expired token with 401 token-expired that says how to get a new one', async () => {
      const created = await create({ role: 'cdo', label: 'Short lived', expiresInDays: 1 });
      expect((await t.call('GET', '/api/v1/me', { token: created.token })).status).toBe(200);
      clock = new Date(clock.getTime() + DAY_MS);
      const refused = await errorOf(await t.call('GET', '/api/v1/me', { token: created.token }));
      expect(refused).toMatchObject({ status: 401, code: 'token-expired' });
      expect(refused.message).toMatch(/expired on \d\d\/\d\d\/\d{4}\. /);
      expect(refused.message).toMatch(/new one.*sheets stay as they are/);
    });

    it('revokes a token for good: 401 token-revoked from then on, a second revoke changes nothing', async () => {
      const created = await create({ role: 'council', council: 'cherwell', label: 'Leaver' });
      expect((await t.call('GET', '/api/v1/me', { token: created.token })).status).toBe(200);
      const revoked = await t.call('DELETE', `/api/v1/tokens/${created.id}`);
      expect(revoked.status).toBe(200);
      expect(await json<TokenInfo>(revoked)).toMatchObject({
        id: created.id,
        revokedAt: clock.toISOString(),
      });
      const refused = await errorOf(await t.call('GET', '/api/v1/me', { token: created.token }));
      expect(refused).toMatchObject({ status: 401, code: 'token-revoked' });
      expect(refused.message).toMatch(/revoked on \d\d\/\d\d\/\d{4}\. Ask your Shared CDO administrator/);

      clock = new Date(clock.getTime() + 60_000);
      const again = await json<TokenInfo>(await t.call('DELETE', `/api/v1/tokens/${created.id}`));
      expect(again.revokedAt).toBe(new Date(clock.getTime() - 60_000).toISOString());
      expect((await t.call('DELETE', '/api/v1/tokens/999999')).status).toBe(404);
    });
  });

  describe('shared-cdo token and audit commands', () => {
    const cli = cliOnFreshDatabase(kind);
    const run = cli.run;
    afterAll(() => cli.remove());

    // Nine command-line runs, each a fresh Node process loading TypeScript: on a busy two-core machine
    // one can take ten seconds, so this test gets more than the suite's default minute.
    it(
      'creates with --expires-in, lists without the token, revokes, and prints the audit trail',
      { timeout: 240_000 },
      async () => {
        expect(
          await run(['token', 'create', '--role', 'cdo', '--label', 'x', '--expires-in', '367']),
        ).toMatchObject({
          code: 1,
          stderr: expect.stringMatching(/--expires-in.*1 to 366/) as unknown,
        });
        const created = await run([
          'token',
          'create',
          '--role',
          'council',
          '--council',
          'cherwell',
          '--label',
          'Jo Bloggs',
          '--expires-in',
          '30',
        ]);
        expect(created.code).toBe(0);
        // The token alone on standard output; what was made, on standard error.
        expect(created.stdout).toMatch(/^scdo_\S+\n$/);
        const token = created.stdout.trim();
        const expires = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
        expect(created.stderr).toContain(`number 1 labelled "Jo Bloggs", valid until ${expires}`);

        const listed = await run(['token', 'list']);
        expect(listed.stdout).not.toContain(token.slice('scdo_'.length));
        expect(listed.stdout).toMatch(
          new RegExp(
            `^1 +Jo Bloggs +council +cherwell +\\d{4}-\\d\\d-\\d\\d +expires ${expires} +never$`,
            'm',
          ),
        );

        expect(await run(['token', 'revoke', '1'])).toMatchObject({
          code: 0,
          stdout: expect.stringContaining('Revoked the council token for cherwell number 1') as unknown,
        });
        expect((await run(['token', 'list'])).stdout).toMatch(
          /^1 +Jo Bloggs .* revoked \d{4}-\d\d-\d\d +never$/m,
        );
        const missing = await run(['token', 'revoke', '7']);
        expect(missing.code).toBe(1);
        expect(missing.stderr).toMatch(/^There is no access token number 7 \(see `token list`\)\.$/m);

        const audit = await run(['audit']);
        expect(audit.stdout).toMatch(
          / 201 token.create cherwell token 1 \(council token for cherwell "Jo Bloggs"\) — by command line \(cli /,
        );
        expect(audit.stdout).toMatch(
          / 200 token.revoke cherwell token 1 \("Jo Bloggs"\) — by command line \(cli /,
        );
        const csv = (await run(['audit', '--csv', '--since', '2020-01-01'])).stdout.trim().split('\n');
        expect(csv).toHaveLength(3);
        expect(csv[2]).toMatch(
          /^2,[^,]+,cli,[^,]*,command line,token.revoke,cherwell,,"token 1 \(""Jo Bloggs""\)",200$/,
        );
      },
    );
  });
});
