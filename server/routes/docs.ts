// The API described twice from the same route declarations: OpenAPI 3.1 for tools, and a plain HTML
// page for people (GET /api). Both are public.
import { Router } from 'express';
import type { RouteContext } from './context.js';
import { API_PREFIX, openApiPath, type RouteSpec } from './registry.js';

export function docsRoutes({ registry, config }: RouteContext): Router {
  const router = Router();
  let document: object | undefined;
  const openapi = (): object => (document ??= registry.document(config.publicUrl));

  router.get([`${API_PREFIX}/openapi.json`, '/openapi.json'], (_req, res) => {
    // Every API answer is no-store (DESIGN §9.5), the description of the API included.
    res.set('Cache-Control', 'no-store').json(openapi());
  });
  // The banner names /api/v1 as the API: there too, the index of its routes.
  router.get(['/api', API_PREFIX, `${API_PREFIX}/`], (_req, res) => {
    res.type('html').send(apiPage(registry.routes));
  });
  return router;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function who(spec: RouteSpec): string {
  if (spec.who === 'public') return 'public';
  return spec.who === 'any' ? 'any signed-in role' : spec.who.join(', ');
}

function apiPage(routes: readonly RouteSpec[]): string {
  const rows = routes
    .map(
      (r) =>
        `<tr><td><code>${r.method.toUpperCase()}</code></td><td><code>${escapeHtml(API_PREFIX + openApiPath(r.path))}</code></td>` +
        `<td>${escapeHtml(who(r))}</td><td>${escapeHtml(r.summary)}${r.description ? `<br><small>${escapeHtml(r.description)}</small>` : ''}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shared CDO API</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}
td,th{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}small{color:#555}</style></head>
<body><h1>Shared CDO API</h1>
<p>Send <code>Authorization: Bearer &lt;token&gt;</code> (tokens come from <code>shared-cdo token create</code>).
Money is integer pence. Errors are <code>{ "error": { "code", "message" } }</code>, or for invalid input
<code>{ "errors": [{ "sheet", "row", "column", "code", "message" }] }</code>.
Machine-readable: <a href="${API_PREFIX}/openapi.json">OpenAPI 3.1</a>.
Health: <a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Who</th><th>What</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}
