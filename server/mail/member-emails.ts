// The short e-mails to each Member council's contact: the monthly statement of what it owes and has
// paid, and the reminder before the deadline when its return has not arrived. Both are written in the
// partnership's language (DESIGN §12).
import { dateLabel } from '../../shared/dates.js';
import { glossaryFigures, councilStatusWords } from '../../shared/glossary.js';
import { listAnd, messagesIn, monthLabel, type Locale, type Messages } from '../../shared/i18n/index.js';
import { formatPounds } from '../../shared/money.js';
import type { ConsolidatedView, CouncilContribution } from '../../shared/schemas.js';
import type { Language } from '../../shared/vocabulary.js';
import { MUTED, dataTable, heading, markup, paragraph } from './html.js';
import { inLanguages, type RenderedEmail } from './languages.js';
import { textHeading, textTable } from './text.js';

function balanceText(c: CouncilContribution, m: Messages): string {
  if (c.balancePence > 0) return m('statement.toPay', { amount: formatPounds(c.balancePence) });
  if (c.balancePence < 0) return m('statement.paidBeyond', { amount: formatPounds(-c.balancePence) });
  return m('statement.fullyPaid');
}

/** One statement for a contact, covering every council it is the contact for. */
export function renderStatementEmail(
  view: ConsolidatedView,
  councils: readonly CouncilContribution[],
  language?: Language,
): RenderedEmail {
  return inLanguages(language, (locale) => statementPart(view, councils, locale));
}

function statementPart(view: ConsolidatedView, councils: readonly CouncilContribution[], locale: Locale) {
  const m = messagesIn(locale);
  const month = monthLabel(locale, view.period);
  const status = councilStatusWords(locale);
  const subject = m('statement.subject', { month, partnership: view.partnership });
  const rows = (c: CouncilContribution): [string, string][] => [
    [m('statement.dueFor', { year: view.financialYear }), formatPounds(c.duePence)],
    [m('statement.profiledTo', { month }), formatPounds(c.profiledDuePence)],
    [glossaryFigures(locale).contributedPence.label, formatPounds(c.contributedPence)],
    [`  ${m('headline.cashPaid.label')}`, formatPounds(c.cashPaidPence)],
    [`  ${m('headline.inKind.label')}`, formatPounds(c.inKindPence)],
    [m('rollup.column.balance'), formatPounds(c.balancePence)],
  ];
  const columns = [m('statement.column.figure'), m('statement.column.amount')] as const;
  const contributedNote = m('statement.contributedNote');
  const body = markup`${[
    paragraph(m('statement.kicker', { year: view.financialYear }), true),
    heading(`${month} — ${view.partnership}`, 1),
    ...councils.flatMap((c) => [
      heading(c.name),
      dataTable(
        [{ header: columns[0] }, { header: columns[1], align: 'right' }],
        // The parts of Contributed are indented in the text table; here they are set in and greyed.
        rows(c).map(([name, value]) => [
          name.startsWith(' ')
            ? markup`<span style="padding-left:16px;color:${MUTED};">${name.trim()}</span>`
            : name,
          value,
        ]),
      ),
      paragraph(markup`<strong>${status[c.status]}:</strong> ${balanceText(c, m)}.`),
    ]),
    paragraph(`${contributedNote} ${m('statement.boardNote')}`, true),
  ].map((part) => markup`${part}\n`)}`;
  const text = [
    subject,
    '',
    ...councils.flatMap((c) => [
      textHeading(c.name),
      textTable([...columns], rows(c), [1]),
      '',
      `${status[c.status]}: ${balanceText(c, m)}.`,
      '',
    ]),
    contributedNote,
    '',
  ].join('\n');
  const preheader = m('statement.preheader', { balances: councils.map((c) => balanceText(c, m)).join('; ') });
  return { subject, preheader, body, text };
}

/** The reminder to a contact whose council(s) have not sent this month's return. */
export function renderReminderEmail(
  partnershipName: string,
  period: string,
  deadline: string,
  councilNames: readonly string[],
  language?: Language,
): RenderedEmail {
  return inLanguages(language, (locale) => {
    const m = messagesIn(locale);
    const month = monthLabel(locale, period);
    const date = dateLabel(deadline);
    const subject = m('reminder.subject', { month, date, partnership: partnershipName });
    // "A and B", and "A and B and C" for the rare contact of three councils.
    const councils = councilNames
      .slice(1)
      .reduce((list, name) => listAnd(locale, [list, name]), councilNames[0] ?? '');
    const lines = [
      m('reminder.notReceived', { month, councils }),
      m('reminder.howToSubmit', { date }),
      m('reminder.thanks'),
    ];
    const body = markup`${[
      paragraph(m('reminder.kicker', { partnership: partnershipName }), true),
      heading(m('reminder.title', { month, date }), 1),
      ...lines.map((l) => paragraph(l)),
    ].map((part) => markup`${part}\n`)}`;
    return {
      subject,
      preheader: lines[0]!,
      body,
      text: [subject, '', ...lines, ''].join('\n\n').replace(/\n{3,}/g, '\n\n'),
    };
  });
}
