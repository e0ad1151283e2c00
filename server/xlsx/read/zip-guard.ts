// Checks an .xlsx (a zip of XML parts) before any XML parser sees it: size, part count, declared and
// actual inflated sizes, compression ratio, and DTDs. Every part is inflated here under the caps, so a
// zip whose headers lie cannot make a later reader allocate more than the caps allow.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { WorkbookRejected } from './rejected.js';

export interface ZipLimits {
  maxBytes: number;
  maxUncompressedBytes: number;
}

/** A workbook has a few dozen parts; thousands only serve to exhaust the reader. */
const MAX_PARTS = 2_000;
/**
 * Sheet XML from Excel, LibreOffice, exceljs or SheetJS deflates by 1:4 to about 1:20 (50,000 identical
 * formatted rows: 1:12); a deflate bomb reaches 1:1000. Small parts are exempt.
 */
const MAX_COMPRESSION_RATIO = 200;
const RATIO_EXEMPT_BYTES = 1 << 20;
/** The parts an XML parser reads. */
const XML_PART = /\.(xml|rels|vml)$/i;
/** Byte patterns that make a part unacceptable, and the refusal each one gives. */
interface Marker {
  bytes: Buffer;
  refuse(part: string): WorkbookRejected;
}
const DTD_MARKERS: Marker[] = ['<!DOCTYPE', '<!ENTITY'].map((text) => ({
  bytes: Buffer.from(text),
  refuse: (part) =>
    new WorkbookRejected(
      'xml-entities',
      422,
      `This workbook contains XML document type or entity declarations (in ${part}), which Excel never writes; it was refused as unsafe.`,
    ),
}));
/**
 * Cells typed t="d" hold ISO date text, which Excel reads but never writes; the sheet reader (as
 * exceljs's streaming reader before it) would turn "2026-04-01" into the number 2026, so such a
 * workbook is refused rather than misread.
 */
const ISO_DATE_CELL_MARKERS: Marker[] = [' t="d"', " t='d'"].map((text) => ({
  bytes: Buffer.from(text),
  refuse: (part) =>
    new WorkbookRejected(
      'unsupported-cells',
      422,
      `This workbook stores dates as ISO text cells (in ${part}), which the service cannot read reliably; open it in Excel, save it, and try again.`,
    ),
}));
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const MARKER_OVERLAP = Math.max(...[...DTD_MARKERS, ...ISO_DATE_CELL_MARKERS].map((m) => m.bytes.length)) - 1;

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Old .xls files and password-protected .xlsx files are OLE compound documents. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const NOT_XLSX = 'This file is not an Excel workbook (.xlsx).';
const megabytes = (bytes: number): string => `${Math.round((bytes / (1 << 20)) * 10) / 10} MB`;

const notXlsx = (message = NOT_XLSX) => new WorkbookRejected('not-xlsx', 422, message);
const unsafe = (status: 413 | 422, detail: string) =>
  new WorkbookRejected('zip-bomb', status, `${detail}; the workbook was refused as unsafe.`);

/** A zip whose parts have all been checked; parts open as UTF-8 text. */
export interface CheckedZip {
  has(part: string): boolean;
  openText(part: string): Promise<Readable>;
}

export async function inspectZip(buffer: Buffer, limits: ZipLimits): Promise<CheckedZip> {
  if (buffer.length > limits.maxBytes) {
    throw new WorkbookRejected(
      'too-large',
      413,
      `This file is ${megabytes(buffer.length)}; workbooks up to ${megabytes(limits.maxBytes)} are accepted.`,
    );
  }
  if (buffer.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw notXlsx(
      `${NOT_XLSX} It is an older .xls file or a password-protected workbook: save it as an .xlsx without a password and try again.`,
    );
  }
  if (!buffer.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) throw notXlsx();

  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw notXlsx();
  }
  if (zip.entryCount > MAX_PARTS) {
    throw unsafe(422, `This workbook holds ${zip.entryCount.toLocaleString('en-GB')} parts`);
  }

  const entries = await listEntries(zip, limits);
  let inflated = 0;
  for (const entry of entries.values()) {
    if (!XML_PART.test(entry.fileName)) continue;
    inflated += await scanXmlPart(zip, entry, limits.maxUncompressedBytes, inflated);
  }

  return {
    has: (part) => entries.has(part),
    async openText(part) {
      const entry = entries.get(part);
      if (!entry) throw new WorkbookRejected('unreadable', 422, `This workbook has no part ${part}.`);
      // Only the parts scanned above reach a parser, whatever name a relationship points at.
      if (!XML_PART.test(part))
        throw new WorkbookRejected('unreadable', 422, `This workbook's part ${part} is not an XML part.`);
      const stream = await zip.openReadStreamPromise(entry);
      stream.setEncoding('utf8');
      return stream;
    },
  };
}

async function listEntries(zip: ZipFile, limits: ZipLimits): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.has(entry.fileName))
        throw notXlsx(`${NOT_XLSX} It holds the part ${entry.fileName} twice.`);
      if (entry.isEncrypted()) throw notXlsx();
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) {
        throw unsafe(413, `This workbook expands to more than ${megabytes(limits.maxUncompressedBytes)}`);
      }
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_EXEMPT_BYTES && ratio > MAX_COMPRESSION_RATIO) {
        throw unsafe(422, `Its part ${entry.fileName} is compressed ${Math.round(ratio)} to 1`);
      }
      entries.set(entry.fileName, entry);
    }
  } catch (error) {
    if (error instanceof WorkbookRejected) throw error;
    throw notXlsx();
  }
  return entries;
}

/** Inflates one XML part within what is left of the cap, refusing DTDs and ISO date cells; returns its inflated size. */
async function scanXmlPart(
  zip: ZipFile,
  entry: Entry,
  cap: number,
  alreadyInflated: number,
): Promise<number> {
  const markers = WORKSHEET_PART.test(entry.fileName)
    ? [...DTD_MARKERS, ...ISO_DATE_CELL_MARKERS]
    : DTD_MARKERS;
  let size = 0;
  let tail = Buffer.alloc(0);
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (alreadyInflated + size > cap)
        throw unsafe(413, `This workbook expands to more than ${megabytes(cap)}`);
      const seam = Buffer.concat([tail, chunk.subarray(0, MARKER_OVERLAP)]);
      const found = markers.find((m) => chunk.includes(m.bytes) || seam.includes(m.bytes));
      if (found) throw found.refuse(entry.fileName);
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - MARKER_OVERLAP)));
    }
  } catch (error) {
    if (error instanceof WorkbookRejected) throw error;
    // yauzl checks the inflated size against the central directory as it goes.
    if (error instanceof Error && /bytes in the stream/.test(error.message)) {
      throw unsafe(422, `Its part ${entry.fileName} holds more data than its header declares`);
    }
    throw new WorkbookRejected(
      'unreadable',
      422,
      `This workbook is damaged: its part ${entry.fileName} cannot be read.`,
    );
  }
  return size;
}
