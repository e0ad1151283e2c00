// Download links for where the pane cannot save a file itself (Excel for Mac's web view ignores a
// download from a blob URL): the pane asks for a link and opens it in the system browser. A link is
// signed by the service (a JWT, HS256), names one file and the caller who asked for it, expires in
// minutes and works once. It carries no access token: a browser that opens it gets that file only, and
// only while the token or sign-in that made it still works. Each use is in the audit trail under its
// maker; the log names a link by its id, never the link itself (which would open the file).
import { randomBytes, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { decodeJwt, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { downloadLinkRequestSchema, downloadLinkSchema } from '../../shared/api.js';
import { dateLabel } from '../../shared/dates.js';
import { ROLES } from '../../shared/vocabulary.js';
import { callerOf, type Caller } from '../auth/middleware.js';
import { HttpError } from '../errors.js';
import type { Store } from '../store/index.js';
import { consolidatedView } from '../services/consolidated-view.js';
import { sendConsolidatedWorkbook } from './consolidated.js';
import type { RouteContext } from './context.js';
import { API_PREFIX, XLSX_TYPE } from './registry.js';
import { sendCouncilTemplate } from './templates.js';

/** How long a link works: long enough to open a browser, short enough not to linger in its history. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

const claimsSchema = z.object({
  file: downloadLinkRequestSchema,
  by: z.object({
    via: z.enum(['token', 'entra']),
    id: z.string(),
    label: z.string(),
    role: z.enum(ROLES),
    council: z.string().nullable(),
  }),
  /** When the maker's sign-in stops working: a link outlives neither its 5 minutes nor its maker. */
  until: z.string(),
});

type Claims = z.infer<typeof claimsSchema>;

const linkParams = z.object({ link: z.string().min(1).max(4096) });

const refused = (status: 401 | 403 | 410, code: string, message: string): HttpError =>
  new HttpError(status, code, message);

export function downloadLinkRoutes({ registry, store, config, now }: RouteContext): Router {
  const router = Router();
  // Every instance of a service must share the secret for a link made on one to work on another.
  const key = config.downloadLinkSecret
    ? new TextEncoder().encode(config.downloadLinkSecret)
    : randomBytes(32);

  registry.add(
    router,
    {
      method: 'post',
      path: '/download-links',
      operationId: 'createDownloadLink',
      who: 'any',
      action: 'download-link.create',
      summary: 'A single-use link to a file, to open in a browser',
      description:
        `For clients that cannot save a file themselves. The link works once, for ${DOWNLOAD_LINK_SECONDS / 60} ` +
        'minutes, without a token; the caller must be allowed the file now (a council token only its own council’s template).',
      body: { json: downloadLinkRequestSchema },
      responses: { 201: { description: 'The link', json: downloadLinkSchema } },
      errors: [400, 404, 422],
    },
    async (req, res, { body: file }) => {
      const caller = callerOf(res);
      if (file.kind === 'council-template' && caller.role === 'council' && caller.council !== file.council) {
        throw new HttpError(
          403,
          'forbidden',
          `This token belongs to ${caller.council}; ask for its own template.`,
        );
      }
      const issued = Math.floor(now().getTime() / 1000);
      const expires = issued + DOWNLOAD_LINK_SECONDS;
      const by = {
        via: caller.via,
        id: caller.id,
        label: caller.label,
        role: caller.role,
        council: caller.council,
      };
      if (!caller.expiresAt) throw new Error('a signed-in caller without an expiry cannot make links');
      const link = await new SignJWT({ file, by, until: caller.expiresAt })
        .setProtectedHeader({ alg: 'HS256' })
        .setJti(randomUUID())
        .setIssuedAt(issued)
        .setExpirationTime(expires)
        .sign(key);
      const expiresAt = new Date(expires * 1000).toISOString();
      await store.recordAudit({
        at: now().toISOString(),
        actor: caller,
        action: 'download-link.create',
        ...('council' in file ? { council: file.council } : {}),
        period: file.period,
        target: file.kind,
        status: 201,
      });
      res.status(201).json({ href: `${API_PREFIX}/download-links/${link}`, expiresAt });
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/download-links/:link',
      operationId: 'openDownloadLink',
      who: 'public',
      summary: 'The file a download link names, once',
      description:
        'Refused with 410 once the link has expired or been used, 401 once the token or sign-in that ' +
        'made it has been revoked or has expired, and 403 if it was not made here.',
      params: linkParams,
      responses: { 200: { description: 'The file', contentType: XLSX_TYPE } },
      errors: [401, 403, 404, 410],
    },
    async (req, res, { params: { link } }) => {
      const verified = await verify(link, key, now());
      const { file, by } = verified.claims;
      // Every use of a genuine link is recorded under its maker, refused ones with their status; a use
      // is recorded before its file is sent, so the trail has it by the time the browser has the file.
      let recorded = false;
      const recordUse = (status: number): Promise<void> => {
        recorded = true;
        return store.recordAudit({
          at: now().toISOString(),
          actor: { via: by.via, id: by.id, label: by.label },
          action: 'download-link.used',
          ...('council' in file ? { council: file.council } : {}),
          period: file.period,
          target: `${file.kind} by link ${verified.jti}`,
          status,
        });
      };
      try {
        if (verified.expired) throw verified.expired;
        await refuseUnlessMakerStands(store, verified.claims, now());
        const fresh = await store.useDownloadLink(
          verified.jti,
          new Date(verified.exp * 1000).toISOString(),
          now().toISOString(),
        );
        if (!fresh) {
          throw refused(
            410,
            'download-link-used',
            'This download link has been used already; each link works once. Ask the add-in for the file again.',
          );
        }
        const caller: Caller = by;
        if (file.kind === 'consolidated') {
          const view = await consolidatedView(store, file.period);
          await recordUse(200);
          await sendConsolidatedWorkbook(res, view, store);
        } else {
          await recordUse(200);
          await sendCouncilTemplate(res, store, caller, file.council, file.period);
        }
      } catch (error) {
        if (error instanceof HttpError && !recorded) await recordUse(error.status);
        throw error;
      }
    },
  );
  return router;
}

/** A link whose signature is the service's own; `expired` is its refusal when its time is up. */
interface Verified {
  claims: Claims;
  jti: string;
  exp: number;
  expired?: HttpError;
}

async function verify(link: string, key: Uint8Array, at: Date): Promise<Verified> {
  let payload: unknown;
  let expired: HttpError | undefined;
  try {
    payload = (await jwtVerify(link, key, { algorithms: ['HS256'], currentDate: at })).payload;
  } catch (error) {
    // jose checks the time only once the signature holds, so an expired link's claims are genuine.
    if (!(error instanceof joseErrors.JWTExpired)) throw invalid();
    payload = error.payload;
    expired = refused(
      410,
      'download-link-expired',
      `This download link has expired (links work for ${DOWNLOAD_LINK_SECONDS / 60} minutes). Ask the add-in for the file again.`,
    );
  }
  const parsed = claimsSchema.extend({ jti: z.string(), exp: z.number() }).safeParse(payload);
  if (!parsed.success) throw invalid();
  const { jti, exp, ...claims } = parsed.data;
  return { claims, jti, exp, ...(expired ? { expired } : {}) };
}

const invalid = (): HttpError =>
  refused(403, 'download-link-invalid', 'This is not a download link this service made.');

const MAKER_ADVICE = 'Sign in again in the add-in and ask it for the file again.';

/** A link works only while its maker could still fetch the file themselves. */
async function refuseUnlessMakerStands(store: Store, { by, until }: Claims, at: Date): Promise<void> {
  let revokedAt: string | null = null;
  let expiresAt = until;
  if (by.via === 'token') {
    // The token as it stands now, not as it stood when the link was made.
    const token = await store.findTokenById(Number(by.id));
    revokedAt = token ? token.revokedAt : at.toISOString();
    expiresAt = token?.expiresAt ?? expiresAt;
  }
  const maker = by.via === 'token' ? 'access token' : 'Microsoft 365 sign-in';
  if (revokedAt !== null) {
    throw refused(
      401,
      'download-link-revoked',
      `The ${maker} that made this download link was revoked on ${dateLabel(revokedAt)}, so the link no longer works. ${MAKER_ADVICE}`,
    );
  }
  if (expiresAt <= at.toISOString()) {
    throw refused(
      401,
      'download-link-maker-expired',
      `The ${maker} that made this download link expired on ${dateLabel(expiresAt)}, so the link no longer works. ${MAKER_ADVICE}`,
    );
  }
}

/**
 * A request path fit for the log: a download link becomes its id (the link itself would open the
 * file); a link too malformed to have one is not logged at all.
 */
export function loggablePath(path: string): string {
  return path.replace(/(\/download-links\/)([^/?]+)/, (_all, prefix: string, link: string) => {
    let id: unknown;
    try {
      id = decodeJwt(link).jti;
    } catch {
      id = undefined;
    }
    return `${prefix}${typeof id === 'string' && UUID.test(id) ? `{link ${id}}` : '…'}`;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
