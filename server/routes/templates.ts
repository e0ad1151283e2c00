// A council's return workbook for a period, pre-filled with its latest data so that each month starts
// from last month's return instead of a blank sheet.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { financialYearOf, type Period } from '../../shared/dates.js';
import { councilIdSchema, periodSchema, type CouncilSubmission } from '../../shared/schemas.js';
import { callerOf, mayReadCouncil, type Caller } from '../auth/middleware.js';
import { forbidden, notFound } from '../errors.js';
import type { Store } from '../store/index.js';
import { writeCouncilTemplate } from '../workbook/write-template.js';
import type { RouteContext } from './context.js';
import { XLSX_TYPE } from './registry.js';

const templateQuery = z.object({ council: councilIdSchema, period: periodSchema });

export function templateRoutes({ registry, store }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/templates/council.xlsx',
      operationId: 'getCouncilTemplate',
      who: 'any',
      summary: 'A council workbook for a period, pre-filled with the council’s latest data',
      description:
        'The data is filled in only for callers who may read that council’s returns (a viewer gets the ' +
        'empty workbook); a council token may ask only for its own council.',
      query: templateQuery,
      responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
      errors: [400, 404],
    },
    async (_req, res, { query: { council, period } }) => {
      await sendCouncilTemplate(res, store, callerOf(res), council, period);
    },
  );
  return router;
}

/**
 * Answers with a council's workbook for a period: pre-filled when `caller` may read that council's
 * returns; a council caller may ask only for its own council's.
 */
export async function sendCouncilTemplate(
  res: Response,
  store: Store,
  caller: Caller,
  council: string,
  period: Period,
): Promise<void> {
  if (caller.role === 'council' && caller.council !== council) {
    throw forbidden(`This token belongs to ${caller.council}; ask for its own template.`);
  }
  const partnership = (await store.currentPartnership())?.partnership;
  if (partnership && !partnership.councils.some((c) => c.id === council)) {
    throw notFound(`There is no council "${council}" in the partnership.`);
  }
  const submission = mayReadCouncil(caller, council) ? await latestData(store, council, period) : undefined;
  res.type(XLSX_TYPE).attachment(`${council}-${period}.xlsx`).set('Cache-Control', 'no-store');
  await writeCouncilTemplate(res, {
    council,
    period,
    ...(partnership ? { partnership } : {}),
    ...(submission ? { submission } : {}),
  });
  res.end();
}

/**
 * The latest return for the period, or else the latest before it. Contributions carry over only within
 * the financial year (they are cumulative for it); skills and projects always do.
 */
async function latestData(
  store: Store,
  council: string,
  period: Period,
): Promise<CouncilSubmission | undefined> {
  const latest = await store.latestSubmissionUpTo(council, period);
  if (!latest) return undefined;
  const sameYear = financialYearOf(latest.period) === financialYearOf(period);
  return {
    ...latest.data,
    period,
    contributions: sameYear ? latest.data.contributions : [],
  };
}
