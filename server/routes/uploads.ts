// Reads what a client sent to a route that takes a JSON body or a workbook: JSON, an .xlsx as the raw
// body, or multipart/form-data with one file field named `file`. Decoding what was received is
// services/upload.ts's (a decode worker's) job, not the route's.
import busboy from 'busboy';
import express, { type Request } from 'express';
import { HttpError } from '../errors.js';
import type { Upload } from '../services/upload.js';
import { XLSX_TYPE } from './registry.js';

export const tooLarge = (limit: number): HttpError =>
  new HttpError(
    413,
    'payload-too-large',
    `The upload is over the ${Math.round(limit / 1024 / 1024)} MB limit.`,
  );

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
