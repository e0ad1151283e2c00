// Small helpers to hold a written workbook in memory and look inside it.
import { PassThrough } from 'node:stream';
import yauzl from 'yauzl';

/** Runs a writer that streams to `out` and returns everything it wrote. */
export async function writtenBytes(write: (out: NodeJS.WritableStream) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

/** The text of every part of a zip, by part name. */
export async function zipParts(zip: Buffer): Promise<Map<string, string>> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const parts = new Map<string, string>();
  for await (const entry of file.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await file.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  return parts;
}
