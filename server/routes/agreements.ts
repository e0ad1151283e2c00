// Agreement of a year's cost shares (DESIGN §10): the CDO proposes and reminds those awaiting, each
// Member's council users agree or decline, anyone signed in reads them.
import { Router } from 'express';
import { z } from 'zod';
import {
  agreementListSchema,
  agreementSchema,
  decisionRequestSchema,
  newAgreementSchema,
  reminderOutcomeSchema,
} from '../../shared/agreements.js';
import { financialYearSchema } from '../../shared/schemas.js';
import { callerOf } from '../auth/middleware.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import { remindAgreement } from '../services/agreement-reminder.js';
import { proposeAgreement } from '../services/partnership-year.js';
import { Agreements } from '../store/agreements.js';
import type { RouteContext } from './context.js';
import { idParams } from './params.js';

const fyQuery = z.object({ fy: financialYearSchema });

export function agreementRoutes({ registry, store, config, now }: RouteContext): Router {
  const router = Router();
  const agreements = new Agreements(store.db);

  registry.add(
    router,
    {
      method: 'post',
      path: '/agreements',
      operationId: 'proposeAgreement',
      who: ['cdo', 'admin'],
      action: 'agreement.propose',
      summary: "Propose a year's cost shares for every Member to agree",
      description:
        'Takes a snapshot of the settings in force for the financial year with each Member’s due; any ' +
        'earlier proposal of that year still open is superseded.',
      body: { json: newAgreementSchema },
      responses: { 201: { description: 'The proposal', json: agreementSchema } },
      errors: [409, 422],
    },
    async (_req, res, { body: input }) => {
      res.status(201).json(await proposeAgreement(store, input, callerOf(res), now(), config));
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/agreements/:id/decisions',
      operationId: 'decideAgreement',
      who: ['council'],
      action: 'agreement.decide',
      summary: "Agree or decline a proposal of the year's cost shares, for your own council",
      description:
        'A comment is required to decline. A council may change its decision while the proposal is open.',
      params: idParams,
      body: { json: decisionRequestSchema },
      responses: { 200: { description: 'The agreement after the decision', json: agreementSchema } },
      errors: [404, 409, 422],
    },
    async (_req, res, { params: { id }, body: decision }) => {
      const caller = callerOf(res);
      const result = await agreements.decide(id, caller.council!, decision, caller, now().toISOString());
      switch (result.kind) {
        case 'not-found':
          throw notFound(`There is no agreement ${id}.`);
        case 'not-a-member':
          throw forbidden(
            `${caller.council} is not a paying Member in agreement ${id}; it has nothing to agree.`,
          );
        case 'not-open':
          throw new HttpError(
            409,
            'agreement-not-open',
            `Agreement ${id} is ${result.agreement.status}; decisions can change only while it is proposed.`,
          );
        case 'decided':
          res.json(result.agreement);
      }
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/agreements/:id/reminders',
      operationId: 'remindAgreement',
      who: ['cdo', 'admin'],
      action: 'agreement.remind',
      summary: 'E-mail a reminder to the councils still awaiting a proposal',
      description:
        'Queues the reminder the 07:00 run sends, to the contact of each council still awaiting. A contact ' +
        'gets one a day however often it is asked for, on any instance: councils reminded earlier that day ' +
        'are answered as `remindedEarlierToday`, those without a contact as `withoutContact`. Refused (409) ' +
        'once the proposal is agreed or superseded, or when every council has decided.',
      params: idParams,
      responses: { 202: { description: 'What was queued', json: reminderOutcomeSchema } },
      errors: [404, 409],
    },
    async (_req, res, { params: { id } }) => {
      res.status(202).json(await remindAgreement(store, id, callerOf(res), now(), config));
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/agreements',
      operationId: 'listAgreements',
      who: 'any',
      summary: "A financial year's agreements of cost shares, newest first",
      query: fyQuery,
      responses: { 200: { description: 'The agreements', json: agreementListSchema } },
      errors: [400],
    },
    async (_req, res, { query: { fy } }) => {
      res.json({ agreements: await agreements.list(fy) });
    },
  );
  return router;
}
