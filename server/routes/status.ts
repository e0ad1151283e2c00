// The status board for a period: who has submitted, which version, when, by whom, its review, and
// who is late (after the deadline day of the following month, in the partnership's time zone).
import { Router } from 'express';
import { statusBoardSchema, type StatusBoard } from '../../shared/api.js';
import { submissionDeadline } from '../../shared/dates.js';
import { previousPeriod, todayIn } from '../services/clock.js';
import { requirePartnership } from '../returns/submit-return.js';
import type { RouteContext } from './context.js';
import { periodQuery } from './params.js';

export function statusRoutes({ registry, store, config, now }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/status',
      operationId: 'getStatus',
      who: 'any',
      summary: 'Per council: submitted, version, when, by whom, review status, late',
      description:
        'period defaults to last month. A Member is late when its first version for the period ' +
        'came after the deadline day of the following month, or none has come and that day has passed.',
      query: periodQuery,
      responses: { 200: { description: 'The status board', json: statusBoardSchema } },
      errors: [400, 409],
    },
    async (_req, res, { query }) => {
      const time = now();
      const period = query.period ?? previousPeriod(config.timeZone, time);
      const partnership = await requirePartnership(store);
      const deadline = submissionDeadline(period, partnership.submissionDeadlineDay);
      const summaries = await store.periodSummaries(period);
      const today = todayIn(config.timeZone, time);
      const board: StatusBoard = {
        period,
        deadline,
        locked: await store.isLocked(period),
        councils: partnership.councils.map((c) => {
          const seen = summaries.get(c.id);
          const firstDay = seen ? todayIn(config.timeZone, new Date(seen.first.submittedAt)) : today;
          return {
            council: c.id,
            name: c.name,
            membership: c.membership,
            submitted: Boolean(seen),
            version: seen?.latest.version ?? null,
            submittedAt: seen?.latest.submittedAt ?? null,
            submittedBy: seen?.latest.submittedBy ?? null,
            review: seen?.latest.review ?? null,
            late: c.membership === 'Member' && firstDay > deadline,
          };
        }),
      };
      res.json(board);
    },
  );
  return router;
}
