// Bundles the task pane with esbuild into addin/dist (served by the service under /addin/): one ES
// module for the browser, plus the HTML, CSS and icons. office.js is not bundled: the HTML loads it
// from Microsoft's CDN, as Office requires.
import { cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const addinDir = fileURLToPath(new URL('../', import.meta.url));
export const DEFAULT_OUTDIR = `${addinDir}dist`;

/** Office's webviews: Edge WebView2 on Windows, Safari's WKWebView on the Mac, browsers on the web. */
const TARGETS = ['es2022', 'chrome110', 'edge110', 'safari16', 'firefox115'];

export async function buildAddin(outdir = DEFAULT_OUTDIR): Promise<Metafile> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: [`${addinDir}src/taskpane.ts`],
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: TARGETS,
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await Promise.all([
    cp(`${addinDir}src/taskpane.html`, `${outdir}/taskpane.html`),
    cp(`${addinDir}src/help.html`, `${outdir}/help.html`),
    cp(`${addinDir}src/help-cy.html`, `${outdir}/help-cy.html`),
    cp(`${addinDir}src/taskpane.css`, `${outdir}/taskpane.css`),
    cp(`${addinDir}assets`, `${outdir}/assets`, { recursive: true }),
  ]);
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAddin(process.argv[2] ?? DEFAULT_OUTDIR);
}
