// Starts the real service on a random port with a fresh SQLite file in a temporary folder, with one
// token per role, and talks to it over HTTP with fetch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createToken } from '../../../server/auth/tokens.js';
import { testActor } from '../../helpers/actors.js';
import { startService, type RunningService } from '../../../server/main.js';
import { writeCouncilTemplate } from '../../../server/workbook/write-template.js';
import type { CouncilSubmission, Partnership } from '../../../shared/schemas.js';
import type { Role } from '../../../shared/vocabulary.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type TokenName = 'admin' | 'cdo' | 'viewer' | 'cherwell' | 'southOxfordshire';

const TOKEN_SPECS: Record<TokenName, { role: Role; council?: string }> = {
  admin: { role: 'admin' },
  cdo: { role: 'cdo' },
  viewer: { role: 'viewer' },
  cherwell: { role: 'council', council: 'cherwell' },
  southOxfordshire: { role: 'council', council: 'south-oxfordshire' },
};

export interface TestService {
  service: RunningService;
  url: string;
  dir: string;
  databaseFile: string;
  tokens: Record<TokenName, string>;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  stop(): Promise<void>;
}

export interface CallOptions {
  token?: TokenName | string | null;
  json?: unknown;
  xlsx?: Buffer;
  multipart?: Buffer;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export async function startTestService(
  options: { now?: () => Date; env?: Record<string, string> } = {},
): Promise<TestService> {
  const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-api-'));
  const databaseFile = join(dir, 'shared-cdo.sqlite');
  const service = await startService({
    env: {
      PORT: '0',
      DATABASE_URL: `sqlite:${databaseFile}`,
      DEMO: 'off',
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    out: new PassThrough().resume(),
    ...(options.now ? { now: options.now } : {}),
  });
  const tokens = {} as Record<TokenName, string>;
  for (const [name, spec] of Object.entries(TOKEN_SPECS) as [TokenName, (typeof TOKEN_SPECS)[TokenName]][]) {
    const created = await createToken(
      service.store,
      { ...spec, label: `test ${name}` },
      testActor(),
      options.now?.(),
    );
    tokens[name] = created.token;
  }
  const call = (method: string, path: string, o: CallOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...o.headers };
    const token = o.token === undefined ? 'admin' : o.token;
    if (token !== null)
      headers['authorization'] = `Bearer ${token in tokens ? tokens[token as TokenName] : token}`;
    let body: BodyInit | undefined = o.body;
    if (o.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.json);
    } else if (o.xlsx) {
      headers['content-type'] = XLSX;
      body = new Uint8Array(o.xlsx);
    } else if (o.multipart) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(o.multipart)], { type: XLSX }), 'return.xlsx');
      body = form;
    }
    return fetch(`${service.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  };
  return {
    service,
    url: service.url,
    dir,
    databaseFile,
    tokens,
    call,
    async stop() {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A council workbook as a council would send it: the template filled with these rows. */
export async function councilWorkbook(
  council: string,
  period: string,
  partnership: Partnership,
  submission?: CouncilSubmission,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeCouncilTemplate(out, { council, period, partnership, ...(submission ? { submission } : {}) });
  out.end();
  return Buffer.concat(chunks);
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
