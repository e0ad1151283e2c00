// Each version of a return keeps a digest of its rows (per sheet, each row's key and a hash of the row),
// so that the next version's receipt compares digests (diff.ts) instead of reparsing the previous
// version. The digest is made with the version's JSON text, in one pass over it.
import { hash } from 'node:crypto';
import { COUNCIL_LAYOUTS, COUNCIL_SHEET_KEYS, type SheetLayout } from '../../../shared/sheets/index.js';
import type { CouncilSubmission } from '../../../shared/schemas.js';

export type Sheet = keyof typeof COUNCIL_SHEET_KEYS;
/**
 * Per sheet, a line for each row: `key\thash`, the key with its backslashes and line breaks escaped.
 * A sheet is one string so that an unchanged sheet (most are) is one comparison, and a stored digest
 * parses into three strings rather than one per row.
 */
export type RowDigest = Record<Sheet, string>;

/**
 * Names the digest's form and row hash. Digests stored before it (SHA-1 rows with no name, then a list
 * of entries hashing each row's UTF-16 units, `json-units-imul53-*`, then `lines-json-utf8-imul53`, a
 * hand-rolled 53-bit hash) or under another name can't be compared with a new one, so the previous
 * version's rows are digested again instead.
 */
const DIGEST_FORMAT = 'lines-sha256';
/**
 * The same rows and hashes kept as JSON (`{"format":…,"sheets":{…}}`), as versions stored them before:
 * still read as they are. JSON escaped each row's tab and line break, which cost a return of thousands
 * of rows milliseconds to write and to read again.
 */
const JSON_DIGEST_FORMAT = 'lines-json-sha256';
/**
 * A row's hash: SHA-256 of its JSON text (UTF-8), in base64. Rows are compared only with rows of the
 * same key, and only to tell a changed row from an unchanged one; SHA-256 because, of Node's hashes, it
 * is the quickest on rows of a few hundred bytes (processors hash it in hardware).
 */
const ROW_HASH = 'sha256';

const SHEETS = COUNCIL_LAYOUTS.map((layout) => layout.sheet as Sheet);

/**
 * A digest as kept with its version: the format's name, then each sheet's name on a line of its own
 * followed by its rows' lines. A row's line always holds a tab, so a line that is a sheet's name can only
 * be that sheet's heading.
 */
export function storedDigest(digest: RowDigest): string {
  let text = DIGEST_FORMAT;
  for (const sheet of SHEETS) text += `\n${sheet}\n${digest[sheet]}`;
  return text;
}

/** The stored digest's rows, or undefined when it was made with another hash (or is missing). */
export function readStoredDigest(text: string | null): RowDigest | undefined {
  if (!text) return undefined;
  if (text.startsWith('{')) {
    const stored = JSON.parse(text) as { format?: unknown; sheets?: RowDigest };
    return stored.format === JSON_DIGEST_FORMAT ? stored.sheets : undefined;
  }
  if (!text.startsWith(DIGEST_FORMAT)) return undefined;
  const digest = {} as RowDigest;
  let at = DIGEST_FORMAT.length;
  for (let i = 0; i < SHEETS.length; i++) {
    const heading = `\n${SHEETS[i]}\n`;
    if (!text.startsWith(heading, at)) return undefined;
    const start = at + heading.length;
    const following = SHEETS[i + 1];
    at = following === undefined ? text.length : text.indexOf(`\n${following}\n`, start);
    if (at < 0) return undefined;
    digest[SHEETS[i]!] = text.slice(start, at);
  }
  return digest;
}

/** A submission as stored: its JSON text, UTF-8 encoded, and its row digest. */
export interface SerialisedSubmission {
  /** In an ArrayBuffer of its own, so that it can be moved from a worker thread rather than copied. */
  json: Buffer;
  digest: RowDigest;
}

/**
 * The submission's JSON text and row digest. Each sheet is serialised once, as a whole (much cheaper
 * than row by row), and encoded straight into the text's bytes, where each row is found and hashed.
 */
export function serialiseWithDigest(submission: CouncilSubmission): SerialisedSubmission {
  const head = `{"period":${JSON.stringify(submission.period)}`;
  const sheets = COUNCIL_LAYOUTS.map((layout) => {
    const key = COUNCIL_SHEET_KEYS[layout.sheet as Sheet];
    const rows = inLayoutOrder(submission[key] as readonly Record<string, unknown>[], layout);
    return { layout, rows, name: `,${JSON.stringify(key)}:`, array: JSON.stringify(rows) };
  });
  let length = Buffer.byteLength(head) + 1;
  for (const { name, array } of sheets) length += name.length + Buffer.byteLength(array);
  const json = Buffer.allocUnsafeSlow(length);
  let at = json.write(head);
  const digest = {} as RowDigest;
  for (const { layout, rows, name, array } of sheets) {
    at += json.write(name, at);
    const start = at;
    at += json.write(array, at);
    digest[layout.sheet as Sheet] = digestLines(rows, layout.rowKey, rowHashes(json, start, at, rows));
  }
  json[at] = 0x7d; // }
  return { json, digest };
}

/** A sheet's digest: for each row, its key (lower case, escaped) and its hash. */
function digestLines(
  rows: readonly Record<string, unknown>[],
  rowKey: readonly string[],
  hashes: readonly string[],
): string {
  let lines = '';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    // Keys compare case-insensitively, as the sheets' rules do (emails, project IDs).
    let key = String(row[rowKey[0]!] ?? '').toLowerCase();
    for (let k = 1; k < rowKey.length; k++) key += `\u0001${String(row[rowKey[k]!] ?? '').toLowerCase()}`;
    if (key.includes('\\') || key.includes('\n')) key = escapeLineBreaks(key);
    lines += i > 0 ? `\n${key}\t${hashes[i]}` : `${key}\t${hashes[i]}`;
  }
  return lines;
}

const escapeLineBreaks = (key: string): string =>
  key.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));

export function rowDigest(submission: CouncilSubmission): RowDigest {
  return serialiseWithDigest(submission).digest;
}

/**
 * The rows with their keys in layout column order, so the same row reads the same whichever way it was
 * sent. Checked rows (zod's output) are in that order already: the same list is kept, and a row is
 * copied only when it is out of order.
 */
function inLayoutOrder(
  rows: readonly Record<string, unknown>[],
  layout: SheetLayout,
): readonly Record<string, unknown>[] {
  let ordered: Record<string, unknown>[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rowInLayoutOrder(rows[i]!, layout);
    if (row !== rows[i]) (ordered ??= rows.slice())[i] = row;
  }
  return ordered ?? rows;
}

function rowInLayoutOrder(row: Record<string, unknown>, layout: SheetLayout): Record<string, unknown> {
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

/** The hash of each row's JSON text in a sheet's JSON array, `json` from `start` to `end` (its UTF-8). */
function rowHashes(json: Buffer, start: number, end: number, rows: readonly object[]): string[] {
  const ends = rowEnds(json, start, end, rows.length) ?? rowEndsOneByOne(start, rows);
  const hashes = new Array<string>(ends.length);
  let from = start + 1; // after the array's '['
  for (let i = 0; i < ends.length; i++) {
    hashes[i] = hash(ROW_HASH, json.subarray(from, ends[i]), 'base64');
    from = ends[i]! + 1; // after the comma
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
  const array = json.subarray(start, end);
  const ends: number[] = [];
  for (let at = array.indexOf(ROW_SEAM); at >= 0; at = array.indexOf(ROW_SEAM, at + 4))
    ends.push(start + at + 1);
  if (count > 0) ends.push(end - 1);
  return ends.length === count ? ends : undefined;
}

/** The same from each row's own serialisation: slower, but it needs no assumption about the rows. */
function rowEndsOneByOne(start: number, rows: readonly object[]): number[] {
  let end = start;
  return rows.map((row) => (end += Buffer.byteLength(JSON.stringify(row)) + 1));
}
