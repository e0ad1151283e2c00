// The monthly roll-up e-mail (DESIGN §6): subject, HTML body and plain-text alternative, from the
// consolidated view alone. Council-provided text (names, titles, IDs) is escaped by the `markup` helpers.
import { periodLabel } from '../../shared/dates.js';
import { formatPounds } from '../../shared/money.js';
import {
  buildReport,
  costSharesLine,
  sinceReport,
  type CouncilLine,
  type HeadlineFigure,
  type HeadlineKey,
  type SinceReport,
} from '../../shared/report/index.js';
import { COUNCIL_STATUS_COLOURS, FIGURES, RAG_COLOURS, SKILL_STATUS_WORDS } from '../../shared/glossary.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { RAGS } from '../../shared/vocabulary.js';
import type { RollupChart } from '../charts/rollup-charts.js';
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
  labelled,
  markup,
  paragraph,
  type Content,
} from './html.js';
import { textHeading, textList, textTable } from './text.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export const rollupSubject = (view: ConsolidatedView): string =>
  `Shared CDO roll-up — ${periodLabel(view.period)} — ${view.partnership}`;

/** A glossary colour (`RRGGBB`) as the e-mail's labels take it. */
const css = (colour: string): string => `#${colour.toLowerCase()}`;

/** The headline figures the e-mail states (DESIGN §6), in this order; Paid ahead only when there is some. */
const EMAIL_HEADLINE: readonly HeadlineKey[] = [
  'netCostPence',
  'contributedPence',
  'outstandingPence',
  'arrearsPence',
  'overpaidPence',
];

const CELL_BORDERED = new Html(
  `${FONT}font-size:14px;line-height:20px;color:${TEXT_COLOUR};padding:8px 0;border-bottom:1px solid #b1b4b6;`,
);

/**
 * Per-council money: the council's name on a row of its own above its four figures, so that the table
 * fits a phone's width (four amounts side by side) while reading as one table on a desktop. It is a data
 * table: the amounts' column headers are `<th scope="col">`, and each council is a row group headed by
 * its name. The total row has no balance: what is still to pay, behind profile and paid ahead are
 * stated apart, in the headline figures.
 */
function councilTable(
  councils: readonly CouncilLine[],
  totals: ConsolidatedView['contributions']['totals'],
): Html {
  const text = `${FONT}font-size:13px;line-height:18px;color:${TEXT_COLOUR};`;
  // A name row has no rule under it and may wrap; an amounts row is ruled and never wraps.
  const nameRow = (content: Content, bold = false) =>
    markup`<tr class="keep"><th scope="rowgroup" colspan="4" align="left" style="${text}padding:6px 3px 0 3px;font-weight:${bold ? 'bold' : 'normal'};">${content}</th></tr>`;
  const amounts = (pence: readonly (number | null)[], bold = false) =>
    markup`<tr>${pence.map(
      (p) =>
        markup`<td align="right" style="${text}padding:2px 3px 6px 3px;border-bottom:1px solid #b1b4b6;white-space:nowrap;${bold ? 'font-weight:bold;' : ''}">${p === null ? '' : formatPounds(p)}</td>`,
    )}</tr>`;
  const header = ['Due', 'Profiled due', 'Contributed', 'Balance'].map(
    (h) => markup`<th scope="col" align="right" style="${text}padding:2px 3px 6px 3px;">${h}</th>`,
  );
  const groups = councils.map(
    (c) =>
      markup`<tbody class="keep">${nameRow(labelled(label(c.statusLabel, css(COUNCIL_STATUS_COLOURS[c.status])), markup`<strong>${c.name}</strong>`))}${amounts([c.duePence, c.profiledDuePence, c.contributedPence, c.balancePence])}</tbody>`,
  );
  const total = markup`<tbody class="keep">${nameRow('Total for the partnership', true)}${amounts([totals.duePence, totals.profiledDuePence, totals.contributedPence, null], true)}</tbody>`;
  return markup`<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px 0;"><thead><tr>${header}</tr></thead>${groups}${total}</table>`;
}

/** The note under a headline figure in the e-mail: how contributions compare with the profile. */
function figureNote(figure: HeadlineFigure, all: readonly HeadlineFigure[]): string {
  const pence = (key: HeadlineKey) => formatPounds(all.find((f) => f.key === key)?.pence ?? 0);
  if (figure.key === 'netCostPence')
    return `Budget ${pence('budgetPence')} less confirmed funding ${pence('fundingPence')}`;
  if (figure.key === 'contributedPence')
    return `${figure.note} Against ${FIGURES.profiledDuePence.label.toLowerCase()} of ${pence('profiledDuePence')}.`;
  return figure.note;
}

/** "Since <Month>": what changed since the month compared with, right after the headline figures. */
function sinceHtml(since: SinceReport): Html {
  if (since.since === null) {
    return markup`${heading('Since last month')}${paragraph(FIRST_MONTH)}`;
  }
  return markup`${heading(`Since ${since.since}`)}${
    since.groups.length === 0
      ? paragraph(`Nothing has changed since ${since.since}.`)
      : since.groups.map(
          (g) => markup`${paragraph(markup`<strong>${g.heading}</strong>`)}${bulletList(g.lines, '')}`,
        )
  }`;
}

function sinceText(since: SinceReport): string[] {
  if (since.since === null) return [textHeading('Since last month'), FIRST_MONTH];
  if (since.groups.length === 0)
    return [textHeading(`Since ${since.since}`), `Nothing has changed since ${since.since}.`];
  return [
    textHeading(`Since ${since.since}`),
    ...since.groups.flatMap((g, i) => [...(i > 0 ? [''] : []), `${g.heading}:`, textList(g.lines, '')]),
  ];
}

const FIRST_MONTH =
  'This is the first month of the financial year, so there is no earlier month to compare with.';

export function renderRollupEmail(view: ConsolidatedView, charts: readonly RollupChart[]): RenderedEmail {
  const subject = rollupSubject(view);
  const month = periodLabel(view.period);
  const report = buildReport(view);
  const { projects, skills, returns } = report;
  const since = sinceReport(view);
  const figures = EMAIL_HEADLINE.map((key) => report.headline.find((f) => f.key === key)!).filter(
    (f) => f.key !== 'overpaidPence' || f.pence !== 0,
  );
  const totals = view.contributions.totals;
  const chartImage = (id: string): Html => {
    const c = charts.find((chart) => chart.id === id);
    return c ? inlineImage(c.id, c.alt, Math.round(c.width)) : new Html('');
  };
  const money = (pence: number) => formatPounds(pence);
  const ragCounts = `${projects.count} projects: ${RAGS.map((r) => `${projects.byRag[r]} ${r}`).join(', ')}.`;
  // Every phase, Retired included, as the chart shows them.
  const grid = projects.grid;
  const figureRow = (f: HeadlineFigure) =>
    markup`<tr><td style="${CELL_BORDERED}">${f.label}<br><span style="color:${MUTED};font-size:13px;">${figureNote(f, report.headline)}</span></td><td align="right" valign="top" style="${CELL_BORDERED}font-size:20px;line-height:26px;font-weight:bold;white-space:nowrap;">${money(f.pence)}</td></tr>`;
  const figureTable = markup`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px 0;">${figures.map(figureRow)}</table>`;
  const gapsSentence =
    skills.gaps.length === 0
      ? 'Every skill has at least one practitioner.'
      : `${SKILL_STATUS_WORDS.gap}: ${skills.gaps.join(', ')}.`;
  const fragileSentence = `${SKILL_STATUS_WORDS.fragile}: ${skills.fragile.join(', ')}.`;
  const missingList = `${returns.missing.join(', ')}.`;
  const carriedLead = 'Carried forward from an earlier month:';
  // The same words as the workbook's Summary: one line for the year's agreement wherever it shows.
  const agreement = view.agreement ? costSharesLine(view, view.agreement) : undefined;
  const allReturned = 'Every member council has sent a return.';

  const body = markup`${[
    paragraph(`Shared CDO roll-up · financial year ${view.financialYear}`, true),
    heading(`${month} — ${view.partnership}`, 1),
    paragraph(`The consolidated workbook for ${month} is attached.`),
    heading('Headline figures'),
    figureTable,
    sinceHtml(since),
    chartImage('chart-trend'),
    chartImage('chart-contributions'),
    heading('Contributions by council'),
    agreement ? paragraph(agreement) : '',
    councilTable(report.councils, totals),
    paragraph('Contributed is cash paid plus in-kind, to date. A negative balance is an overpayment.', true),
    heading('Projects by RAG and phase'),
    paragraph(ragCounts),
    projects.count === 0
      ? paragraph('No projects reported.', true)
      : dataTable(
          [
            { header: 'Phase' },
            ...RAGS.map((r) => ({ header: r, align: 'right' as const })),
            { header: 'Total', align: 'right' },
          ],
          grid.map((row) => [row.phase, ...row.counts, row.total]),
        ),
    chartImage('chart-projects'),
    chartImage('chart-rag-trend'),
    heading(`Overdue projects (${projects.overdue.length})`),
    bulletList(
      projects.overdue.map((p) =>
        labelled(
          label(p.rag, css(RAG_COLOURS[p.rag])),
          markup`<strong>${p.id}</strong> ${p.title}<br><span style="color:${MUTED};">${p.detail}</span>`,
        ),
      ),
      'No projects are overdue.',
    ),
    heading('Skills gaps'),
    paragraph(gapsSentence),
    skills.fragile.length > 0 ? paragraph(fragileSentence) : '',
    heading('Returns'),
    paragraph(returns.missing.length === 0 ? allReturned : markup`<strong>Missing:</strong> ${missingList}`),
    returns.carriedForward.length > 0
      ? paragraph(markup`<strong>${carriedLead}</strong> ${returns.carriedForward.join(', ')}.`)
      : '',
    heading(`Open conflicts (${returns.conflicts.length})`),
    bulletList(returns.conflicts, 'No conflicts between councils’ returns.'),
    paragraph('Sent by Shared CDO. Figures are as submitted by the councils at the time of sending.', true),
  ].map((part) => markup`${part}\n`)}`;

  const labelWidth = Math.max(...figures.map((f) => f.label.length)) + 3;
  const text = [
    subject,
    '',
    `Financial year ${view.financialYear}. The consolidated workbook for ${month} is attached.`,
    '',
    textHeading('Headline figures'),
    ...figures.map(
      (f) => `${`${f.label}:`.padEnd(labelWidth)}${money(f.pence)} (${figureNote(f, report.headline)})`,
    ),
    '',
    ...sinceText(since),
    '',
    textHeading('Contributions by council'),
    ...(agreement ? [agreement] : []),
    textTable(
      ['Council', 'Due', 'Profiled due', 'Contributed', 'Balance', 'Status'],
      [
        ...report.councils.map((c) => [
          c.name,
          money(c.duePence),
          money(c.profiledDuePence),
          money(c.contributedPence),
          money(c.balancePence),
          c.statusLabel,
        ]),
        [
          'Total',
          money(totals.duePence),
          money(totals.profiledDuePence),
          money(totals.contributedPence),
          '',
          '',
        ],
      ],
      [1, 2, 3, 4],
    ),
    '',
    textHeading('Projects by RAG and phase'),
    ragCounts,
    projects.count === 0
      ? 'No projects reported.'
      : textTable(
          ['Phase', ...RAGS, 'Total'],
          grid.map((row) => [row.phase, ...row.counts.map(String), String(row.total)]),
          [1, 2, 3, 4],
        ),
    '',
    textHeading(`Overdue projects (${projects.overdue.length})`),
    textList(
      projects.overdue.map((p) => `${p.id} ${p.title} [${p.rag}] (${p.detail})`),
      'No projects are overdue.',
    ),
    '',
    textHeading('Skills gaps'),
    gapsSentence,
    ...(skills.fragile.length > 0 ? [fragileSentence] : []),
    '',
    textHeading('Returns'),
    returns.missing.length === 0 ? allReturned : `Missing: ${missingList}`,
    ...(returns.carriedForward.length > 0 ? [`${carriedLead} ${returns.carriedForward.join(', ')}.`] : []),
    '',
    textHeading(`Open conflicts (${returns.conflicts.length})`),
    textList(returns.conflicts, 'No conflicts between councils’ returns.'),
    '',
    ...charts.map((c) => `[Chart: ${c.alt}]`),
    '',
  ].join('\n');

  const preheader = figures
    .slice(0, 2)
    .map((f) => `${f.label} ${money(f.pence)}`)
    .join('; ');
  return { subject, html: emailPage(subject, preheader, body), text };
}
