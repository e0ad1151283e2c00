// What a new version changes against the previous one, per sheet, by the layouts' row keys: the
// receipt's `changes`, so a council sees at once whether it sent what it meant to send. Each version
// keeps a digest of its rows (row key and a hash of the row), so the next receipt compares digests
// instead of reparsing the previous version.
import type { SheetChanges } from '../../shared/api.js';
import { COUNCIL_LAYOUTS, COUNCIL_SHEET_KEYS, type SheetLayout } from '../../shared/sheets/index.js';
import type { CouncilSubmission } from '../../shared/schemas.js';

type Sheet = keyof typeof COUNCIL_SHEET_KEYS;
export type SubmissionChanges = Record<Sheet, SheetChanges>;
/**
 * Per sheet, a line for each row: `key\thash`, the key with its backslashes and line breaks escaped.
 * A sheet is one string so that an unchanged sheet (most are) is one comparison, and a stored digest
 * parses into three strings rather than one per row.
 */
export type RowDigest = Record<Sheet, string>;

/**
 * Names the digest's form and row hash. Digests stored before it (SHA-1 rows with no name, then a list
 * of entries hashing each row's UTF-16 units, `json-units-imul53-*`) or under another name can't be
 * compared with a new one, so the previous version's rows are digested again instead.
 */
const DIGEST_FORMAT = 'lines-json-utf8-imul53';

/** A digest as kept with its version. */
export function storedDigest(digest: RowDigest): string {
  return JSON.stringify({ format: DIGEST_FORMAT, sheets: digest });
}

/** The stored digest's rows, or undefined when it was made with another hash (or is missing). */
export function readStoredDigest(text: string | null): RowDigest | undefined {
  if (!text) return undefined;
  const stored = JSON.parse(text) as { format?: unknown; sheets?: RowDigest };
  return stored.format === DIGEST_FORMAT ? stored.sheets : undefined;
}

/** A submission as stored: its JSON text, UTF-8 encoded, and its row digest. */
export interface SerialisedSubmission {
  /** In an ArrayBuffer of its own, so that it can be moved from a worker thread rather than copied. */
  json: Buffer;
  digest: RowDigest;
}

/**
 * The submission's JSON text and row digest. Each sheet is serialised once, as a whole (much cheaper
 * than row by row), the whole text is encoded once, and each row is found in the encoded text and
 * hashed in one pass over it.
 */
export function serialiseWithDigest(submission: CouncilSubmission): SerialisedSubmission {
  const pieces: string[] = [`{"period":${JSON.stringify(submission.period)},`];
  const sheets: { sheet: Sheet; rows: Record<string, unknown>[]; layout: SheetLayout; piece: number }[] = [];
  for (const layout of COUNCIL_LAYOUTS) {
    const sheet = layout.sheet as Sheet;
    const key = COUNCIL_SHEET_KEYS[sheet];
    const rows = (submission[key] as readonly Record<string, unknown>[]).map((row) =>
      inLayoutOrder(row, layout),
    );
    if (sheets.length > 0) pieces.push(',');
    pieces.push(`${JSON.stringify(key)}:`);
    sheets.push({ sheet, rows, layout, piece: pieces.length });
    pieces.push(JSON.stringify(rows));
  }
  pieces.push('}');
  const offsets = pieces.map((piece) => Buffer.byteLength(piece));
  const json = Buffer.allocUnsafeSlow(offsets.reduce((sum, n) => sum + n, 0));
  let at = 0;
  for (const [i, piece] of pieces.entries()) {
    json.write(piece, at);
    const length = offsets[i]!;
    offsets[i] = at;
    at += length;
  }
  const view = new DataView(json.buffer, json.byteOffset, json.byteLength);
  const digest = {} as RowDigest;
  for (const { sheet, rows, layout, piece } of sheets) {
    // Every sheet's array is followed by a piece (',' or the closing '}').
    const start = offsets[piece]!;
    const end = offsets[piece + 1]!;
    const hashes = rowHashes(json, view, start, end, rows);
    const rowKey = layout.rowKey;
    let lines = '';
    for (const [i, row] of rows.entries()) {
      // Keys compare case-insensitively, as the sheets' rules do (emails, project IDs).
      let key = '';
      for (let k = 0; k < rowKey.length; k++) {
        if (k > 0) key += '\u0001';
        key += String(row[rowKey[k]!] ?? '').toLowerCase();
      }
      if (key.includes('\\') || key.includes('\n')) key = escapeLineBreaks(key);
      lines += `${i > 0 ? '\n' : ''}${key}\t${hashes[i]}`;
    }
    digest[sheet] = lines;
  }
  return { json, digest };
}

const escapeLineBreaks = (key: string): string =>
  key.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));

export function rowDigest(submission: CouncilSubmission): RowDigest {
  return serialiseWithDigest(submission).digest;
}

/**
 * The row with its keys in layout column order, so the same row reads the same whichever way it was
 * sent. Checked rows (zod's output) are in that order already and are kept as they are.
 */
function inLayoutOrder(row: Record<string, unknown>, layout: SheetLayout): Record<string, unknown> {
  const columns = layout.columns;
  let next = 0;
  for (const key in row) {
    while (next < columns.length && columns[next]!.key !== key) next += 1;
    if (next === columns.length) {
      const ordered: Record<string, unknown> = {};
      for (const column of columns) ordered[column.key] = row[column.key];
      return { ...ordered, ...row };
    }
    next += 1;
  }
  return row;
}

/**
 * A 53-bit hash of each row's JSON text in a sheet's JSON array (the bytes `start` to `end` of `json`):
 * two 32-bit multiply-xor lanes over its UTF-8 bytes, four at a time (little-endian, wherever the row
 * starts), mixed at the end as cyrb53 (public domain) does. Rows are compared only with rows of the
 * same key, so a collision is as likely as 1 in 2^53 per pair.
 */
function rowHashes(
  json: Buffer,
  view: DataView,
  start: number,
  end: number,
  rows: readonly object[],
): number[] {
  const ends = rowEnds(json, start, end, rows.length) ?? rowEndsOneByOne(start, rows);
  const hashes: number[] = [];
  let from = start + 1; // after the array's '['
  for (const to of ends) {
    let h1 = 0xdeadbeef | 0;
    let h2 = 0x41c6ce57 | 0;
    let i = from;
    for (const whole = to - 3; i < whole; i += 4) {
      const word = view.getInt32(i, true);
      h1 = Math.imul(h1 ^ word, 2654435761);
      h2 = Math.imul(h2 ^ word, 1597334677);
    }
    for (; i < to; i++) {
      h1 = Math.imul(h1 ^ json[i]!, 2654435761);
      h2 = Math.imul(h2 ^ json[i]!, 1597334677);
    }
    hashes.push(finish(h1, h2));
    from = to + 1; // after the comma
  }
  return hashes;
}

const ROW_SEAM = Buffer.from('},{"');

/**
 * Where each row's text ends, found by the text between rows: `},{"`. A row is a flat object that is
 * never empty, and inside a JSON string every `"` is escaped, so that text occurs only between rows.
 * Undefined if the count says otherwise (a row that is not such an object).
 */
function rowEnds(json: Buffer, start: number, end: number, count: number): number[] | undefined {
  const ends: number[] = [];
  for (let at = json.indexOf(ROW_SEAM, start); at >= 0 && at < end; at = json.indexOf(ROW_SEAM, at + 4))
    ends.push(at + 1);
  if (count > 0) ends.push(end - 1);
  return ends.length === count ? ends : undefined;
}

/** The same from each row's own serialisation: slower, but it needs no assumption about the rows. */
function rowEndsOneByOne(start: number, rows: readonly object[]): number[] {
  let end = start;
  return rows.map((row) => (end += Buffer.byteLength(JSON.stringify(row)) + 1));
}

function finish(a: number, b: number): number {
  let h1 = Math.imul(a ^ (a >>> 16), 2246822507);
  h1 ^= Math.imul(b ^ (b >>> 13), 3266489909);
  let h2 = Math.imul(b ^ (b >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function diffDigests(previous: RowDigest | undefined, next: RowDigest): SubmissionChanges {
  const changes = {} as SubmissionChanges;
  for (const sheet of Object.keys(next) as Sheet[])
    changes[sheet] = diffRows(previous?.[sheet] ?? '', next[sheet]);
  return changes;
}

/**
 * Rows with the same key are paired: identical rows are unchanged, other pairs changed, and the rest
 * added or removed.
 */
function diffRows(beforeLines: string, afterLines: string): SheetChanges {
  if (beforeLines === afterLines) return { added: 0, changed: 0, removed: 0 };
  const before = linesOf(beforeLines);
  const after = linesOf(afterLines);
  // An identical entry (same key, same hash) is an unchanged row; only the rest are grouped by key.
  // Rows mostly keep their places from one version to the next, so those are paired without a look-up.
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same += 1;
  const unmatched = new Map<string, number>();
  for (let i = same; i < before.length; i++) unmatched.set(before[i]!, (unmatched.get(before[i]!) ?? 0) + 1);
  const fresh = new Map<string, number>();
  for (let i = same; i < after.length; i++) {
    const entry = after[i]!;
    const left = unmatched.get(entry);
    if (left) unmatched.set(entry, left - 1);
    else countKey(fresh, entry, 1);
  }
  const old = new Map<string, number>();
  for (const [entry, left] of unmatched) if (left) countKey(old, entry, left);
  const result: SheetChanges = { added: 0, changed: 0, removed: 0 };
  for (const key of new Set([...old.keys(), ...fresh.keys()])) {
    const added = fresh.get(key) ?? 0;
    const removed = old.get(key) ?? 0;
    const changed = Math.min(added, removed);
    result.changed += changed;
    result.added += added - changed;
    result.removed += removed - changed;
  }
  return result;
}

const linesOf = (lines: string): string[] => (lines === '' ? [] : lines.split('\n'));

function countKey(counts: Map<string, number>, entry: string, n: number): void {
  const key = entry.slice(0, entry.lastIndexOf('\t'));
  counts.set(key, (counts.get(key) ?? 0) + n);
}
