// Month on month as the surfaces state it: the Changes table (workbook and add-in), the e-mail's
// "Since <Month>" lines, and the trend table the year's chart is drawn from — all from view.changes
// and view.trend.
import { addMonths } from '../dates.js';
import { glossaryFigures, skillStatusWords } from '../glossary.js';
import {
  inEach,
  message,
  messagesIn,
  monthLabel,
  type Locale,
  type Messages,
  type PlainKey,
} from '../i18n/index.js';
import { vocabularyWord } from '../i18n/vocabulary-words.js';
import { formatPounds } from '../money.js';
import type { ConsolidatedView, ProjectChange } from '../schemas.js';
import type { CoverageStatus, ProjectChangeKind } from '../vocabulary.js';
import { councilNames } from './councils.js';

type ChangeLabel = ProjectChangeKind | 'firstReturn' | 'received' | 'skill';

/** The Change column's words, in each of `locales` (DESIGN §12: Welsh first when bilingual). */
export function changeLabels(locales: readonly Locale[]): Record<ChangeLabel, string> {
  const say = (key: PlainKey) => inEach(locales, (locale) => message(locale, key));
  return {
    firstReturn: say('change.firstReturn'),
    new: say('change.new'),
    removed: say('change.removed'),
    phase: say('change.phase'),
    rag: say('change.rag'),
    overdue: say('change.overdue'),
    received: inEach(locales, (locale) => glossaryFigures(locale).receivedPence.label),
    skill: say('change.skill'),
  };
}

export const CHANGE_LABELS = changeLabels(['en']);

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

/** A change's before or after: a phase or RAG, or whether the project is overdue, in `locales`. */
const changeValueWord = (
  value: ProjectChange['from'] | ProjectChange['to'],
  locales: readonly Locale[],
): string | undefined =>
  value === null
    ? undefined
    : inEach(locales, (locale) =>
        typeof value === 'string'
          ? vocabularyWord(locale, value)
          : message(locale, value ? 'change.isOverdue' : 'change.notOverdue'),
      );

/**
 * Every change as a row: first returns, projects, then what each council's ledger dates in the month
 * and restates of the months before, then skills.
 */
export function changeRows(view: ConsolidatedView, locales: readonly Locale[] = ['en']): ChangeRow[] {
  const name = councilNames(view);
  const { changes } = view;
  const labels = locales.length === 1 && locales[0] === 'en' ? CHANGE_LABELS : changeLabels(locales);
  const coverage = (status: CoverageStatus) => inEach(locales, (locale) => skillStatusWords(locale)[status]);
  return [
    ...changes.firstReturns.map((council) => ({
      change: labels.firstReturn,
      item: council,
      name: name(council),
    })),
    ...changes.projects.map((c): ChangeRow => {
      const row: ChangeRow = { change: labels[c.kind], item: c.project, name: c.title };
      const from = changeValueWord(c.from, locales);
      const to = changeValueWord(c.to, locales);
      if (from !== undefined) row.from = from;
      if (to !== undefined) row.to = to;
      return row;
    }),
    ...changes.contributions.map((c) => ({
      change: labels.received,
      item: c.council,
      name: name(c.council),
      receivedPence: c.receivedPence,
      restatedPence: c.restatedPence,
    })),
    ...changes.skills.map((s) => ({
      change: labels.skill,
      item: s.skill,
      name: inEach(locales, (locale) => vocabularyWord(locale, s.skill)),
      from: coverage(s.from),
      to: coverage(s.to),
    })),
  ];
}

function projectLine(c: ProjectChange, m: Messages, locale: Locale): string {
  const project = `${c.project} ${c.title}`;
  // A phase or RAG, as the sentence names it (a change of kind `new` or `removed` carries the phase).
  const word = (value: ProjectChange['from']) => vocabularyWord(locale, String(value));
  switch (c.kind) {
    case 'new':
      return m('since.project.new', { project, to: word(c.to) });
    case 'removed':
      return m('since.project.removed', { project, from: word(c.from) });
    case 'phase':
      return m('since.project.phase', { project, from: word(c.from), to: word(c.to) });
    case 'rag':
      return m('since.project.rag', { project, from: word(c.from), to: word(c.to) });
    case 'overdue':
      return m('since.project.overdue', { project });
  }
}

/** How many practitioners a coverage status means, as a sentence says it. */
const practitioners = (m: Messages): Record<CoverageStatus, string> => ({
  gap: m('practitioners.gap'),
  fragile: m('practitioners.fragile'),
  covered: m('practitioners.covered'),
});

function skillLine(
  { skill: code, from, to }: ConsolidatedView['changes']['skills'][number],
  m: Messages,
  locale: Locale,
): string {
  const skill = vocabularyWord(locale, code);
  const count = practitioners(m);
  if (to === 'gap') return m('since.skill.opened', { skill, from: count[from] });
  if (from === 'gap') return m('since.skill.closed', { skill, to: count[to] });
  return m('since.skill.moved', { skill, to: count[to], from: count[from] });
}

/** A restatement as a change: "+£5,000.00" or "−£1,200.00". */
const signedPounds = (pence: number): string => `${pence < 0 ? '−' : '+'}${formatPounds(Math.abs(pence))}`;

/**
 * What changed since the earlier month, in short lines a board reads at a glance: first returns named
 * as such (their projects and skills are not news), what each ledger dates in the month, earlier months
 * restated, and the projects and skills of the councils that returned before.
 */
export function sinceReport(view: ConsolidatedView, locale: Locale = 'en'): SinceReport {
  const { changes } = view;
  if (changes.since === null) return { since: null, groups: [] };
  const m = messagesIn(locale);
  const name = councilNames(view);
  const since = monthLabel(locale, changes.since);
  const of = (...kinds: ProjectChangeKind[]) =>
    changes.projects.filter((c) => kinds.includes(c.kind)).map((c) => projectLine(c, m, locale));
  const contributed = new Map(view.contributions.councils.map((c) => [c.council, c.contributedPence]));
  const firstReturns = changes.firstReturns.map((council) =>
    m('since.firstReturn', {
      council: name(council),
      year: view.financialYear,
      amount: formatPounds(contributed.get(council) ?? 0),
    }),
  );
  const received = changes.contributions
    .filter((c) => c.receivedPence !== 0)
    .map((c) => `${name(c.council)}: ${formatPounds(c.receivedPence)}`);
  const restated = changes.contributions
    .filter((c) => c.restatedPence !== 0)
    .map((c) =>
      m('since.restated', { council: name(c.council), amount: signedPounds(c.restatedPence), month: since }),
    );
  const receivedLabel = glossaryFigures(locale).receivedPence.label;
  const receivedHeading =
    changes.since === addMonths(view.period, -1)
      ? receivedLabel
      : m('since.group.receivedMonths', {
          label: receivedLabel,
          from: since,
          to: monthLabel(locale, view.period),
        });
  const groups = [
    { heading: m('since.group.firstReturns'), lines: firstReturns },
    { heading: receivedHeading, lines: received },
    { heading: m('since.group.restated'), lines: restated },
    { heading: m('since.group.newRemoved'), lines: of('new', 'removed') },
    { heading: m('since.group.moves'), lines: of('rag', 'phase') },
    { heading: m('since.group.overdue'), lines: of('overdue') },
    { heading: m('since.group.skills'), lines: changes.skills.map((s) => skillLine(s, m, locale)) },
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
