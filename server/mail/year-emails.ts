// The e-mails of the partnership's year (DESIGN §10), to each Member's contact: the proposal of the
// year's cost shares (its due, share and method, and where the pane's instructions are), the reminder
// to councils still awaiting on the return reminder days, and the final statement when the year closes.
// Each is an outbox row keyed so that it goes once, whichever instance or command queues it, and a
// contact gets at most one reminder a day, the 07:00 run's or the CDO's.
import {
  agreementLine,
  agreementState,
  type Agreement,
  type Statement,
  type YearRecord,
} from '../../shared/agreements.js';
import { proposalRows } from '../../shared/agreement-breakdown.js';
import { DAY_MS, dateLabel, ukDateOfInstant } from '../../shared/dates.js';
import { HELP_PAGE, listAnd, messagesIn, type Locale, type Messages } from '../../shared/i18n/index.js';
import { formatPounds } from '../../shared/money.js';
import type { Partnership } from '../../shared/schemas.js';
import { dataTable, heading, markup, paragraph } from './html.js';
import { inLanguages } from './languages.js';
import { outboxMessage } from './messages.js';
import {
  enqueueMail,
  insertMessage,
  normaliseRecipient,
  outboxRecipients,
  type OutboxMessage,
} from './outbox.js';
import type { RenderedEmail } from './languages.js';
import type { MailTables } from '../store/mail-tables.js';
import { advisoryLock, writeTransaction } from '../store/dialect.js';
import { todayIn } from '../services/clock.js';
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

/** The help page's agreement section in `locale`, at the service's address. */
export const instructionsUrl = (baseUrl: string, locale: Locale): string =>
  `${baseUrl}/addin/${HELP_PAGE[locale]}#agreement`;

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

interface MemberEmail {
  subject: string;
  intro: string;
  sections: readonly { title: string; rows: [string, string][] }[];
  closing: readonly string[];
  link?: string;
}

/** A year e-mail in the partnership's language (DESIGN §12), from its content in each locale. */
function memberEmail(
  language: Partnership['language'],
  content: (m: Messages, locale: Locale) => MemberEmail,
) {
  return inLanguages(language, (locale) => {
    const m = messagesIn(locale);
    const { subject, intro, sections, closing, link } = content(m, locale);
    const columns = [m('statement.column.figure'), m('year.column.value')] as const;
    const linkLead = m('year.proposal.link');
    const body = markup`${[
      heading(subject, 1),
      paragraph(intro),
      ...sections.flatMap((s) => [
        heading(s.title),
        dataTable(
          [{ header: columns[0] }, { header: columns[1], align: 'right' }],
          s.rows.map(([name, value]) => [name, value]),
        ),
      ]),
      ...closing.map((line) => paragraph(line)),
      link ? paragraph(markup`${linkLead} <a href="${link}">${link}</a>`) : '',
    ].map((part) => markup`${part}\n`)}`;
    const text = [
      subject,
      '',
      intro,
      '',
      ...sections.flatMap((s) => [textHeading(s.title), textTable([...columns], s.rows, [1]), '']),
      ...closing.flatMap((line) => [line, '']),
      ...(link ? [`${linkLead} ${link}`, ''] : []),
    ].join('\n');
    return { subject, preheader: intro, body, text };
  });
}

export function renderProposalEmail(
  partnership: Partnership,
  agreement: Agreement,
  councils: readonly string[],
  baseUrl: string,
): RenderedEmail {
  const nameOf = (id: string) => partnership.councils.find((c) => c.id === id)?.name ?? id;
  return memberEmail(partnership.language, (m, locale) => ({
    subject: m('year.proposal.subject', { year: agreement.fy, partnership: partnership.name }),
    intro: m('year.proposal.intro', { year: agreement.fy, date: ukDateOfInstant(agreement.proposedAt) }),
    sections: councils.map((c) => ({ title: nameOf(c), rows: proposalRows(agreement, c, locale) })),
    closing: [
      ...(agreement.note ? [m('year.proposal.note', { note: agreement.note })] : []),
      m('year.proposal.howToDecide'),
    ],
    link: instructionsUrl(baseUrl, locale),
  }));
}

export function renderAgreementReminderEmail(
  partnership: Partnership,
  agreement: Agreement,
  councils: readonly string[],
  deadline: string,
  baseUrl: string,
): RenderedEmail {
  const nameOf = (id: string) => partnership.councils.find((c) => c.id === id)?.name ?? id;
  return memberEmail(partnership.language, (m, locale) => ({
    subject: m('year.reminder.subject', { year: agreement.fy, partnership: partnership.name }),
    intro: m('year.reminder.intro', {
      year: agreement.fy,
      date: ukDateOfInstant(agreement.proposedAt),
      // "A and B", and "A and B and C" for the rare contact of three councils.
      councils: councils
        .map(nameOf)
        .reduce((list, name) => (list === '' ? name : listAnd(locale, [list, name])), ''),
      deadline: dateLabel(deadline),
    }),
    sections: councils.map((c) => ({ title: nameOf(c), rows: proposalRows(agreement, c, locale) })),
    closing: [m('year.proposal.howToDecide'), m('year.reminder.thanks')],
    link: instructionsUrl(baseUrl, locale),
  }));
}

function balanceWords(s: Statement, m: Messages): string {
  if (s.balancePence > 0) return m('year.statement.toInvoice', { amount: formatPounds(s.balancePence) });
  if (s.balancePence < 0) return m('year.statement.toCredit', { amount: formatPounds(-s.balancePence) });
  return m('year.statement.nothing');
}

export function renderYearStatementEmail(
  partnership: Partnership,
  year: YearRecord,
  statements: readonly Statement[],
): RenderedEmail {
  const nameOf = (id: string) => partnership.councils.find((c) => c.id === id)?.name ?? id;
  return memberEmail(partnership.language, (m, locale) => ({
    subject: m('year.statement.subject', { year: year.fy, partnership: partnership.name }),
    intro: m('year.statement.intro', {
      year: year.fy,
      date: ukDateOfInstant(year.closedAt!),
      agreement: agreementLine(
        year.fy,
        year.agreement && agreementState(year.agreement),
        nameOf,
        ukDateOfInstant,
        locale,
      ),
    }),
    sections: statements.map((s) => ({
      title: s.name,
      rows: [
        [m('statement.dueFor', { year: year.fy }), formatPounds(s.duePence)],
        [m('rollup.column.contributed'), formatPounds(s.contributedPence)],
        [`  ${m('headline.cashPaid.label')}`, formatPounds(s.cashPaidPence)],
        [`  ${m('headline.inKind.label')}`, formatPounds(s.inKindPence)],
        [m('rollup.column.balance'), `${formatPounds(s.balancePence)} (${balanceWords(s, m)})`],
        ...(s.broughtForwardPence !== 0
          ? ([[m('year.statement.broughtForward'), formatPounds(s.broughtForwardPence)]] as [
              string,
              string,
            ][])
          : []),
      ],
    })),
    closing: [m('year.statement.closing')],
  }));
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

/**
 * How a reminder's outbox row is keyed. `month`: the 07:00 run's, once per return month (its period, e.g.
 * `2026-06`), tried by every run from the reminder day to the deadline. `day`: the CDO's, once per
 * calendar day (`reminderKey`).
 */
export interface ReminderKey {
  keyedBy: 'month' | 'day';
  period: string;
  /** The date the e-mail asks the councils to decide by. */
  deadline: string;
  /** The partnership's time zone: its calendar day is the day of "one reminder a day". */
  timeZone: string;
}

/**
 * Queues a reminder of `agreement` to the contact of each council still awaiting it, under `key`, and
 * returns how many were added. A contact that already has a reminder of this agreement queued today (by
 * the 07:00 run or the CDO) gets none: the CDO's key is skipped, and the month's is recorded as
 * `cancelled` so that no later run of the month sends it.
 */
export async function queueAgreementReminders(
  db: Kysely<MailTables>,
  partnership: Partnership,
  agreement: Agreement,
  key: ReminderKey,
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
    key.period,
    await notYetQueued(db, 'agreement-reminder', key.period, groups),
    (councils) =>
      renderAgreementReminderEmail(partnership, agreement, councils, key.deadline, options.baseUrl),
    options,
    (councils) => ({ agreement: agreement.id, councils }),
  );
  const now = options.date ?? new Date();
  let added = 0;
  for (const message of messages) added += await enqueueReminder(db, message, agreement.id, key, now);
  return added;
}

/**
 * One reminder a contact a day across both keys. The outbox's unique key cannot do it alone (the month's
 * and the day's are two keys), and looking for the other key inside the insert would not either: under
 * PostgreSQL's read committed, two instances inserting the two keys at once do not see each other's row
 * and both would send; nor would keying the 07:00 run's by the day too, which leaves the month unrecorded
 * for the runs after the reminder day. So each reminder row is added in a write transaction holding the
 * contact's lock (SQLite's single writer; a PostgreSQL advisory lock), after looking for a reminder of the
 * same agreement queued to that contact the same day: whichever path comes second finds the first's row.
 * The month's row is written even then, as a record that is never sent, because the month's once-only
 * guarantee is its unique key: every run until the deadline, on any instance or after a restart, finds it.
 */
async function enqueueReminder(
  db: Kysely<MailTables>,
  message: OutboxMessage,
  agreement: number,
  key: ReminderKey,
  now: Date,
): Promise<number> {
  const recipient = normaliseRecipient(message.recipient);
  return writeTransaction(db, async (trx) => {
    await advisoryLock(trx, 'agreementReminder', recipient);
    if (!(await remindedToday(trx, recipient, agreement, key.timeZone, now)))
      return insertMessage(trx, message, now);
    if (key.keyedBy === 'month') await insertMessage(trx, message, now, 'cancelled');
    return 0;
  });
}

/** Whether `recipient` has a reminder of `agreement` queued on the partnership's calendar day of `now`. */
async function remindedToday(
  db: Kysely<MailTables>,
  recipient: string,
  agreement: number,
  timeZone: string,
  now: Date,
): Promise<boolean> {
  const today = todayIn(timeZone, now);
  // Two days back covers any time zone's day; the exact day is then compared in the partnership's zone.
  const since = new Date(now.getTime() - 2 * DAY_MS).toISOString();
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['meta', 'created_at'])
    .where('kind', '=', 'agreement-reminder')
    .where('recipient', '=', recipient)
    .where('created_at', '>=', since)
    .execute();
  return rows.some(
    (r) => agreementOfRow(r.meta) === agreement && todayIn(timeZone, new Date(r.created_at)) === today,
  );
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
