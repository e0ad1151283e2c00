// The other months of P's financial year, as month on month needs them (DESIGN §4): the facts of the
// month P is compared with, and each month's trend totals. Each is what that month's own view gives,
// without the rest of a view, and what does not change between months is worked out once: the dues
// (unless Usage makes them monthly), each return's projects (read once however many months the return
// counts in) and each project ID (looked up once for the year; a council's next return listing the
// same IDs in the same places reuses the lookups of the last).
import { lastDayOf, yearToDate, type Period, type YearToDate } from '../dates.js';
import type { MonthView, Partnership, ProjectRow, SubmissionRecord, Trend } from '../schemas.js';
import { RAGS } from '../vocabulary.js';
import type { MonthFacts, ProjectFacts } from './changes.js';
import {
  consolidateContributions,
  dueShares,
  duesVaryByMonth,
  type ContributionsView,
  type DueShares,
} from './contributions.js';
import { isOverdue } from './projects.js';
import { selectSubmissions } from './select.js';
import { consolidateSkills } from './skills.js';

/** A return's project rows, reduced to what finding each project's authoritative row needs. */
interface ProjectDigest {
  record: SubmissionRecord;
  /** Per row: the project's number in the year's index of upper-cased IDs. */
  projects: Int32Array;
  /** Per row: 1 when the council names itself as lead. */
  own: Uint8Array;
}

/** Upper-cased project IDs numbered for the year, and each return's rows digested once. */
class ProjectIndex {
  readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly digests = new Map<SubmissionRecord, ProjectDigest>();
  /** Per council, its return digested last. */
  private readonly latest = new Map<string, ProjectDigest>();

  digest(record: SubmissionRecord): ProjectDigest {
    let digest = this.digests.get(record);
    if (digest !== undefined) return digest;
    const rows = record.data.projects;
    const last = this.latest.get(record.council);
    const lastRows = last?.record.data.projects ?? [];
    digest = { record, projects: new Int32Array(rows.length), own: new Uint8Array(rows.length) };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      digest.own[i] = row.lead === record.council ? 1 : 0;
      if (last !== undefined && lastRows[i]?.id === row.id) {
        digest.projects[i] = last.projects[i]!;
        continue;
      }
      const id = row.id.toUpperCase();
      let n = this.numbers.get(id);
      if (n === undefined) {
        n = this.ids.length;
        this.ids.push(id);
        this.numbers.set(id, n);
      }
      digest.projects[i] = n;
    }
    this.digests.set(record, digest);
    this.latest.set(record.council, digest);
    return digest;
  }
}

interface Month {
  chosen: ReadonlyMap<string, SubmissionRecord>;
  contributions: ContributionsView;
  /** The chosen returns' digests, in ascending council ID order. */
  digests: ProjectDigest[];
  /** Per project number: 1 + the position in `digests` of its authoritative row's return; 0 if none. */
  authorityReturn: Int32Array;
  /** Per project number: the authoritative row's index in that return. */
  authorityRow: Int32Array;
}

/** Calls `visit` with each reported project's number and authoritative row. */
function forEachAuthority(month: Month, visit: (project: number, row: ProjectRow) => void): void {
  const { digests, authorityReturn, authorityRow } = month;
  for (let p = 0; p < authorityReturn.length; p++) {
    const c = authorityReturn[p]!;
    if (c !== 0) visit(p, digests[c - 1]!.record.data.projects[authorityRow[p]!]!);
  }
}

export class YearOfReturns {
  private readonly index = new ProjectIndex();
  private readonly months = new Map<string, Month>();
  private yearShares: DueShares | undefined;

  /** `submissions`: the returns of the FY up to P. */
  constructor(
    private readonly partnership: Partnership,
    private readonly submissions: readonly SubmissionRecord[],
  ) {}

  /** What month on month compares: contributions, skills coverage and projects of `period`. */
  facts(period: Period): MonthFacts {
    const month = this.month(period);
    const councilOrder = this.partnership.councils.map((c) => c.id);
    const endOfPeriod = lastDayOf(period);
    const items: ProjectFacts[] = [];
    forEachAuthority(month, (p, row) => {
      const overdue = isOverdue(row, endOfPeriod);
      items.push({ id: this.index.ids[p]!, title: row.title, phase: row.phase, rag: row.rag, overdue });
    });
    return {
      period,
      returns: new Set(month.chosen.keys()),
      contributions: month.contributions,
      skills: consolidateSkills(councilOrder, month.chosen, period),
      projects: { items },
    };
  }

  /**
   * Partnership totals of each of `months`: how many councils have a return that counts for the month,
   * what `contributed` gives for it (the ledgers of P's returns), the profiled due, and the projects by
   * RAG of the month's own view, null where no return counts (no data, never a zero). `views` holds
   * months whose full view is already made.
   */
  trend(
    months: readonly Period[],
    views: ReadonlyMap<string, MonthView>,
    contributed: (month: Period) => number,
  ): Trend {
    const points = months.map((period) => {
      const view = views.get(period);
      if (view !== undefined) {
        return {
          returns: view.submissions.length,
          profiledDuePence: view.contributions.totals.profiledDuePence,
          rag: RAGS.map((rag) => view.projects.byRag[rag] ?? 0),
        };
      }
      const month = this.month(period);
      const rag = RAGS.map(() => 0);
      forEachAuthority(month, (_, row) => (rag[RAGS.indexOf(row.rag)]! += 1));
      const { profiledDuePence } = month.contributions.totals;
      return { returns: month.chosen.size, profiledDuePence, rag };
    });
    return {
      months: [...months],
      returns: points.map((p) => p.returns),
      contributedPence: months.map(contributed),
      profiledDuePence: points.map((p) => p.profiledDuePence),
      rag: Object.fromEntries(
        RAGS.map((rag, i) => [rag, points.map((p) => (p.returns === 0 ? null : p.rag[i]!))]),
      ) as Trend['rag'],
    };
  }

  private shares(year: YearToDate): DueShares {
    if (duesVaryByMonth(this.partnership)) return dueShares(this.partnership, year);
    return (this.yearShares ??= dueShares(this.partnership, year));
  }

  private month(period: Period): Month {
    const known = this.months.get(period);
    if (known !== undefined) return known;
    const year = yearToDate(period);
    const { chosen } = selectSubmissions(this.partnership, this.submissions, year);
    const { contributions } = consolidateContributions(this.partnership, chosen, year, this.shares(year));
    const month = { chosen, contributions, ...this.authorities(chosen) };
    this.months.set(period, month);
    return month;
  }

  /**
   * Each project's authoritative row as ProjectFold finds it: the row of the lowest council ID
   * naming itself as lead, else of the lowest council ID reporting it; a council's repeated ID counts
   * its first row. Councils are visited in ascending ID order, so the first row seen is the lowest
   * council's, and a later row replaces it only when it is the first own row.
   */
  private authorities(chosen: ReadonlyMap<string, SubmissionRecord>) {
    const councils = [...chosen.keys()].sort((a, b) => (a < b ? -1 : 1));
    const digests = councils.map((council) => this.index.digest(chosen.get(council)!));
    const projects = this.index.ids.length;
    const authorityReturn = new Int32Array(projects);
    const authorityRow = new Int32Array(projects);
    /** Per project: 1 + the position of the last council that reported it, 0 if none. */
    const lastCouncil = new Int32Array(projects);
    const ownAuthority = new Uint8Array(projects);
    digests.forEach((digest, c) => {
      for (let i = 0; i < digest.projects.length; i++) {
        const p = digest.projects[i]!;
        const seen = lastCouncil[p]!;
        if (seen === c + 1) continue;
        if (seen === 0 || (ownAuthority[p] === 0 && digest.own[i] === 1)) {
          authorityReturn[p] = c + 1;
          authorityRow[p] = i;
          ownAuthority[p] = digest.own[i]!;
        }
        lastCouncil[p] = c + 1;
      }
    });
    return { digests, authorityReturn, authorityRow };
  }
}
