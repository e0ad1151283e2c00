// Builds the month's e-mails as outbox rows: the roll-up to the board (charts inline, workbook attached),
// a statement to each Member's contact, and reminders to contacts of Members whose return is late.
import { PassThrough } from 'node:stream';
import { monthsOfMembership } from '../../shared/consolidate/membership.js';
import { expectedToSubmit } from '../../shared/consolidate/select.js';
import { financialYearOf, submissionDeadline } from '../../shared/dates.js';
import { localesOf } from '../../shared/i18n/index.js';
import type { ConsolidatedView, Council, CouncilContribution, Partnership } from '../../shared/schemas.js';
import { renderRollupCharts, type RollupChart } from '../charts/rollup-charts.js';
import { writeConsolidatedWorkbook } from '../workbook/write-consolidated.js';
import { composeMessage, outboxMessageId } from './compose.js';
import { renderReminderEmail, renderStatementEmail } from './member-emails.js';
import { normaliseRecipient, type OutboxMessage } from './outbox.js';
import type { MailKind } from '../store/mail-tables.js';
import type { RenderedEmail } from './languages.js';
import { renderRollupEmail } from './rollup-email.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface RollupBuild {
  view: ConsolidatedView;
  charts: RollupChart[];
  workbook: Buffer;
  workbookName: string;
  messages: OutboxMessage[];
}

async function workbookBuffer(view: ConsolidatedView, language: Partnership['language']): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeConsolidatedWorkbook(view, out, language);
  out.end();
  return Buffer.concat(chunks);
}

/** Addresses lower-cased and without repeats, in their first order. */
const distinct = (addresses: readonly string[]): string[] => [...new Set(addresses.map(normaliseRecipient))];

export async function outboxMessage(
  kind: MailKind,
  period: string,
  to: string,
  from: string,
  email: RenderedEmail,
  extras: {
    inline?: RollupChart[];
    workbook?: { name: string; content: Buffer };
    meta?: unknown;
    date?: Date;
  } = {},
): Promise<OutboxMessage> {
  const recipient = normaliseRecipient(to);
  const message = await composeMessage({
    from,
    to: recipient,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: outboxMessageId({ kind, period, recipient }, from),
    inline: extras.inline?.map((c) => ({ cid: c.id, filename: `${c.id}.png`, content: c.png })),
    attachments: extras.workbook
      ? [{ filename: extras.workbook.name, content: extras.workbook.content, contentType: XLSX_TYPE }]
      : [],
    ...(extras.date ? { date: extras.date } : {}),
  });
  return { kind, period, recipient, from, subject: email.subject, message, meta: extras.meta };
}

/**
 * The Members that get a statement for `period`: those with a contact that belong to the partnership for
 * at least one month of its financial year (a council with nothing due this year gets none).
 */
export function statementCouncils(
  partnership: Partnership,
  period: string,
): (Council & { contactEmail: string })[] {
  const financialYear = financialYearOf(period);
  return partnership.councils.filter(
    (c): c is Council & { contactEmail: string } =>
      c.membership === 'Member' && Boolean(c.contactEmail) && monthsOfMembership(c, financialYear) > 0,
  );
}

/** The roll-up for `period` to every Roll-up recipient, and a statement to each paying Member's contact. */
export async function buildRollup(
  partnership: Partnership,
  view: ConsolidatedView,
  options: { from: string; date?: Date },
): Promise<RollupBuild> {
  const { period } = view;
  // A bilingual roll-up holds the charts in Welsh and in English, each part showing its own (DESIGN §12).
  const charts = await renderRollupCharts(view, localesOf(partnership.language));
  const workbook = await workbookBuffer(view, partnership.language);
  const workbookName = `shared-cdo-consolidated-${period}.xlsx`;
  const rollup = renderRollupEmail(view, charts, partnership.language);
  const messages: OutboxMessage[] = [];
  for (const to of distinct(partnership.rollupRecipients)) {
    messages.push(
      await outboxMessage('rollup', period, to, options.from, rollup, {
        inline: charts,
        workbook: { name: workbookName, content: workbook },
        ...(options.date ? { date: options.date } : {}),
      }),
    );
  }
  const byContact = new Map<string, CouncilContribution[]>();
  for (const council of statementCouncils(partnership, period)) {
    const row = view.contributions.councils.find((c) => c.council === council.id);
    if (!row) continue;
    const contact = normaliseRecipient(council.contactEmail);
    byContact.set(contact, [...(byContact.get(contact) ?? []), row]);
  }
  for (const [contact, rows] of byContact) {
    messages.push(
      await outboxMessage(
        'statement',
        period,
        contact,
        options.from,
        renderStatementEmail(view, rows, partnership.language),
        {
          meta: { councils: rows.map((r) => r.council) },
          ...(options.date ? { date: options.date } : {}),
        },
      ),
    );
  }
  return { view, charts, workbook, workbookName, messages };
}

/** Members expected to send a return for `period` that have not sent one (any version). */
export function lateMembers(partnership: Partnership, period: string, submitted: ReadonlySet<string>) {
  return partnership.councils.filter((c) => expectedToSubmit(c, period) && !submitted.has(c.id));
}

/** One reminder per contact of a late Member; the councils go in `meta` so a later submission cancels it. */
export async function buildReminders(
  partnership: Partnership,
  period: string,
  submitted: ReadonlySet<string>,
  options: { from: string; date?: Date },
): Promise<OutboxMessage[]> {
  const deadline = submissionDeadline(period, partnership.submissionDeadlineDay);
  const byContact = new Map<string, { id: string; name: string }[]>();
  for (const council of lateMembers(partnership, period, submitted)) {
    if (!council.contactEmail) continue;
    const contact = normaliseRecipient(council.contactEmail);
    byContact.set(contact, [...(byContact.get(contact) ?? []), council]);
  }
  return Promise.all(
    [...byContact].map(([contact, councils]) =>
      outboxMessage(
        'reminder',
        period,
        contact,
        options.from,
        renderReminderEmail(
          partnership.name,
          period,
          deadline,
          councils.map((c) => c.name),
          partnership.language,
        ),
        { meta: { councils: councils.map((c) => c.id) }, ...(options.date ? { date: options.date } : {}) },
      ),
    ),
  );
}

/** Reads the councils a reminder row was about (see `buildReminders`). */
export function reminderCouncils(meta: string | null): string[] {
  const parsed = meta ? (JSON.parse(meta) as { councils?: unknown }) : {};
  return Array.isArray(parsed.councils)
    ? parsed.councils.filter((c): c is string => typeof c === 'string')
    : [];
}
