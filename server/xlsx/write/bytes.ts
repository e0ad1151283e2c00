import { PassThrough } from 'node:stream';

/** Runs a workbook writer that streams to `out` and returns the bytes it wrote (e.g. for an e-mail attachment). */
export async function writtenBytes(write: (out: NodeJS.WritableStream) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}
