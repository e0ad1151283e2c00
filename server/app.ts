// The Express application: security headers, logs, limits, authentication, the API routes of
// DESIGN §5 under /api/v1, the add-in's files, and one error handler that never leaks a stack trace.
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet, { strictTransportSecurity } from 'helmet';
import { pinoHttp } from 'pino-http';
import { entraVerifier } from './auth/entra.js';
import { authenticate, identify } from './auth/middleware.js';
import { DatabaseLimitStore } from './auth/shared-limits.js';
import type { Config } from './config.js';
import { unlistedSentence } from '../shared/parse/problems.js';
import { HttpError, InvalidInput } from './errors.js';
import { errorMessage, problemsIn, requestLocale } from './error-language.js';
import type { Logger } from './logger.js';
import type { DecodePool } from './returns/decode/pool.js';
import { BusyError, tooLarge, UploadSpool, type SpoolLimits } from './returns/spool.js';
import type { Store } from './store/index.js';
import { addinRoutes, DEV_PORT } from './routes/addin.js';
import { agreementRoutes } from './routes/agreements.js';
import { auditRoutes } from './routes/audit.js';
import { clientConfigRoutes } from './routes/client-config.js';
import { consolidatedRoutes } from './routes/consolidated.js';
import type { RouteContext } from './routes/context.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { lockRoutes } from './routes/locks.js';
import { meRoutes } from './routes/me.js';
import { partnershipRoutes } from './routes/partnership.js';
import { peopleRoutes } from './routes/people.js';
import { personalDataRoutes } from './routes/personal-data.js';
import { auditLimitedWrite, auditRefusals } from './routes/refusals.js';
import { API_PREFIX, ApiRegistry } from './routes/registry.js';
import { statusRoutes } from './routes/status.js';
import { submissionRoutes } from './routes/submissions.js';
import { downloadLinkRoutes, loggablePath } from './routes/download-links.js';
import { templateRoutes } from './routes/templates.js';
import { tokenRoutes } from './routes/tokens.js';
import { MAX_PLAIN_BODY_BYTES, plainJsonBody } from './routes/uploads.js';
import { DatabaseOutage, isDatabaseUnreachable } from './store/unreachable.js';
import { yearRoutes } from './routes/years.js';

export interface AppDeps {
  store: Store;
  logger: Logger;
  /** Decodes uploads beside the thread that serves requests (main.ts makes and closes it). */
  decoder: DecodePool;
  /** The clock (tests set it to check deadlines and periods). */
  now?: () => Date;
  /** Where upload bodies wait until decoded; one of its own by default. */
  spool?: UploadSpool;
}

/** Failed sign-ins allowed per client address in the window before it is refused for a while. */
const FAILED_AUTH_LIMIT = 30;
const FAILED_AUTH_WINDOW_MS = 15 * 60_000;

/** Uploads keep this much of a body in memory; the rest waits in a private file, unless it fits below. */
const SPOOL_MEMORY_BYTES = 256 * 1024;
/**
 * Bodies that arrive within a second may keep the rest in memory too, while all of them together hold at
 * most this: a dozen returns of a few megabytes go to a decode worker without a trip through the disk.
 * Bodies waiting for a worker add to the workers' own peak: with 32 MB the hostile bench's peak memory
 * passed its 600 MB limit (602 and 605 MB); with 24 MB it was 573 MB, with none 556 MB.
 */
const SPOOL_SHARED_MEMORY_BYTES = 24 * 1024 * 1024;
const SPOOL_MEMORY_HOLD_MS = 1000;
/** Bytes that upload bodies in flight may hold together, in memory and spooled, before new ones get 503. */
export const UPLOADS_IN_FLIGHT_BYTES = 128 * 1024 * 1024;

export const uploadLimits = (config: Config): SpoolLimits => ({
  maxBytes: config.maxUploadBytes,
  memoryBytes: SPOOL_MEMORY_BYTES,
  sharedMemoryBytes: SPOOL_SHARED_MEMORY_BYTES,
  memoryHoldMs: SPOOL_MEMORY_HOLD_MS,
  budgetBytes: UPLOADS_IN_FLIGHT_BYTES,
});

export function createApp(config: Config, deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy the client's address is in X-Forwarded-For; the limits below count by it.
  app.set('trust proxy', config.trustProxy);
  const now = deps.now ?? (() => new Date());
  const ctx: RouteContext = {
    config,
    store: deps.store,
    logger: deps.logger,
    now,
    registry: new ApiRegistry(authenticate, auditRefusals(deps.store, now, deps.logger)),
    decoder: deps.decoder,
    outage: new DatabaseOutage(deps.logger),
    spool: deps.spool ?? new UploadSpool(uploadLimits(config)),
  };

  // HSTS means something only over TLS (the service's own, or a proxy's that TRUST_PROXY believes); over
  // plain http it is at best ignored, so it is not sent there.
  app.use(helmet({ strictTransportSecurity: false }));
  const hsts = strictTransportSecurity();
  app.use((req, res, next) => (req.secure ? hsts(req, res, next) : next()));
  app.use(
    pinoHttp({
      logger: deps.logger,
      // Query strings can hold e-mail addresses; log the path only, without the address a person
      // route names (DESIGN §11: logs hold no names or e-mail addresses), and a download link by its
      // id alone.
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({
          id: req.id,
          method: req.method,
          path: loggablePath(req.url.split('?')[0]!.replace(/(\/people\/)[^/]+/, '$1…')),
        }),
        // The status is what an operator needs; helmet's dozen headers on every line are noise.
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // 503 is the database away or the service busy, logged once as such (DatabaseOutage), not a fault
      // of each request.
      customLogLevel: (_req, res, error) =>
        res.statusCode === 503 ? 'warn' : error || res.statusCode >= 500 ? 'error' : 'info',
    }),
  );
  app.use(healthRoutes(ctx));
  app.use(docsRoutes(ctx));

  const api = express.Router();
  api.use(allowCrossOrigin);
  // Every API answer carries council or personal data (or says who may see it): no cache keeps a copy.
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  const clientKey = (req: express.Request): string => ipKeyGenerator(req.ip ?? '');
  const failedSignIns = new DatabaseLimitStore(deps.store, 'failed-sign-ins:');
  api.use(
    identify({
      store: deps.store,
      now,
      ...(config.entra ? { entra: entraVerifier(config.entra) } : {}),
      lockedOut: async (req) => (await failedSignIns.hits(clientKey(req))) >= FAILED_AUTH_LIMIT,
    }),
  );
  api.use(auditLimitedWrite(deps.store, now, deps.logger));
  api.use(
    rateLimit({
      windowMs: 60_000,
      limit: config.rateLimitPerMinute,
      store: new DatabaseLimitStore(deps.store, 'requests:'),
      // Per token when signed in, so officers sharing one council address do not share one allowance.
      keyGenerator: (req, res) => {
        const caller = (res as express.Response).locals.caller;
        return caller ? `${caller.via}:${caller.id}` : clientKey(req);
      },
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) =>
        sendError(res, 429, 'rate-limited', 'Too many requests; wait a minute and try again.'),
    }),
  );
  // Only a request that carries a token, and not a valid one, is a failed sign-in; routes that take no
  // token (/config, download links) are neither counted nor refused, whoever failed at that address.
  const signedInOrTokenFree = (req: express.Request, res: express.Response): boolean =>
    res.locals.caller !== undefined || req.get('authorization') === undefined;
  // A request the client gave up on never finishes, so the limiter would count it as a failed sign-in;
  // many officers behind one council's address closing the pane must not lock that council out.
  api.use((req, res, next) => {
    res.on('close', () => {
      if (!res.writableFinished && !signedInOrTokenFree(req, res))
        void failedSignIns
          .decrement(clientKey(req))
          .catch((error: unknown) =>
            deps.logger.error({ err: error }, 'a failed sign-in was not taken back'),
          );
    });
    next();
  });
  api.use(
    rateLimit({
      windowMs: FAILED_AUTH_WINDOW_MS,
      limit: FAILED_AUTH_LIMIT,
      store: failedSignIns,
      keyGenerator: clientKey,
      // A valid token is never refused because others at its address failed to sign in.
      skip: signedInOrTokenFree,
      skipSuccessfulRequests: true,
      requestWasSuccessful: (_req, res) => res.statusCode !== 401,
      standardHeaders: false,
      legacyHeaders: false,
      handler: (_req, res) =>
        sendError(
          res,
          429,
          'too-many-failed-sign-ins',
          'Too many requests with a wrong token from this address; try again later.',
        ),
    }),
  );
  // Routes that take uploads read their own bodies (bytes until decoded), so they come before the
  // JSON parser that the others share.
  for (const routes of [meRoutes, partnershipRoutes, submissionRoutes]) api.use(routes(ctx));
  // Other bodies are a review, a token or a person: small, read into memory, and limited to that.
  api.use(plainJsonBody());
  for (const routes of [
    statusRoutes,
    consolidatedRoutes,
    templateRoutes,
    downloadLinkRoutes,
    lockRoutes,
    tokenRoutes,
    peopleRoutes,
    personalDataRoutes,
    auditRoutes,
    clientConfigRoutes,
    agreementRoutes,
    yearRoutes,
  ])
    api.use(routes(ctx));
  api.use((req, _res, next) =>
    next(new HttpError(404, 'not-found', `There is no API route ${req.method} ${req.baseUrl}${req.path}.`)),
  );
  app.use(API_PREFIX, api);

  // Without PUBLIC_URL the manifest points at this machine, on the port the service listens on.
  const manifestUrl =
    config.publicUrl ??
    (config.port && config.port !== DEV_PORT ? `https://localhost:${config.port}` : undefined);
  app.use(addinRoutes(manifestUrl ? { publicUrl: manifestUrl } : {}));
  app.use((req, _res, next) => next(new HttpError(404, 'not-found', `Nothing is found at ${req.path}.`)));
  app.use(errorHandler(ctx.outage));
  return app;
}

/** Every error answer: its code as it is, its message in the language the request asks for (DESIGN §12). */
function sendError(res: express.Response, status: number, code: string, message: string): void {
  res.vary('Accept-Language');
  res
    .status(status)
    .json({ error: { code, message: errorMessage(requestLocale(res.req), code, status, message) } });
}

/** Bearer tokens, no cookies: any origin may call the API (an add-in can be served from elsewhere). */
const allowCrossOrigin: RequestHandler = (req, res, next) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Expose-Headers', 'ETag, Location');
  if (req.method !== 'OPTIONS') {
    next();
    return;
  }
  res
    .set('Access-Control-Allow-Methods', 'GET, PUT, POST, PATCH, DELETE')
    .set(
      'Access-Control-Allow-Headers',
      'Authorization, Content-Type, If-Match, Idempotency-Key, X-Submission-Source',
    )
    .set('Access-Control-Max-Age', '600')
    .status(204)
    .end();
};

/** Seconds a client is asked to wait before trying again while the database does not answer. */
const DATABASE_RETRY_AFTER_SECONDS = 30;

/** Errors of a stream whose client went away. */
const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE']);

function errorHandler(outage: DatabaseOutage): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (isDatabaseUnreachable(error)) {
      outage.failed(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      sendError(
        res,
        503,
        'database-unavailable',
        'The service cannot reach its database just now; try again in a minute.',
      );
      return;
    }
    if (res.headersSent) {
      // A client that goes away mid-download (the pane closed, a network blip) is routine, not a fault.
      const code = (error as { code?: unknown }).code;
      if (req.socket.destroyed || (typeof code === 'string' && CLIENT_GONE.has(code)))
        req.log.info({ code }, 'the client closed the connection before the answer was complete');
      else req.log.error({ err: error }, 'response failed after it started');
      res.destroy();
      return;
    }
    if (error instanceof InvalidInput) {
      const { problems, problemCount } = error;
      const locale = requestLocale(req);
      const more = unlistedSentence(problems.length, problemCount, locale);
      res.vary('Accept-Language');
      res.status(422).json({
        errors: problemsIn(locale, problems),
        problemCount,
        ...(more ? { message: more } : {}),
      });
      return;
    }
    if (error instanceof BusyError) res.set('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof HttpError) {
      sendError(res, error.status, error.code, error.message);
      return;
    }
    // body-parser errors carry a status and a type.
    const status = (error as { status?: unknown }).status;
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') {
      const e = tooLarge(MAX_PLAIN_BODY_BYTES);
      sendError(res, e.status, e.code, e.message);
    } else if (type === 'entity.parse.failed') {
      sendError(res, 400, 'invalid-json', 'The request body is not valid JSON.');
    } else if (typeof status === 'number' && status >= 400 && status < 500) {
      sendError(res, status, 'bad-request', 'The request could not be read.');
    } else {
      req.log.error({ err: error }, 'request failed');
      sendError(res, 500, 'internal', 'Something went wrong on the server; the error has been logged.');
    }
  };
}
