// Registering who may sign in with Microsoft 365 (DESIGN §9.1): users and tenants through the admin API
// and the command line, each change in the audit trail; on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import type { AuditEntry, TenantInfo, UserInfo } from '../../shared/api.js';
import { TENANTS } from '../helpers/entra-issuer.js';
import { json, startTestService, type TestService } from './helpers/service.js';
import { cliOnFreshDatabase } from '../helpers/cli.js';
import { describeStores } from '../helpers/databases.js';

let t: TestService;

async function problems(response: Response): Promise<string> {
  expect(response.status).toBe(422);
  return (await json<{ errors: { message: string }[] }>(response)).errors.map((e) => e.message).join(' ');
}

describeStores('users and tenants', (kind) => {
  beforeAll(async () => {
    t = await startTestService({ kind });
    await t.call('PUT', '/api/v1/partnership', { json: demoPartnership });
  });
  afterAll(() => t.stop());

  describe('the admin API for users and tenants', () => {
    it('registers, lists and removes users, lower-casing the sign-in name, and refuses what does not fit', async () => {
      const added = await t.call('POST', '/api/v1/users', {
        json: {
          tenantId: TENANTS.cherwell,
          email: 'Jo.Bloggs@Cherwell.example',
          role: 'council',
          council: 'cherwell',
        },
      });
      expect(added.status).toBe(201);
      const user = await json<UserInfo>(added);
      expect(user).toMatchObject({
        tenantId: TENANTS.cherwell,
        email: 'jo.bloggs@cherwell.example',
        role: 'council',
      });
      const again = await t.call('POST', '/api/v1/users', {
        json: { tenantId: TENANTS.cherwell, email: 'jo.bloggs@cherwell.example', role: 'cdo' },
      });
      expect(again.status).toBe(409);
      expect(
        await problems(
          await t.call('POST', '/api/v1/users', {
            json: { tenantId: 'cherwell', email: 'a@b.example', role: 'cdo' },
          }),
        ),
      ).toMatch(/tenantId: must be a Microsoft 365 tenant ID/);
      expect(
        await problems(
          await t.call('POST', '/api/v1/users', {
            json: { tenantId: TENANTS.cherwell, email: 'x@y.example', role: 'council' },
          }),
        ),
      ).toMatch(/council: a council user/);
      expect(
        await problems(
          await t.call('POST', '/api/v1/users', {
            json: { tenantId: TENANTS.cherwell, email: 'x@y.example', role: 'council', council: 'atlantis' },
          }),
        ),
      ).toMatch(/"atlantis" is not a council/);

      const { users } = await json<{ users: UserInfo[] }>(await t.call('GET', '/api/v1/users'));
      expect(users).toEqual([user]);
      expect((await t.call('DELETE', `/api/v1/users/${user.id}`)).status).toBe(200);
      expect((await t.call('DELETE', `/api/v1/users/${user.id}`)).status).toBe(404);
    });

    it('registers a tenant to one council only, and removes it', async () => {
      const added = await json<TenantInfo>(
        await t.call('POST', '/api/v1/tenants', {
          json: { tenantId: TENANTS.southOxfordshire, council: 'south-oxfordshire' },
        }),
      );
      const twice = await t.call('POST', '/api/v1/tenants', {
        json: { tenantId: TENANTS.southOxfordshire, council: 'cherwell' },
      });
      expect(twice.status).toBe(409);
      expect((await json<{ error: { message: string } }>(twice)).error.message).toContain(
        'registered to south-oxfordshire already',
      );
      expect((await json<{ tenants: TenantInfo[] }>(await t.call('GET', '/api/v1/tenants'))).tenants).toEqual(
        [added],
      );
      expect((await t.call('DELETE', `/api/v1/tenants/${added.id}`)).status).toBe(200);
      // A refusal is recorded once its response has gone: give it a moment to land.
      await new Promise((resolve) => setTimeout(resolve, 100));

      const { entries } = await json<{ entries: AuditEntry[] }>(
        await t.call('GET', '/api/v1/audit?from=2020-01-01'),
      );
      expect(
        entries
          .filter((e) => e.action.startsWith('tenant.'))
          .map((e) => [e.action, e.status, e.council ?? null]),
      ).toEqual([
        ['tenant.add', 201, 'south-oxfordshire'],
        ['tenant.add', 409, null],
        ['tenant.remove', 200, 'south-oxfordshire'],
      ]);
    });
  });

  describe('shared-cdo user and tenant', () => {
    const cli = cliOnFreshDatabase(kind);
    const run = cli.run;
    afterAll(() => cli.remove());

    it('adds, lists and removes users and tenants', async () => {
      const user = await run([
        'user',
        'add',
        '--tenant-id',
        TENANTS.partnership,
        '--email',
        'Ada.Admin@Partnership.example',
        '--role',
        'admin',
      ]);
      expect(user).toMatchObject({
        code: 0,
        stdout: `Registered user 1: ada.admin@partnership.example of tenant ${TENANTS.partnership} as admin.\n`,
      });
      const tenant = await run(['tenant', 'add', '--tenant-id', TENANTS.cherwell, '--council', 'cherwell']);
      expect(tenant).toMatchObject({
        code: 0,
        stdout: `Registered tenant 1: ${TENANTS.cherwell} for cherwell.\n`,
      });
      const refused = await run(['tenant', 'add', '--tenant-id', 'not-a-guid', '--council', 'cherwell']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^--tenant-id: must be a Microsoft 365 tenant ID \(a GUID\)$/m);
      expect((await run(['user', 'list'])).stdout).toMatch(
        new RegExp(
          `^1 +ada\\.admin@partnership\\.example +${TENANTS.partnership} +admin +\\d{4}-\\d\\d-\\d\\d$`,
          'm',
        ),
      );
      expect(await run(['user', 'remove', '1'])).toMatchObject({
        code: 0,
        stdout: `Removed user 1: ada.admin@partnership.example of tenant ${TENANTS.partnership}.\n`,
      });
      const audit = (await run(['audit'])).stdout;
      expect(audit).toMatch(
        / 201 user.add user 1 \(ada.admin@partnership.example of tenant [\w-]+, admin\) — by command line/,
      );
      expect(audit).toMatch(/ 201 tenant.add cherwell tenant 1 /);
      expect(audit).toMatch(/ 200 user.remove user 1 /);
    });
  });
});
