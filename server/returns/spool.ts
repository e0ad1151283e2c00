// Where an upload's bytes wait between the client and a decode worker (DESIGN §9.5). A body that arrives
// promptly stays in memory while a fixed allowance shared by every body in flight has room for it (past the
// first few hundred kilobytes each body may always keep); one that takes longer than a moment, or finds the
// allowance full, goes to a file only the service's user can read. So a slow or unfinished body costs disk,
// not the memory of the thread that serves requests, and bodies in memory never hold more than the
// allowance. Every body in flight also reserves its size against one budget for the whole service; past it
// new uploads are refused (503, Retry-After) instead of queued, and a body is refused (413) the moment it
// passes the size limit.
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
  /** Bytes of one body it may always keep in memory. */
  memoryBytes: number;
  /**
   * Bytes past their first `memoryBytes` that all bodies in memory may hold together; a body that would
   * pass it goes to its file.
   */
  sharedMemoryBytes: number;
  /** How long a body may take to arrive and still be kept in memory past `memoryBytes`, in milliseconds. */
  memoryHoldMs: number;
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
  private sharedInMemory = 0;
  private folder: string | undefined;

  constructor(readonly limits: SpoolLimits) {}

  /** Bytes reserved by bodies in flight (for tests and the bench). */
  get bytesInFlight(): number {
    return this.reserved;
  }

  /** Bytes of the shared memory allowance held by bodies kept in memory (for tests). */
  get bytesInMemory(): number {
    return this.sharedInMemory;
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
   * Reads a body whole: in memory while it arrives promptly and the shared allowance has room (its first
   * `memoryBytes` always), else a private temporary file, written as it comes, chunks that arrive during
   * a write together (the client waits while the disk catches up). Refused (413) as soon as it passes
   * `limit`, and left paused, never destroyed, so the refusal can still be sent; a body cut off leaves no
   * file behind. `discard` gives back its share of the allowance, or removes its file.
   *
   * `length`, the size the body declares (its Content-Length), lets a body kept in memory be copied
   * into one buffer of that size as it arrives, its chunks let go at once, rather than held and joined
   * at the end: half the memory for a moment, and the buffer is as the decode worker takes it.
   */
  async receive(
    stream: Readable,
    { limit = this.limits.maxBytes, length }: { limit?: number; length?: number } = {},
  ): Promise<Spooled & { discard(): Promise<void> }> {
    const { memoryBytes, sharedMemoryBytes, memoryHoldMs } = this.limits;
    let size = 0;
    /** In memory: the whole body while it is kept there; once it goes to its file, what is not written yet. */
    let chunks: Buffer[] = [];
    /** A body kept in memory past `memoryBytes` whose length is declared: all of it, filled as it comes. */
    let whole: Buffer | undefined;
    let unwritten = 0;
    /** Bytes of the shared allowance this body holds: what it keeps in memory past `memoryBytes`. */
    let borrowed = 0;
    let toFile = false;
    /** The body has taken longer than `memoryHoldMs` to arrive. */
    let late = false;
    let file: { path: string; handle: FileHandle } | undefined;
    let writing = Promise.resolve();
    let flushing = false;
    const giveBack = () => {
      this.sharedInMemory -= borrowed;
      borrowed = 0;
    };
    const discard = async () => {
      giveBack();
      if (!file) return;
      const { path, handle } = file;
      await handle.close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
    };
    let hold: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        let settled = false;
        let ended = false;
        const settle = () => {
          settled = true;
          clearTimeout(hold);
          stream.off('data', onData);
        };
        const fail = (error: unknown) => {
          if (settled) return;
          settle();
          stream.pause();
          reject(error);
        };
        const finishIfDone = () => {
          if (settled || !ended || flushing) return;
          settle();
          resolve();
        };
        // Writes what is waiting in one go; what arrives meanwhile waits for the next.
        const flush = () => {
          flushing = true;
          writing = writing
            .then(async () => {
              if (!file) {
                const path = join(this.privateFolder(), randomUUID());
                file = { path, handle: await open(path, 'wx', FILE_MODE) };
              }
              const batch = chunks;
              chunks = [];
              unwritten = 0;
              await file.handle.writev(batch);
              giveBack();
            })
            .then(() => {
              flushing = false;
              if (settled) return;
              if (chunks.length > 0) return flush();
              stream.resume();
              finishIfDone();
            });
          writing.catch(fail);
        };
        const spill = () => {
          toFile = true;
          if (whole) chunks = [whole.subarray(0, size)];
          whole = undefined;
          unwritten = size;
          if (!flushing) flush();
        };
        const borrow = (bytes: number): boolean => {
          if (late || this.sharedInMemory + bytes > sharedMemoryBytes) return false;
          this.sharedInMemory += bytes;
          borrowed += bytes;
          return true;
        };
        const onData = (chunk: Buffer) => {
          if (size + chunk.length > limit) return fail(tooLarge(limit));
          // More than it declared: its file takes the rest.
          if (whole && size + chunk.length > whole.length) spill();
          if (whole) {
            chunk.copy(whole, size);
            size += chunk.length;
            return;
          }
          size += chunk.length;
          chunks.push(chunk);
          if (!toFile) {
            const past = size - memoryBytes;
            if (past <= 0) return;
            if (length !== undefined && length >= size && length <= limit) {
              // The whole declared body's share at once: it is known to be coming.
              if (!borrow(length - memoryBytes)) return spill();
              whole = Buffer.allocUnsafeSlow(length);
              let at = 0;
              for (const held of chunks) at += held.copy(whole, at);
              chunks = [];
              return;
            }
            if (!borrow(past - borrowed)) return spill();
            return;
          }
          unwritten += chunk.length;
          // At most about `memoryBytes` wait in memory for the disk; then the client waits too.
          if (unwritten >= memoryBytes) stream.pause();
          if (!flushing) flush();
        };
        hold = setTimeout(() => {
          late = true;
          if (!toFile && borrowed > 0) spill();
        }, memoryHoldMs);
        stream.on('data', onData);
        stream.once('end', () => {
          ended = true;
          finishIfDone();
        });
        stream.once('error', fail);
        stream.once('close', () => {
          if (!ended)
            fail(new HttpError(400, 'incomplete-upload', 'The upload ended before all of it arrived.'));
        });
      });
    } catch (error) {
      await writing.catch(() => undefined);
      await discard();
      throw error;
    }
    if (whole) return { size, bytes: size === whole.length ? whole : whole.subarray(0, size), discard };
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
