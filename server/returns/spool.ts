// Where an upload's bytes wait between the client and a decode worker (DESIGN §9.5): the first few hundred
// kilobytes in memory, the rest in a file only the service's user can read, so a slow or unfinished body
// costs disk, not the memory of the thread that serves requests. Every body in flight reserves its size
// against one budget for the whole service; past it new uploads are refused (503, Retry-After) instead of
// queued, and a body is refused (413) the moment it passes the size limit.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { HttpError } from '../errors.js';

export interface SpoolLimits {
  /** The most one body may hold (413 past it). */
  maxBytes: number;
  /** Bytes of one body kept in memory; the rest goes to its file. */
  memoryBytes: number;
  /** Bytes all bodies in flight may reserve together (503 past it). */
  budgetBytes: number;
}

/** A body once received whole: its bytes in memory when small, else its file, until `release`. */
export type Spooled = { size: number } & ({ bytes: Buffer } | { file: string });

/** How long a client is asked to wait when the service is full of uploads. */
export const BUSY_RETRY_AFTER_SECONDS = 30;

/** 503 with a Retry-After: the service is busy, not broken; the client should try again later. */
export class BusyError extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds = BUSY_RETRY_AFTER_SECONDS,
  ) {
    super(503, 'busy', message);
  }
}

export const tooLarge = (limit: number): HttpError =>
  new HttpError(
    413,
    'payload-too-large',
    `The ${limit >= 1024 * 1024 ? 'upload' : 'request body'} is over the ${
      limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`
    } limit.`,
  );

const FILE_MODE = 0o600;

export class UploadSpool {
  private reserved = 0;
  private folder: string | undefined;

  constructor(readonly limits: SpoolLimits) {}

  /** Bytes reserved by bodies in flight (for tests and the bench). */
  get bytesInFlight(): number {
    return this.reserved;
  }

  /** The folder spooled bodies are written to, once one has been. */
  get folderPath(): string | undefined {
    return this.folder;
  }

  /**
   * Reserves room for a body of `declared` bytes (the size limit when not declared), or refuses: 413 when
   * it says it is too big, 503 when the service holds too many bodies already. `release` gives it back.
   */
  reserve(declared: number | undefined): { amount: number; release: () => void } {
    const { maxBytes, budgetBytes } = this.limits;
    if (declared !== undefined && declared > maxBytes) throw tooLarge(maxBytes);
    const amount = declared ?? maxBytes;
    if (this.reserved + amount > budgetBytes) {
      throw new BusyError('The service is receiving many uploads just now; try again in a minute.');
    }
    this.reserved += amount;
    let released = false;
    return {
      amount,
      release: () => {
        if (released) return;
        released = true;
        this.reserved -= amount;
      },
    };
  }

  /**
   * Reads a body whole: memory up to `memoryBytes`, then a private temporary file, written as it comes
   * (the client waits while the disk catches up). Refused (413) as soon as it passes `limit`, and left
   * paused, never destroyed, so the refusal can still be sent; a body cut off leaves no file behind.
   */
  async receive(
    stream: Readable,
    limit = this.limits.maxBytes,
  ): Promise<Spooled & { discard(): Promise<void> }> {
    const chunks: Buffer[] = [];
    let size = 0;
    let file: { path: string; handle: FileHandle } | undefined;
    const discard = async () => {
      if (!file) return;
      const { path, handle } = file;
      await handle.close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
    };
    const toFile = async (chunk: Buffer) => {
      if (!file) {
        const path = join(this.privateFolder(), randomUUID());
        file = { path, handle: await open(path, 'wx', FILE_MODE) };
        for (const held of chunks.splice(0)) await file.handle.write(held);
      }
      await file.handle.write(chunk);
    };
    try {
      await new Promise<void>((resolve, reject) => {
        let writing = Promise.resolve();
        let settled = false;
        let ended = false;
        const fail = (error: unknown) => {
          if (settled) return;
          settled = true;
          stream.off('data', onData);
          stream.pause();
          reject(error);
        };
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) return fail(tooLarge(limit));
          if (!file && size <= this.limits.memoryBytes) return void chunks.push(chunk);
          stream.pause();
          writing = writing.then(() => toFile(chunk)).then(() => void (settled || stream.resume()));
          writing.catch(fail);
        };
        stream.on('data', onData);
        stream.once('end', () => {
          ended = true;
          writing.then(() => {
            settled = true;
            resolve();
          }, fail);
        });
        stream.once('error', fail);
        stream.once('close', () => {
          if (!ended)
            fail(new HttpError(400, 'incomplete-upload', 'The upload ended before all of it arrived.'));
        });
      });
    } catch (error) {
      await discard();
      throw error;
    }
    if (!file) return { size, bytes: Buffer.concat(chunks, size), discard };
    const { path, handle } = file;
    await handle.close();
    return { size, file: path, discard: () => unlink(path).catch(() => undefined) };
  }

  /** Removes the folder of spooled bodies (when the service stops). */
  close(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }

  /** A folder of this process's own, 0700, made when the first large body arrives. */
  private privateFolder(): string {
    return (this.folder ??= mkdtempSync(join(tmpdir(), 'shared-cdo-uploads-')));
  }
}
