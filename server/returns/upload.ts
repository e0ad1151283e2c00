// An upload as the services take it: the bytes a route received, and their decoding (JSON parsed, with
// its size checked first; a workbook stays bytes for the workbook reader), which runs in a decode worker.
import { MAX_ROWS_PER_SHEET } from '../../shared/schemas.js';
import { HttpError } from '../errors.js';

/**
 * A request body as received, not yet decoded (decoding a large return is the costly part): its bytes,
 * or the spooled file that holds them (spool.ts), which the decode worker reads.
 */
export type Upload = { kind: 'json' | 'xlsx' } & ({ bytes: Buffer } | { file: string });

/** The bytes of a body that is in memory (the command line's files, tests). */
export type UploadBytes = Extract<Upload, { bytes: Buffer }>;

/** An upload once decoded: JSON parsed; a workbook stays bytes for the workbook reader. */
export type DecodedUpload = { kind: 'json'; body: unknown } | { kind: 'xlsx'; bytes: Buffer };

/**
 * `{` and `[` a JSON body may hold: a row of each of the partnership's five sheets, or a return's rows
 * with their lists of partners, with room for brackets in text. JSON.parse cannot be interrupted, so a
 * body of nothing but `{}` (10 MB of it needs over 200 MB) would outgrow a decode worker's memory inside
 * it and take the whole process down; the count is checked before parsing.
 */
const MAX_JSON_CONTAINERS = 6 * MAX_ROWS_PER_SHEET;

function countBytes(bytes: Buffer, byte: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte); at !== -1; at = bytes.indexOf(byte, at + 1)) count += 1;
  return count;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeUpload(upload: UploadBytes): DecodedUpload {
  if (upload.kind === 'xlsx') return { kind: 'xlsx', bytes: upload.bytes };
  const containers = countBytes(upload.bytes, 0x7b) + countBytes(upload.bytes, 0x5b);
  if (containers > MAX_JSON_CONTAINERS) {
    throw new HttpError(
      413,
      'too-many-rows',
      `The body holds over ${MAX_JSON_CONTAINERS.toLocaleString('en-GB')} JSON objects and lists; a sheet may hold at most ${MAX_ROWS_PER_SHEET.toLocaleString('en-GB')} rows.`,
    );
  }
  try {
    return { kind: 'json', body: JSON.parse(utf8.decode(upload.bytes)) as unknown };
  } catch {
    throw new HttpError(400, 'invalid-json', 'This is not valid JSON.');
  }
}
