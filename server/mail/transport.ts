// Where composed messages go: an SMTP server (SMTP_URL), or, with none configured, `.eml` files in a
// folder so the demo works offline. Both take the already-composed bytes.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { makePrivateFolder, writePrivateFile } from '../data-folder.js';

export interface Envelope {
  from: string;
  to: string;
}

export interface MailTransport {
  /** Delivers the message; resolves with the server's reply (or the file written). */
  send(envelope: Envelope, raw: Buffer, fileStem: string): Promise<string>;
  close(): void;
}

/** Timeouts short enough that a claimed message is never held longer than the outbox's claim time. */
const SMTP_TIMEOUTS: SMTPTransport.Options = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
};

export function smtpTransport(smtpUrl: string): MailTransport {
  // nodemailer is loaded with the first message sent (about 25 MB the service needs only then).
  let transporter: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
  const connect = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(smtpUrl, SMTP_TIMEOUTS),
    ));
  return {
    async send(envelope, raw) {
      const info = await (
        await connect()
      ).sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw });
      return info.response;
    },
    close: () => void transporter?.then((t) => t.close()),
  };
}

/** A file name anyone can open; never a path outside the folder. */
export const safeFileStem = (stem: string): string => stem.replace(/[^A-Za-z0-9._@-]+/g, '_').slice(0, 200);

export function fileTransport(dir: string): MailTransport {
  return {
    async send(_envelope, raw, fileStem) {
      makePrivateFolder(dir);
      const path = join(dir, `${safeFileStem(fileStem)}.eml`);
      // Written whole then renamed, so a reader never sees half a message and a retry overwrites it.
      writePrivateFile(`${path}.tmp`, raw);
      renameSync(`${path}.tmp`, path);
      return `written ${path}`;
    },
    close: () => undefined,
  };
}

export function createMailTransport(options: { smtpUrl?: string; outboxDir: string }): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl) : fileTransport(options.outboxDir);
}
