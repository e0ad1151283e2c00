// What a new version changes against the previous one, per sheet, by the layouts' row keys: the
// receipt's `changes`, so a council sees at once whether it sent what it meant to send. Each version
// keeps a digest of its rows (row key and a hash of the row), so the next receipt compares digests
// instead of reparsing the previous version.
import { endianness } from 'node:os';
import type { SheetChanges } from '../../shared/api.js';
import { COUNCIL_LAYOUTS, COUNCIL_SHEET_KEYS, type SheetLayout } from '../../shared/layouts.js';
import type { CouncilSubmission } from '../../shared/schemas.js';

type Sheet = keyof typeof COUNCIL_SHEET_KEYS;
export type SubmissionChanges = Record<Sheet, SheetChanges>;
/** Per sheet, one `key\thash` entry per row. */
export type RowDigest = Record<Sheet, string[]>;

/**
 * Names the row hash in a stored digest. Digests stored before it (SHA-1 rows, no name) or under another
 * name can't be compared with a new one, so the previous version's rows are digested again instead.
 */
const DIGEST_FORMAT = `json-units-imul53-${endianness()}`;

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

/**
 * The submission's JSON text and row digest. Each sheet is serialised once, as a whole (much cheaper
 * than row by row), and each row is found in that text and hashed in one pass over it.
 */
export function serialiseWithDigest(submission: CouncilSubmission): { data: string; digest: RowDigest } {
  const digest = {} as RowDigest;
  const sheets: string[] = [];
  for (const layout of COUNCIL_LAYOUTS) {
    const sheet = layout.sheet as Sheet;
    const key = COUNCIL_SHEET_KEYS[sheet];
    const rows = (submission[key] as readonly Record<string, unknown>[]).map((row) =>
      inLayoutOrder(row, layout),
    );
    const json = JSON.stringify(rows);
    const hashes = rowHashes(json, rows);
    digest[sheet] = rows.map((row, i) => {
      // Keys compare case-insensitively, as the sheets' rules do (emails, project IDs).
      const rowKey = layout.rowKey.map((k) => String(row[k] ?? '').toLowerCase()).join('\u0001');
      return `${rowKey}\t${hashes[i]}`;
    });
    sheets.push(`${JSON.stringify(key)}:${json}`);
  }
  return { data: `{"period":${JSON.stringify(submission.period)},${sheets.join(',')}}`, digest };
}

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
 * A 53-bit hash of each row's JSON text in a sheet's JSON array: two 32-bit multiply-xor lanes over its
 * UTF-16 units, mixed at the end as cyrb53 (public domain) does. Rows are compared only with rows of the
 * same key, so a collision is as likely as 1 in 2^53 per pair.
 */
function rowHashes(json: string, rows: readonly object[]): number[] {
  const ends = rowEnds(json, rows.length) ?? rowEndsOneByOne(rows);
  const bytes = Buffer.from(json, 'utf16le');
  const units =
    bytes.byteOffset % 2 === 0
      ? new Uint16Array(bytes.buffer, bytes.byteOffset, json.length)
      : new Uint16Array(new Uint8Array(bytes).buffer);
  const hashes: number[] = [];
  let start = 1; // after the array's '['
  for (const end of ends) {
    let h1 = 0xdeadbeef | 0;
    let h2 = 0x41c6ce57 | 0;
    for (let i = start; i < end; i++) {
      h1 = Math.imul(h1 ^ units[i]!, 2654435761);
      h2 = Math.imul(h2 ^ units[i]!, 1597334677);
    }
    hashes.push(finish(h1, h2));
    start = end + 1; // after the comma
  }
  return hashes;
}

/**
 * Where each row's text ends, found by the text between rows: `},{"`. A row is a flat object that is
 * never empty, and inside a JSON string every `"` is escaped, so that text occurs only between rows.
 * Undefined if the count says otherwise (a row that is not such an object).
 */
function rowEnds(json: string, count: number): number[] | undefined {
  const ends: number[] = [];
  for (let at = json.indexOf('},{"'); at >= 0; at = json.indexOf('},{"', at + 4)) ends.push(at + 1);
  if (count > 0) ends.push(json.length - 1);
  return ends.length === count ? ends : undefined;
}

/** The same from each row's own serialisation: slower, but it needs no assumption about the rows. */
function rowEndsOneByOne(rows: readonly object[]): number[] {
  let end = 0;
  return rows.map((row) => (end += JSON.stringify(row).length + 1));
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
    changes[sheet] = diffRows(previous?.[sheet] ?? [], next[sheet]);
  return changes;
}

/**
 * Rows with the same key are paired: identical rows are unchanged, other pairs changed, and the rest
 * added or removed.
 */
function diffRows(before: readonly string[], after: readonly string[]): SheetChanges {
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

function countKey(counts: Map<string, number>, entry: string, n: number): void {
  const key = entry.slice(0, entry.lastIndexOf('\t'));
  counts.set(key, (counts.get(key) ?? 0) + n);
}
