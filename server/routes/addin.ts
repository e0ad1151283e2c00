// Serves the built task pane under /addin/ and the add-in manifest rewritten to the public origin.
// The pane is framed by Excel (desktop webview or Excel on the web), so these responses relax the
// service's default framing rules and allow office.js from Microsoft's CDN — and nothing else.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express from 'express';
import type { Response } from 'express';
import { INSTALL_FOLDER } from '../install-folder.js';

export const ADDIN_DIST_DIR = join(INSTALL_FOLDER, 'addin/dist');
export const MANIFEST_FILE = join(INSTALL_FOLDER, 'manifest.xml');

/** The origin the committed manifest points at: the one Office's developer tooling expects. */
export const DEV_PORT = 3000;
export const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * The manifest's <Version> for a package.json version: Office caches an add-in's manifest by this
 * number, so each release must raise it. Four dot-separated numbers; a pre-release tag is dropped.
 */
export function manifestVersion(packageVersion: string): string {
  const parts = packageVersion
    .split(/[-+]/)[0]!
    .split('.')
    .map((p) => String(Number(p) || 0));
  return [...parts, '0', '0', '0', '0'].slice(0, 4).join('.');
}

export const ADDIN_VERSION = manifestVersion(
  (JSON.parse(readFileSync(join(INSTALL_FOLDER, 'package.json'), 'utf8')) as { version: string }).version,
);

/**
 * The manifest as served and released: <Version> from package.json and, given `publicUrl` (an https
 * origin), every URL of the development manifest pointed at it.
 */
export function rewriteManifest(xml: string, publicUrl?: string): string {
  const versioned = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${ADDIN_VERSION}</Version>`);
  return publicUrl ? versioned.split(DEV_ORIGIN).join(new URL(publicUrl).origin) : versioned;
}

/**
 * Who may frame the pane: any https page. Excel on the web frames it from Office's own pages, whose
 * origins Microsoft does not list in full (*.officeapps.live.com, *.sharepoint.com, *.office.com,
 * onedrive.live.com for personal accounts, *.office.net, *.cloud.microsoft, …); a list of our own
 * would break the pane wherever it fell behind. Desktop Excel loads it top-level. Framing by another
 * site gains that site nothing: the pane's token is in browser storage, which browsers partition by
 * the top-level site (a stranger's frame starts with none) and which a cross-origin parent cannot
 * read; the API takes only that bearer token, never a cookie; and outside an Office host office.js
 * reports no Excel, so the pane does nothing. Plain http stays refused (Office never serves over it),
 * and every other route keeps helmet's same-origin-only framing.
 */
export const PANE_FRAME_ANCESTORS = "frame-ancestors 'self' https:";

/**
 * The pane's policy. A service on a developer's machine (no PUBLIC_URL, or a localhost one) also lets the
 * pane call a service on plain-http localhost; a production one does not.
 */
const paneCsp = (publicUrl: string | undefined): string =>
  [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com",
    // Fluent web components adopt constructed style sheets and set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // The user may point the pane at another service than the one that served it.
    `connect-src 'self' https:${isDevelopment(publicUrl) ? ' http://localhost:*' : ''}`,
    'frame-src https://*.office.com https://*.officeapps.live.com https://*.microsoft.com',
    PANE_FRAME_ANCESTORS,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');

const isDevelopment = (publicUrl: string | undefined): boolean =>
  publicUrl === undefined || new URL(publicUrl).hostname === 'localhost';

function allowOfficeFraming(res: Response, csp: string): void {
  res.removeHeader('X-Frame-Options');
  res.setHeader('Content-Security-Policy', csp);
  // Office hosts load the pane cross-origin; helmet's same-origin defaults would block its assets.
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.removeHeader('Cross-Origin-Embedder-Policy');
  res.removeHeader('Cross-Origin-Opener-Policy');
}

export function addinRoutes(config: { publicUrl?: string }): express.Router {
  const router = express.Router();

  router.get('/manifest.xml', async (_req, res, next) => {
    try {
      const xml = await readFile(MANIFEST_FILE, 'utf8');
      res.type('application/xml').send(rewriteManifest(xml, config.publicUrl));
    } catch (error) {
      next(error);
    }
  });

  const csp = paneCsp(config.publicUrl);
  router.use('/addin', (_req, res, next) => {
    allowOfficeFraming(res, csp);
    next();
  });
  router.use(
    '/addin',
    express.static(ADDIN_DIST_DIR, {
      index: 'taskpane.html',
      // The bundle's file names do not change between builds, so a new build must be seen at once.
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  router.get(['/addin', '/addin/*rest'], (_req, res) => {
    res.status(404).json({
      error: {
        code: 'not-found',
        message: 'No such add-in file. Is the task pane built? Run npm run build:addin.',
      },
    });
  });
  return router;
}
