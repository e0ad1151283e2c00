// Errors a request can end with. Every error body is `{ error: { code, message } }`, or for invalid
// input `{ errors: [problem, ...] }`; the error handler turns these classes into those bodies.
import { MAX_LISTED_PROBLEMS } from '../shared/parse/problems.js';
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

/**
 * 422: the input was read but breaks the rules; each problem names sheet, row and column. At most
 * MAX_LISTED_PROBLEMS are listed (DESIGN §9.5); `problemCount` is how many were found in all.
 */
export class InvalidInput extends Error {
  readonly problems: Problem[];
  readonly problemCount: number;

  constructor(problems: Problem[], problemCount = problems.length) {
    super(`${problemCount} problem(s) in the submission`);
    this.problems = problems.length > MAX_LISTED_PROBLEMS ? problems.slice(0, MAX_LISTED_PROBLEMS) : problems;
    this.problemCount = Math.max(problemCount, problems.length);
  }
}

export const badRequest = (code: string, message: string): HttpError => new HttpError(400, code, message);
export const notFound = (message: string): HttpError => new HttpError(404, 'not-found', message);
export const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message);
