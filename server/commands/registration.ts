// What the token, user and tenant commands share: record numbers as arguments, and refusals that are
// one line on standard error.
import { InvalidArgumentError } from 'commander';
import { say } from './cli-language.js';

export class RegistrationRefused extends Error {}

export const registrationFailures = (error: unknown): string[] | undefined =>
  error instanceof RegistrationRefused ? [error.message] : undefined;

/** A record number as `list` shows it. */
export function recordNumber(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) throw new InvalidArgumentError(say('cli.value.recordNumber'));
  return value;
}
