// Turns a rendered e-mail into the exact bytes that go over SMTP. The outbox stores these bytes, so a
// retry or a restart sends the very same message (same Message-ID, same Date, same attachments).
import { createHash } from 'node:crypto';

export interface ComposeInput {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Deterministic per outbox key, so a duplicate delivery (SMTP is at-least-once) can be recognised. */
  messageId: string;
  /** Images referenced from the HTML as `cid:<cid>`. */
  inline?: readonly { cid: string; filename: string; content: Buffer }[];
  attachments?: readonly { filename: string; content: Buffer; contentType: string }[];
  date?: Date;
}

export async function composeMessage(input: ComposeInput): Promise<Buffer> {
  // Loaded with the first message, like the transport: the service composes mail only for the roll-up.
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    subject: input.subject,
    html: input.html,
    text: input.text,
    messageId: input.messageId,
    date: input.date ?? new Date(),
    attachments: [
      ...(input.inline ?? []).map((i) => ({
        filename: i.filename,
        content: i.content,
        contentType: 'image/png',
        cid: i.cid,
        contentDisposition: 'inline' as const,
      })),
      ...(input.attachments ?? []).map((a) => ({ ...a })),
    ],
  });
  return composer.compile().build();
}

/** The domain part of a From address (`Shared CDO <cdo@example.org>` → `example.org`). */
export function mailDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

/** A Message-ID derived from the outbox key: the same key always gives the same ID. */
export function outboxMessageId(
  key: { kind: string; period: string; recipient: string },
  from: string,
): string {
  const hash = createHash('sha256').update(`${key.kind}\n${key.period}\n${key.recipient}`).digest('hex');
  return `<shared-cdo.${key.kind}.${key.period}.${hash.slice(0, 20)}@${mailDomain(from)}>`;
}
