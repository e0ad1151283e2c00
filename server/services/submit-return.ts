// Submitting a council's return: the one code path behind POST /councils/{id}/submissions and
// `shared-cdo submit`. Reads JSON or a workbook, validates it against the partnership, then appends a
// version in one transaction (lock, If-Match, Idempotency-Key and the version number checked inside).
import { createHash } from 'node:crypto';
import type { SubmissionReceipt } from '../../shared/api.js';
import { ABOUT_LABELS, ABOUT_SHEET } from '../../shared/layouts.js';
import { parseCouncilWorkbook, validateCouncilSubmission } from '../../shared/parse/index.js';
import {
  councilSubmissionSchema,
  type CouncilSubmission,
  type Partnership,
  type Problem,
} from '../../shared/schemas.js';
import { HttpError, InvalidInput, notFound } from '../errors.js';
import type { Store, SubmissionSource } from '../store/index.js';
import { readWorkbookGrids } from '../workbook/read.js';
import { diffDigests, rowDigest, type RowDigest } from './changes.js';
import { COUNCIL_JSON, zodProblems } from './json-problems.js';
import { rejectedWorkbook } from './workbook-errors.js';

export type SubmissionInput = { kind: 'json'; body: unknown } | { kind: 'xlsx'; bytes: Buffer };

export interface SubmitReturn {
  council: string;
  period: string;
  input: SubmissionInput;
  source: SubmissionSource;
  /** The token that sent it (null from the CLI) and its label, kept as "by whom". */
  tokenId: number | null;
  submittedBy: string;
  idempotencyKey?: string;
  expectedVersion?: number;
  now: Date;
}

export async function submitReturn(store: Store, request: SubmitReturn): Promise<SubmissionReceipt> {
  const { council, period } = request;
  const partnership = await requirePartnership(store);
  if (!partnership.councils.some((c) => c.id === council)) {
    throw notFound(`There is no council "${council}" in the partnership.`);
  }

  const { submission, warnings } =
    request.input.kind === 'json'
      ? readJson(request.input.body, partnership, council, period)
      : await readWorkbook(request.input.bytes, partnership, council, period);

  const submittedAt = request.now.toISOString();
  const digest = rowDigest(submission);
  const result = await store.appendSubmission({
    council,
    period,
    data: submission,
    rowDigest: JSON.stringify(digest),
    submittedAt,
    tokenId: request.tokenId,
    submittedBy: request.submittedBy,
    source: request.source,
    ...(request.idempotencyKey !== undefined
      ? { idempotencyKey: request.idempotencyKey, requestHash: requestHash(period, request.input) }
      : {}),
    ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
    receipt: async ({ version, previous }): Promise<Omit<SubmissionReceipt, 'id'>> => {
      const before: RowDigest | undefined = previous
        ? previous.rowDigest
          ? (JSON.parse(previous.rowDigest) as RowDigest)
          : rowDigest(await previous.data())
        : undefined;
      return { council, version, period, submittedAt, warnings, changes: diffDigests(before, digest) };
    },
  });
  switch (result.kind) {
    case 'created':
    case 'replayed':
      return { id: result.id, ...(result.receipt as Omit<SubmissionReceipt, 'id'>) };
    case 'locked':
      throw periodLocked(period);
    case 'stale':
      throw new HttpError(
        409,
        'version-conflict',
        `Version ${request.expectedVersion} is no longer the latest for ${council} ${period}: the latest is ` +
          `version ${result.latest}. Load the latest version, make your changes again and resubmit.`,
      );
    case 'key-reused':
      throw new HttpError(
        409,
        'idempotency-key-reused',
        'This Idempotency-Key was already used for a different submission. Use a new key for new data.',
      );
  }
}

export async function requirePartnership(store: Store): Promise<Partnership> {
  const current = await store.currentPartnership();
  if (!current) {
    throw new HttpError(
      409,
      'no-partnership',
      'The partnership settings have not been set up yet (PUT /partnership).',
    );
  }
  return current.partnership;
}

const periodLocked = (period: string): HttpError =>
  new HttpError(
    423,
    'period-locked',
    `Period ${period} is locked by the CDO; ask them to reopen it to submit.`,
  );

function readJson(
  body: unknown,
  partnership: Partnership,
  council: string,
  period: string,
): { submission: CouncilSubmission; warnings: Problem[] } {
  const withPeriod = isObject(body) && body['period'] === undefined ? { ...body, period } : body;
  const parsed = councilSubmissionSchema.safeParse(withPeriod);
  if (!parsed.success) throw new InvalidInput(zodProblems(parsed.error.issues, COUNCIL_JSON));
  if (parsed.data.period !== period) {
    throw new InvalidInput([
      {
        sheet: ABOUT_SHEET,
        row: null,
        column: ABOUT_LABELS.period,
        code: 'period-mismatch',
        severity: 'error',
        message: `The body is for period ${parsed.data.period} but was sent to period ${period}.`,
      },
    ]);
  }
  return split(parsed.data, validateCouncilSubmission(parsed.data, { partnership, council, period }));
}

async function readWorkbook(
  bytes: Buffer,
  partnership: Partnership,
  council: string,
  period: string,
): Promise<{ submission: CouncilSubmission; warnings: Problem[] }> {
  const grids = await readWorkbookGrids(bytes).catch(rejectedWorkbook);
  // The parser also checks that the About sheet names this council and period (422 on its cell).
  const parsed = parseCouncilWorkbook(grids, { partnership, council, period });
  return split(parsed.submission, parsed.problems);
}

function split(
  submission: CouncilSubmission,
  problems: Problem[],
): { submission: CouncilSubmission; warnings: Problem[] } {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new InvalidInput(errors);
  return { submission, warnings: problems.filter((p) => p.severity !== 'error') };
}

function requestHash(period: string, input: SubmissionInput): string {
  const hash = createHash('sha256').update(`${period}\n${input.kind}\n`);
  return hash.update(input.kind === 'json' ? JSON.stringify(input.body) : input.bytes).digest('hex');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
