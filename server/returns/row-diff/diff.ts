// What a new version changes against the previous one, per sheet, by the layouts' row keys: the
// receipt's `changes`, so a council sees at once whether it sent what it meant to send. Compares the
// two versions' row digests (digest.ts).
import type { SheetChanges } from '../../../shared/api.js';
import type { RowDigest, Sheet } from './digest.js';

export type SubmissionChanges = Record<Sheet, SheetChanges>;

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
