// Personal data for administrators (DESIGN §11): a subject access request answered, a person erased
// (pseudonymised in every version and audit entry, every figure kept) or rectified everywhere at once.
import { Router } from 'express';
import { z } from 'zod';
import { personChangeSchema, personReportSchema, rectifyPersonSchema } from '../../shared/api.js';
import { emailSchema } from '../../shared/schemas.js';
import { callerOf } from '../auth/middleware.js';
import { HttpError, notFound } from '../errors.js';
import {
  changePerson,
  PersonalDataRefused,
  personReport,
  type PersonChangeRequest,
} from '../services/personal-data.js';
import type { RouteContext } from './context.js';

const personParams = z.object({ email: emailSchema });

export function personalDataRoutes({ registry, store, now }: RouteContext): Router {
  const router = Router();
  const change = async (email: string, request: PersonChangeRequest, res: Parameters<typeof callerOf>[0]) => {
    try {
      const changed = await changePerson(store, email, request, callerOf(res), now().toISOString());
      if (!changed) throw notFound('Nothing the service holds names that e-mail address.');
      return changed;
    } catch (error) {
      if (error instanceof PersonalDataRefused)
        throw new HttpError(422, 'cannot-change-person', error.message);
      throw error;
    }
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/people/:email',
      operationId: 'getPersonalData',
      who: ['admin'],
      summary: 'Everything held about a person (a subject access request)',
      description:
        'Every row of every stored version that names the e-mail address (with its sheet, council, period ' +
        'and version), the audit entries the person made or that name them, and their users and tokens.',
      params: personParams,
      responses: {
        200: { description: 'What is held (empty lists when nothing is)', json: personReportSchema },
      },
    },
    async (_req, res, { params: { email } }) => {
      res.json(await personReport(store, email));
    },
  );
  registry.add(
    router,
    {
      method: 'delete',
      path: '/people/:email',
      operationId: 'erasePerson',
      who: ['admin'],
      action: 'person.erase',
      summary: 'Erase a person: their name and e-mail become a pseudonym everywhere; every figure stays',
      description:
        'In every stored version, audit entry, token label and e-mail not yet sent, the name and e-mail ' +
        'become `Person <8 hex>` and `<8 hex>@erased.invalid`; their Microsoft 365 registrations are ' +
        'removed. Days, levels and pence are unchanged, so every consolidated figure is too.',
      params: personParams,
      responses: { 200: { description: 'What was changed, and the pseudonym', json: personChangeSchema } },
      errors: [404, 422],
    },
    async (_req, res, { params: { email } }) => {
      res.json(await change(email, { kind: 'erase' }, res));
    },
  );
  registry.add(
    router,
    {
      method: 'patch',
      path: '/people/:email',
      operationId: 'rectifyPerson',
      who: ['admin'],
      action: 'person.rectify',
      summary: "Correct a person's name or e-mail in every stored version at once",
      params: personParams,
      body: { json: rectifyPersonSchema },
      responses: { 200: { description: 'What was changed', json: personChangeSchema } },
      errors: [404, 422],
    },
    async (_req, res, { params: { email }, body: to }) => {
      res.json(await change(email, { kind: 'rectify', ...to }, res));
    },
  );
  return router;
}
