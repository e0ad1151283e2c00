// The year's trend (DESIGN §4, month on month): for each month of the FY up to P, the partnership's
// contributed and profiled due and its projects by RAG, each as that month's own view would give them.
// A month whose full view is already made (P, the month compared with) is read from it; the others
// need only those totals, so they skip everything else a view holds, and what does not change between
// months is worked out once: the dues (unless Usage makes them monthly), each return's projects (read
// once however many months the return counts in), and each project ID (looked up once for the year;
// a council's next return listing the same IDs in the same places reuses the lookups of the last).
import type { MonthView, Partnership, SubmissionRecord, Trend } from '../schemas.js';
import { RAGS } from '../vocabulary.js';
import { consolidateContributions, dueShares, duesVaryByMonth, type DueShares } from './contributions.js';
import { selectSubmissions } from './select.js';

interface TrendPoint {
  contributedPence: number;
  profiledDuePence: number;
  rag: readonly number[];
}

/** A return's project rows, reduced to what the RAG count needs. */
interface ProjectDigest {
  /** Per row: the project's number in the year's index of upper-cased IDs. */
  projects: Int32Array;
  /** Per row: 1 when the council names itself as lead. */
  own: Uint8Array;
  /** Per row: the index of its RAG in RAGS. */
  rag: Uint8Array;
}

const RAG_INDEX = new Map<string, number>(RAGS.map((rag, i) => [rag, i]));

const pointOf = (view: MonthView): TrendPoint => ({
  contributedPence: view.contributions.totals.contributedPence,
  profiledDuePence: view.contributions.totals.profiledDuePence,
  rag: RAGS.map((rag) => view.projects.byRag[rag] ?? 0),
});

class ProjectIndex {
  private readonly ids = new Map<string, number>();
  private readonly digests = new Map<SubmissionRecord, ProjectDigest>();
  /** Per council, the return last digested and its digest. */
  private readonly latest = new Map<string, { record: SubmissionRecord; digest: ProjectDigest }>();

  get size(): number {
    return this.ids.size;
  }

  digest(record: SubmissionRecord): ProjectDigest {
    let digest = this.digests.get(record);
    if (digest !== undefined) return digest;
    const rows = record.data.projects;
    const last = this.latest.get(record.council);
    const lastRows = last?.record.data.projects ?? [];
    digest = {
      projects: new Int32Array(rows.length),
      own: new Uint8Array(rows.length),
      rag: new Uint8Array(rows.length),
    };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (last !== undefined && lastRows[i]?.id === row.id) {
        digest.projects[i] = last.digest.projects[i]!;
      } else {
        const id = row.id.toUpperCase();
        let n = this.ids.get(id);
        if (n === undefined) {
          n = this.ids.size;
          this.ids.set(id, n);
        }
        digest.projects[i] = n;
      }
      digest.own[i] = row.lead === record.council ? 1 : 0;
      digest.rag[i] = RAG_INDEX.get(row.rag) ?? 0;
    }
    this.digests.set(record, digest);
    this.latest.set(record.council, { record, digest });
    return digest;
  }
}

/**
 * Projects by RAG as consolidateProjects counts them: a project's RAG is its authoritative row's, the
 * row of the lowest council ID naming itself as lead, else of the lowest council ID reporting it; a
 * council's repeated ID counts its first row. Councils are visited in ascending ID order, so the first
 * row seen is the lowest council's and a later row replaces it only when it is the first own row.
 */
function ragCounts(index: ProjectIndex, chosen: ReadonlyMap<string, SubmissionRecord>): number[] {
  const councils = [...chosen.keys()].sort((a, b) => (a < b ? -1 : 1));
  const digests = councils.map((council) => index.digest(chosen.get(council)!));
  /** Per project: 1 + the position of the last council that reported it, 0 if none. */
  const lastCouncil = new Int32Array(index.size);
  const ownAuthority = new Uint8Array(index.size);
  const rag = new Uint8Array(index.size);
  digests.forEach((digest, c) => {
    for (let i = 0; i < digest.projects.length; i++) {
      const p = digest.projects[i]!;
      const seen = lastCouncil[p]!;
      if (seen === c + 1) continue;
      if (seen === 0 || (ownAuthority[p] === 0 && digest.own[i] === 1)) {
        rag[p] = digest.rag[i]!;
        ownAuthority[p] = digest.own[i]!;
      }
      lastCouncil[p] = c + 1;
    }
  });
  const counts = RAGS.map(() => 0);
  for (let p = 0; p < lastCouncil.length; p++) {
    if (lastCouncil[p] !== 0) counts[rag[p]!]! += 1;
  }
  return counts;
}

/**
 * The trend over `months` (the FY's months up to P, April first). `views` holds the months whose full
 * view is already made; `submissions` are the returns of the FY up to P.
 */
export function yearTrend(
  partnership: Partnership,
  submissions: readonly SubmissionRecord[],
  months: readonly string[],
  views: ReadonlyMap<string, MonthView>,
): Trend {
  const index = new ProjectIndex();
  let yearShares: DueShares | undefined;
  const sharesFor = (month: string): DueShares =>
    duesVaryByMonth(partnership)
      ? dueShares(partnership, month)
      : (yearShares ??= dueShares(partnership, month));
  const points = months.map((month): TrendPoint => {
    const view = views.get(month);
    if (view !== undefined) return pointOf(view);
    const { chosen } = selectSubmissions(partnership, submissions, month);
    const { totals } = consolidateContributions(partnership, chosen, month, sharesFor(month)).contributions;
    return {
      contributedPence: totals.contributedPence,
      profiledDuePence: totals.profiledDuePence,
      rag: ragCounts(index, chosen),
    };
  });
  return {
    months: [...months],
    contributedPence: points.map((p) => p.contributedPence),
    profiledDuePence: points.map((p) => p.profiledDuePence),
    rag: Object.fromEntries(RAGS.map((rag, i) => [rag, points.map((p) => p.rag[i]!)])) as Trend['rag'],
  };
}
