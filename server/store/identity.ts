// Who may sign in (DESIGN §9.1): API tokens (their hashes), Microsoft 365 people and their organisations
// (tenants), and the download links already used. Each change is audited in its own transaction.
import type { Kysely } from 'kysely';
import type { Actor, TenantInfo, TokenInfo, UserInfo } from '../../shared/api.js';
import type { Role } from '../../shared/vocabulary.js';
import { audit } from './audit.js';
import { writeTransaction } from './dialect.js';
import { camelCased, type Database } from './schema.js';

/** A token as sign-in sees it: revoked and expired ones too, so the refusal can say which. */
export interface StoredToken {
  id: number;
  role: Role;
  council: string | null;
  label: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A token's columns as TokenInfo shows them (never its hash). */
const TOKEN_INFO = [
  'id',
  'label',
  'role',
  'council',
  'createdAt',
  'expiresAt',
  'lastUsedAt',
  'revokedAt',
] as const;
const STORED_TOKEN = ['id', 'role', 'council', 'label', 'expiresAt', 'revokedAt', 'lastUsedAt'] as const;
const USER_INFO = ['id', 'tenantId', 'email', 'role', 'council', 'createdAt'] as const;
const TENANT_INFO = ['id', 'tenantId', 'council', 'createdAt'] as const;

export function identity(db: Kysely<Database>) {
  const rows = camelCased(db);
  return {
    async insertToken(
      token: { hash: string; role: Role; council?: string; label: string; expiresAt: string },
      actor: Actor,
      at: string,
    ): Promise<TokenInfo> {
      return writeTransaction(db, async (trx) => {
        const inserted = await camelCased(trx)
          .insertInto('tokens')
          .values({
            hash: token.hash,
            role: token.role,
            council: token.council ?? null,
            label: token.label,
            createdAt: at,
            revokedAt: null,
            expiresAt: token.expiresAt,
            lastUsedAt: null,
          })
          .returning(TOKEN_INFO)
          .executeTakeFirstOrThrow();
        const holder = token.council ? `${token.role} token for ${token.council}` : `${token.role} token`;
        await audit(trx, {
          at,
          actor,
          action: 'token.create',
          ...(token.council ? { council: token.council } : {}),
          target: `token ${inserted.id} (${holder} "${token.label}")`,
          status: 201,
        });
        return inserted;
      });
    },

    async findToken(hash: string): Promise<StoredToken | undefined> {
      return rows.selectFrom('tokens').select(STORED_TOKEN).where('hash', '=', hash).executeTakeFirst();
    },

    /** A token by its id, revoked or expired alike (what a download link it made names). */
    async findTokenById(id: number): Promise<StoredToken | undefined> {
      return rows.selectFrom('tokens').select(STORED_TOKEN).where('id', '=', id).executeTakeFirst();
    },

    /** Records that a token was used now. */
    async touchToken(id: number, at: string): Promise<void> {
      await rows.updateTable('tokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
    },

    async listTokens(): Promise<TokenInfo[]> {
      return rows.selectFrom('tokens').select(TOKEN_INFO).orderBy('id').execute();
    },

    /** Revokes a token for good; undefined if there is none with that id. Revoking twice changes nothing. */
    async revokeToken(id: number, actor: Actor, at: string): Promise<TokenInfo | undefined> {
      return writeTransaction(db, async (trx) => {
        const tokens = camelCased(trx);
        const row = await tokens
          .selectFrom('tokens')
          .select(TOKEN_INFO)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row || row.revokedAt) return row;
        await tokens.updateTable('tokens').set({ revokedAt: at }).where('id', '=', id).execute();
        await audit(trx, {
          at,
          actor,
          action: 'token.revoke',
          ...(row.council ? { council: row.council } : {}),
          target: `token ${id} ("${row.label}")`,
          status: 200,
        });
        return { ...row, revokedAt: at };
      });
    },

    // ---- Microsoft 365 users and tenants (DESIGN §9.1) ------------------------------------------

    /** Registers a person; `exists` (and nothing changes) when that tenant already has that name. */
    async addUser(
      user: { tenantId: string; email: string; role: Role; council?: string },
      actor: Actor,
      at: string,
    ): Promise<{ kind: 'added' | 'exists'; user: UserInfo }> {
      return writeTransaction(db, async (trx) => {
        const users = camelCased(trx);
        const existing = await users
          .selectFrom('users')
          .select(USER_INFO)
          .where('tenantId', '=', user.tenantId)
          .where('email', '=', user.email)
          .executeTakeFirst();
        if (existing) return { kind: 'exists', user: existing };
        const added = await users
          .insertInto('users')
          .values({
            tenantId: user.tenantId,
            email: user.email,
            role: user.role,
            council: user.council ?? null,
            createdAt: at,
          })
          .returning(USER_INFO)
          .executeTakeFirstOrThrow();
        await audit(trx, {
          at,
          actor,
          action: 'user.add',
          ...(user.council ? { council: user.council } : {}),
          target: `user ${added.id} (${user.email} of tenant ${user.tenantId}, ${user.role})`,
          status: 201,
        });
        return { kind: 'added', user: added };
      });
    },

    async listUsers(): Promise<UserInfo[]> {
      return rows.selectFrom('users').select(USER_INFO).orderBy('id').execute();
    },

    async findUser(tenantId: string, email: string): Promise<UserInfo | undefined> {
      return rows
        .selectFrom('users')
        .select(USER_INFO)
        .where('tenantId', '=', tenantId)
        .where('email', '=', email)
        .executeTakeFirst();
    },

    /** Removes a registered person; undefined when there is none with that id. */
    async removeUser(id: number, actor: Actor, at: string): Promise<UserInfo | undefined> {
      return writeTransaction(db, async (trx) => {
        const users = camelCased(trx);
        const row = await users.selectFrom('users').select(USER_INFO).where('id', '=', id).executeTakeFirst();
        if (!row) return undefined;
        await users.deleteFrom('users').where('id', '=', id).execute();
        await audit(trx, {
          at,
          actor,
          action: 'user.remove',
          ...(row.council ? { council: row.council } : {}),
          target: `user ${id} (${row.email} of tenant ${row.tenantId}, ${row.role})`,
          status: 200,
        });
        return row;
      });
    },

    /** Registers an organisation to a council; `exists` when that tenant is registered already. */
    async addTenant(
      tenant: { tenantId: string; council: string },
      actor: Actor,
      at: string,
    ): Promise<{ kind: 'added' | 'exists'; tenant: TenantInfo }> {
      return writeTransaction(db, async (trx) => {
        const tenants = camelCased(trx);
        const existing = await tenants
          .selectFrom('tenants')
          .select(TENANT_INFO)
          .where('tenantId', '=', tenant.tenantId)
          .executeTakeFirst();
        if (existing) return { kind: 'exists', tenant: existing };
        const added = await tenants
          .insertInto('tenants')
          .values({ tenantId: tenant.tenantId, council: tenant.council, createdAt: at })
          .returning(TENANT_INFO)
          .executeTakeFirstOrThrow();
        await audit(trx, {
          at,
          actor,
          action: 'tenant.add',
          council: tenant.council,
          target: `tenant ${added.id} (${tenant.tenantId})`,
          status: 201,
        });
        return { kind: 'added', tenant: added };
      });
    },

    async listTenants(): Promise<TenantInfo[]> {
      return rows.selectFrom('tenants').select(TENANT_INFO).orderBy('id').execute();
    },

    async findTenant(tenantId: string): Promise<TenantInfo | undefined> {
      return rows
        .selectFrom('tenants')
        .select(TENANT_INFO)
        .where('tenantId', '=', tenantId)
        .executeTakeFirst();
    },

    async removeTenant(id: number, actor: Actor, at: string): Promise<TenantInfo | undefined> {
      return writeTransaction(db, async (trx) => {
        const tenants = camelCased(trx);
        const row = await tenants
          .selectFrom('tenants')
          .select(TENANT_INFO)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return undefined;
        await tenants.deleteFrom('tenants').where('id', '=', id).execute();
        await audit(trx, {
          at,
          actor,
          action: 'tenant.remove',
          council: row.council,
          target: `tenant ${id} (${row.tenantId})`,
          status: 200,
        });
        return row;
      });
    },

    // ---- Download links -----------------------------------------------------------------------

    /**
     * Marks a download link used; false when it had been used already. Marks of links that have
     * expired by `now` are dropped on the way (an expired link is refused before it gets here).
     */
    async useDownloadLink(jti: string, expiresAt: string, now: string): Promise<boolean> {
      return writeTransaction(db, async (trx) => {
        const links = camelCased(trx);
        await links.deleteFrom('download_links_used').where('expiresAt', '<', now).execute();
        const inserted = await links
          .insertInto('download_links_used')
          .values({ jti, expiresAt })
          .onConflict((oc) => oc.column('jti').doNothing())
          .executeTakeFirst();
        return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
      });
    },
  };
}
