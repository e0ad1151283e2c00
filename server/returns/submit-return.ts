// Submitting a council's return: the one code path behind POST /councils/{id}/submissions and
// `shared-cdo submit`. Reads JSON or a workbook, validates it against the partnership, then appends a
// version in one transaction (lock, If-Match, Idempotency-Key and the version number checked inside).
import type { Actor, SubmissionReceipt } from '../../shared/api.js';
import { periodLabel } from '../../shared/dates.js';
import type { Partnership } from '../../shared/schemas.js';
import { problem } from '../../shared/parse/problems.js';
import { say } from '../../shared/i18n/say.js';
import { HttpError, InvalidInput, notFound } from '../errors.js';
import type { Store, SubmissionSource } from '../store/index.js';
import { checkJson, requestHash, storable, toStore, type CheckedReturn } from './check-return.js';
import type { DecodePool } from './decode/pool.js';
import { readStoredDigest, rowDigest, storedDigest } from './row-diff/digest.js';
import { diffDigests } from './row-diff/diff.js';
import type { Upload } from './upload.js';

/**
 * An upload's bytes, decoded in the decode pool (which takes them over: they are not to be used after);
 * or a body decoded already (the demo's own returns).
 */
export type SubmissionInput =
  { input: Upload; decoder: DecodePool } | { input: { kind: 'json'; body: unknown } };

export type SubmitReturn = SubmissionInput & SubmitDetails;

interface SubmitDetails {
  council: string;
  period: string;
  source: SubmissionSource;
  /** Who sent it, kept as "by whom" and in the audit trail. */
  actor: Actor;
  idempotencyKey?: string;
  expectedVersion?: number;
  /** Versions a council may keep for one period (MAX_VERSIONS_PER_PERIOD). */
  maxVersions?: number;
  /** The sender confirmed that a return with no rows at all is meant (`?confirm=empty`). */
  confirmEmpty?: boolean;
  now: Date;
}

export async function submitReturn(store: Store, request: SubmitReturn): Promise<SubmissionReceipt> {
  const { council, period } = request;
  const partnership = await currentPartnership(store);
  if (!partnership.councils.some((c) => c.id === council)) {
    throw notFound(`There is no council "${council}" in the partnership.`);
  }

  const context = { partnership, council, period };
  const hashRequest = request.idempotencyKey !== undefined;
  const checked: CheckedReturn =
    'decoder' in request
      ? await request.decoder.checkReturn({ ...request.input, context, hashRequest }, { handOver: true })
      : {
          ...storable(toStore(checkJson(request.input.body, context))),
          ...(hashRequest ? { requestHash: requestHash(period, request.input) } : {}),
        };

  const submittedAt = request.now.toISOString();
  const { warnings } = checked;
  const digest = checked.rowDigest;
  // An empty template sent by mistake would remove every row of the latest version: that must be meant.
  if (!request.confirmEmpty && Object.values(digest).every((rows) => rows === '')) {
    throw new InvalidInput([
      problem('Contributions', null, null, 'empty-return', 'error', say('problem.emptyReturn')),
    ]);
  }
  const result = await store.appendSubmission({
    council,
    period,
    data: checked.json,
    rowDigest: storedDigest(digest),
    submittedAt,
    actor: request.actor,
    source: request.source,
    ...(checked.requestHash !== undefined
      ? { idempotencyKey: request.idempotencyKey, requestHash: checked.requestHash }
      : {}),
    ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
    ...(request.maxVersions !== undefined ? { maxVersions: request.maxVersions } : {}),
    receipt: async ({ version, previous }): Promise<Omit<SubmissionReceipt, 'id'>> => {
      const before = previous
        ? (readStoredDigest(previous.rowDigest) ?? rowDigest(await previous.data()))
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
    case 'too-many-versions':
      throw new HttpError(
        429,
        'too-many-versions',
        `${council} already has ${result.latest} versions for ${period}, the most a council may keep for one period. ` +
          'Nothing was stored. Check the latest version; if this return must still be filed, ask your administrator, ' +
          'who can raise MAX_VERSIONS_PER_PERIOD or file it with `shared-cdo submit`.',
      );
    case 'key-reused':
      throw new HttpError(
        409,
        'idempotency-key-reused',
        'This Idempotency-Key was already used for a different submission. Use a new key for new data.',
      );
  }
}

/** Per store, the partnership submissions were last checked against, with its version. */
const lastPartnership = new WeakMap<Store, { version: number; partnership: Partnership }>();

/**
 * The current partnership (as `requirePartnership`), read and checked again only when a new version has
 * been saved since: a submission only reads it.
 */
async function currentPartnership(store: Store): Promise<Partnership> {
  const version = await store.partnershipVersion();
  const last = lastPartnership.get(store);
  if (last?.version === version) return last.partnership;
  const current = await store.currentPartnership();
  if (!current) return requirePartnership(store);
  lastPartnership.set(store, current);
  return current.partnership;
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
    `${periodLabel(period)} is locked by the CDO; ask them to reopen it to submit.`,
  );
