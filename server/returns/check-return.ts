// Checking a council's return before it is stored: the schema, the period, the cross-row and
// partnership rules; then what the store keeps of it (its JSON text, serialised once, and its row
// digest) and, for an Idempotency-Key, the hash that recognises a retry. Pure, so it can run in a worker
// thread.
import { createHash } from 'node:crypto';
import { ABOUT_LABELS, ABOUT_SHEET } from '../../shared/sheets/index.js';
import { validateCouncilSubmission } from '../../shared/parse/index.js';
import { problem } from '../../shared/parse/problems.js';
import { say } from '../../shared/i18n/say.js';
import {
  parseCouncilSubmission,
  type CouncilSubmission,
  type Partnership,
  type Problem,
} from '../../shared/schemas.js';
import { InvalidInput } from '../errors.js';
import { COUNCIL_JSON, refuseTooManyRows, zodRefusal } from '../services/json-problems.js';
import { readStoredDigest, serialiseWithDigest, storedDigest, type RowDigest } from './row-diff/digest.js';
import type { DecodedUpload } from './upload.js';

export interface ReturnContext {
  partnership: Partnership;
  council: string;
  period: string;
}

export interface CheckedSubmission {
  submission: CouncilSubmission;
  warnings: Problem[];
}

/** A return ready to store, as the decode worker hands it over: the text as bytes, moved rather than copied. */
export interface StorableReturn {
  /** The submission's JSON text, UTF-8 encoded, in an ArrayBuffer of its own. */
  json: Uint8Array;
  /**
   * Its rows' keys and hashes (row-diff/digest.ts) as stored with the version, for the next version's
   * changes: made here, beside the rest, and sent as this one text (this receipt's changes read it too).
   */
  storedRowDigest: string;
  warnings: Problem[];
  /** Present when asked for: identifies the request body for Idempotency-Key replays. */
  requestHash?: string;
}

/** A return ready to store: serialised once, for the database and the digest alike. */
export interface CheckedReturn extends StorableReturn {
  /** Its rows' keys and hashes, read from `storedRowDigest`, for the receipt's changes. */
  readonly rowDigest: RowDigest;
  /** The submission's JSON text, as stored (decoded from `json` when asked for; the store takes `json`). */
  readonly data: string;
}

export function checkJson(body: unknown, { partnership, council, period }: ReturnContext): CheckedSubmission {
  refuseTooManyRows(body, COUNCIL_JSON);
  const parsed = parseCouncilSubmission(body);
  if (!parsed.success) throw zodRefusal(parsed.error.issues, COUNCIL_JSON);
  if (parsed.data.period !== period) {
    const said = say('problem.periodMismatch', { given: parsed.data.period, period });
    throw new InvalidInput([
      problem(ABOUT_SHEET, null, ABOUT_LABELS.period, 'period-mismatch', 'error', said),
    ]);
  }
  return split(parsed.data, validateCouncilSubmission(parsed.data, { partnership, council, period }));
}

/**
 * Problems of severity 'error' refuse the return (422); the rest travel with it as warnings. `errorCount`
 * counts errors found beyond those listed.
 */
export function split(
  submission: CouncilSubmission,
  problems: Problem[],
  errorCount?: number,
): CheckedSubmission {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length || errorCount) throw new InvalidInput(errors, errorCount ?? errors.length);
  return { submission, warnings: problems.filter((p) => p.severity !== 'error') };
}

export function toStore({ submission, warnings }: CheckedSubmission): StorableReturn {
  const { json, digest } = serialiseWithDigest(submission);
  return { json, storedRowDigest: storedDigest(digest), warnings };
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The return as the store takes it, with its text to hand too. */
export function storable(checked: StorableReturn): CheckedReturn {
  let text: string | undefined;
  return {
    ...checked,
    // Slices of the stored text: no copy of the rows' lines is made.
    rowDigest: readStoredDigest(checked.storedRowDigest)!,
    get data() {
      return (text ??= utf8.decode(checked.json));
    },
  };
}

/** The same body sent again hashes the same, whichever way it was decoded. */
export function requestHash(period: string, input: DecodedUpload): string {
  const hash = createHash('sha256').update(`${period}\n${input.kind}\n`);
  return hash.update(input.kind === 'json' ? JSON.stringify(input.body) : input.bytes).digest('hex');
}
