// Building and ordering problems.
import { message, type Locale } from '../i18n/index.js';
import { spoken, type Say } from '../i18n/say.js';
import type { Problem } from '../schemas.js';

export type Severity = Problem['severity'];

/** A problem: its message is what `said` says in English, and `said` goes with it for other readers. */
export const problem = (
  sheet: string,
  row: number | null,
  column: string | null,
  code: string,
  severity: Severity,
  said: Say,
): Problem => ({ sheet, row, column, code, severity, message: spoken('en', said), say: said });

/** Sheet order first, then row (problems with a whole sheet first); stable within a row. */
export function sortProblems(problems: Problem[], sheetOrder: readonly string[]): Problem[] {
  const rank = (sheet: string): number => {
    const i = sheetOrder.indexOf(sheet);
    return i === -1 ? sheetOrder.length : i;
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.sheet) - rank(b.p.sheet) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** Problems listed in one answer (DESIGN §9.5); past it they are counted, never kept, so an answer stays small. */
export const MAX_LISTED_PROBLEMS = 1000;

/**
 * A list of problems that keeps the first MAX_LISTED_PROBLEMS errors and the first as many warnings and
 * notes, and counts every one. A workbook of 60,000 wrong rows makes hundreds of thousands of problems;
 * holding them all (or spreading them into a call's arguments) is what ran a decode out of memory or stack.
 */
export class ProblemList {
  /** `limit`: how many of each kind to keep (the add-in, checking the officer's own sheets, keeps all). */
  constructor(readonly limit = MAX_LISTED_PROBLEMS) {}

  readonly listed: Problem[] = [];
  errorCount = 0;
  otherCount = 0;
  private listedErrors = 0;
  private listedOthers = 0;

  push(p: Problem): void {
    if (this.counted(p.severity)) this.listed.push(p);
  }

  /**
   * Counts a problem of `severity` and makes it only if it is kept: a sheet of 50,000 wrong rows has a
   * million faulty cells, and writing the message of each one that is only counted would slow its check.
   */
  pushMade(severity: Severity, make: () => Problem): void {
    if (this.counted(severity)) this.listed.push(make());
  }

  /** Counts a problem; true when it is to be kept. */
  private counted(severity: Severity): boolean {
    if (severity === 'error') {
      this.errorCount += 1;
      if (this.listedErrors >= this.limit) return false;
      this.listedErrors += 1;
    } else {
      this.otherCount += 1;
      if (this.listedOthers >= this.limit) return false;
      this.listedOthers += 1;
    }
    return true;
  }

  /** Adds another list's problems one by one, with its counts of those it did not keep. */
  addAll(problems: Iterable<Problem> | ProblemList): void {
    if (!(problems instanceof ProblemList)) {
      for (const p of problems) this.push(p);
      return;
    }
    const before = { errors: this.errorCount, others: this.otherCount };
    for (const p of problems.listed) this.push(p);
    this.errorCount = before.errors + problems.errorCount;
    this.otherCount = before.others + problems.otherCount;
  }
}

/** The sentence that goes with a list cut short: how many problems were found and how many are not listed. */
export function unlistedSentence(listed: number, total: number, locale: Locale = 'en'): string | undefined {
  if (total <= listed) return undefined;
  // Numbers in the UK format in either language (DESIGN §12).
  const words = (n: number) => n.toLocaleString('en-GB');
  return message(locale, 'problem.unlisted', {
    total: words(total),
    listed: words(listed),
    more: words(total - listed),
  });
}
