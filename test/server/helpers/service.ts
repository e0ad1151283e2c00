// Starts the real service on a random port with a fresh SQLite file in a temporary folder (or a fresh
// PostgreSQL schema for `kind: 'postgres'`, or the database given), with one token per role, and talks
// to it over HTTP with fetch.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createToken } from '../../../server/auth/tokens.js';
import { freshDatabaseUrl, type StoreKind } from '../../helpers/databases.js';
import { entraEnv, TENANTS, type LocalIssuer, type Person } from '../../helpers/entra-issuer.js';
import { testActor } from '../../helpers/actors.js';
import { startService, type RunningService } from '../../../server/main.js';
import { startTestSmtp } from '../mail/smtp-harness.js';
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
  /** The SQLite file, unless the service was started on another database. */
  databaseFile: string;
  /** The DATABASE_URL the service runs on. */
  databaseUrl: string;
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

/** The Microsoft 365 people who stand for the named callers when a test signs in with Entra. */
export const ENTRA_PEOPLE: Record<TokenName, Person> = {
  admin: person(TENANTS.partnership, 'Ada Admin', 'ada.admin@partnership.example'),
  cdo: person(TENANTS.partnership, 'Chris Digital', 'chris.digital@partnership.example'),
  viewer: person(TENANTS.partnership, 'Val Viewer', 'val.viewer@partnership.example'),
  // A person of a tenant registered to Cherwell, not registered by name.
  cherwell: person(TENANTS.cherwell, 'Jo Bloggs', 'jo.bloggs@cherwell.example'),
  // Registered by name as a council user of South Oxfordshire.
  southOxfordshire: person(TENANTS.southOxfordshire, 'Sam Jones', 'Sam.Jones@southoxon.example'),
};

function person(tenantId: string, name: string, username: string): Person {
  return { tenantId, objectId: randomUUID(), name, username };
}

export async function startTestService(
  options: {
    now?: () => Date;
    env?: Record<string, string>;
    /** Sign the named callers in with Microsoft 365 tokens from this issuer instead of access tokens. */
    entra?: LocalIssuer;
    /** The database to run on (a DATABASE_URL); a new one of `kind` by default. */
    databaseUrl?: string;
    /** The kind of store for a new database (test/helpers/databases.ts): SQLite by default. */
    kind?: StoreKind;
    /** Where the service's logs go (with LOG_LEVEL set in `env`); nowhere by default. */
    logDestination?: NodeJS.WritableStream;
  } = {},
): Promise<TestService> {
  const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-api-'));
  const databaseFile = join(dir, 'shared-cdo.sqlite');
  const databaseUrl =
    options.databaseUrl ??
    (options.kind === 'postgres' ? await freshDatabaseUrl('postgres') : `sqlite:${databaseFile}`);
  // Off SQLite the service's data folder is ./data (server/data-folder.ts), which a test must not write
  // to: its e-mail goes to an SMTP server of its own instead, and its banner to a "terminal", so that
  // demo tokens are printed (to nowhere) rather than saved.
  const onFile = databaseUrl.startsWith('sqlite:');
  const smtp = !onFile && !options.env?.['SMTP_URL'] ? await startTestSmtp() : undefined;
  const service = await startService({
    env: {
      PORT: '0',
      DATABASE_URL: databaseUrl,
      DEMO: 'off',
      LOG_LEVEL: 'silent',
      ...(smtp ? { SMTP_URL: smtp.url } : {}),
      ...(options.entra ? entraEnv(options.entra) : {}),
      ...options.env,
    },
    out: Object.assign(new PassThrough().resume(), onFile ? {} : { isTTY: true }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
  });
  const tokens = {} as Record<TokenName, string>;
  if (options.entra) await registerPeople(service, options.entra, tokens);
  else
    for (const [name, spec] of Object.entries(TOKEN_SPECS) as [
      TokenName,
      (typeof TOKEN_SPECS)[TokenName],
    ][]) {
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
    databaseUrl,
    tokens,
    call,
    async stop() {
      await service.close();
      await smtp?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Registers ENTRA_PEOPLE as DESIGN §9.1 says and gives each named caller a Microsoft token. */
async function registerPeople(
  service: RunningService,
  issuer: LocalIssuer,
  tokens: Record<TokenName, string>,
): Promise<void> {
  const at = new Date().toISOString();
  const p = ENTRA_PEOPLE;
  for (const name of ['admin', 'cdo', 'viewer'] as const)
    await service.store.addUser(
      { tenantId: p[name].tenantId, email: p[name].username.toLowerCase(), role: name },
      testActor(),
      at,
    );
  await service.store.addUser(
    {
      tenantId: p.southOxfordshire.tenantId,
      email: p.southOxfordshire.username.toLowerCase(),
      role: 'council',
      council: 'south-oxfordshire',
    },
    testActor(),
    at,
  );
  await service.store.addTenant({ tenantId: TENANTS.cherwell, council: 'cherwell' }, testActor(), at);
  for (const name of Object.keys(p) as TokenName[]) tokens[name] = await issuer.token(p[name]);
}
