// A council's returns: submit a version, list versions, read one, and the CDO's review.
import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  reviewRequestSchema,
  submissionDetailSchema,
  submissionListSchema,
  submissionReceiptSchema,
  submissionSummarySchema,
  type SubmissionDetail,
} from '../../shared/api.js';
import { councilSubmissionSchema, periodSchema } from '../../shared/schemas.js';
import { callerOf, sameCouncil } from '../auth/middleware.js';
import { HttpError, badRequest, notFound } from '../errors.js';
import type { SubmissionSource } from '../store/index.js';
import { submitReturn } from '../returns/submit-return.js';
import type { RouteContext } from './context.js';
import { councilParams, submissionParams } from './params.js';
import { plainJsonBody, receiveUpload, uploadBody } from './uploads.js';

/** The longest Idempotency-Key kept; a longer one is refused (400) rather than stored. */
const MAX_IDEMPOTENCY_KEY = 200;

const submitHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .describe('The version this is based on ("0" for the first); 409 if stale'),
  'idempotency-key': z
    .string()
    .max(MAX_IDEMPOTENCY_KEY)
    .optional()
    .describe('A retry with the same key returns the first result'),
});

const submitQuery = z.object({
  period: periodSchema,
  confirm: z
    .literal('empty')
    .optional()
    .describe('Submit a return whose three sheets are all empty (otherwise refused: 422 empty-return)'),
});

export function submissionRoutes({ registry, store, config, now, decoder, spool }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'post',
      path: '/councils/:council/submissions',
      operationId: 'submitReturn',
      who: ['council', 'cdo', 'admin'],
      action: 'submission.create',
      summary: "Submit a council's return for a period",
      description:
        'JSON (money in pence) or the council workbook (.xlsx raw body or multipart field "file"); the ' +
        "workbook's About sheet must name this council and period. A council token may submit only its own. " +
        'A return with no rows in any sheet is refused (422 empty-return) unless sent with confirm=empty.',
      params: councilParams,
      query: submitQuery,
      headers: submitHeaders,
      body: { json: councilSubmissionSchema, workbook: true },
      responses: { 201: { description: 'The receipt', json: submissionReceiptSchema } },
      errors: [400, 404, 409, 413, 415, 422, 423],
    },
    sameCouncil,
    uploadBody(spool),
    async (req, res, { params: { council }, query: { period, confirm } }) => {
      const caller = callerOf(res);
      const upload = await receiveUpload(req, res, spool);
      const idempotencyKey = idempotencyKeyOf(req);
      const expectedVersion = parseIfMatch(req);
      const source = sourceOf(req, upload.kind);
      // Decoded and checked in the decode pool's worker threads, never on this one.
      const receipt = await submitReturn(store, {
        council,
        period,
        input: upload,
        decoder,
        source,
        actor: caller,
        ...(idempotencyKey ? { idempotencyKey } : {}),
        ...(expectedVersion !== undefined ? { expectedVersion } : {}),
        maxVersions: config.maxVersionsPerPeriod,
        confirmEmpty: confirm === 'empty',
        now: now(),
      });
      res
        .status(201)
        .set('ETag', `"${receipt.version}"`)
        .location(`${req.baseUrl}/councils/${council}/submissions/${receipt.id}`)
        .json(receipt);
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/councils/:council/submissions',
      operationId: 'listSubmissions',
      who: ['council', 'cdo', 'admin'],
      summary: "A council's versions, newest first",
      params: councilParams,
      query: z.object({ period: periodSchema.optional() }),
      responses: { 200: { description: 'The versions', json: submissionListSchema } },
      errors: [400, 404],
    },
    sameCouncil,
    async (_req, res, { params: { council }, query: { period } }) => {
      const submissions = await store.listSubmissions(council, period);
      if (period) res.set('ETag', `"${submissions[0]?.version ?? 0}"`);
      res.json({ submissions });
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/councils/:council/submissions/:sid',
      operationId: 'getSubmission',
      who: ['council', 'cdo', 'admin'],
      summary: 'One version in full, with its review status',
      params: submissionParams,
      responses: { 200: { description: 'The version', json: submissionDetailSchema } },
      errors: [404],
    },
    sameCouncil,
    async (_req, res, { params: { council, sid } }) => {
      const found = await store.getSubmission(council, sid);
      if (!found) throw notFound(`${council} has no submission ${sid}.`);
      const detail: SubmissionDetail = found;
      res.set('ETag', `"${found.version}"`).json(detail);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/councils/:council/submissions/:sid/review',
      operationId: 'reviewSubmission',
      who: ['cdo', 'admin'],
      action: 'submission.review',
      summary: 'Accept or return a submission',
      params: submissionParams,
      body: { json: reviewRequestSchema },
      responses: {
        200: { description: 'The submission with its new status', json: submissionSummarySchema },
      },
      errors: [404, 422],
    },
    plainJsonBody(),
    async (_req, res, { params: { council, sid }, body: review }) => {
      if (!(await store.getSubmission(council, sid))) throw notFound(`${council} has no submission ${sid}.`);
      await store.addReview(sid, review, callerOf(res), now().toISOString());
      const { data: _data, reviews: _reviews, ...summary } = (await store.getSubmission(council, sid))!;
      res.json(summary);
    },
  );

  return router;
}

function idempotencyKeyOf(req: Request): string | undefined {
  const parsed = submitHeaders.shape['idempotency-key'].safeParse(req.get('idempotency-key'));
  if (!parsed.success)
    throw badRequest(
      'invalid-idempotency-key',
      `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY} characters.`,
    );
  return parsed.data;
}

/** `If-Match: "3"` (or 3, W/"3"): the version the client last saw. `*` sets no condition. */
function parseIfMatch(req: Request): number | undefined {
  const header = req.get('if-match')?.trim();
  if (!header || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header);
  if (!match)
    throw badRequest('invalid-if-match', 'If-Match must be a version number, e.g. "3" (or "0" for none).');
  return Number(match[1]);
}

/** The add-in sends JSON read from the cells; a workbook file is an upload. A client may say which. */
function sourceOf(req: Request, kind: 'json' | 'xlsx'): SubmissionSource {
  const declared = req.get('x-submission-source');
  if (declared === 'addin' || declared === 'upload') return declared;
  if (declared)
    throw new HttpError(400, 'invalid-source', 'X-Submission-Source must be "addin" or "upload".');
  return kind === 'json' ? 'addin' : 'upload';
}
