// Where the service keeps its files, and how: the database, the e-mail outbox and the demo tokens hold
// council and personal data and secrets, so folders it creates are 0700 and files 0600, readable by the
// service's own user only.
import { chmodSync, closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseLocation } from './store/database-url.js';

/** The folder of a SQLite database (./data with the default DATABASE_URL), else ./data. */
export const dataFolderFor = (database: DatabaseLocation): string =>
  database.kind === 'sqlite' && database.file !== ':memory:' ? dirname(database.file) : 'data';

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
