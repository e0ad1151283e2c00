// Which stored version counts for each council in period P (DESIGN §4): the latest version for P, else
// the latest version of the most recent earlier period of the same financial year.
import { firstDayOf, lastDayOf, type YearToDate } from '../dates.js';
import { say } from '../i18n/say.js';
import type { Council, DataQualityWarning, Partnership, SubmissionRecord } from '../schemas.js';
import { warning } from './warning.js';

export interface SubmissionSelection {
  /** The counting version per council ID (councils without one are absent). */
  chosen: Map<string, SubmissionRecord>;
  missing: string[];
  carriedForward: { council: string; from: string }[];
  warnings: DataQualityWarning[];
}

/** Later period first, then higher version; submittedAt only separates duplicates of one version. */
export function isNewer(a: SubmissionRecord, b: SubmissionRecord): boolean {
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

/** A council's return for a month, as the service stores it or as a workbook file gives it. */
export interface DatedReturn {
  council: string;
  period: string;
}

export interface LatestReturns<T extends DatedReturn> {
  /** Per council, the return that counts. */
  latest: Map<string, T>;
  /** Returns of the year to date that another return of the same council replaces. */
  replaced: T[];
  /** Returns for a month after the period or of another financial year: they never count. */
  outside: T[];
}

/**
 * Which return counts (DESIGN §4), for the engine, the service's store query and the CLI's files alike:
 * per council, the newest of its returns for a month of the financial year up to the period. `newer`
 * orders two returns of one council (a later month first).
 */
export function latestReturns<T extends DatedReturn>(
  returns: Iterable<T>,
  year: YearToDate,
  newer: (a: T, b: T) => boolean,
): LatestReturns<T> {
  const latest = new Map<string, T>();
  const replaced: T[] = [];
  const outside: T[] = [];
  for (const item of returns) {
    if (!year.counts(item.period)) {
      outside.push(item);
      continue;
    }
    const current = latest.get(item.council);
    if (current === undefined || newer(item, current)) {
      if (current !== undefined) replaced.push(current);
      latest.set(item.council, item);
    } else {
      replaced.push(item);
    }
  }
  return { latest, replaced, outside };
}

export function selectSubmissions(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  year: YearToDate,
): SubmissionSelection {
  const known = new Set(partnership.councils.map((c) => c.id));
  const strangers = new Set<string>();
  const { latest } = latestReturns(
    submissions.filter((record) => {
      if (known.has(record.council) || !year.counts(record.period)) return true;
      strangers.add(record.council);
      return false;
    }),
    year,
    isNewer,
  );
  const { period } = year;

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

  const warnings = [...strangers]
    .sort()
    .map((council) => warning('unknown-council', council, null, say('warning.unknownCouncil', { council })));
  return { chosen, missing, carriedForward, warnings };
}
