// Download links for where the pane cannot save a file itself (Excel for Mac's web view ignores a
// download from a blob URL): the pane asks for a link and opens it in the system browser. A link is
// signed by the service (a JWT, HS256), names one file and the caller who asked for it, expires in
// minutes and works once. It carries no access token: a browser that opens it gets that file only.
import { randomBytes, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { downloadLinkRequestSchema, downloadLinkSchema } from '../../shared/api.js';
import { ROLES } from '../../shared/vocabulary.js';
import { callerOf, type Caller } from '../auth/middleware.js';
import { HttpError } from '../errors.js';
import { parseRequestBody } from '../services/json-problems.js';
import { consolidatedView } from '../services/consolidated-view.js';
import { sendConsolidatedWorkbook } from './consolidated.js';
import type { RouteContext } from './context.js';
import { pathParams } from './params.js';
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
});

const linkParams = z.object({ link: z.string().min(1).max(4096) });

const refused = (status: 403 | 410, code: string, message: string): HttpError =>
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
    async (req, res) => {
      const file = parseRequestBody(downloadLinkRequestSchema, req.body);
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
      const link = await new SignJWT({ file, by })
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
        'Refused with 410 once the link has expired or been used, and 403 if it was not made here.',
      params: linkParams,
      responses: { 200: { description: 'The file', contentType: XLSX_TYPE } },
      errors: [403, 404, 410],
    },
    async (req, res) => {
      const { link } = pathParams(linkParams, req);
      const claims = await verify(link, key, now());
      const { file, by } = claimsSchema.parse(claims.payload);
      const fresh = await store.useDownloadLink(
        claims.jti,
        new Date(claims.exp * 1000).toISOString(),
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
        await sendConsolidatedWorkbook(res, await consolidatedView(store, file.period));
      } else {
        await sendCouncilTemplate(res, store, caller, file.council, file.period);
      }
    },
  );
  return router;
}

async function verify(
  link: string,
  key: Uint8Array,
  at: Date,
): Promise<{ payload: unknown; jti: string; exp: number }> {
  try {
    const { payload } = await jwtVerify(link, key, { algorithms: ['HS256'], currentDate: at });
    if (typeof payload.jti !== 'string' || typeof payload.exp !== 'number') throw new Error('incomplete');
    return { payload, jti: payload.jti, exp: payload.exp };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw refused(
        410,
        'download-link-expired',
        `This download link has expired (links work for ${DOWNLOAD_LINK_SECONDS / 60} minutes). Ask the add-in for the file again.`,
      );
    }
    throw refused(403, 'download-link-invalid', 'This is not a download link this service made.');
  }
}
