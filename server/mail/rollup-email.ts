// The monthly roll-up e-mail (DESIGN §6): subject, HTML body and plain-text alternative, from the
// consolidated view alone. Council-provided text (names, titles, IDs) is escaped by the `markup` helpers.
import { periodLabel } from '../../shared/dates.js';
import { formatPounds } from '../../shared/money.js';
import type { ConsolidatedView, CouncilContribution } from '../../shared/schemas.js';
import { PHASES, RAGS } from '../../shared/vocabulary.js';
import type { RollupChart } from '../charts/rollup-charts.js';
import { CHART_WIDTH } from '../charts/rollup-charts.js';
import {
  FONT,
  Html,
  MUTED,
  TEXT_COLOUR,
  bulletList,
  dataTable,
  emailPage,
  heading,
  inlineImage,
  label,
  markup,
  paragraph,
  render,
  type Content,
} from './html.js';
import { formatLongDate, textHeading, textList, textTable } from './text.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export const rollupSubject = (view: ConsolidatedView): string =>
  `Shared CDO roll-up — ${periodLabel(view.period)} — ${view.partnership}`;

export const STATUS_LABELS: Record<CouncilContribution['status'], string> = {
  paid: 'Paid',
  'on-track': 'On track',
  behind: 'Behind',
};
const STATUS_COLOURS: Record<CouncilContribution['status'], string> = {
  paid: '#00703c',
  'on-track': '#1d70b8',
  behind: '#d4351c',
};
export const RAG_COLOURS: Record<(typeof RAGS)[number], string> = {
  Red: '#d4351c',
  Amber: '#b35000',
  Green: '#00703c',
};

/** The headline figures, in pence, as both bodies state them. */
export function rollupHeadline(view: ConsolidatedView) {
  const { totals, netCostPence, budgetPence, fundingPence } = view.contributions;
  const outstandingPence = view.contributions.councils.reduce((t, c) => t + Math.max(0, c.balancePence), 0);
  return {
    netCostPence,
    budgetPence,
    fundingPence,
    contributedPence: totals.contributedPence,
    profiledDuePence: totals.profiledDuePence,
    duePence: totals.duePence,
    outstandingPence,
  };
}

function councilNames(view: ConsolidatedView): (id: string) => string {
  const names = new Map(view.contributions.councils.map((c) => [c.council, c.name]));
  return (id) => names.get(id) ?? id;
}

const FIELD_LABELS: Record<ConsolidatedView['projects']['conflicts'][number]['field'], string> = {
  title: 'title',
  phase: 'phase',
  rag: 'RAG',
  lead: 'lead council',
};

/** Facts both bodies list, as plain strings (escaped later for HTML). */
function rollupFacts(view: ConsolidatedView) {
  const name = councilNames(view);
  const rag = (r: (typeof RAGS)[number]) => view.projects.items.filter((p) => p.rag === r).length;
  const grid = PHASES.map((phase) => ({
    phase,
    counts: RAGS.map((r) => view.projects.items.filter((p) => p.phase === phase && p.rag === r).length),
  })).filter((row) => row.counts.some((n) => n > 0));
  const overdue = view.projects.items
    .filter((p) => p.overdue)
    .map((p) => ({
      id: p.id,
      title: p.title,
      rag: p.rag,
      detail: `${p.phase}, led by ${name(p.lead)}${p.due ? `, due ${formatLongDate(p.due)}` : ''}`,
    }));
  const gaps = view.skills.coverage.filter((s) => s.status === 'gap').map((s) => s.skill);
  const fragile = view.skills.coverage.filter((s) => s.status === 'fragile').map((s) => s.skill);
  const missing = view.dataQuality.missing.map(name);
  const carried = view.dataQuality.carriedForward.map(
    (c) => `${name(c.council)} (using ${periodLabel(c.from)})`,
  );
  const conflicts = [
    ...view.projects.conflicts.map(
      (c) =>
        `Project ${c.project}: ${name(c.council)} reports ${FIELD_LABELS[c.field]} "${c.value}"; the lead council says "${c.leadValue}"`,
    ),
    ...view.skills.conflicts.map(
      (c) =>
        `${c.email}, ${c.skill}: ${c.field === 'level' ? 'level' : 'days per month'} differs (${c.values
          .map((v) => `${name(v.council)}: ${v.value}`)
          .join('; ')})`,
    ),
  ];
  return { name, rag, grid, overdue, gaps, fragile, missing, carried, conflicts };
}

const CELL_BORDERED = new Html(
  `${FONT}font-size:14px;line-height:20px;color:${TEXT_COLOUR};padding:8px 0;border-bottom:1px solid #b1b4b6;`,
);

/**
 * Per-council money: the council's name on a row of its own above its four figures, so that the table
 * fits a phone's width (four amounts side by side) while reading as one table on a desktop.
 */
function councilTable(
  councils: readonly CouncilContribution[],
  totals: ConsolidatedView['contributions']['totals'],
): Html {
  // A name row has no rule under it and may wrap; an amounts row is ruled and never wraps.
  const cell = (content: Content, o: { bold?: boolean; nameRow?: boolean } = {}) => {
    const style = [
      `${FONT}font-size:13px;line-height:18px;color:${TEXT_COLOUR};`,
      o.nameRow
        ? 'padding:6px 3px 0 3px;'
        : 'padding:2px 3px 6px 3px;border-bottom:1px solid #b1b4b6;white-space:nowrap;',
      o.bold ? 'font-weight:bold;' : '',
    ].join('');
    const attributes = o.nameRow ? 'align="left" colspan="4"' : 'align="right"';
    return new Html(`<td ${attributes} style="${style}">${render(content)}</td>`);
  };
  const amounts = (row: typeof totals | CouncilContribution, bold = false) =>
    [row.duePence, row.profiledDuePence, row.contributedPence, row.balancePence].map((p) =>
      cell(formatPounds(p), { bold }),
    );
  const header = ['Due', 'Profiled', 'Paid', 'Balance'].map((h) => cell(h, { bold: true }));
  const rows = councils.map(
    (c) =>
      markup`<tr>${cell(markup`<strong>${c.name}</strong> ${label(STATUS_LABELS[c.status], STATUS_COLOURS[c.status])}`, { nameRow: true })}</tr><tr>${amounts(c)}</tr>`,
  );
  const total = markup`<tr>${cell('Total for the partnership', { nameRow: true, bold: true })}</tr><tr>${amounts(totals, true)}</tr>`;
  return markup`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px 0;"><tr>${header}</tr>${rows}${total}</table>`;
}

export function renderRollupEmail(view: ConsolidatedView, charts: readonly RollupChart[]): RenderedEmail {
  const subject = rollupSubject(view);
  const month = periodLabel(view.period);
  const h = rollupHeadline(view);
  const f = rollupFacts(view);
  const councils = view.contributions.councils.filter(
    (c) => c.membership === 'Member' || c.contributedPence > 0,
  );
  const chart = (id: string) => charts.find((c) => c.id === id);
  const chartImage = (id: string): Html => {
    const c = chart(id);
    return c ? inlineImage(c.id, c.alt, CHART_WIDTH) : new Html('');
  };
  const money = (pence: number) => formatPounds(pence);
  const figureRow = (name: string, value: string, note: string) =>
    markup`<tr><td style="${CELL_BORDERED}">${name}<br><span style="color:${MUTED};font-size:13px;">${note}</span></td><td align="right" valign="top" style="${CELL_BORDERED}font-size:20px;line-height:26px;font-weight:bold;white-space:nowrap;">${value}</td></tr>`;
  const figures = markup`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px 0;">${[
    figureRow(
      'Net cost this year',
      money(h.netCostPence),
      `Budget ${money(h.budgetPence)} less confirmed funding ${money(h.fundingPence)}`,
    ),
    figureRow(
      'Contributed to date',
      money(h.contributedPence),
      `Against profiled due to date of ${money(h.profiledDuePence)}`,
    ),
    figureRow('Outstanding', money(h.outstandingPence), 'Still to be paid this year'),
  ]}</table>`;

  const body = markup`${[
    paragraph(`Shared CDO roll-up · financial year ${view.financialYear}`, true),
    heading(`${month} — ${view.partnership}`, 1),
    paragraph(`The consolidated workbook for ${month} is attached.`),
    heading('Headline figures'),
    figures,
    chartImage('chart-contributions'),
    heading('Contributions by council'),
    councilTable(councils, view.contributions.totals),
    paragraph('Paid is cash plus in-kind contributions to date. A negative balance is an overpayment.', true),
    heading('Projects by RAG and phase'),
    paragraph(`${view.projects.totals.count} projects: ${RAGS.map((r) => `${f.rag(r)} ${r}`).join(', ')}.`),
    f.grid.length === 0
      ? paragraph('No projects reported.', true)
      : dataTable(
          [
            { header: 'Phase' },
            ...RAGS.map((r) => ({ header: r, align: 'right' as const })),
            { header: 'Total', align: 'right' },
          ],
          f.grid.map((row) => [row.phase, ...row.counts, row.counts.reduce((a, b) => a + b, 0)]),
        ),
    chartImage('chart-projects'),
    heading(`Overdue projects (${f.overdue.length})`),
    bulletList(
      f.overdue.map(
        (p) =>
          markup`${label(p.rag, RAG_COLOURS[p.rag])} <strong>${p.id}</strong> ${p.title}<br><span style="color:${MUTED};">${p.detail}</span>`,
      ),
      'No projects are overdue.',
    ),
    heading('Skills gaps'),
    paragraph(
      f.gaps.length === 0
        ? 'Every skill has at least one practitioner.'
        : `No practitioner: ${f.gaps.join(', ')}.`,
    ),
    f.fragile.length > 0 ? paragraph(`Only one practitioner: ${f.fragile.join(', ')}.`) : '',
    heading('Returns'),
    paragraph(
      f.missing.length === 0
        ? 'Every member council has sent a return.'
        : markup`<strong>Missing:</strong> ${f.missing.join(', ')}.`,
    ),
    f.carried.length > 0
      ? paragraph(markup`<strong>Carried forward from an earlier month:</strong> ${f.carried.join(', ')}.`)
      : '',
    heading(`Open conflicts (${f.conflicts.length})`),
    bulletList(f.conflicts, 'No conflicts between councils’ returns.'),
    paragraph('Sent by Shared CDO. Figures are as submitted by the councils at the time of sending.', true),
  ].map((part) => markup`${part}\n`)}`;

  const text = [
    subject,
    '',
    `Financial year ${view.financialYear}. The consolidated workbook for ${month} is attached.`,
    '',
    textHeading('Headline figures'),
    `Net cost this year:   ${money(h.netCostPence)} (budget ${money(h.budgetPence)} less confirmed funding ${money(h.fundingPence)})`,
    `Contributed to date:  ${money(h.contributedPence)} against profiled due to date of ${money(h.profiledDuePence)}`,
    `Outstanding:          ${money(h.outstandingPence)}`,
    '',
    textHeading('Contributions by council'),
    textTable(
      ['Council', 'Due', 'Profiled due', 'Contributed', 'Balance', 'Status'],
      [
        ...councils.map((c) => [
          c.name,
          money(c.duePence),
          money(c.profiledDuePence),
          money(c.contributedPence),
          money(c.balancePence),
          STATUS_LABELS[c.status],
        ]),
        [
          'Total',
          money(view.contributions.totals.duePence),
          money(view.contributions.totals.profiledDuePence),
          money(view.contributions.totals.contributedPence),
          money(view.contributions.totals.balancePence),
          '',
        ],
      ],
      [1, 2, 3, 4],
    ),
    '',
    textHeading('Projects by RAG and phase'),
    `${view.projects.totals.count} projects: ${RAGS.map((r) => `${f.rag(r)} ${r}`).join(', ')}.`,
    f.grid.length === 0
      ? 'No projects reported.'
      : textTable(
          ['Phase', ...RAGS, 'Total'],
          f.grid.map((row) => [
            row.phase,
            ...row.counts.map(String),
            String(row.counts.reduce((a, b) => a + b, 0)),
          ]),
          [1, 2, 3, 4],
        ),
    '',
    textHeading(`Overdue projects (${f.overdue.length})`),
    textList(
      f.overdue.map((p) => `${p.id} ${p.title} [${p.rag}] (${p.detail})`),
      'No projects are overdue.',
    ),
    '',
    textHeading('Skills gaps'),
    f.gaps.length === 0
      ? 'Every skill has at least one practitioner.'
      : `No practitioner: ${f.gaps.join(', ')}.`,
    ...(f.fragile.length > 0 ? [`Only one practitioner: ${f.fragile.join(', ')}.`] : []),
    '',
    textHeading('Returns'),
    f.missing.length === 0 ? 'Every member council has sent a return.' : `Missing: ${f.missing.join(', ')}.`,
    ...(f.carried.length > 0 ? [`Carried forward from an earlier month: ${f.carried.join(', ')}.`] : []),
    '',
    textHeading(`Open conflicts (${f.conflicts.length})`),
    textList(f.conflicts, 'No conflicts between councils’ returns.'),
    '',
    ...charts.map((c) => `[Chart: ${c.alt}]`),
    '',
  ].join('\n');

  return {
    subject,
    html: emailPage(
      subject,
      `Net cost ${money(h.netCostPence)}; contributed ${money(h.contributedPence)}`,
      body,
    ),
    text,
  };
}
