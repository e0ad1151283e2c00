// The consolidated view as JSON and as the consolidated workbook (streamed to the client).
import { Router } from 'express';
import { consolidatedViewSchema } from '../../shared/schemas.js';
import { previousPeriod } from '../services/clock.js';
import { consolidatedView } from '../services/consolidated-view.js';
import { writeConsolidatedWorkbook } from '../workbook/write-consolidated.js';
import type { RouteContext } from './context.js';
import { periodQuery, queryParams } from './params.js';
import { XLSX_TYPE } from './registry.js';

export function consolidatedRoutes({ registry, store, config, now }: RouteContext): Router {
  const router = Router();
  const periodOf = (query: { period?: string | undefined }): string =>
    query.period ?? previousPeriod(config.timeZone, now());

  registry.add(
    router,
    {
      method: 'get',
      path: '/consolidated',
      who: 'any',
      summary: 'The consolidated view as JSON',
      description: 'period defaults to last month.',
      query: periodQuery,
      responses: { 200: { description: 'The consolidated view', json: consolidatedViewSchema } },
      errors: [400, 409, 422],
    },
    async (req, res) => {
      res.json(await consolidatedView(store, periodOf(queryParams(periodQuery, req))));
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/consolidated.xlsx',
      who: 'any',
      summary: 'The consolidated workbook',
      description: 'period defaults to last month.',
      query: periodQuery,
      responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
      errors: [400, 409, 422],
    },
    async (req, res) => {
      const period = periodOf(queryParams(periodQuery, req));
      const view = await consolidatedView(store, period);
      res
        .type(XLSX_TYPE)
        .attachment(`shared-cdo-consolidated-${period}.xlsx`)
        .set('Cache-Control', 'no-store');
      await writeConsolidatedWorkbook(view, res);
      res.end();
    },
  );
  return router;
}
