// Compiles the service, the command line and their worker threads (server/, shared/ and the demo's data in demo/) to JavaScript in
// dist/, one file per module as the sources are laid out, so that production runs no TypeScript loader.
// `npm ci` runs it (the `prepare` script), as do `npm start` and the test run; it takes about a second.
// Types are checked by `npm run lint` (tsc), not here.
import { glob, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const SERVICE_OUTDIR = `${root}dist`;

export async function buildService(outdir = SERVICE_OUTDIR): Promise<void> {
  const entryPoints: string[] = [];
  for await (const file of glob(['server/**/*.ts', 'shared/**/*.ts', 'demo/**/*.ts'], {
    cwd: root,
    exclude: (name) => name === 'tools' || name.endsWith('.d.ts'),
  })) {
    entryPoints.push(`${root}${file}`);
  }
  // Built beside the old dist/ and swapped in at once: a service or a test run using dist/ meanwhile
  // never finds half of it.
  const fresh = `${outdir}.${process.pid}.new`;
  const stale = `${outdir}.${process.pid}.old`;
  await build({
    entryPoints,
    outdir: fresh,
    outbase: root,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    logLevel: 'warning',
  });
  await rename(outdir, stale).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(fresh, outdir);
  await rm(stale, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildService();
}
