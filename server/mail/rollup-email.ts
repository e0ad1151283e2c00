// The monthly roll-up e-mail (DESIGN §6): subject, HTML body and plain-text alternative, from the
// consolidated view alone, in the partnership's language (DESIGN §12). Council-provided text (names,
// titles, IDs) is escaped by the `markup` helpers.
import { messagesIn, monthLabel, type Locale, type Messages } from '../../shared/i18n/index.js';
import { vocabularyWord } from '../../shared/i18n/vocabulary-words.js';
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
import { COUNCIL_STATUS_COLOURS, RAG_COLOURS, skillStatusWords } from '../../shared/glossary.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { RAGS, type Language } from '../../shared/vocabulary.js';
import { chartAlts, type RollupChart, type RollupChartId } from '../charts/rollup-charts.js';
import {
  FONT,
  Html,
  MUTED,
  TEXT_COLOUR,
  bulletList,
  dataTable,
  heading,
  inlineImage,
  label,
  labelled,
  markup,
  paragraph,
  type Content,
} from './html.js';
import { inLanguages, type EmailPart, type RenderedEmail } from './languages.js';
import { textHeading, textList, textTable } from './text.js';

export const rollupSubject = (view: ConsolidatedView, locale: Locale = 'en'): string =>
  messagesIn(locale)('rollup.subject', {
    month: monthLabel(locale, view.period),
    partnership: view.partnership,
  });

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
  m: Messages,
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
  const header = [
    m('rollup.column.due'),
    m('rollup.column.profiledDue'),
    m('rollup.column.contributed'),
    m('rollup.column.balance'),
  ].map((h) => markup`<th scope="col" align="right" style="${text}padding:2px 3px 6px 3px;">${h}</th>`);
  const groups = councils.map(
    (c) =>
      markup`<tbody class="keep">${nameRow(labelled(label(c.statusLabel, css(COUNCIL_STATUS_COLOURS[c.status])), markup`<strong>${c.name}</strong>`))}${amounts([c.duePence, c.profiledDuePence, c.contributedPence, c.balancePence])}</tbody>`,
  );
  const total = markup`<tbody class="keep">${nameRow(m('rollup.partnershipTotal'), true)}${amounts([totals.duePence, totals.profiledDuePence, totals.contributedPence, null], true)}</tbody>`;
  return markup`<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px 0;"><thead><tr>${header}</tr></thead>${groups}${total}</table>`;
}

/** The note under a headline figure in the e-mail: how contributions compare with the profile. */
function figureNote(figure: HeadlineFigure, all: readonly HeadlineFigure[], m: Messages): string {
  const pence = (key: HeadlineKey) => formatPounds(all.find((f) => f.key === key)?.pence ?? 0);
  if (figure.key === 'netCostPence')
    return m('rollup.netCostNote', { budget: pence('budgetPence'), funding: pence('fundingPence') });
  if (figure.key === 'contributedPence')
    return `${figure.note} ${m('rollup.againstProfiled', { amount: pence('profiledDuePence') })}`;
  return figure.note;
}

/** "Since <Month>": what changed since the month compared with, right after the headline figures. */
/**
 * Lines an e-mail lists of any one list (overdue projects, open conflicts, each kind of change): a large
 * partnership's run to thousands, making an e-mail of tens of megabytes that mail servers refuse. The
 * attached consolidated workbook lists them all.
 */
export const LISTED_LINES = 30;

/** The first LISTED_LINES of `items`, and the line saying how many more the workbook lists. */
function listed<T>(items: readonly T[], m: Messages): { shown: readonly T[]; more: string | undefined } {
  if (items.length <= LISTED_LINES) return { shown: items, more: undefined };
  return {
    shown: items.slice(0, LISTED_LINES),
    more: m('rollup.more', { count: items.length - LISTED_LINES }),
  };
}

/** A list as HTML: its first lines as bullets, then how many more. */
function listedHtml(items: readonly Content[], empty: string, m: Messages): Html {
  const { shown, more } = listed(items, m);
  return markup`${bulletList(shown, empty)}${more ? paragraph(more, true) : ''}`;
}

/** A list as plain text: its first lines, then how many more. */
function listedText(items: readonly string[], empty: string, m: Messages): string {
  const { shown, more } = listed(items, m);
  return more ? `${textList(shown, empty)}\n${more}` : textList(shown, empty);
}

function sinceHtml(since: SinceReport, m: Messages): Html {
  if (since.since === null) {
    return markup`${heading(m('rollup.sinceLastMonth'))}${paragraph(m('rollup.firstMonth'))}`;
  }
  return markup`${heading(m('rollup.since', { month: since.since }))}${
    since.groups.length === 0
      ? paragraph(m('rollup.nothingChanged', { month: since.since }))
      : since.groups.map(
          (g) => markup`${paragraph(markup`<strong>${g.heading}</strong>`)}${listedHtml(g.lines, '', m)}`,
        )
  }`;
}

function sinceText(since: SinceReport, m: Messages): string[] {
  if (since.since === null) return [textHeading(m('rollup.sinceLastMonth')), m('rollup.firstMonth')];
  const title = textHeading(m('rollup.since', { month: since.since }));
  if (since.groups.length === 0) return [title, m('rollup.nothingChanged', { month: since.since })];
  return [
    title,
    ...since.groups.flatMap((g, i) => [...(i > 0 ? [''] : []), `${g.heading}:`, listedText(g.lines, '', m)]),
  ];
}

/** The roll-up in the partnership's language: Welsh first, then English, when it is bilingual. */
export function renderRollupEmail(
  view: ConsolidatedView,
  charts: readonly RollupChart[],
  language?: Language,
): RenderedEmail {
  return inLanguages(language, (locale) => rollupPart(view, charts, locale));
}

function rollupPart(view: ConsolidatedView, charts: readonly RollupChart[], locale: Locale): EmailPart {
  const m = messagesIn(locale);
  const subject = rollupSubject(view, locale);
  const month = monthLabel(locale, view.period);
  const report = buildReport(view, locale);
  const { projects, skills, returns } = report;
  const since = sinceReport(view, locale);
  const word = (value: string) => vocabularyWord(locale, value);
  const skillWords = skillStatusWords(locale);
  const figures = EMAIL_HEADLINE.map((key) => report.headline.find((f) => f.key === key)!).filter(
    (f) => f.key !== 'overpaidPence' || f.pence !== 0,
  );
  const totals = view.contributions.totals;
  // Each part shows the charts drawn in its language (DESIGN §12), or the English ones when none were.
  const drawnIn = charts.some((c) => c.locale === locale) ? locale : 'en';
  const partCharts = charts.filter((c) => c.locale === drawnIn);
  const alts = chartAlts(view, locale);
  const chartImage = (id: RollupChartId): Html => {
    const c = partCharts.find((chart) => chart.chart === id);
    return c ? inlineImage(c.id, alts[id], Math.round(c.width)) : new Html('');
  };
  const money = (pence: number) => formatPounds(pence);
  const ragCounts = m('rollup.ragCounts', {
    count: projects.count,
    counts: RAGS.map((r) => `${projects.byRag[r]} ${word(r)}`).join(', '),
  });
  // Every phase, Retired included, as the chart shows them.
  const grid = projects.grid;
  const figureRow = (f: HeadlineFigure) =>
    markup`<tr><td style="${CELL_BORDERED}">${f.label}<br><span style="color:${MUTED};font-size:13px;">${figureNote(f, report.headline, m)}</span></td><td align="right" valign="top" style="${CELL_BORDERED}font-size:20px;line-height:26px;font-weight:bold;white-space:nowrap;">${money(f.pence)}</td></tr>`;
  const figureTable = markup`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px 0;">${figures.map(figureRow)}</table>`;
  const gapsSentence =
    skills.gaps.length === 0 ? m('rollup.noGaps') : `${skillWords.gap}: ${skills.gaps.map(word).join(', ')}.`;
  const fragileSentence = `${skillWords.fragile}: ${skills.fragile.map(word).join(', ')}.`;
  const missingList = `${returns.missing.join(', ')}.`;
  const carriedLead = m('rollup.carriedForward');
  // The same words as the workbook's Summary: one line for the year's agreement wherever it shows.
  const agreement = view.agreement ? costSharesLine(view, view.agreement, undefined, locale) : undefined;
  const allReturned = m('rollup.allReturned');
  const noOverdue = m('rollup.noOverdue');
  const noConflicts = m('rollup.noConflicts');
  const overdueHeading = m('rollup.overdue', { count: projects.overdue.length });
  const conflictsHeading = m('rollup.conflicts', { count: returns.conflicts.length });

  const body = markup`${[
    paragraph(m('rollup.kicker', { year: view.financialYear }), true),
    heading(`${month} — ${view.partnership}`, 1),
    paragraph(m('rollup.attached', { month })),
    heading(m('rollup.headline')),
    figureTable,
    sinceHtml(since, m),
    chartImage('chart-trend'),
    chartImage('chart-contributions'),
    heading(m('rollup.byCouncil')),
    agreement ? paragraph(agreement) : '',
    councilTable(report.councils, totals, m),
    paragraph(m('rollup.contributedNote'), true),
    heading(m('rollup.projects')),
    paragraph(ragCounts),
    projects.count === 0
      ? paragraph(m('rollup.noProjects'), true)
      : dataTable(
          [
            { header: m('rollup.column.phase') },
            ...RAGS.map((r) => ({ header: word(r), align: 'right' as const })),
            { header: m('rollup.column.total'), align: 'right' },
          ],
          grid.map((row) => [word(row.phase), ...row.counts, row.total]),
        ),
    chartImage('chart-projects'),
    chartImage('chart-rag-trend'),
    heading(overdueHeading),
    listedHtml(
      projects.overdue.map((p) =>
        labelled(
          label(word(p.rag), css(RAG_COLOURS[p.rag])),
          markup`<strong>${p.id}</strong> ${p.title}<br><span style="color:${MUTED};">${p.detail}</span>`,
        ),
      ),
      noOverdue,
      m,
    ),
    heading(m('rollup.skillsGaps')),
    paragraph(gapsSentence),
    skills.fragile.length > 0 ? paragraph(fragileSentence) : '',
    heading(m('rollup.returns')),
    paragraph(
      returns.missing.length === 0
        ? allReturned
        : markup`<strong>${m('rollup.missing')}</strong> ${missingList}`,
    ),
    returns.carriedForward.length > 0
      ? paragraph(markup`<strong>${carriedLead}</strong> ${returns.carriedForward.join(', ')}.`)
      : '',
    heading(conflictsHeading),
    listedHtml(returns.conflicts, noConflicts, m),
    paragraph(m('rollup.footer'), true),
  ].map((part) => markup`${part}\n`)}`;

  const labelWidth = Math.max(...figures.map((f) => f.label.length)) + 3;
  const text = [
    subject,
    '',
    m('rollup.textIntro', { year: view.financialYear, month }),
    '',
    textHeading(m('rollup.headline')),
    ...figures.map(
      (f) => `${`${f.label}:`.padEnd(labelWidth)}${money(f.pence)} (${figureNote(f, report.headline, m)})`,
    ),
    '',
    ...sinceText(since, m),
    '',
    textHeading(m('rollup.byCouncil')),
    ...(agreement ? [agreement] : []),
    textTable(
      [
        m('rollup.column.council'),
        m('rollup.column.due'),
        m('rollup.column.profiledDue'),
        m('rollup.column.contributed'),
        m('rollup.column.balance'),
        m('rollup.column.status'),
      ],
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
          m('rollup.column.total'),
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
    textHeading(m('rollup.projects')),
    ragCounts,
    projects.count === 0
      ? m('rollup.noProjects')
      : textTable(
          [m('rollup.column.phase'), ...RAGS.map(word), m('rollup.column.total')],
          grid.map((row) => [word(row.phase), ...row.counts.map(String), String(row.total)]),
          [1, 2, 3, 4],
        ),
    '',
    textHeading(overdueHeading),
    listedText(
      projects.overdue.map((p) => `${p.id} ${p.title} [${word(p.rag)}] (${p.detail})`),
      noOverdue,
      m,
    ),
    '',
    textHeading(m('rollup.skillsGaps')),
    gapsSentence,
    ...(skills.fragile.length > 0 ? [fragileSentence] : []),
    '',
    textHeading(m('rollup.returns')),
    returns.missing.length === 0 ? allReturned : `${m('rollup.missing')} ${missingList}`,
    ...(returns.carriedForward.length > 0 ? [`${carriedLead} ${returns.carriedForward.join(', ')}.`] : []),
    '',
    textHeading(conflictsHeading),
    listedText(returns.conflicts, noConflicts, m),
    '',
    ...partCharts.map((c) => m('rollup.chart', { alt: alts[c.chart] })),
    '',
  ].join('\n');

  const preheader = figures
    .slice(0, 2)
    .map((f) => `${f.label} ${money(f.pence)}`)
    .join('; ');
  return { subject, preheader, body, text };
}
