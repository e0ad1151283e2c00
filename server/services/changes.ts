// What a new version changes against the previous one, per sheet, by the layouts' row keys: the
// receipt's `changes`, so a council sees at once whether it sent what it meant to send. Each version
// keeps a digest of its rows (row key and a hash of the row), so the next receipt compares digests
// instead of reparsing the previous version.
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
const DIGEST_FORMAT = 'cyrb53';

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

/** The submission's JSON text and row digest, from one serialisation of each row. */
export function serialiseWithDigest(submission: CouncilSubmission): { data: string; digest: RowDigest } {
  const digest = {} as RowDigest;
  const sheets: string[] = [];
  for (const layout of COUNCIL_LAYOUTS) {
    const sheet = layout.sheet as Sheet;
    const key = COUNCIL_SHEET_KEYS[sheet];
    const texts: string[] = [];
    digest[sheet] = (submission[key] as readonly object[]).map((row) => {
      const record = row as Record<string, unknown>;
      const text = rowJson(record, layout);
      texts.push(text);
      // Keys compare case-insensitively, as the sheets' rules do (emails, project IDs).
      const rowKey = layout.rowKey.map((k) => String(record[k] ?? '').toLowerCase()).join('\u0001');
      return `${rowKey}\t${cyrb53(text)}`;
    });
    sheets.push(`${JSON.stringify(key)}:[${texts.join(',')}]`);
  }
  return { data: `{"period":${JSON.stringify(submission.period)},${sheets.join(',')}}`, digest };
}

export function rowDigest(submission: CouncilSubmission): RowDigest {
  return serialiseWithDigest(submission).digest;
}

/**
 * A row's JSON with its keys in layout column order, so the same row reads the same whichever way it
 * was sent. Checked rows (zod's output) are in that order already and are serialised as they are.
 */
function rowJson(row: Record<string, unknown>, layout: SheetLayout): string {
  if (inLayoutOrder(row, layout)) return JSON.stringify(row);
  const ordered: Record<string, unknown> = {};
  for (const column of layout.columns) ordered[column.key] = row[column.key];
  return JSON.stringify({ ...ordered, ...row });
}

function inLayoutOrder(row: Record<string, unknown>, layout: SheetLayout): boolean {
  const columns = layout.columns;
  let next = 0;
  for (const key in row) {
    while (next < columns.length && columns[next]!.key !== key) next += 1;
    if (next === columns.length) return false;
    next += 1;
  }
  return true;
}

/**
 * A 53-bit hash of a row's content (cyrb53, public domain). Rows are compared only with rows of the
 * same key, so a collision is as likely as 1 in 2^53 per pair; a cryptographic hash cost most of the
 * time of a large submission's receipt.
 */
function cyrb53(text: string): number {
  // `| 0` keeps both in 32-bit integer registers from the start.
  let h1 = 0xdeadbeef | 0;
  let h2 = 0x41c6ce57 | 0;
  // Two UTF-16 units a step: half the multiplications of one at a time.
  const pairs = text.length & ~1;
  for (let i = 0; i < pairs; i += 2) {
    const ch = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  if (pairs < text.length) {
    const ch = text.charCodeAt(pairs) | 0x10000;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
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
  const unmatched = new Map<string, number>();
  for (const entry of before) unmatched.set(entry, (unmatched.get(entry) ?? 0) + 1);
  const fresh = new Map<string, number>();
  for (const entry of after) {
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
