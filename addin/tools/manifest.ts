// `npm run manifest -- --url https://host [--out FILE]`: writes a production copy of manifest.xml with
// every https://localhost:3000 URL pointed at the given origin (default output: dist/manifest.xml).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, rewriteManifest } from '../../server/routes/addin.js';

export async function writeProductionManifest(url: string, out: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new Error(`Office loads add-ins over https only; got ${url}`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, rewriteManifest(await readFile(MANIFEST_FILE, 'utf8'), url));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string' } } });
  if (!values.url) {
    console.error('Usage: npm run manifest -- --url https://your-host [--out dist/manifest.xml]');
    process.exit(2);
  }
  const out = values.out ?? 'dist/manifest.xml';
  try {
    await writeProductionManifest(values.url, out);
    console.log(`Wrote ${out} for ${new URL(values.url).origin}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
