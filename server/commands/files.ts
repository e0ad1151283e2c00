// File helpers shared by the offline commands: partnership files, problem lines, all-or-nothing output.
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { problemMessage } from '../../shared/i18n/problems.js';
import type { Partnership, Problem } from '../../shared/schemas.js';
import { errorMessage } from '../error-language.js';
import { HttpError, InvalidInput } from '../errors.js';
import { readPartnership } from '../services/partnership-input.js';
import { decodeUpload } from '../returns/upload.js';
import { WorkbookRejected } from '../workbook/read.js';
import { CLI_LOCALE, say } from './cli-language.js';

/** `file: Sheet!row column: message`, the one-line form of a problem on standard error, in the run's language. */
export function problemLine(
  file: string,
  p: Pick<Problem, 'sheet' | 'row' | 'column' | 'message' | 'say'>,
): string {
  const where = `${p.sheet}${p.row === null ? '' : `!${p.row}`}${p.column === null ? '' : ` ${p.column}`}`;
  return `${file}: ${where}: ${problemMessage(CLI_LOCALE, p)}`;
}

/** The line for a file that could not be read at all. */
export function unreadableLine(file: string, error: unknown): string {
  if (error instanceof WorkbookRejected) {
    const { where } = error;
    const message = errorMessage(CLI_LOCALE, error.code, error.status, error.message);
    if (where) {
      const { sheet, row = null, column = null } = where;
      return problemLine(file, { sheet, row, column, message });
    }
    return `${file}: ${message}`;
  }
  // What the service would answer for an upload like this file, e.g. JSON that does not parse.
  if (error instanceof HttpError)
    return `${file}: ${errorMessage(CLI_LOCALE, error.code, error.status, error.message)}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return say('cli.file.missing', { file });
  if (code === 'EISDIR') return say('cli.file.folder', { file });
  return say('cli.file.unreadable', { file, why: error instanceof Error ? error.message : String(error) });
}

export const errorLines = (file: string, problems: readonly Problem[]): string[] =>
  problems.filter((p) => p.severity === 'error').map((p) => problemLine(file, p));

/** A partnership from its workbook (.xlsx) or JSON, read as PUT /partnership reads it; one line per problem. */
export async function loadPartnership(
  file: string,
): Promise<{ partnership?: Partnership; errors: string[] }> {
  try {
    const bytes = await readFile(file);
    const kind = /\.json$/i.test(file) ? 'json' : 'xlsx';
    return { partnership: await readPartnership(decodeUpload({ kind, bytes })), errors: [] };
  } catch (error) {
    if (error instanceof InvalidInput) return { errors: errorLines(file, error.problems) };
    return { errors: [unreadableLine(file, error)] };
  }
}

/** Writes `file` only if `write` succeeds: a failed run leaves no partial or stale file behind. */
export async function writeFileAtomically(
  file: string,
  write: (out: NodeJS.WritableStream) => Promise<void>,
): Promise<void> {
  const temporary = `${file}.${process.pid}.partial`;
  try {
    await write(createWriteStream(temporary));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
