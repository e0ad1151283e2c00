// The Summary sheet, line by line: the consolidated workbook and the add-in's consolidated view both
// write these lines, so the two Summaries state the same figures under the same labels.
import { agreementLine, type AgreementSummary } from '../agreements.js';
import { ukDateOfInstant } from '../dates.js';
import { skillStatusWords } from '../glossary.js';
import { inEach, messagesIn, monthLabel, type Locale, type Messages, type PlainKey } from '../i18n/index.js';
import { vocabularyWord } from '../i18n/vocabulary-words.js';
import type { ConsolidatedView } from '../schemas.js';
import { PHASES, RAGS } from '../vocabulary.js';
import { councilNames } from './councils.js';
import { returnsReport } from './data-quality.js';
import { headlineFigures } from './headline.js';
import type { ReturnsReport } from './data-quality.js';
import type { ProjectsReport } from './projects.js';
import type { SkillsReport } from './skills.js';

export type SummaryLine =
  | { kind: 'heading'; text: string }
  | { kind: 'blank' }
  | { kind: 'money'; label: string; pence: number; note?: string }
  | { kind: 'count'; label: string; count: number }
  | { kind: 'text'; label: string; text: string };

/** The label a headline figure has in a sheet: its unit in the label, as for every money column. */
export const moneyLabel = (label: string): string => `${label} (£)`;

/**
 * The view's agreement line, as the Summary and the roll-up e-mail state it: its Members are the councils
 * paying a share this year.
 */
export function costSharesLine(
  view: ConsolidatedView,
  agreement: AgreementSummary,
  name: (council: string) => string = councilNames(view),
  locale: Locale = 'en',
): string {
  if (agreement.status === 'none')
    return agreementLine(view.financialYear, null, name, ukDateOfInstant, locale);
  const members = view.contributions.councils.filter(
    (x) => x.membership === 'Member' && x.monthsOfMembership > 0,
  );
  return agreementLine(
    view.financialYear,
    { ...agreement, status: agreement.status, members: members.length },
    name,
    ukDateOfInstant,
    locale,
  );
}

/**
 * The Summary's lines in the partnership's languages (DESIGN §12): each label and sentence in each of
 * `locales`, Welsh first when bilingual; names and figures once.
 */
export function summaryLines(
  view: ConsolidatedView,
  report: { projects: ProjectsReport; skills: SkillsReport; returns: ReturnsReport },
  locales: readonly Locale[] = ['en'],
): SummaryLine[] {
  const { contributions: c, projects: p, skills } = view;
  const name = councilNames(view);
  const each = (text: (m: Messages, locale: Locale) => string) =>
    inEach(locales, (locale) => text(messagesIn(locale), locale));
  const say = (key: PlainKey) => each((m) => m(key));
  const listOrNone = (items: (locale: Locale) => readonly string[]) =>
    each((m, locale) => (items(locale).length ? items(locale).join(', ') : m('summary.none')));
  const blank = { kind: 'blank' } as const;
  const text = (label: string, value: string): SummaryLine => ({ kind: 'text', label, text: value });
  const count = (label: string, n: number): SummaryLine => ({ kind: 'count', label, count: n });
  const money = (label: string, pence: number): SummaryLine & { kind: 'money' } => ({
    kind: 'money',
    label: moneyLabel(label),
    pence,
  });
  const method = each((m, locale) =>
    c.appliedMethod === c.method
      ? vocabularyWord(locale, c.method)
      : m('summary.methodApplied', {
          method: vocabularyWord(locale, c.method),
          applied: vocabularyWord(locale, c.appliedMethod),
        }),
  );
  const figures = (locale: Locale) => headlineFigures(view, locale);
  const gaps = (status: 'gap' | 'fragile') => (locale: Locale) =>
    report.skills[status === 'gap' ? 'gaps' : 'fragile'].map((s) => vocabularyWord(locale, s));
  return [
    { kind: 'heading', text: each((m) => m('workbook.title', { partnership: view.partnership })) },
    blank,
    text(say('summary.partnership'), view.partnership),
    text(
      say('summary.period'),
      each((_, locale) => monthLabel(locale, view.period)),
    ),
    text(say('summary.financialYear'), view.financialYear),
    text(say('year.method'), method),
    ...(view.agreement
      ? [
          text(
            say('summary.costShares'),
            each((_, locale) => costSharesLine(view, view.agreement!, name, locale)),
          ),
        ]
      : []),
    blank,
    { kind: 'heading', text: say('summary.contributions') },
    ...headlineFigures(view).map((f, i) => ({
      ...money(
        inEach(locales, (locale) => figures(locale)[i]!.label),
        f.pence,
      ),
      note: inEach(locales, (locale) => figures(locale)[i]!.note),
    })),
    ...(c.surplusPence > 0 ? [money(say('summary.surplus'), c.surplusPence)] : []),
    ...(c.totals.broughtForwardPence
      ? [money(say('year.statement.broughtForward'), c.totals.broughtForwardPence)]
      : []),
    text(
      say('summary.councilsBehind'),
      listOrNone(() => c.councils.filter((x) => x.status === 'behind').map((x) => name(x.council))),
    ),
    blank,
    { kind: 'heading', text: say('summary.projects') },
    count(say('summary.projects'), report.projects.count),
    ...RAGS.map((rag) =>
      count(
        each((m, locale) => m('summary.rag', { rag: vocabularyWord(locale, rag) })),
        report.projects.byRag[rag],
      ),
    ),
    ...PHASES.map((phase, i) =>
      count(
        each((m, locale) => m('summary.phase', { phase: vocabularyWord(locale, phase) })),
        report.projects.grid[i]?.total ?? 0,
      ),
    ),
    count(say('summary.overdue'), report.projects.overdue.length),
    money(say('summary.projectBudgets'), p.totals.budgetPence),
    money(say('summary.projectSpend'), p.totals.spentPence),
    { kind: 'money', label: say('summary.savingsTarget'), pence: p.totals.savingsTargetPence },
    money(say('summary.savingsRealised'), p.totals.savingsRealisedPence),
    money(say('summary.investment'), p.totals.investmentPence),
    count(say('summary.projectConflicts'), p.conflicts.length),
    blank,
    { kind: 'heading', text: say('summary.skills') },
    count(say('summary.people'), skills.people.length),
    text(
      each((m, l) => m('summary.skillsWith', { status: skillStatusWords(l).gap })),
      listOrNone(gaps('gap')),
    ),
    text(
      each((m, l) => m('summary.skillsWith', { status: skillStatusWords(l).fragile })),
      listOrNone(gaps('fragile')),
    ),
    count(say('summary.skillConflicts'), skills.conflicts.length),
    blank,
    { kind: 'heading', text: say('rollup.returns') },
    text(
      say('summary.missingReturns'),
      listOrNone(() => report.returns.missing),
    ),
    text(
      say('summary.carriedForward'),
      listOrNone((locale) =>
        locale === 'en' ? report.returns.carriedForward : returnsReport(view, locale).carriedForward,
      ),
    ),
    count(say('summary.warnings'), view.dataQuality.warnings.length),
  ];
}
