// The e-mails of the partnership's year (DESIGN §10), to each Member's contact: the proposal of the
// year's cost shares (its due, share and method, and where the pane's instructions are), the reminder
// to councils still awaiting on the return reminder days, and the final statement when the year closes.
// Each is an outbox row keyed so that it goes once, whichever instance or command queues it.
import {
  agreementLine,
  agreementState,
  type Agreement,
  type Statement,
  type YearRecord,
} from '../../shared/agreements.js';
import { proposalRows } from '../../shared/agreement-breakdown.js';
import { dateLabel, ukDateOfInstant } from '../../shared/dates.js';
import { formatPounds } from '../../shared/money.js';
import type { Partnership } from '../../shared/schemas.js';
import { dataTable, emailPage, heading, markup, paragraph } from './html.js';
import { outboxMessage } from './messages.js';
import { enqueueMail, normaliseRecipient, outboxRecipients, type OutboxMessage } from './outbox.js';
import type { RenderedEmail } from './rollup-email.js';
import type { MailTables } from '../store/mail-tables.js';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { DEV_PORT } from '../routes/addin.js';
import { textHeading, textTable } from './text.js';

export interface YearMailOptions {
  from: string;
  /** The service's public address: the e-mails link to the pane's instructions there. */
  baseUrl: string;
  date?: Date;
}

/** Where the e-mails link: the public address, or this machine's when there is none. */
export const yearMailOptions = (
  config: Pick<Config, 'mailFrom'> & Partial<Pick<Config, 'publicUrl' | 'port'>>,
): YearMailOptions => ({
  from: config.mailFrom,
  baseUrl: config.publicUrl ?? `http://localhost:${config.port ?? DEV_PORT}`,
});

/** The outbox period of a proposal's e-mails: one set per proposal, never two. */
export const proposalKey = (agreement: Pick<Agreement, 'fy' | 'id'>): string =>
  `${agreement.fy} agreement ${agreement.id}`;

export const instructionsUrl = (baseUrl: string): string => `${baseUrl}/addin/help.html#agreement`;

/** Councils grouped by the contact they share (a contact for two councils gets one e-mail). */
export function byContact<T extends { council: string }>(
  partnership: Partnership,
  rows: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const council = partnership.councils.find((c) => c.id === row.council);
    if (!council?.contactEmail) continue;
    const contact = normaliseRecipient(council.contactEmail);
    groups.set(contact, [...(groups.get(contact) ?? []), row]);
  }
  return groups;
}

function memberEmail(
  subject: string,
  intro: string,
  sections: readonly { title: string; rows: [string, string][] }[],
  closing: readonly string[],
  link?: string,
): RenderedEmail {
  const body = markup`${[
    heading(subject, 1),
    paragraph(intro),
    ...sections.flatMap((s) => [
      heading(s.title),
      dataTable(
        [{ header: 'Figure' }, { header: 'Value', align: 'right' }],
        s.rows.map(([name, value]) => [name, value]),
      ),
    ]),
    ...closing.map((line) => paragraph(line)),
    link ? paragraph(markup`How to agree or decline: <a href="${link}">${link}</a>`) : '',
  ].map((part) => markup`${part}\n`)}`;
  const text = [
    subject,
    '',
    intro,
    '',
    ...sections.flatMap((s) => [textHeading(s.title), textTable(['Figure', 'Value'], s.rows, [1]), '']),
    ...closing.flatMap((line) => [line, '']),
    ...(link ? [`How to agree or decline: ${link}`, ''] : []),
  ].join('\n');
  return { subject, html: emailPage(subject, intro, body), text };
}

const HOW_TO_DECIDE =
  'A user of your council agrees or declines for it (a comment is required to decline); the decision may change while the proposal is open.';

export function renderProposalEmail(
  partnership: Partnership,
  agreement: Agreement,
  councils: readonly string[],
  baseUrl: string,
): RenderedEmail {
  const nameOf = (id: string) => partnership.councils.find((c) => c.id === id)?.name ?? id;
  return memberEmail(
    `Shared CDO — cost shares ${agreement.fy} proposed — ${partnership.name}`,
    `The Chief Digital Officer proposed the ${agreement.fy} cost shares on ${ukDateOfInstant(agreement.proposedAt)}. Once every Member council agrees, these dues are the ones the year's statements use.`,
    councils.map((c) => ({ title: nameOf(c), rows: proposalRows(agreement, c) })),
    [...(agreement.note ? [`Note from the Chief Digital Officer: ${agreement.note}`] : []), HOW_TO_DECIDE],
    instructionsUrl(baseUrl),
  );
}

export function renderAgreementReminderEmail(
  partnership: Partnership,
  agreement: Agreement,
  councils: readonly string[],
  deadline: string,
  baseUrl: string,
): RenderedEmail {
  const nameOf = (id: string) => partnership.councils.find((c) => c.id === id)?.name ?? id;
  return memberEmail(
    `Shared CDO reminder — cost shares ${agreement.fy} awaiting your decision — ${partnership.name}`,
    `The ${agreement.fy} cost shares proposed on ${ukDateOfInstant(agreement.proposedAt)} still await a decision from ${councils.map(nameOf).join(' and ')}. Please agree or decline by ${dateLabel(deadline)}, the day this month's return is due.`,
    councils.map((c) => ({ title: nameOf(c), rows: proposalRows(agreement, c) })),
    [
      HOW_TO_DECIDE,
      'If your council has decided since this e-mail was sent, thank you — there is nothing more to do.',
    ],
    instructionsUrl(baseUrl),
  );
}

function balanceWords(s: Statement): string {
  if (s.balancePence > 0) return `${formatPounds(s.balancePence)} to invoice`;
  if (s.balancePence < 0) return `${formatPounds(-s.balancePence)} to credit`;
  return 'nothing to invoice or credit';
}

export function renderYearStatementEmail(
  partnership: Partnership,
  year: YearRecord,
  statements: readonly Statement[],
): RenderedEmail {
  const nameOf = (id: string) => partnership.councils.find((c) => c.id === id)?.name ?? id;
  const line = agreementLine(
    year.fy,
    year.agreement && agreementState(year.agreement),
    nameOf,
    ukDateOfInstant,
  );
  return memberEmail(
    `Shared CDO final statement — ${year.fy} — ${partnership.name}`,
    `The Chief Digital Officer closed ${year.fy} on ${ukDateOfInstant(year.closedAt!)}. These are your council's final figures for the year, from the view for March. ${line}.`,
    statements.map((s) => ({
      title: s.name,
      rows: [
        [`Due for ${year.fy}`, formatPounds(s.duePence)],
        ['Contributed', formatPounds(s.contributedPence)],
        ['  Cash paid', formatPounds(s.cashPaidPence)],
        ['  In-kind', formatPounds(s.inKindPence)],
        ['Balance', `${formatPounds(s.balancePence)} (${balanceWords(s)})`],
        ...(s.broughtForwardPence !== 0
          ? ([
              ['Brought forward from last year (apart from the due)', formatPounds(s.broughtForwardPence)],
            ] as [string, string][])
          : []),
      ],
    })),
    [
      'A positive balance is to invoice and a negative one to credit. The Chief Digital Officer holds the print-ready statements (one page per council) and arranges the invoice or credit note.',
    ],
  );
}

/**
 * The groups whose contact has no row of this kind and period in the outbox yet. The others would be
 * skipped by enqueueMail anyway; not composing them again keeps the daily check (and a service whose first
 * start queued them already) from loading the mail composer for nothing.
 */
async function notYetQueued<T>(
  db: Kysely<MailTables>,
  kind: 'agreement' | 'agreement-reminder' | 'year-statement',
  period: string,
  groups: Map<string, T>,
): Promise<Map<string, T>> {
  const queued = await outboxRecipients(db, kind, period);
  return new Map([...groups].filter(([contact]) => !queued.has(normaliseRecipient(contact))));
}

async function messagesFor(
  kind: 'agreement' | 'agreement-reminder' | 'year-statement',
  period: string,
  groups: Map<string, string[]>,
  render: (councils: string[]) => RenderedEmail,
  options: YearMailOptions,
  meta: (councils: string[]) => unknown,
): Promise<OutboxMessage[]> {
  return Promise.all(
    [...groups].map(([contact, councils]) =>
      outboxMessage(kind, period, contact, options.from, render(councils), {
        meta: meta(councils),
        ...(options.date ? { date: options.date } : {}),
      }),
    ),
  );
}

/** Queues the proposal to each Member's contact of the snapshot; returns how many were added. */
export async function queueProposalEmails(
  db: Kysely<MailTables>,
  partnership: Partnership,
  agreement: Agreement,
  options: YearMailOptions,
): Promise<number> {
  if (agreement.status !== 'proposed') return 0;
  const groups = new Map(
    [...byContact(partnership, agreement.dues)].map(([k, v]) => [k, v.map((d) => d.council)] as const),
  );
  const messages = await messagesFor(
    'agreement',
    proposalKey(agreement),
    await notYetQueued(db, 'agreement', proposalKey(agreement), groups),
    (councils) => renderProposalEmail(partnership, agreement, councils, options.baseUrl),
    options,
    (councils) => ({ agreement: agreement.id, councils }),
  );
  return enqueueMail(db, messages, options.date);
}

/** Queues reminders for `period`'s reminder day to contacts of councils still awaiting `agreement`. */
export async function queueAgreementReminders(
  db: Kysely<MailTables>,
  partnership: Partnership,
  agreement: Agreement,
  period: string,
  deadline: string,
  options: YearMailOptions,
): Promise<number> {
  if (agreement.status !== 'proposed' || agreement.awaiting.length === 0) return 0;
  const groups = new Map(
    [
      ...byContact(
        partnership,
        agreement.awaiting.map((council) => ({ council })),
      ),
    ].map(([k, v]) => [k, v.map((d) => d.council)] as const),
  );
  const messages = await messagesFor(
    'agreement-reminder',
    period,
    await notYetQueued(db, 'agreement-reminder', period, groups),
    (councils) => renderAgreementReminderEmail(partnership, agreement, councils, deadline, options.baseUrl),
    options,
    (councils) => ({ agreement: agreement.id, councils }),
  );
  return enqueueMail(db, messages, options.date);
}

/** Queues each Member's final statement of a closed year to its contact, once per year. */
export async function queueYearStatementEmails(
  db: Kysely<MailTables>,
  partnership: Partnership,
  year: YearRecord,
  options: YearMailOptions,
): Promise<number> {
  if (year.status !== 'closed') return 0;
  const members = year.statements.filter((s) => s.membership === 'Member');
  const groups = await notYetQueued(db, 'year-statement', year.fy, byContact(partnership, members));
  const messages = await Promise.all(
    [...groups].map(([contact, statements]) =>
      outboxMessage(
        'year-statement',
        year.fy,
        contact,
        options.from,
        renderYearStatementEmail(partnership, year, statements),
        {
          meta: { councils: statements.map((s) => s.council) },
          ...(options.date ? { date: options.date } : {}),
        },
      ),
    ),
  );
  return enqueueMail(db, messages, options.date);
}

/** The agreement a reminder or proposal row was about (its `meta`). */
export function agreementOfRow(meta: string | null): number | undefined {
  const parsed = meta ? (JSON.parse(meta) as { agreement?: unknown }) : {};
  return typeof parsed.agreement === 'number' ? parsed.agreement : undefined;
}
