// What a new version changes against the previous one, per sheet, by the layouts' row keys: the
// receipt's `changes`, so a council sees at once whether it sent what it meant to send.
import type { SheetChanges } from '../../shared/api.js';
import { COUNCIL_LAYOUTS, COUNCIL_SHEET_KEYS, type SheetLayout } from '../../shared/layouts.js';
import type { CouncilSubmission } from '../../shared/schemas.js';

export type SubmissionChanges = Record<keyof typeof COUNCIL_SHEET_KEYS, SheetChanges>;

export function diffSubmissions(
  previous: CouncilSubmission | undefined,
  next: CouncilSubmission,
): SubmissionChanges {
  const changes = {} as SubmissionChanges;
  for (const layout of COUNCIL_LAYOUTS) {
    const sheet = layout.sheet as keyof typeof COUNCIL_SHEET_KEYS;
    const key = COUNCIL_SHEET_KEYS[sheet];
    changes[sheet] = diffRows(layout, previous?.[key] ?? [], next[key]);
  }
  return changes;
}

/**
 * Rows with the same key are paired: identical rows are unchanged, other pairs changed, and the rest
 * added or removed. Keys compare case-insensitively, as the sheets' rules do (emails, project IDs).
 */
function diffRows(layout: SheetLayout, before: readonly object[], after: readonly object[]): SheetChanges {
  const group = (rows: readonly object[]): Map<string, string[]> => {
    const byKey = new Map<string, string[]>();
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      const key = JSON.stringify(layout.rowKey.map((k) => String(record[k] ?? '').toLowerCase()));
      byKey.set(key, [...(byKey.get(key) ?? []), stableJson(record)]);
    }
    return byKey;
  };
  const old = group(before);
  const fresh = group(after);
  const result: SheetChanges = { added: 0, changed: 0, removed: 0 };
  for (const key of new Set([...old.keys(), ...fresh.keys()])) {
    const was = [...(old.get(key) ?? [])];
    const now = fresh.get(key) ?? [];
    let unpaired = 0;
    for (const row of now) {
      const same = was.indexOf(row);
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

/** JSON with keys sorted and undefined left out, so equal rows give equal text. */
function stableJson(record: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => [k, record[k]]),
  );
}
