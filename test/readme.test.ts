// The README is tested: every `sh` example of README.md and deploy/README.md runs as written, in order, in
// one temporary folder, against a fresh demo service started there (the examples' variables, e.g.
// TOKEN=$(npx shared-cdo token create …), are defined in the text itself and carry on to later examples).
// An example that cannot run here says so on its first line ("# Not run by the README test: why") and is
// skipped by that name. Requests to the service pass through a proxy that checks every JSON answer
// against the service's own OpenAPI document, so the README's requests also test the document.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configVariables } from '../server/config.js';
import { requireTool } from './helpers/tools.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIP = /^# Not run by the README test: (.+)$/;
/** Where the README says the service is; the test's own service is elsewhere. */
const README_URL = 'http://localhost:3000';

interface Example {
  name: string;
  code: string;
  skip?: string;
}

/** The fenced `sh` blocks of a Markdown file, each named by its file, line and section. */
function shellExamples(file: string): Example[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const examples: Example[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,4} /.test(line)) heading = line.replace(/^#+ /, '');
    if (line !== '```sh') continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
    const code = lines.slice(start, i + 1).join('\n');
    i++;
    const skip = SKIP.exec(code.split('\n')[0]!)?.[1];
    examples.push({ name: `${file}:${start} (${heading})`, code, ...(skip ? { skip } : {}) });
  }
  return examples;
}

const EXAMPLES = [...shellExamples('README.md'), ...shellExamples('deploy/README.md')];

/** The service's environment as a newcomer's shell has it: none of its variables set. */
function newcomersEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const v of configVariables()) delete env[v.name];
  return { ...env, npm_config_offline: 'true', npm_config_update_notifier: 'false' };
}

const haveCurl = requireTool('curl');

describe.skipIf(!haveCurl)('the README, run as written', { timeout: 180_000 }, () => {
  let folder: string;
  let service: ChildProcess;
  let proxy: Server;
  let proxyUrl: string;
  let document: object;
  const undocumented: string[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'shared-cdo-readme-'));
    // The folder stands for a clone: `npx shared-cdo` finds the command there, and never downloads.
    mkdirSync(join(folder, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(folder, 'package.json'), '{ "name": "readme-test", "private": true }\n');
    symlinkSync(ROOT, join(folder, 'node_modules', 'shared-cdo'));
    symlinkSync('../shared-cdo/bin/shared-cdo.js', join(folder, 'node_modules', '.bin', 'shared-cdo'));

    service = spawn(process.execPath, [join(ROOT, 'bin', 'shared-cdo.js'), 'serve'], {
      cwd: folder,
      env: { ...newcomersEnv(), PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const serviceUrl = await new Promise<string>((resolve, reject) => {
      createInterface({ input: service.stdout! }).on('line', (line) => {
        const running = /^Shared CDO is running at (\S+)$/.exec(line);
        if (running) resolve(running[1]!);
      });
      service.once('exit', () => reject(new Error('the service did not start')));
    });
    document = (await (await fetch(`${serviceUrl}/api/v1/openapi.json`)).json()) as object;
    proxy = await checkingProxy(serviceUrl, structuredClone(document), undocumented);
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service.once('exit', resolve));
      service.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('has examples to run, and every one is either run or marked', () => {
    expect(EXAMPLES.filter((e) => !e.skip).length).toBeGreaterThanOrEqual(4);
    for (const e of EXAMPLES) expect(e.code.trim(), e.name).not.toBe('');
  });

  it('checks answers through a proxy that refuses one the OpenAPI document does not describe', async () => {
    // A stand-in service whose /me answers a role that is no role.
    const wrong = express().get('/api/v1/me', (_req, res) => res.json({ role: 42, label: 'x' }));
    const stand = await new Promise<Server>((resolve) => {
      const server = wrong.listen(0, '127.0.0.1', () => resolve(server));
    });
    const seen: string[] = [];
    const checking = await checkingProxy(
      `http://127.0.0.1:${(stand.address() as AddressInfo).port}`,
      structuredClone(document),
      seen,
    );
    try {
      const answer = await fetch(`http://127.0.0.1:${(checking.address() as AddressInfo).port}/api/v1/me`);
      expect(answer.status).toBe(502);
      expect(seen).toEqual([expect.stringMatching(/^GET \/api\/v1\/me: \/response/)]);
    } finally {
      await new Promise((resolve) => checking.close(resolve));
      await new Promise((resolve) => stand.close(resolve));
    }
  });

  for (const example of EXAMPLES) {
    if (example.skip) {
      it.skip(`${example.name}: ${example.skip}`, () => {});
      continue;
    }
    it(example.name, async () => {
      const state = join(folder, '.readme-state');
      // Variables an example sets (set -a exports them) are there for the examples after it, as in one
      // terminal; `set -u` fails an example that uses one nobody defined.
      const script = [
        'set -euo pipefail',
        'set -a',
        `[ -f "${state}" ] && . "${state}"`,
        example.code.replaceAll(README_URL, proxyUrl),
        `export -p | grep -Ev '^declare -x (OLDPWD|PWD|SHLVL|_)=' > "${state}"`,
      ].join('\n');
      // Not spawnSync: the checking proxy answers from this process while the example runs.
      const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          'bash',
          ['-c', script],
          { cwd: folder, env: newcomersEnv(), timeout: 150_000, maxBuffer: 16 << 20 },
          (error, stdout, stderr) =>
            resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
        );
      });
      expect(run.code, `${example.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`).toBe(0);
      expect(undocumented.splice(0), 'answers the OpenAPI document does not describe').toEqual([]);
    });
  }
});

/**
 * Passes every request on to the service and every answer back, checking each JSON answer against the
 * OpenAPI document (express-openapi-validator, responses only): one that differs answers 502 and is
 * recorded, so the curl that made it fails.
 */
async function checkingProxy(serviceUrl: string, apiSpec: object, undocumented: string[]): Promise<Server> {
  const app = express();
  app.use(express.raw({ type: () => true, limit: '20mb' }));
  app.use(
    OpenApiValidator.middleware({
      apiSpec: apiSpec as never,
      validateRequests: false,
      validateResponses: true,
      validateSecurity: false,
    }),
  );
  app.use(async (req, res, next) => {
    try {
      const headers = new Headers();
      for (const name of ['authorization', 'content-type', 'if-match', 'idempotency-key', 'accept']) {
        const value = req.get(name);
        if (value) headers.set(name, value);
      }
      const hasBody = Buffer.isBuffer(req.body) && req.body.length > 0;
      const answer = await fetch(`${serviceUrl}${req.originalUrl}`, {
        method: req.method,
        headers,
        ...(hasBody ? { body: new Uint8Array(req.body as Buffer) } : {}),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      const type = answer.headers.get('content-type') ?? '';
      res.status(answer.status);
      for (const name of ['content-type', 'content-disposition', 'etag', 'location']) {
        const value = answer.headers.get(name);
        if (value) res.set(name, value);
      }
      if (type.startsWith('application/json')) res.json(JSON.parse(body.toString('utf8')));
      else res.send(body);
    } catch (error) {
      next(error);
    }
  });
  const problem: ErrorRequestHandler = (error: Error, req, res, _next) => {
    undocumented.push(`${req.method} ${req.originalUrl}: ${error.message}`);
    res.status(502).json({ error: { code: 'not-as-documented', message: error.message } });
  };
  app.use(problem);
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}
