// What a new version changes against the previous one, per sheet, by the layouts' row keys: the
// receipt's `changes`, so a council sees at once whether it sent what it meant to send. Each version
// keeps a digest of its rows (row key and a hash of the row), so the next receipt compares digests
// instead of reparsing the previous version.
import { createHash } from 'node:crypto';
import type { SheetChanges } from '../../shared/api.js';
import { COUNCIL_LAYOUTS, COUNCIL_SHEET_KEYS } from '../../shared/layouts.js';
import type { CouncilSubmission } from '../../shared/schemas.js';

type Sheet = keyof typeof COUNCIL_SHEET_KEYS;
export type SubmissionChanges = Record<Sheet, SheetChanges>;
/** Per sheet, one `key\thash` entry per row. */
export type RowDigest = Record<Sheet, string[]>;

export function rowDigest(submission: CouncilSubmission): RowDigest {
  const digest = {} as RowDigest;
  for (const layout of COUNCIL_LAYOUTS) {
    const sheet = layout.sheet as Sheet;
    digest[sheet] = (submission[COUNCIL_SHEET_KEYS[sheet]] as readonly object[]).map((row) => {
      const record = row as Record<string, unknown>;
      // Keys compare case-insensitively, as the sheets' rules do (emails, project IDs).
      const key = layout.rowKey.map((k) => String(record[k] ?? '').toLowerCase()).join('\u0001');
      // In layout column order, so the same row reads the same whichever way it was sent.
      const content = JSON.stringify(layout.columns.map((c) => record[c.key] ?? null));
      return `${key}\t${createHash('sha1').update(content).digest('base64')}`;
    });
  }
  return digest;
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
  const group = (entries: readonly string[]): Map<string, string[]> => {
    const byKey = new Map<string, string[]>();
    for (const entry of entries) {
      const tab = entry.lastIndexOf('\t');
      const key = entry.slice(0, tab);
      const hashes = byKey.get(key);
      if (hashes) hashes.push(entry.slice(tab + 1));
      else byKey.set(key, [entry.slice(tab + 1)]);
    }
    return byKey;
  };
  const old = group(before);
  const fresh = group(after);
  const result: SheetChanges = { added: 0, changed: 0, removed: 0 };
  for (const key of new Set([...old.keys(), ...fresh.keys()])) {
    const was = [...(old.get(key) ?? [])];
    let unpaired = 0;
    for (const hash of fresh.get(key) ?? []) {
      const same = was.indexOf(hash);
      if (same >= 0) was.splice(same, 1);
      else unpaired += 1;
    }
    const changed = Math.min(unpaired, was.length);
    result.changed += changed;
    result.added += unpaired - changed;
    result.removed += was.length - changed;
  }
  return result;
}
