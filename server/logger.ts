// Structured logs (pino). Tokens and personal data never reach the log: credentials are redacted and
// request bodies are not logged at all. On a terminal the lines are made readable (pino-pretty); piped
// to a file or a log collector, or with LOG_FORMAT=json, they stay one JSON object per line.
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  'authorization',
  'token',
];

export type LogFormat = 'auto' | 'json' | 'pretty';

/** Pretty only when asked, or when `auto` and the logs go to a terminal. */
export function logsArePretty(format: LogFormat, destination: NodeJS.WritableStream): boolean {
  return format === 'pretty' || (format === 'auto' && (destination as { isTTY?: boolean }).isTTY === true);
}

/** Logs to `destination`, standard output by default. */
export function createLogger(
  level: string,
  destination?: NodeJS.WritableStream,
  format: LogFormat = 'json',
): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  const target = destination ?? process.stdout;
  if (logsArePretty(format, target)) {
    // Required only here: logs that are not pretty (a service under systemd) never load it, and it is
    // about 1 MB of heap.
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
    // Synchronous, so log lines and the start-up banner appear in the order they were written.
    const stream = pretty({
      destination: target,
      sync: true,
      colorize: (target as { isTTY?: boolean }).isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
    });
    return pino(options, stream);
  }
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}
