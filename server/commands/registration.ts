// What the token, user and tenant commands share: record numbers as arguments, and refusals that are
// one line on standard error.
import { InvalidArgumentError } from 'commander';
import type { PlainKey } from '../../shared/i18n/index.js';
import { CLI_LOCALE, say } from './cli-language.js';

export class RegistrationRefused extends Error {}

export const registrationFailures = (error: unknown): string[] | undefined =>
  error instanceof RegistrationRefused ? [error.message] : undefined;

/** What each field of a new user or tenant must be, for a Welsh reader. */
const FIELD_WORDS: Readonly<Record<string, PlainKey>> = {
  tenantId: 'cli.invalid.tenantId',
  email: 'cli.invalid.email',
  council: 'cli.invalid.council',
};

/**
 * A field the schema of a new user or tenant refused, as `--option: why`. As with the API's errors
 * (error-language.ts), the English keeps the schema's own words and the Welsh says what the field must be.
 */
export function fieldRefusal(issue: {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}): string {
  const field = String(issue.path[0]);
  const key = FIELD_WORDS[field];
  const why = CLI_LOCALE === 'en' || !key ? issue.message : say(key);
  return `--${field === 'tenantId' ? 'tenant-id' : field}: ${why}`;
}

/** A record number as `list` shows it. */
export function recordNumber(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) throw new InvalidArgumentError(say('cli.value.recordNumber'));
  return value;
}
