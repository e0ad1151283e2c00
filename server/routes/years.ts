// Year end (DESIGN §10): the CDO closes a financial year once its March has passed (its periods are
// locked and each council's final statement recorded); an administrator may reopen it, with a reason.
import { Router } from 'express';
import { z } from 'zod';
import { reopenRequestSchema, yearSchema } from '../../shared/agreements.js';
import { financialYearSchema } from '../../shared/schemas.js';
import { callerOf } from '../auth/middleware.js';
import { HttpError } from '../errors.js';
import { closeYear, reopenYear, yearRecord } from '../services/partnership-year.js';
import type { RouteContext } from './context.js';
import { XLSX_TYPE } from './registry.js';
import { writeStatementsWorkbook } from '../workbook/write-statements.js';

const fyParams = z.object({ fy: financialYearSchema });

export function yearRoutes({ registry, store, config, now }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'post',
      path: '/years/:fy/close',
      operationId: 'closeYear',
      who: ['cdo', 'admin'],
      action: 'year.close',
      summary: 'Close a financial year: lock its periods and record each council’s final statement',
      description: 'Allowed once the year’s March has passed. Statements come from the view for March.',
      params: fyParams,
      responses: { 200: { description: 'The closed year', json: yearSchema } },
      errors: [404, 409, 422],
    },
    async (_req, res, { params: { fy } }) => {
      res.json(await closeYear(store, fy, callerOf(res), now(), config));
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/years/:fy',
      operationId: 'getYear',
      who: 'any',
      summary: 'A financial year: open or closed, its agreement and its statements',
      params: fyParams,
      responses: { 200: { description: 'The year', json: yearSchema } },
      errors: [404],
    },
    async (_req, res, { params: { fy } }) => {
      res.json(await yearRecord(store, fy));
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/years/:fy/statements.xlsx',
      operationId: 'getYearStatementsWorkbook',
      who: 'any',
      summary: 'The year’s statements, print-ready: a summary and one page per council',
      params: fyParams,
      responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
      errors: [404, 409],
    },
    async (_req, res, { params: { fy } }) => {
      const year = await yearRecord(store, fy);
      if (year.status !== 'closed')
        throw new HttpError(409, 'year-open', `${year.fy} is not closed, so it has no final statements yet.`);
      const partnership = await store.currentPartnership();
      res.type(XLSX_TYPE).attachment(`shared-cdo-statements-${year.fy}.xlsx`);
      await writeStatementsWorkbook(
        year,
        partnership?.partnership.name ?? 'Shared CDO',
        res,
        partnership?.partnership.language,
      );
      res.end();
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/years/:fy/reopen',
      operationId: 'reopenYear',
      who: ['admin'],
      action: 'year.reopen',
      summary: 'Reopen a closed financial year (its periods are unlocked)',
      params: fyParams,
      body: { json: reopenRequestSchema },
      responses: { 200: { description: 'The reopened year', json: yearSchema } },
      errors: [404, 409, 422],
    },
    async (_req, res, { params: { fy }, body: { reason } }) => {
      res.json(await reopenYear(store, fy, reason, callerOf(res), now()));
    },
  );
  return router;
}
