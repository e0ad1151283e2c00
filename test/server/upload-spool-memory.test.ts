// The spool keeps a body that arrives promptly in memory while the allowance shared by every body in
// memory has room, and sends the rest to a file: a body that finds the allowance full, or that takes too
// long to arrive. Either way the bytes received are the bytes sent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { UploadSpool, type SpoolLimits } from '../../server/returns/spool.js';

const KB = 1024;
const limits: SpoolLimits = {
  maxBytes: 4096 * KB,
  memoryBytes: 64 * KB,
  sharedMemoryBytes: 256 * KB,
  memoryHoldMs: 200,
  budgetBytes: 16384 * KB,
};

/** `length` bytes that differ from one position to the next, so a chunk out of place shows. */
const bodyOf = (length: number): Buffer => Buffer.from(Array.from({ length }, (_, i) => (i * 7) % 251));

/** Sends `body` in 16 KB chunks, then ends the stream unless told to stop after `sendOnly` bytes. */
function send(stream: PassThrough, body: Buffer, sendOnly = body.length): void {
  for (let at = 0; at < sendOnly; at += 16 * KB)
    stream.write(body.subarray(at, Math.min(at + 16 * KB, sendOnly)));
  if (sendOnly === body.length) stream.end();
}

const spools: UploadSpool[] = [];
const spoolOf = (own: Partial<SpoolLimits> = {}) => {
  const spool = new UploadSpool({ ...limits, ...own });
  spools.push(spool);
  return spool;
};
afterEach(() => {
  for (const spool of spools.splice(0)) spool.close();
});

describe('the upload spool in memory', () => {
  it('keeps a prompt body in memory within the shared allowance, and gives its share back when discarded', async () => {
    const spool = spoolOf();
    const body = bodyOf(200 * KB);
    const stream = new PassThrough();
    const received = spool.receive(stream);
    send(stream, body);
    const spooled = await received;
    expect('bytes' in spooled && spooled.bytes.equals(body)).toBe(true);
    expect(spool.folderPath).toBeUndefined();
    // 200 KB, of which the first 64 KB are the body's own: 136 KB of the allowance.
    expect(spool.bytesInMemory).toBe(136 * KB);
    await spooled.discard();
    expect(spool.bytesInMemory).toBe(0);
  });

  it('writes a body to its file, whole, once the allowance is full', async () => {
    const spool = spoolOf();
    const first = new PassThrough();
    const held = spool.receive(first);
    send(first, bodyOf(300 * KB));
    const kept = await held;
    // 236 KB of the 256 KB allowance are held: the next body's first 64 KB fit, the rest does not.
    expect(spool.bytesInMemory).toBe(236 * KB);
    const body = bodyOf(1000 * KB);
    const second = new PassThrough();
    const received = spool.receive(second);
    send(second, body);
    const spooled = await received;
    expect('file' in spooled).toBe(true);
    if (!('file' in spooled)) return;
    expect(readFileSync(spooled.file).equals(body)).toBe(true);
    expect(spool.bytesInMemory).toBe(236 * KB);
    await spooled.discard();
    await kept.discard();
    expect(existsSync(spooled.file)).toBe(false);
    expect(spool.bytesInMemory).toBe(0);
  });

  it('moves a body that is still arriving after the hold time to its file, and the rest after it', async () => {
    const spool = spoolOf();
    const body = bodyOf(512 * KB);
    const stream = new PassThrough();
    const received = spool.receive(stream);
    send(stream, body, 128 * KB);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const folder = spool.folderPath!;
    expect(readdirSync(folder)).toHaveLength(1);
    expect(spool.bytesInMemory).toBe(0);
    stream.end(body.subarray(128 * KB));
    const spooled = await received;
    expect('file' in spooled && readFileSync(spooled.file).equals(body)).toBe(true);
    await spooled.discard();
    expect(readdirSync(folder)).toHaveLength(0);
  });

  it('fills one buffer of the declared length, the whole of its memory, and takes that share at once', async () => {
    const spool = spoolOf();
    const body = bodyOf(200 * KB);
    const stream = new PassThrough();
    const received = spool.receive(stream, { length: body.length });
    send(stream, body, 100 * KB);
    // Past its first 64 KB, the rest of the 200 KB it declared is held for it: 136 KB.
    await new Promise((resolve) => setImmediate(resolve));
    expect(spool.bytesInMemory).toBe(136 * KB);
    stream.end(body.subarray(100 * KB));
    const spooled = await received;
    if (!('bytes' in spooled)) throw new Error('kept in memory');
    expect(spooled.bytes.equals(body)).toBe(true);
    // A buffer of its own, so the decode pool can move it to a worker rather than copy it.
    expect(spooled.bytes.byteOffset).toBe(0);
    expect(spooled.bytes.buffer.byteLength).toBe(body.length);
    await spooled.discard();
    expect(spool.bytesInMemory).toBe(0);
  });

  it('writes a body that sends more than it declared to its file, all of it', async () => {
    const spool = spoolOf();
    const body = bodyOf(300 * KB);
    const stream = new PassThrough();
    const received = spool.receive(stream, { length: 100 * KB });
    send(stream, body);
    const spooled = await received;
    expect('file' in spooled && readFileSync(spooled.file).equals(body)).toBe(true);
    expect(spool.bytesInMemory).toBe(0);
    await spooled.discard();
  });

  it('gives back the share of a body refused for its size', async () => {
    const spool = spoolOf();
    const stream = new PassThrough();
    const received = spool.receive(stream, { limit: 128 * KB });
    send(stream, bodyOf(200 * KB));
    await expect(received).rejects.toMatchObject({ status: 413 });
    expect(spool.bytesInMemory).toBe(0);
  });
});
