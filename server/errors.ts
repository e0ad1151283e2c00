// Errors a request can end with. Every error body is `{ error: { code, message } }`, or for invalid
// input `{ errors: [problem, ...] }`; the error handler turns these classes into those bodies.
import type { Problem } from '../shared/schemas.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** 422: the input was read but breaks the rules; each problem names sheet, row and column. */
export class InvalidInput extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in the submission`);
  }
}

export const badRequest = (code: string, message: string): HttpError => new HttpError(400, code, message);
export const notFound = (message: string): HttpError => new HttpError(404, 'not-found', message);
export const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message);
