// Bundles the fake office.js for the browser (an IIFE, as the real one is a classic script).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function buildFakeOffice(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./office.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  return result.outputFiles[0]!.text;
}
