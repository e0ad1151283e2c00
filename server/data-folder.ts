// Where the service keeps its files, and how: the database, the e-mail outbox and the demo tokens hold
// council and personal data and secrets, so folders it creates are 0700 and files 0600, readable by the
// service's own user only.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseLocation } from './config.js';

/** The folder of a SQLite database (./data with the default DATABASE_URL), else ./data. */
export const dataFolderFor = (database: DatabaseLocation): string =>
  database.kind === 'sqlite' && database.file !== ':memory:' ? dirname(database.file) : 'data';

/** The folder of the default DATABASE_URL (sqlite:./data/shared-cdo.sqlite), made on the first start. */
const DEFAULT_DATA_FOLDER = 'data';

/**
 * Whether the database's folder may be used: ./data is made on the first start (a developer's or a
 * demo's); any other folder is the one an operator named, so one that does not exist is a mistake in
 * DATABASE_URL (or a volume not mounted) and the service must not start on a new, empty database there.
 */
export function dataFolderProblem(folder: string): string | undefined {
  if (resolve(folder) === resolve(DEFAULT_DATA_FOLDER)) {
    makePrivateFolder(folder);
    return undefined;
  }
  return existsSync(folder)
    ? undefined
    : `the folder ${resolve(folder)} does not exist; create it for the service's user (mode 0700) or correct DATABASE_URL`;
}

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/** Creates a folder (and its parents) for the service alone; a folder that exists is left as it is. */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
}

/** Writes a file only the service's user can read, whatever the umask. */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  writeFileSync(file, data, { mode: FILE_MODE });
  chmodSync(file, FILE_MODE);
}

/** Makes sure a file exists and only the service's user can read it (SQLite gives its -wal and -shm files the same mode). */
export function keepPrivate(file: string): void {
  closeSync(openSync(file, 'a', FILE_MODE));
  chmodSync(file, FILE_MODE);
}
