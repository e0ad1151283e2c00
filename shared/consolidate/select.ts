// Which stored version counts for each council in period P (DESIGN §4): the latest version for P, else
// the latest version of the most recent earlier period of the same financial year.
import { financialYearOf, firstDayOf, lastDayOf } from '../dates.js';
import type { Council, DataQualityWarning, Partnership, SubmissionRecord } from '../schemas.js';

export interface SubmissionSelection {
  /** The counting version per council ID (councils without one are absent). */
  chosen: Map<string, SubmissionRecord>;
  missing: string[];
  carriedForward: { council: string; from: string }[];
  warnings: DataQualityWarning[];
}

/** Later period first, then higher version; submittedAt only separates duplicates of one version. */
function isNewer(a: SubmissionRecord, b: SubmissionRecord): boolean {
  if (a.period !== b.period) return a.period > b.period;
  if (a.version !== b.version) return a.version > b.version;
  return a.submittedAt > b.submittedAt;
}

/**
 * A Member is expected to send a return for P only while it belongs to the partnership during P, so a
 * council that has left, or has not yet joined, is not reported as missing.
 */
export function expectedToSubmit(council: Council, period: string): boolean {
  if (council.membership !== 'Member') return false;
  if (council.joined !== undefined && council.joined > lastDayOf(period)) return false;
  return council.left === undefined || council.left >= firstDayOf(period);
}

export function selectSubmissions(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  period: string,
): SubmissionSelection {
  const financialYear = financialYearOf(period);
  const known = new Set(partnership.councils.map((c) => c.id));
  const latest = new Map<string, SubmissionRecord>();
  const strangers = new Set<string>();
  for (const record of submissions) {
    if (record.period > period || financialYearOf(record.period) !== financialYear) continue;
    if (!known.has(record.council)) {
      strangers.add(record.council);
      continue;
    }
    const current = latest.get(record.council);
    if (current === undefined || isNewer(record, current)) latest.set(record.council, record);
  }

  const chosen = new Map<string, SubmissionRecord>();
  const missing: string[] = [];
  const carriedForward: { council: string; from: string }[] = [];
  for (const council of partnership.councils) {
    const record = latest.get(council.id);
    if (record === undefined) {
      if (expectedToSubmit(council, period)) missing.push(council.id);
      continue;
    }
    chosen.set(council.id, record);
    if (record.period !== period) carriedForward.push({ council: council.id, from: record.period });
  }

  const warnings = [...strangers].sort().map((council): DataQualityWarning => ({
    code: 'unknown-council',
    council,
    project: null,
    message: `Returns from "${council}" were left out because no council has that ID in the partnership.`,
  }));
  return { chosen, missing, carriedForward, warnings };
}
