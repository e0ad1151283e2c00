// The view of P itself (DESIGN §4), fed one stored return at a time. A return for P is the one that counts
// for its council (bar a newer version of it), so once its council's returns have all been added its
// project rows are folded into the projects and let go: of P's returns only their contributions and
// skills are kept. Returns of earlier months are kept whole, for the months of the trend and the changes.
import type { YearToDate } from '../dates.js';
import type { MonthView, Partnership, SubmissionRecord } from '../schemas.js';
import { consolidateContributions } from './contributions.js';
import { ProjectFold } from './projects.js';
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

  constructor(
    private readonly partnership: Partnership,
    private readonly year: YearToDate,
  ) {
    this.councilOrder = partnership.councils.map((c) => c.id);
    this.known = new Set(this.councilOrder);
    this.projects = new ProjectFold(this.councilOrder, year.period);
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
    if (record.period !== this.year.period) this.earlier.push(record);
    else if (this.folded.has(record.council)) {
      throw new Error(`The returns of ${record.council} must come together, not among other councils'`);
    } else if (this.current === undefined || isNewer(record, this.current)) this.current = record;
  }

  private foldCurrent(): void {
    const record = this.current;
    if (record === undefined) return;
    this.projects.add(record.council, record.data.projects);
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
    // A council without a return for P counts its latest earlier one, carried forward.
    for (const [council, record] of chosen) {
      if (record.period !== period) this.projects.add(council, record.data.projects);
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
