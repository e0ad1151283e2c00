// The view of P itself (DESIGN §4), fed one stored return at a time. A return for P is the one that counts
// for its council (bar a newer version of it), so once its council's returns have all been added its
// project rows are folded into the projects and let go: of P's returns only their contributions and
// skills are kept. Returns of earlier months are kept whole, for the months of the trend and the changes.
// When P is compared with an earlier month, the projects are also folded without the councils whose
// first return counts for P (none counted for the earlier month), for month on month to compare.
import type { YearToDate } from '../dates.js';
import type { MonthView, Partnership, SubmissionRecord } from '../schemas.js';
import { consolidateContributions } from './contributions.js';
import { ProjectFactsFold, ProjectFold } from './projects.js';
import { isNewer, selectSubmissions } from './select.js';
import { consolidateSkills } from './skills.js';

/** A return without its project rows, once they are folded. */
const withoutProjects = (record: SubmissionRecord): SubmissionRecord => ({
  ...record,
  data: { ...record.data, projects: [] },
});

export class MonthFold {
  private readonly councilOrder: readonly string[];
  private readonly known: ReadonlySet<string>;
  private readonly projects: ProjectFold;
  /** Returns that can count for P: P's own without their projects, and strangers' likewise. */
  private readonly counted: SubmissionRecord[] = [];
  /** Returns of the FY before P, whole. */
  readonly earlier: SubmissionRecord[] = [];
  /** The council of the returns being added, and its newest return for P so far. */
  private council: string | undefined;
  private current: SubmissionRecord | undefined;
  private readonly folded = new Set<string>();
  /** Councils with a return for the month compared with (or an earlier one): theirs are not first returns. */
  private readonly countedBefore = new Set<string>();
  /** The projects of P without the first returns, when P is compared with an earlier month. */
  private readonly settled: ProjectFactsFold | undefined;
  /** The return that counts for each council in P, once the view is made. */
  chosen: ReadonlyMap<string, SubmissionRecord> = new Map();

  /** `since`: the month P is compared with, or null. */
  constructor(
    private readonly partnership: Partnership,
    private readonly year: YearToDate,
    private readonly since: string | null = null,
  ) {
    this.councilOrder = partnership.councils.map((c) => c.id);
    this.known = new Set(this.councilOrder);
    this.projects = new ProjectFold(this.councilOrder, year.period);
    if (since !== null) this.settled = new ProjectFactsFold(year.period);
  }

  /** P's projects as month on month compares them: without the councils whose first return counts for P. */
  settledProjects(): ReturnType<ProjectFactsFold['result']> | undefined {
    return this.settled?.result();
  }

  /** A council's rows into P's projects, and into the settled ones unless it is a first return. */
  private addProjects(council: string, rows: SubmissionRecord['data']['projects']): void {
    this.projects.add(council, rows);
    if (this.countedBefore.has(council)) this.settled?.add(council, rows);
  }

  /** A stored return; one council's returns come together (in any order among themselves). */
  add(record: SubmissionRecord): void {
    if (!this.year.counts(record.period)) return;
    if (!this.known.has(record.council)) {
      this.counted.push(withoutProjects(record));
      return;
    }
    if (record.council !== this.council) this.foldCurrent();
    this.council = record.council;
    if (this.since !== null && record.period <= this.since) this.countedBefore.add(record.council);
    if (record.period !== this.year.period) this.earlier.push(record);
    else if (this.folded.has(record.council)) {
      throw new Error(`The returns of ${record.council} must come together, not among other councils'`);
    } else if (this.current === undefined || isNewer(record, this.current)) this.current = record;
  }

  private foldCurrent(): void {
    const record = this.current;
    if (record === undefined) return;
    this.addProjects(record.council, record.data.projects);
    this.counted.push(withoutProjects(record));
    this.folded.add(record.council);
    this.current = undefined;
  }

  /** The month's view of every return added. */
  view(): MonthView {
    this.foldCurrent();
    const { partnership, year, councilOrder } = this;
    const { period, financialYear } = year;
    const selection = selectSubmissions(partnership, [...this.counted, ...this.earlier], year);
    const { chosen } = selection;
    this.chosen = chosen;
    // A council without a return for P counts its latest earlier one, carried forward.
    for (const [council, record] of chosen) {
      if (record.period !== period) this.addProjects(council, record.data.projects);
    }
    const contributions = consolidateContributions(partnership, chosen, year);
    const projects = this.projects.result();
    return {
      period,
      financialYear,
      partnership: partnership.name,
      contributions: contributions.contributions,
      skills: consolidateSkills(councilOrder, chosen, period),
      projects: projects.projects,
      dataQuality: {
        missing: selection.missing,
        carriedForward: selection.carriedForward,
        warnings: [...selection.warnings, ...contributions.warnings, ...projects.warnings],
      },
      submissions: councilOrder.flatMap((council) => {
        const record = chosen.get(council);
        if (record === undefined) return [];
        const { period: from, version, submittedAt, review } = record;
        return [{ council, period: from, version, submittedAt, review }];
      }),
    };
  }
}
