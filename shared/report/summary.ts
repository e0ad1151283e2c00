// The Summary sheet, line by line: the consolidated workbook and the add-in's consolidated view both
// write these lines, so the two Summaries state the same figures under the same labels.
import { agreementLine, type AgreementSummary } from '../agreements.js';
import { periodLabel, ukDateOfInstant } from '../dates.js';
import { COUNCIL_STATUS_WORDS, SKILL_STATUS_WORDS } from '../glossary.js';
import type { ConsolidatedView } from '../schemas.js';
import { PHASES, RAGS } from '../vocabulary.js';
import { councilNames } from './councils.js';
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

const listOrNone = (items: readonly string[]): string => (items.length ? items.join(', ') : 'None');

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
): string {
  if (agreement.status === 'none') return agreementLine(view.financialYear, null, name, ukDateOfInstant);
  const members = view.contributions.councils.filter(
    (x) => x.membership === 'Member' && x.monthsOfMembership > 0,
  );
  return agreementLine(
    view.financialYear,
    { ...agreement, status: agreement.status, members: members.length },
    name,
    ukDateOfInstant,
  );
}

export function summaryLines(
  view: ConsolidatedView,
  report: { projects: ProjectsReport; skills: SkillsReport; returns: ReturnsReport },
): SummaryLine[] {
  const { contributions: c, projects: p, skills } = view;
  const name = councilNames(view);
  const blank = { kind: 'blank' } as const;
  const text = (label: string, value: string): SummaryLine => ({ kind: 'text', label, text: value });
  const count = (label: string, n: number): SummaryLine => ({ kind: 'count', label, count: n });
  const money = (label: string, pence: number): SummaryLine & { kind: 'money' } => ({
    kind: 'money',
    label: moneyLabel(label),
    pence,
  });
  const method =
    c.appliedMethod === c.method
      ? c.method
      : `${c.method} (no CDO time recorded, so ${c.appliedMethod} is applied)`;
  return [
    { kind: 'heading', text: `${view.partnership}: consolidated view` },
    blank,
    text('Partnership', view.partnership),
    text('Period', periodLabel(view.period)),
    text('Financial year', view.financialYear),
    text('Cost-share method', method),
    ...(view.agreement ? [text('Cost shares', costSharesLine(view, view.agreement, name))] : []),
    blank,
    { kind: 'heading', text: 'Contributions' },
    ...headlineFigures(view).map((f) => ({ ...money(f.label, f.pence), note: f.note })),
    ...(c.surplusPence > 0 ? [money('Funding surplus', c.surplusPence)] : []),
    ...(c.totals.broughtForwardPence
      ? [money('Brought forward from last year (apart from the due)', c.totals.broughtForwardPence)]
      : []),
    text(
      `Councils ${COUNCIL_STATUS_WORDS.behind.toLowerCase()}`,
      listOrNone(c.councils.filter((x) => x.status === 'behind').map((x) => name(x.council))),
    ),
    blank,
    { kind: 'heading', text: 'Projects' },
    count('Projects', report.projects.count),
    ...RAGS.map((rag) => count(`RAG ${rag}`, report.projects.byRag[rag])),
    ...PHASES.map((phase, i) => count(`Phase ${phase}`, report.projects.grid[i]?.total ?? 0)),
    count('Overdue', report.projects.overdue.length),
    money('Project budgets', p.totals.budgetPence),
    money('Project spend to date', p.totals.spentPence),
    { kind: 'money', label: 'Project savings target (£/yr)', pence: p.totals.savingsTargetPence },
    money('Project savings realised', p.totals.savingsRealisedPence),
    money('Project investment secured', p.totals.investmentPence),
    count('Project conflicts', p.conflicts.length),
    blank,
    { kind: 'heading', text: 'Skills' },
    count('People', skills.people.length),
    text(`Skills: ${SKILL_STATUS_WORDS.gap}`, listOrNone(report.skills.gaps)),
    text(`Skills: ${SKILL_STATUS_WORDS.fragile}`, listOrNone(report.skills.fragile)),
    count('Skill conflicts', skills.conflicts.length),
    blank,
    { kind: 'heading', text: 'Returns' },
    text('Missing returns', listOrNone(report.returns.missing)),
    text('Carried forward', listOrNone(report.returns.carriedForward)),
    count('Warnings', view.dataQuality.warnings.length),
  ];
}
