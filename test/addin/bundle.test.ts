// The built task pane is a browser bundle: no Node built-ins anywhere in it, office.js loaded from
// Microsoft's CDN by the HTML and never bundled.
import { builtinModules } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/tools/build.js';
import { OFFICE_JS_URL } from '../../server/routes/addin.js';
import { HELP_PAGE } from '../../shared/i18n/index.js';

let outdir: string;
let metafile: Metafile;

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'addin-build-'));
  metafile = await buildAddin(outdir);
});
afterAll(async () => rm(outdir, { recursive: true, force: true }));

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('the task pane bundle', () => {
  it('imports no Node built-in module, directly or through a dependency', () => {
    const imports = Object.values(metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((p) => builtins.has(p) || p.startsWith('node:'))).toEqual([]);
    const outputs = Object.values(metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(outputs).toEqual([]);
  });

  it('holds the pane, the shared parser and Fluent, but not office.js', () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((p) => p.includes('shared/parse/'))).toBe(true);
    expect(inputs.some((p) => p.includes('@fluentui/web-components'))).toBe(true);
    expect(inputs.some((p) => /office(-js)?\b/.test(p) && p.includes('node_modules/@types'))).toBe(false);
    // The service's own code; a dependency's folder of that name (MSAL has one) is not it.
    expect(inputs.some((p) => p.startsWith('server/'))).toBe(false);
  });

  it('loads office.js from the CDN before the bundle', async () => {
    const html = await readFile(path.join(outdir, 'taskpane.html'), 'utf8');
    const office = html.indexOf(`<script src="${OFFICE_JS_URL}"></script>`);
    const bundle = html.indexOf('<script type="module" src="taskpane.js"></script>');
    expect(office).toBeGreaterThan(0);
    expect(bundle).toBeGreaterThan(office);
    const js = await readFile(path.join(outdir, 'taskpane.js'), 'utf8');
    // office.js defines OfficeExtension.ClientRequestContext; the bundle only uses the global.
    expect(js).not.toContain('ClientRequestContext');
    expect(js).not.toMatch(/\brequire\(["'](fs|path|os|crypto|node:)/);
  });

  it('ships the help page in English and in Welsh, with the same anchors, each linking the other', async () => {
    const read = (file: string) => readFile(path.join(outdir, file), 'utf8');
    const [english, welsh] = await Promise.all([read(HELP_PAGE.en), read(HELP_PAGE.cy)]);
    expect(english).toMatch(/<html lang="en-GB">/);
    expect(welsh).toMatch(/<html lang="cy">/);
    const anchors = (html: string) => [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(anchors(english)).toContain('agreement');
    expect(anchors(welsh)).toEqual(anchors(english));
    expect(english).toContain(`href="${HELP_PAGE.cy}"`);
    expect(welsh).toContain(`href="${HELP_PAGE.en}"`);
    // Translated, not copied: none of the English page's sentences is left in the Welsh one.
    expect(welsh).not.toContain('Agreeing the year');
    expect(welsh).not.toContain('Read the proposal');
  });

  it('ships the icons the manifest points at', async () => {
    for (const size of [16, 32, 64, 80]) {
      const png = await readFile(path.join(outdir, `assets/icon-${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
  });
});
