// Who may sign in with Microsoft 365 (DESIGN §9.1), for administrators: registered users (a person of
// a tenant with a role) and tenants registered to a council (their people are that council's users).
import { Router } from 'express';
import {
  newTenantSchema,
  newUserSchema,
  tenantListSchema,
  tenantSchema,
  userListSchema,
  userSchema,
} from '../../shared/api.js';
import { callerOf } from '../auth/middleware.js';
import { HttpError, notFound } from '../errors.js';
import { unknownCouncil } from '../services/council-check.js';
import { requestFieldProblem } from '../services/json-problems.js';
import { phrase } from '../../shared/i18n/say.js';
import type { RouteContext } from './context.js';
import { idParams } from './params.js';

export function peopleRoutes({ registry, store, now }: RouteContext): Router {
  const router = Router();
  const requireCouncil = async (council: string | undefined): Promise<void> => {
    const unknown = council && (await unknownCouncil(store, council));
    if (unknown) throw requestFieldProblem('council', unknown);
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/users',
      operationId: 'listUsers',
      who: ['admin'],
      summary: 'Registered Microsoft 365 users',
      responses: { 200: { description: 'The users', json: userListSchema } },
    },
    async (_req, res) => {
      res.json({ users: await store.listUsers() });
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/users',
      operationId: 'addUser',
      who: ['admin'],
      action: 'user.add',
      summary: 'Register a Microsoft 365 user with a role',
      description: 'Matched on the tenant ID and the lower-cased sign-in name (preferred_username).',
      body: { json: newUserSchema },
      responses: { 201: { description: 'The user', json: userSchema } },
      errors: [409, 422],
    },
    async (_req, res, { body: user }) => {
      if ((user.role === 'council') !== (user.council !== undefined))
        throw requestFieldProblem('council', phrase('problem.json.councilRole'));
      await requireCouncil(user.council);
      const added = await store.addUser(user, callerOf(res), now().toISOString());
      if (added.kind === 'exists')
        throw new HttpError(
          409,
          'already-registered',
          `${user.email} of that tenant is user ${added.user.id} already.`,
        );
      res.status(201).json(added.user);
    },
  );
  registry.add(
    router,
    {
      method: 'delete',
      path: '/users/:id',
      operationId: 'removeUser',
      who: ['admin'],
      action: 'user.remove',
      summary: 'Remove a registered user',
      params: idParams,
      responses: { 200: { description: 'The removed user', json: userSchema } },
      errors: [404],
    },
    async (_req, res, { params: { id } }) => {
      const removed = await store.removeUser(id, callerOf(res), now().toISOString());
      if (!removed) throw notFound(`There is no user ${id}.`);
      res.json(removed);
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/tenants',
      operationId: 'listTenants',
      who: ['admin'],
      summary: 'Microsoft 365 organisations registered to a council',
      responses: { 200: { description: 'The tenants', json: tenantListSchema } },
    },
    async (_req, res) => {
      res.json({ tenants: await store.listTenants() });
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/tenants',
      operationId: 'addTenant',
      who: ['admin'],
      action: 'tenant.add',
      summary: "Register a Microsoft 365 organisation to a council: its people become that council's users",
      body: { json: newTenantSchema },
      responses: { 201: { description: 'The tenant', json: tenantSchema } },
      errors: [409, 422],
    },
    async (_req, res, { body: tenant }) => {
      await requireCouncil(tenant.council);
      const added = await store.addTenant(tenant, callerOf(res), now().toISOString());
      if (added.kind === 'exists')
        throw new HttpError(
          409,
          'already-registered',
          `Tenant ${tenant.tenantId} is registered to ${added.tenant.council} already (tenant ${added.tenant.id}).`,
        );
      res.status(201).json(added.tenant);
    },
  );
  registry.add(
    router,
    {
      method: 'delete',
      path: '/tenants/:id',
      operationId: 'removeTenant',
      who: ['admin'],
      action: 'tenant.remove',
      summary: 'Remove a registered organisation',
      params: idParams,
      responses: { 200: { description: 'The removed tenant', json: tenantSchema } },
      errors: [404],
    },
    async (_req, res, { params: { id } }) => {
      const removed = await store.removeTenant(id, callerOf(res), now().toISOString());
      if (!removed) throw notFound(`There is no tenant ${id}.`);
      res.json(removed);
    },
  );
  return router;
}
