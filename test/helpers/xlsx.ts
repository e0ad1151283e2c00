// Small helpers to hold a written workbook in memory and look inside it.
import yauzl from 'yauzl';

export { writtenBytes } from '../../server/xlsx/write/bytes.js';

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
