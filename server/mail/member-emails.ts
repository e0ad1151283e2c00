// The short e-mails to each Member council's contact: the monthly statement of what it owes and has
// paid, and the reminder before the deadline when its return has not arrived.
import { dateLabel, periodLabel } from '../../shared/dates.js';
import { COUNCIL_STATUS_WORDS } from '../../shared/glossary.js';
import { formatPounds } from '../../shared/money.js';
import type { ConsolidatedView, CouncilContribution } from '../../shared/schemas.js';
import { MUTED, dataTable, emailPage, heading, markup, paragraph } from './html.js';
import type { RenderedEmail } from './rollup-email.js';
import { textHeading, textTable } from './text.js';

const CONTRIBUTED_NOTE =
  'Contributed is cash paid plus in-kind time (days × day rate) to the end of the month, as your council submitted it.';

function balanceText(c: CouncilContribution): string {
  if (c.balancePence > 0) return `${formatPounds(c.balancePence)} still to pay this year`;
  if (c.balancePence < 0) return `${formatPounds(-c.balancePence)} paid beyond this year's due`;
  return 'fully paid for this year';
}

/** One statement for a contact, covering every council it is the contact for. */
export function renderStatementEmail(
  view: ConsolidatedView,
  councils: readonly CouncilContribution[],
): RenderedEmail {
  const month = periodLabel(view.period);
  const subject = `Shared CDO contribution statement — ${month} — ${view.partnership}`;
  const rows = (c: CouncilContribution): [string, string][] => [
    [`Due for ${view.financialYear}`, formatPounds(c.duePence)],
    [`Profiled due to the end of ${month}`, formatPounds(c.profiledDuePence)],
    ['Contributed to date', formatPounds(c.contributedPence)],
    ['  Cash paid', formatPounds(c.cashPaidPence)],
    ['  In-kind', formatPounds(c.inKindPence)],
    ['Balance', formatPounds(c.balancePence)],
  ];
  const body = markup`${[
    paragraph(`Shared CDO contribution statement · financial year ${view.financialYear}`, true),
    heading(`${month} — ${view.partnership}`, 1),
    ...councils.flatMap((c) => [
      heading(c.name),
      dataTable(
        [{ header: 'Figure' }, { header: 'Amount', align: 'right' }],
        // The parts of Contributed are indented in the text table; here they are set in and greyed.
        rows(c).map(([name, value]) => [
          name.startsWith(' ')
            ? markup`<span style="padding-left:16px;color:${MUTED};">${name.trim()}</span>`
            : name,
          value,
        ]),
      ),
      paragraph(markup`<strong>${COUNCIL_STATUS_WORDS[c.status]}:</strong> ${balanceText(c)}.`),
    ]),
    paragraph(`${CONTRIBUTED_NOTE} The full roll-up goes to the partnership board.`, true),
  ].map((part) => markup`${part}\n`)}`;
  const text = [
    subject,
    '',
    ...councils.flatMap((c) => [
      textHeading(c.name),
      textTable(['Figure', 'Amount'], rows(c), [1]),
      '',
      `${COUNCIL_STATUS_WORDS[c.status]}: ${balanceText(c)}.`,
      '',
    ]),
    CONTRIBUTED_NOTE,
    '',
  ].join('\n');
  return {
    subject,
    html: emailPage(subject, `Balance: ${councils.map(balanceText).join('; ')}`, body),
    text,
  };
}

/** The reminder to a contact whose council(s) have not sent this month's return. */
export function renderReminderEmail(
  partnershipName: string,
  period: string,
  deadline: string,
  councilNames: readonly string[],
): RenderedEmail {
  const month = periodLabel(period);
  const due = dateLabel(deadline);
  const subject = `Shared CDO reminder — ${month} return due ${due} — ${partnershipName}`;
  const names = councilNames.join(' and ');
  const lines = [
    `We have not yet received the ${month} return from ${names}.`,
    `It is due by ${due}. The return is the council workbook's Contributions, Skills and Projects sheets: check and submit them from the Shared CDO add-in in Excel (Home tab, Shared CDO), or e-mail the workbook to your Chief Digital Officer, who will submit it for you.`,
    'If you have submitted since this e-mail was sent, thank you — there is nothing more to do.',
  ];
  const body = markup`${[
    paragraph(`Shared CDO · ${partnershipName}`, true),
    heading(`${month} return due ${due}`, 1),
    ...lines.map((l) => paragraph(l)),
  ].map((part) => markup`${part}\n`)}`;
  return {
    subject,
    html: emailPage(subject, lines[0]!, body),
    text: [subject, '', ...lines, ''].join('\n\n').replace(/\n{3,}/g, '\n\n'),
  };
}
