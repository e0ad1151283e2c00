// Service configuration from the environment (DESIGN §5). A bad value stops start-up with one line
// that names the variable, so an operator sees at once what to fix.
import express from 'express';
import { z } from 'zod';
import type { LogFormat } from './logger.js';

// Where the store lives, from DATABASE_URL (DESIGN §5, §9.4): `sqlite:PATH` (or `sqlite::memory:`), or
// `postgres://USER:PASS@HOST:PORT/DB` / `postgresql://…`. Here, at the ground floor, so that the store,
// the data folder and the commands take it from configuration rather than configuration from them.
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export const DATABASE_URL_HINT =
  'must be sqlite:PATH (e.g. sqlite:./data/shared-cdo.sqlite) or postgres://USER:PASS@HOST:PORT/DB';

/**
 * Reads a database URL. A plain path with no scheme is a SQLite file too (tools and tests pass one);
 * anything with another scheme, or a PostgreSQL URL without a database name, is refused.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`not a valid URL: ${DATABASE_URL_HINT}`);
    }
    if (parsed.pathname.length <= 1) throw new Error(`names no database: ${DATABASE_URL_HINT}`);
    return { kind: 'postgres', url };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file) throw new Error(`names no file: ${DATABASE_URL_HINT}`);
    return { kind: 'sqlite', file };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new Error(DATABASE_URL_HINT);
  return { kind: 'sqlite', file: url };
}

/** A database URL fit to print: its password, if any, replaced by ***. */
export const withoutPassword = (url: string): string => url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');

const toggle = z.enum(['on', 'off']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// Each variable's description is what `shared-cdo serve --help` and the README say about it.
const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a port number (0 to 65535)' })
    .int('must be a port number (0 to 65535)')
    .min(0, 'must be a port number (0 to 65535)')
    .max(65_535, 'must be a port number (0 to 65535)')
    .default(3000)
    .describe('Where the service listens'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/shared-cdo.sqlite')
    .superRefine((url, ctx) => {
      // A bare path is fine for tools, but the service's variable always names its database kind.
      if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(url)) {
        ctx.addIssue({ code: 'custom', message: DATABASE_URL_HINT });
        return;
      }
      try {
        parseDatabaseUrl(url);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .describe(
      'The database: sqlite:PATH (a file) or postgres://USER:PASS@HOST:PORT/DB; migrated at every start',
    ),
  // Office loads add-ins over https only; plain http is for a developer's own machine.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine(
      (url) => !URL.canParse(url) || url.startsWith('https:') || LOCAL_HOSTS.has(new URL(url).hostname),
      'must be an https:// address (Office loads add-ins over https only); http:// is allowed only for localhost',
    )
    .optional()
    .describe(
      'The https origin users reach (http only for localhost); the add-in manifest is rewritten to it',
    ),
  DOWNLOAD_LINK_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'The key that signs download links (at least 32 characters); unset, a new one at each start. Give every instance the same one',
    ),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/ })
    .optional()
    .describe('The mail server; unset, e-mails are .eml files in the outbox folder beside the database'),
  MAIL_FROM: z
    .string()
    .min(3)
    .default('Shared CDO <shared-cdo@localhost>')
    .describe('The sender of every e-mail'),
  TZ: z
    .string()
    .default('Europe/London')
    .refine(isTimeZone, 'not a time zone name (e.g. Europe/London)')
    .describe("The partnership's clock: deadlines, lateness and the 07:00 roll-up"),
  TLS_CERT_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('Serve HTTPS with this certificate (PEM); needs TLS_KEY_FILE'),
  TLS_KEY_FILE: z.string().min(1).optional().describe('The private key (PEM) of TLS_CERT_FILE'),
  DEMO: toggle.default('on').describe('off: do not load the demo partnership into an empty database'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('The least important log lines written; logs never hold tokens or request bodies'),
  LOG_FORMAT: z
    .enum(['auto', 'json', 'pretty'])
    .default('auto')
    .describe('json: one JSON object per line; auto: readable on a terminal, JSON otherwise'),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(1200)
    .describe(
      'API requests per minute per access token (per client address before signing in); failed sign-ins are limited separately',
    ),
  MAX_VERSIONS_PER_PERIOD: z.coerce
    .number()
    .int()
    .min(1)
    .default(200)
    .describe('Versions one council may keep for one period; one more is refused (429 too-many-versions)'),
  DECODE_MEMORY_MB: z.coerce
    .number()
    .int()
    .min(128)
    .default(256)
    .describe('Memory one upload may use while it is decoded (a worker thread); more is refused with 413'),
  DECODE_TIME_LIMIT_SECONDS: z.coerce
    .number()
    .positive()
    .default(30)
    .describe('Time one upload may take to decode and check; longer is refused with 422'),
  ENTRA_CLIENT_ID: z
    .string()
    .regex(/^[\w-]{1,100}$/, 'must be the application (client) ID of the Entra app registration')
    .optional()
    .describe(
      "Microsoft 365 sign-in: the add-in's Entra app registration (needs PUBLIC_URL); unset, access tokens only",
    ),
  ENTRA_AUTHORITY: z
    .url({ protocol: /^https?$/ })
    .default('https://login.microsoftonline.com')
    .describe("Microsoft's sign-in authority: tenant T's issuer is <authority>/T/v2.0"),
  PERSONAL_DATA_RETENTION_MONTHS: z.coerce
    .number()
    .int()
    .min(1)
    .default(84)
    .describe(
      "Months after a financial year ends that its returns keep people's names and e-mails; the 07:00 run then pseudonymises them",
    ),
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(isTrustProxy, 'not a trust-proxy value (true, false, a number of proxies, or addresses/subnets)')
    .describe(
      "Express's trust-proxy setting, behind a reverse proxy: the client address then comes from X-Forwarded-For (e.g. 1, loopback or 10.0.0.0/8)",
    ),
});

/** Every variable with its default (or undefined) and description, in the schema's order. */
export function configVariables(): { name: string; defaultValue?: string; description: string }[] {
  const properties = z.toJSONSchema(envSchema, { io: 'input', unrepresentable: 'any' }).properties ?? {};
  return Object.entries(properties).map(([name, property]) => {
    const { default: value, description = '' } = property as { default?: unknown; description?: string };
    return { name, ...(value === undefined ? {} : { defaultValue: String(value) }), description };
  });
}

export interface Config {
  port: number;
  /** DATABASE_URL as given, for saying which database a command uses. */
  databaseUrl: string;
  /** A SQLite file (or `:memory:`), or a PostgreSQL URL. */
  database: DatabaseLocation;
  publicUrl?: string;
  /** Signs the pane's download links; without it each start makes its own. */
  downloadLinkSecret?: string;
  smtpUrl?: string;
  mailFrom: string;
  timeZone: string;
  tls?: { certFile: string; keyFile: string };
  demo: boolean;
  logLevel: string;
  logFormat: LogFormat;
  rateLimitPerMinute: number;
  maxVersionsPerPeriod: number;
  decode: DecodeLimits;
  /** PERSONAL_DATA_RETENTION_MONTHS (DESIGN §11). */
  personalDataRetentionMonths: number;
  /** Express's `trust proxy` value. */
  trustProxy: boolean | number | string;
  /** Largest accepted request body (JSON or .xlsx), in bytes. */
  maxUploadBytes: number;
  /** Microsoft 365 sign-in, when ENTRA_CLIENT_ID is set (DESIGN §9.1). */
  entra?: EntraConfig;
}

export interface EntraConfig {
  clientId: string;
  /** Without a trailing slash. */
  authority: string;
  /** The `aud` values accepted: the client ID and the App ID URI api://<PUBLIC_URL host>/<client ID>. */
  audiences: [string, string];
  /** The scope the pane asks for. */
  scope: string;
}

/** What one upload may take in the decode pool (DECODE_MEMORY_MB, DECODE_TIME_LIMIT_SECONDS). */
export interface DecodeLimits {
  /** Heap one worker may use (its young and old generations together), in megabytes. */
  memoryMb: number;
  /** Wall-clock time one upload may take to decode and check, in milliseconds. */
  timeLimitMs: number;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** A variable the service cannot run with: its message is one line naming `variable` and why. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    why: string,
  ) {
    super(`Invalid configuration: ${variable}: ${why}`);
  }
}

/** `true`/`false`, a hop count, or what Express compiles as addresses and subnets. */
function trustProxyValue(text: string): boolean | number | string {
  if (text === 'true' || text === 'false') return text === 'true';
  return /^\d+$/.test(text) ? Number(text) : text;
}

function isTrustProxy(text: string): boolean {
  try {
    express().set('trust proxy', trustProxyValue(text));
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Reads the configuration; throws a `ConfigError` whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(name, issue.message);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) {
    const missing = e.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE';
    throw new ConfigError(missing, 'set both TLS_CERT_FILE and TLS_KEY_FILE, or neither');
  }
  if (e.ENTRA_CLIENT_ID && !e.PUBLIC_URL) {
    throw new ConfigError(
      'ENTRA_CLIENT_ID',
      'needs PUBLIC_URL too (its host names the API: api://<host>/<client ID>)',
    );
  }
  return {
    ...(e.ENTRA_CLIENT_ID && e.PUBLIC_URL
      ? { entra: entraConfig(e.ENTRA_CLIENT_ID, e.ENTRA_AUTHORITY, e.PUBLIC_URL) }
      : {}),
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    database: parseDatabaseUrl(e.DATABASE_URL),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    ...(e.DOWNLOAD_LINK_SECRET ? { downloadLinkSecret: e.DOWNLOAD_LINK_SECRET } : {}),
    ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}),
    mailFrom: e.MAIL_FROM,
    timeZone: e.TZ,
    ...(e.TLS_CERT_FILE && e.TLS_KEY_FILE
      ? { tls: { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } }
      : {}),
    demo: e.DEMO === 'on',
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    maxVersionsPerPeriod: e.MAX_VERSIONS_PER_PERIOD,
    decode: { memoryMb: e.DECODE_MEMORY_MB, timeLimitMs: e.DECODE_TIME_LIMIT_SECONDS * 1000 },
    personalDataRetentionMonths: e.PERSONAL_DATA_RETENTION_MONTHS,
    trustProxy: trustProxyValue(e.TRUST_PROXY),
    maxUploadBytes: MAX_UPLOAD_BYTES,
  };
}

function entraConfig(clientId: string, authority: string, publicUrl: string): EntraConfig {
  const api = `api://${new URL(publicUrl).host}/${clientId}`;
  return {
    clientId,
    authority: authority.replace(/\/+$/, ''),
    audiences: [clientId, api],
    scope: `${api}/access_as_user`,
  };
}
