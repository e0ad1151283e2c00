// Month on month as the surfaces state it: the Changes table (workbook and add-in), the e-mail's
// "Since <Month>" lines, and the trend table the year's chart is drawn from — all from view.changes
// and view.trend.
import { periodLabel } from '../dates.js';
import { formatPounds } from '../money.js';
import type { ConsolidatedView, ProjectChange } from '../schemas.js';
import type { CoverageStatus, ProjectChangeKind } from '../vocabulary.js';
import { councilNames } from './councils.js';
import { COVERAGE_LABELS } from './skills.js';

export const CHANGE_LABELS: Record<ProjectChangeKind | 'received' | 'skill', string> = {
  new: 'New project',
  removed: 'No longer reported',
  phase: 'Phase moved',
  rag: 'RAG moved',
  overdue: 'Newly overdue',
  received: 'Contributed in the month',
  skill: 'Skill coverage',
};

/** One row of the Changes table (CONSOLIDATED_CHANGES_LAYOUT). */
export interface ChangeRow {
  change: string;
  item: string;
  name: string;
  from?: string;
  to?: string;
  receivedPence?: number;
}

/** The e-mail's "Since <Month>" section: short lines under four headings, empty lists left out. */
export interface SinceReport {
  /** "October 2026", or null in April (nothing to compare with). */
  since: string | null;
  groups: { heading: string; lines: string[] }[];
}

export interface TrendRow {
  month: string;
  contributedPence: number;
  profiledDuePence: number;
  red: number;
  amber: number;
  green: number;
}

const changeValueWord = (value: ProjectChange['from'] | ProjectChange['to']): string | undefined =>
  typeof value === 'string' ? value : value === null ? undefined : value ? 'Overdue' : 'Not overdue';

/** Every change as a row: projects, then what each council contributed in the month, then skills. */
export function changeRows(view: ConsolidatedView): ChangeRow[] {
  const name = councilNames(view);
  const { changes } = view;
  return [
    ...changes.projects.map((c): ChangeRow => {
      const row: ChangeRow = { change: CHANGE_LABELS[c.kind], item: c.project, name: c.title };
      const from = changeValueWord(c.from);
      const to = changeValueWord(c.to);
      if (from !== undefined) row.from = from;
      if (to !== undefined) row.to = to;
      return row;
    }),
    ...changes.contributions.map((c) => ({
      change: CHANGE_LABELS.received,
      item: c.council,
      name: name(c.council),
      receivedPence: c.receivedPence,
    })),
    ...changes.skills.map((s) => ({
      change: CHANGE_LABELS.skill,
      item: s.skill,
      name: s.skill,
      from: COVERAGE_LABELS[s.from],
      to: COVERAGE_LABELS[s.to],
    })),
  ];
}

function projectLine(c: ProjectChange): string {
  const project = `${c.project} ${c.title}`;
  switch (c.kind) {
    case 'new':
      return `${project} (new, ${c.to})`;
    case 'removed':
      return `${project} is no longer reported (was ${c.from})`;
    case 'phase':
      return `${project}: phase ${c.from} → ${c.to}`;
    case 'rag':
      return `${project}: RAG ${c.from} → ${c.to}`;
    case 'overdue':
      return `${project} is now overdue`;
  }
}

/** How many practitioners a coverage status means, as a sentence says it. */
const PRACTITIONERS: Record<CoverageStatus, string> = {
  gap: 'no practitioner',
  fragile: 'one practitioner',
  covered: 'two or more practitioners',
};

function skillLine({ skill, from, to }: ConsolidatedView['changes']['skills'][number]): string {
  if (to === 'gap') return `${skill}: a gap has opened (no practitioner; had ${PRACTITIONERS[from]})`;
  if (from === 'gap') return `${skill}: gap closed (now ${PRACTITIONERS[to]})`;
  return `${skill}: now ${PRACTITIONERS[to]} (had ${PRACTITIONERS[from]})`;
}

/** What changed since the earlier month, in short lines a board reads at a glance. */
export function sinceReport(view: ConsolidatedView): SinceReport {
  const { changes } = view;
  if (changes.since === null) return { since: null, groups: [] };
  const name = councilNames(view);
  const of = (...kinds: ProjectChangeKind[]) =>
    changes.projects.filter((c) => kinds.includes(c.kind)).map(projectLine);
  const payments = changes.contributions
    .filter((c) => c.receivedPence !== 0)
    .map((c) =>
      c.receivedPence > 0
        ? `${name(c.council)} contributed ${formatPounds(c.receivedPence)}`
        : `${name(c.council)}'s contributions to date went down by ${formatPounds(-c.receivedPence)} (an earlier month corrected)`,
    );
  const groups = [
    { heading: 'New projects, and projects no longer reported', lines: of('new', 'removed') },
    { heading: 'RAG and phase moves', lines: of('rag', 'phase') },
    { heading: 'Newly overdue', lines: of('overdue') },
    { heading: 'Contributions received', lines: payments },
    { heading: 'Skills gaps opened or closed', lines: changes.skills.map(skillLine) },
  ];
  return { since: periodLabel(changes.since), groups: groups.filter((g) => g.lines.length > 0) };
}

/** The year's trend, one row per month (the Trend table). */
export function trendRows(view: ConsolidatedView): TrendRow[] {
  const { trend } = view;
  return trend.months.map((month, i) => ({
    month,
    contributedPence: trend.contributedPence[i] ?? 0,
    profiledDuePence: trend.profiledDuePence[i] ?? 0,
    red: trend.rag.Red[i] ?? 0,
    amber: trend.rag.Amber[i] ?? 0,
    green: trend.rag.Green[i] ?? 0,
  }));
}
