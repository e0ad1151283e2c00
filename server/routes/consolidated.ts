// The consolidated view as JSON and as the consolidated workbook, both streamed to the client as they are
// written: for hundreds of councils neither the JSON text nor the workbook is ever whole in memory.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Response } from 'express';
import { consolidatedViewSchema, type ConsolidatedView } from '../../shared/schemas.js';
import type { Period } from '../../shared/dates.js';
import { previousPeriod } from '../services/clock.js';
import { consolidatedView } from '../services/consolidated-view.js';
import { requirePartnership } from '../returns/submit-return.js';
import type { Store } from '../store/index.js';
import { writeConsolidatedWorkbook } from '../workbook/write-consolidated.js';
import type { RouteContext } from './context.js';
import { jsonChunks } from './json-chunks.js';
import { consolidatedQuery } from './params.js';
import { XLSX_TYPE } from './registry.js';

/** Answers with the consolidated workbook of a view (streamed), in the partnership's language. */
export async function sendConsolidatedWorkbook(
  res: Response,
  view: ConsolidatedView,
  store: Store,
): Promise<void> {
  const { language } = await requirePartnership(store);
  res
    .type(XLSX_TYPE)
    .attachment(`shared-cdo-consolidated-${view.period}.xlsx`)
    .set('Cache-Control', 'no-store');
  await writeConsolidatedWorkbook(view, res, language);
  res.end();
}

export function consolidatedRoutes({ registry, store, config, now }: RouteContext): Router {
  const router = Router();
  const viewOf = (query: { period?: Period | undefined; compare?: Period | undefined }) => {
    const period = query.period ?? previousPeriod(config.timeZone, now());
    return consolidatedView(store, period, query.compare);
  };
  const description =
    'period defaults to last month. The view says what changed since compare, a month of the same ' +
    'financial year before period (by default the month before; none in April).';

  registry.add(
    router,
    {
      method: 'get',
      path: '/consolidated',
      operationId: 'getConsolidatedView',
      who: 'any',
      summary: 'The consolidated view as JSON',
      description,
      query: consolidatedQuery,
      responses: { 200: { description: 'The consolidated view', json: consolidatedViewSchema } },
      errors: [400, 409, 422],
    },
    async (_req, res, { query }) => {
      const view = await viewOf(query);
      res.type('json');
      await pipeline(Readable.from(jsonChunks(view)), res);
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/consolidated.xlsx',
      operationId: 'getConsolidatedWorkbook',
      who: 'any',
      summary: 'The consolidated workbook',
      description,
      query: consolidatedQuery,
      responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
      errors: [400, 409, 422],
    },
    async (_req, res, { query }) => {
      await sendConsolidatedWorkbook(res, await viewOf(query), store);
    },
  );
  return router;
}
