// One declaration per API route: its path, who may call it and its request/response schemas. The same
// declaration mounts the Express handler behind `allow(...)`, parses the request's params, query and
// JSON body for it, and feeds the OpenAPI document and the human-readable /api page, so the handler, the
// documents and what is accepted can never disagree.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { apiErrorSchema, apiProblemsSchema } from '../../shared/api.js';
import { allow, type Audience } from '../auth/middleware.js';
import { parseRequestBody } from '../services/json-problems.js';
import { pathParams, queryParams } from './params.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const API_PREFIX = '/api/v1';

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

export interface RouteSpec {
  method: Method;
  /** Express syntax (`/councils/:council`); shown as `{council}` in the documents. */
  path: string;
  /** The operation's name in the OpenAPI document, and so in clients generated from it: camelCase, unique,
   * and never renamed (a client's method names depend on it). */
  operationId: string;
  who: Audience | 'public';
  /** What the audit trail calls this change; every write route has one (DESIGN §9.3). */
  action?: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /**
   * The JSON body; `workbook: true` also takes an .xlsx (raw body, or multipart field "file"), which the
   * handler receives itself (uploads.ts), so the registry does not parse that body.
   */
  body?: { json: z.ZodType; workbook?: true };
  headers?: z.ZodObject;
  /** Success responses by status: a JSON schema, or a content type for files. */
  responses: Record<number, { description: string; json?: z.ZodType; contentType?: string }>;
  /** Error statuses this route can answer with (401/403 are added for signed-in routes). */
  errors?: number[];
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What the registry hands a route's handler: its params, query and JSON body, each parsed by its schema. */
export interface RouteInput<S extends RouteSpec> {
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  body: S['body'] extends { json: infer B; workbook?: undefined } ? Parsed<B> : undefined;
}

/** A route's own handler, last after any middleware: Express's request and response, and the parsed input. */
export type RouteHandler<S extends RouteSpec> = (
  req: Request,
  res: Response,
  input: RouteInput<S>,
) => void | Promise<void>;

/**
 * Parses a request by its route's declaration, in the order handlers did before the registry did it for
 * them: a path that names nothing is 404, a bad query 400, a bad JSON body 422.
 */
function parseInput<S extends RouteSpec>(spec: S, req: Request): RouteInput<S> {
  // Each field is what its declared schema gives, as RouteInput says; the compiler cannot follow its
  // conditional types through a generic `S`, so this is the one place that asserts it.
  return {
    params: spec.params && pathParams(spec.params, req),
    query: spec.query && queryParams(spec.query, req),
    body: spec.body && !spec.body.workbook ? parseRequestBody(spec.body.json, req.body) : undefined,
  } as RouteInput<S>;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request',
  401: 'No valid access token',
  403: 'The token may not do this',
  404: 'Not found',
  409: 'Conflict (stale If-Match, or no partnership yet)',
  413: 'Over the size limit',
  422: 'Invalid input: every problem with sheet, row and column',
  423: 'The period is locked',
  429: 'Too many requests (see the error code)',
};

const BINARY = { type: 'string' as const, format: 'binary' };
const WORKBOOK_CONTENT = {
  [XLSX_TYPE]: { schema: BINARY },
  'multipart/form-data': {
    schema: { type: 'object' as const, properties: { file: BINARY }, required: ['file'] },
  },
};

export class ApiRegistry {
  readonly openapi = new OpenAPIRegistry();
  readonly routes: RouteSpec[] = [];

  constructor(
    private readonly authenticate: RequestHandler,
    /** Records the route's refused writes in the audit trail. */
    private readonly auditRefusals: (spec: RouteSpec) => RequestHandler,
  ) {
    this.openapi.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  }

  /**
   * Declares a route and mounts it on `router` (which is mounted at API_PREFIX): any middleware, then the
   * route's handler, which gets the request's input parsed by the declaration's schemas.
   */
  add<S extends RouteSpec>(
    router: Router,
    spec: S,
    ...handlers: [...middleware: RequestHandler[], handler: RouteHandler<S>]
  ): void {
    if (spec.method !== 'get' && !spec.action)
      throw new Error(`${spec.method} ${spec.path} changes something: give it an audit action`);
    if (!/^[a-z][a-zA-Z0-9]*$/.test(spec.operationId))
      throw new Error(`${spec.method} ${spec.path}: operationId "${spec.operationId}" is not camelCase`);
    if (this.routes.some((r) => r.operationId === spec.operationId))
      throw new Error(`${spec.method} ${spec.path}: operationId "${spec.operationId}" is taken`);
    this.routes.push(spec);
    this.register(spec);
    const audit = spec.method === 'get' ? [] : [this.auditRefusals(spec)];
    const guard = spec.who === 'public' ? [] : [this.authenticate, allow(spec.who)];
    const handler = handlers.at(-1) as RouteHandler<S>;
    const middleware = handlers.slice(0, -1) as RequestHandler[];
    router[spec.method](spec.path, ...audit, ...guard, ...middleware, (req, res) =>
      handler(req, res, parseInput(spec, req)),
    );
  }

  document(serverUrl?: string): object {
    return new OpenApiGeneratorV31(this.openapi.definitions).generateDocument({
      openapi: '3.1.0',
      info: {
        title: 'Shared CDO sync service',
        version: '1',
        description:
          'Councils submit their contribution, skills and project returns; the service keeps every version ' +
          'and merges all councils into one consolidated view. Money is integer pence.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: `${serverUrl ?? ''}${API_PREFIX}` }],
    });
  }

  private register(spec: RouteSpec): void {
    // Every API route is rate-limited (429), and every signed-in one can refuse a caller (401, 403).
    const errors = new Set([...(spec.errors ?? []), 429, ...(spec.who === 'public' ? [] : [401, 403])]);
    const responses: Record<string, object> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.json
          ? { content: { 'application/json': { schema: r.json } } }
          : r.contentType
            ? { content: { [r.contentType]: { schema: { type: 'string', format: 'binary' } } } }
            : {}),
      };
    }
    for (const status of [...errors].sort()) {
      responses[status] = {
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/json': { schema: status === 422 ? apiProblemsSchema : apiErrorSchema } },
      };
    }
    const who =
      spec.who === 'public' ? 'public' : spec.who === 'any' ? 'any signed-in role' : spec.who.join(', ');
    this.openapi.registerPath({
      method: spec.method,
      path: openApiPath(spec.path),
      operationId: spec.operationId,
      summary: spec.summary,
      description: `${spec.description ? `${spec.description}\n\n` : ''}Who: ${who}.`,
      // A public operation says so (`[]`): without it, tools read it as taking no stance on signing in.
      security: spec.who === 'public' ? [] : [{ bearer: [] }],
      request: {
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { query: spec.query } : {}),
        ...(spec.headers ? { headers: spec.headers } : {}),
        ...(spec.body
          ? {
              body: {
                content: {
                  'application/json': { schema: spec.body.json },
                  ...(spec.body.workbook ? WORKBOOK_CONTENT : {}),
                },
              },
            }
          : {}),
      },
      responses,
    });
  }
}

export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
