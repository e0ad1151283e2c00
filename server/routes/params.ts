// Route parameters and query strings, checked with the shared schemas; a bad one is a 400 that says
// what was expected (or a 404 for a path segment that cannot name anything).
import type { Request } from 'express';
import { z } from 'zod';
import { councilIdSchema, periodSchema } from '../../shared/schemas.js';
import { badRequest, notFound } from '../errors.js';

export const councilParams = z.object({ council: councilIdSchema });
/**
 * The one parser of an id in a path (a submission, token, user or tenant): canonical decimal only, no
 * sign, no leading zero, no `0x1`, `6.0` or `8e0`, so that one number has one path; anything else is 404.
 */
const idParam = z
  .string()
  .regex(/^[1-9]\d{0,14}$/)
  .transform(Number);
export const submissionParams = z.object({ council: councilIdSchema, sid: idParam });
export const periodParams = z.object({ period: periodSchema });
/** A numbered record: a token, user or tenant. */
export const idParams = z.object({ id: idParam });
export const periodQuery = z.object({ period: periodSchema.optional() });
/** The consolidated view: its month, and the earlier month to compare it with (P−1 by default). */
export const consolidatedQuery = periodQuery.extend({ compare: periodSchema.optional() });

export function pathParams<T extends z.ZodObject>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.params);
  if (!parsed.success) throw notFound(`Nothing is found at ${req.originalUrl.split('?')[0]}.`);
  return parsed.data;
}

export function queryParams<T extends z.ZodObject>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest('invalid-query', `${issue.path.join('.') || 'query'}: ${issue.message}`);
  }
  return parsed.data;
}
