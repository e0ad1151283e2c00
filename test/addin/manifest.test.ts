// The manifest is valid against Microsoft's add-in-only manifest schemas (kept beside the repository,
// offline), parses with Office's own tooling, and is rewritten to the public origin for production.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { writeProductionManifest } from '../../addin/tools/manifest.js';
import { ICON_SIZES } from '../../addin/tools/icons.js';
import { ADDIN_VERSION, MANIFEST_FILE, manifestVersion, rewriteManifest } from '../../server/routes/addin.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const schemaDir = path.resolve(repoRoot, '../shared/office-manifest-schemas');
const haveSchemas = existsSync(path.join(schemaDir, 'OfficeAppManifestV1_1.xsd'));
if (!haveSchemas) {
  if (process.env.CI === 'true')
    throw new Error(`The manifest schemas are required when CI=true: ${schemaDir} is missing`);
  console.warn(
    'Skipping manifest schema validation: ../shared/office-manifest-schemas is not beside the repository.',
  );
}

async function validateAgainstSchema(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const files = (await readdir(schemaDir)).filter((f) => f.endsWith('.xsd'));
  const load = async (fileName: string) => ({
    fileName,
    contents: await readFile(path.join(schemaDir, fileName), 'utf8'),
  });
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [await load('OfficeAppManifestV1_1.xsd')],
    preload: await Promise.all(files.filter((f) => f !== 'OfficeAppManifestV1_1.xsd').map(load)),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

const temp: string[] = [];
afterAll(async () => Promise.all(temp.map((d) => rm(d, { recursive: true, force: true }))));

describe('manifest.xml', () => {
  it.runIf(haveSchemas)('validates against OfficeAppManifestV1_1.xsd', async () => {
    const result = await validateAgainstSchema(await readFile(MANIFEST_FILE, 'utf8'));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.runIf(haveSchemas)('is refused by the schema when a required element is missing', async () => {
    const xml = (await readFile(MANIFEST_FILE, 'utf8')).replace(/<Permissions>.*<\/Permissions>/, '');
    const result = await validateAgainstSchema(xml);
    expect(result.valid).toBe(false);
  });

  it('parses with office-addin-manifest info as an Excel task pane add-in', async () => {
    const bin = path.join(repoRoot, 'node_modules/.bin/office-addin-manifest');
    const { stdout } = await run(bin, ['info', MANIFEST_FILE], { timeout: 60_000 });
    expect(stdout).toContain('Type: TaskPaneApp');
    expect(stdout).toContain('Hosts: Workbook');
    expect(stdout).toContain('Permissions: ReadWriteDocument');
    expect(stdout).toContain('Source Location: https://localhost:3000/addin/taskpane.html');
  });

  it('asks for ExcelApi 1.8, opens the pane from a Home tab button and has icons of every size', async () => {
    const xml = await readFile(MANIFEST_FILE, 'utf8');
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.8"\/>/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
    for (const size of ICON_SIZES) {
      const png = await readFile(path.join(repoRoot, `addin/assets/icon-${size}.png`));
      // PNG header: width and height are big-endian at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      expect(xml).toContain(`/addin/assets/icon-${size}.png`);
    }
  });
});

describe('the production manifest', () => {
  it('points every URL at the public origin and still validates', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'manifest-'));
    temp.push(dir);
    const out = path.join(dir, 'manifest.xml');
    await writeProductionManifest('https://cdo.example.gov.uk/', out);
    const xml = await readFile(out, 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('<SourceLocation DefaultValue="https://cdo.example.gov.uk/addin/taskpane.html"/>');
    expect(xml).toContain('<AppDomain>https://cdo.example.gov.uk</AppDomain>');
    if (haveSchemas) expect((await validateAgainstSchema(xml)).errors).toEqual([]);
  });

  it('refuses a plain http address, which Office would not load', async () => {
    await expect(
      writeProductionManifest('http://cdo.example.gov.uk', '/nonexistent/manifest.xml'),
    ).rejects.toThrow(/https only/);
  });

  it('takes its Version from package.json, so that Office sees each release as new', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(ADDIN_VERSION).toBe(manifestVersion(pkg.version));
    const released = rewriteManifest(await readFile(MANIFEST_FILE, 'utf8'), 'https://cdo.example.gov.uk');
    expect(released).toContain(`<Version>${ADDIN_VERSION}</Version>`);
    // The development manifest agrees, so a sideloaded copy is refreshed on the same bump.
    expect(await readFile(MANIFEST_FILE, 'utf8')).toContain(`<Version>${ADDIN_VERSION}</Version>`);
    expect(['0.1.0', '2.3.4-beta.1', '1.2', '10.20.30.40'].map(manifestVersion)).toEqual([
      '0.1.0.0',
      '2.3.4.0',
      '1.2.0.0',
      '10.20.30.40',
    ]);
  });

  it('rewrites with the origin only, whatever path the URL has', () => {
    expect(rewriteManifest('<a href="https://localhost:3000/addin/x"/>', 'https://h.example/base/')).toBe(
      '<a href="https://h.example/addin/x"/>',
    );
  });
});
