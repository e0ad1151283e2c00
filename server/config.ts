// Service configuration from the environment (DESIGN §5). A bad value stops start-up with one line
// that names the variable, so an operator sees at once what to fix.
import { z } from 'zod';

const toggle = z.enum(['on', 'off']);

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a port number (0 to 65535)' })
    .int('must be a port number (0 to 65535)')
    .min(0, 'must be a port number (0 to 65535)')
    .max(65_535, 'must be a port number (0 to 65535)')
    .default(3000),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/shared-cdo.sqlite')
    .refine(
      (url) => url.startsWith('sqlite:'),
      'only sqlite: URLs are supported (e.g. sqlite:./data/db.sqlite)',
    ),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Shared CDO <shared-cdo@localhost>'),
  TZ: z.string().default('Europe/London').refine(isTimeZone, 'not a time zone name (e.g. Europe/London)'),
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  DEMO: toggle.default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests per minute per client address across the API; failed sign-ins are limited separately. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
});

export interface Config {
  port: number;
  /** The SQLite file, or `:memory:`. */
  databaseFile: string;
  publicUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  timeZone: string;
  tls?: { certFile: string; keyFile: string };
  demo: boolean;
  logLevel: string;
  rateLimitPerMinute: number;
  /** Largest accepted request body (JSON or .xlsx), in bytes. */
  maxUploadBytes: number;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export class ConfigError extends Error {}

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
    throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) {
    const missing = e.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE';
    throw new ConfigError(
      `Invalid configuration: ${missing}: set both TLS_CERT_FILE and TLS_KEY_FILE, or neither`,
    );
  }
  return {
    port: e.PORT,
    databaseFile: e.DATABASE_URL.slice('sqlite:'.length),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}),
    mailFrom: e.MAIL_FROM,
    timeZone: e.TZ,
    ...(e.TLS_CERT_FILE && e.TLS_KEY_FILE
      ? { tls: { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } }
      : {}),
    demo: e.DEMO === 'on',
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    maxUploadBytes: MAX_UPLOAD_BYTES,
  };
}
