// Reads what a client sent to a route that takes a JSON body or a workbook: JSON, an .xlsx as the raw
// body, or multipart/form-data with one file field named `file`. The body goes to the upload spool
// (returns/spool.ts), never whole into memory; decoding it is a decode worker's job, not the route's.
import busboy from 'busboy';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { HttpError } from '../errors.js';
import type { Spooled, UploadSpool } from '../returns/spool.js';
import type { Upload } from '../returns/upload.js';
import { XLSX_TYPE } from './registry.js';

/** A body that is not an upload (a review, a token, a person) is small, read into memory, and at most this. */
export const MAX_PLAIN_BODY_BYTES = 100 * 1024;
export const plainJsonBody = (): RequestHandler => express.json({ limit: MAX_PLAIN_BODY_BYTES });

/** Room for a multipart form's boundaries and headers around a file of the size limit. */
const MULTIPART_OVERHEAD = 64 * 1024;

const declaredLength = (req: Request): number | undefined => {
  const header = req.headers['content-length'];
  return header === undefined ? undefined : Number(header);
};

/**
 * Reserves the body's room in the spool before a byte is read (413 when it says it is too big, 503 when
 * the service is full), and gives it back, with any spooled file, when the response is done or cut off.
 */
export const uploadBody =
  (spool: UploadSpool): RequestHandler =>
  (req, res, next) => {
    const multipart = Boolean(req.is('multipart/form-data'));
    const declared = declaredLength(req);
    const room = spool.reserve(
      multipart && declared !== undefined ? Math.max(0, declared - MULTIPART_OVERHEAD) : declared,
    );
    res.on('close', room.release);
    next();
  };

/** The body's bytes or file, alone (it crosses to a worker thread); the file goes once the response is done. */
const whenDone = (
  res: Response,
  { discard, ...spooled }: Spooled & { discard(): Promise<void> },
): Spooled => {
  res.on('close', () => void discard());
  if (res.writableFinished || res.destroyed) void discard();
  return spooled;
};

export async function receiveUpload(req: Request, res: Response, spool: UploadSpool): Promise<Upload> {
  if (req.is('application/json') || req.is(XLSX_TYPE)) {
    const length = declaredLength(req);
    const spooled = whenDone(res, await spool.receive(req, length === undefined ? {} : { length }));
    if (spooled.size === 0) throw new HttpError(400, 'empty-upload', 'The request body is empty.');
    return { kind: req.is(XLSX_TYPE) ? 'xlsx' : 'json', ...spooled };
  }
  if (req.is('multipart/form-data')) return { kind: 'xlsx', ...(await readMultipartFile(req, res, spool)) };
  throw new HttpError(
    415,
    'unsupported-media-type',
    `Send JSON (application/json), a workbook (${XLSX_TYPE}) or multipart/form-data with a "file" field.`,
  );
}

function readMultipartFile(req: Request, res: Response, spool: UploadSpool): Promise<Spooled> {
  const unreadable = () => new HttpError(400, 'bad-multipart', 'The multipart request could not be read.');
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fieldSize: 1024 } });
    } catch {
      reject(unreadable());
      return;
    }
    let file: Promise<Spooled> | undefined;
    parser.on('file', (name, stream) => {
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      file = spool.receive(stream).then((spooled) => whenDone(res, spooled));
      // Read on past a refusal so the form's end is still seen; the refusal is reported then.
      file.catch(() => stream.resume());
    });
    parser.on('error', () => reject(unreadable()));
    parser.on('close', () => {
      if (!file) reject(new HttpError(400, 'missing-file', 'The form has no file field named "file".'));
      else file.then(resolve, reject);
    });
    req.pipe(parser);
  });
}
