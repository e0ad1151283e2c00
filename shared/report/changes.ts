// Month on month as the surfaces state it: the Changes table (workbook and add-in), the e-mail's
// "Since <Month>" lines, and the trend table the year's chart is drawn from — all from view.changes
// and view.trend.
import { addMonths, periodLabel } from '../dates.js';
import { FIGURES, SKILL_STATUS_WORDS } from '../glossary.js';
import { formatPounds } from '../money.js';
import type { ConsolidatedView, ProjectChange } from '../schemas.js';
import type { CoverageStatus, ProjectChangeKind } from '../vocabulary.js';
import { councilNames } from './councils.js';

export const CHANGE_LABELS: Record<ProjectChangeKind | 'firstReturn' | 'received' | 'skill', string> = {
  firstReturn: 'First return',
  new: 'New project',
  removed: 'No longer reported',
  phase: 'Phase moved',
  rag: 'RAG moved',
  overdue: 'Newly overdue',
  received: FIGURES.receivedPence.label,
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
  restatedPence?: number;
}

/** The e-mail's "Since <Month>" section: short lines under four headings, empty lists left out. */
export interface SinceReport {
  /** "October 2026", or null in April (nothing to compare with). */
  since: string | null;
  groups: { heading: string; lines: string[] }[];
}

export interface TrendRow {
  month: string;
  returns: number;
  contributedPence: number;
  profiledDuePence: number;
  /** Null where no return counts for the month: no data, a blank cell and a gap in the chart. */
  red: number | null;
  amber: number | null;
  green: number | null;
}

const changeValueWord = (value: ProjectChange['from'] | ProjectChange['to']): string | undefined =>
  typeof value === 'string' ? value : value === null ? undefined : value ? 'Overdue' : 'Not overdue';

/**
 * Every change as a row: first returns, projects, then what each council's ledger dates in the month
 * and restates of the months before, then skills.
 */
export function changeRows(view: ConsolidatedView): ChangeRow[] {
  const name = councilNames(view);
  const { changes } = view;
  return [
    ...changes.firstReturns.map((council) => ({
      change: CHANGE_LABELS.firstReturn,
      item: council,
      name: name(council),
    })),
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
      restatedPence: c.restatedPence,
    })),
    ...changes.skills.map((s) => ({
      change: CHANGE_LABELS.skill,
      item: s.skill,
      name: s.skill,
      from: SKILL_STATUS_WORDS[s.from],
      to: SKILL_STATUS_WORDS[s.to],
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

/** A restatement as a change: "+£5,000.00" or "−£1,200.00". */
const signedPounds = (pence: number): string => `${pence < 0 ? '−' : '+'}${formatPounds(Math.abs(pence))}`;

/**
 * What changed since the earlier month, in short lines a board reads at a glance: first returns named
 * as such (their projects and skills are not news), what each ledger dates in the month, earlier months
 * restated, and the projects and skills of the councils that returned before.
 */
export function sinceReport(view: ConsolidatedView): SinceReport {
  const { changes } = view;
  if (changes.since === null) return { since: null, groups: [] };
  const name = councilNames(view);
  const since = periodLabel(changes.since);
  const of = (...kinds: ProjectChangeKind[]) =>
    changes.projects.filter((c) => kinds.includes(c.kind)).map(projectLine);
  const contributed = new Map(view.contributions.councils.map((c) => [c.council, c.contributedPence]));
  const firstReturns = changes.firstReturns.map(
    (council) =>
      `${name(council)}: first return of ${view.financialYear}, ${formatPounds(contributed.get(council) ?? 0)} contributed to date (its projects and skills are not counted as changes)`,
  );
  const received = changes.contributions
    .filter((c) => c.receivedPence !== 0)
    .map((c) => `${name(c.council)}: ${formatPounds(c.receivedPence)}`);
  const restated = changes.contributions
    .filter((c) => c.restatedPence !== 0)
    .map(
      (c) =>
        `${name(c.council)}: ${signedPounds(c.restatedPence)} on months up to ${since}, against its last return`,
    );
  const months =
    changes.since === addMonths(view.period, -1) ? '' : ` (${since} to ${periodLabel(view.period)})`;
  const groups = [
    { heading: 'First returns', lines: firstReturns },
    { heading: `${FIGURES.receivedPence.label}${months}`, lines: received },
    { heading: 'Earlier months restated', lines: restated },
    { heading: 'New projects, and projects no longer reported', lines: of('new', 'removed') },
    { heading: 'RAG and phase moves', lines: of('rag', 'phase') },
    { heading: 'Newly overdue', lines: of('overdue') },
    { heading: 'Skills gaps opened or closed', lines: changes.skills.map(skillLine) },
  ];
  return { since, groups: groups.filter((g) => g.lines.length > 0) };
}

/** The year's trend, one row per month (the Trend table). */
export function trendRows(view: ConsolidatedView): TrendRow[] {
  const { trend } = view;
  return trend.months.map((month, i) => ({
    month,
    returns: trend.returns[i] ?? 0,
    contributedPence: trend.contributedPence[i] ?? 0,
    profiledDuePence: trend.profiledDuePence[i] ?? 0,
    red: trend.rag.Red[i] ?? null,
    amber: trend.rag.Amber[i] ?? null,
    green: trend.rag.Green[i] ?? null,
  }));
}
