// Reads what a client sent to a route that takes a JSON body or a workbook: JSON, an .xlsx as the raw
// body, or multipart/form-data with one file field named `file`.
import busboy from 'busboy';
import express, { type Request } from 'express';
import { MAX_ROWS_PER_SHEET } from '../../shared/schemas.js';
import { HttpError } from '../errors.js';
import { XLSX_TYPE } from './registry.js';

export const tooLarge = (limit: number): HttpError =>
  new HttpError(
    413,
    'payload-too-large',
    `The upload is over the ${Math.round(limit / 1024 / 1024)} MB limit.`,
  );

/** A request body as received: its bytes, not yet decoded (decoding a large return is the costly part). */
export interface Upload {
  kind: 'json' | 'xlsx';
  bytes: Buffer;
}

/** The body parser for routes that take an upload: JSON and workbooks stay bytes until decoded. */
export const uploadBody = (limit: number) => express.raw({ type: ['application/json', XLSX_TYPE], limit });

export async function receiveUpload(req: Request, limit: number): Promise<Upload> {
  if (req.is('application/json') || req.is(XLSX_TYPE)) {
    if (!Buffer.isBuffer(req.body)) throw new HttpError(400, 'empty-upload', 'The request body is empty.');
    return { kind: req.is(XLSX_TYPE) ? 'xlsx' : 'json', bytes: req.body };
  }
  if (req.is('multipart/form-data')) return { kind: 'xlsx', bytes: await readMultipartFile(req, limit) };
  throw new HttpError(
    415,
    'unsupported-media-type',
    `Send JSON (application/json), a workbook (${XLSX_TYPE}) or multipart/form-data with a "file" field.`,
  );
}

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

export function decodeUpload(upload: Upload): DecodedUpload {
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
    return { kind: 'json', body: JSON.parse(upload.bytes.toString('utf8')) as unknown };
  } catch {
    throw new HttpError(400, 'invalid-json', 'The request body is not valid JSON.');
  }
}

function readMultipartFile(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: limit, files: 1, fields: 10 } });
    } catch {
      reject(new HttpError(400, 'bad-multipart', 'The multipart request could not be read.'));
      return;
    }
    let file: Buffer | undefined;
    let failure: HttpError | undefined;
    parser.on('file', (name, stream) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure = tooLarge(limit);
      });
      stream.on('end', () => {
        if (!failure) file = Buffer.concat(chunks);
      });
    });
    parser.on('error', () =>
      reject(new HttpError(400, 'bad-multipart', 'The multipart request could not be read.')),
    );
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (!file) reject(new HttpError(400, 'missing-file', 'The form has no file field named "file".'));
      else resolve(file);
    });
    req.pipe(parser);
  });
}
