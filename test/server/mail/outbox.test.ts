// The outbox's promises: one e-mail per (kind, period, recipient) however often it is enqueued or the
// worker runs; SMTP refusals and dropped connections are retried with back-off until one delivery;
// a sender killed mid-send is recovered after its claim expires; two instances on one database send once.
// All of it on SQLite and on PostgreSQL.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { composeMessage, outboxMessageId } from '../../../server/mail/compose.js';
import { enqueueMail, outboxRows, OutboxWorker, type OutboxMessage } from '../../../server/mail/outbox.js';
import type { MailTables } from '../../../server/store/mail-tables.js';
import { smtpTransport, type MailTransport } from '../../../server/mail/transport.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';
import { openMailDb } from './mail-db.js';
import { deliveredTo, smtpError, startTestSmtp, type TestSmtp } from './smtp-harness.js';

const FROM = 'Shared CDO <cdo@example.org>';

async function messages(recipients: readonly string[]): Promise<OutboxMessage[]> {
  return Promise.all(
    recipients.map(async (recipient) => {
      const key = { kind: 'rollup' as const, period: '2027-03', recipient };
      return {
        ...key,
        from: FROM,
        subject: 'Shared CDO roll-up — March 2027 — Test',
        message: await composeMessage({
          from: FROM,
          to: recipient,
          subject: 'Shared CDO roll-up — March 2027 — Test',
          text: `Hello ${recipient}`,
          html: `<p>Hello ${recipient}</p>`,
          messageId: outboxMessageId(key, FROM),
        }),
      };
    }),
  );
}

describeStores('outbox', (kind) => {
  let url: string;
  let smtp: TestSmtp;
  let db: Kysely<MailTables>;
  const opened: Kysely<MailTables>[] = [];

  beforeEach(async () => {
    url = await freshDatabaseUrl(kind);
    smtp = await startTestSmtp();
    db = await openMailDb(url);
    opened.push(db);
  });

  afterEach(async () => {
    for (const d of opened.splice(0)) await d.destroy();
    await smtp.close();
  });

  it('sends each key once, however often it is enqueued or the worker runs', async () => {
    const recipients = ['board@example.org', 'cdo@example.org'];
    expect(await enqueueMail(db, await messages(recipients))).toBe(2);
    expect(await enqueueMail(db, await messages(['BOARD@example.org']))).toBe(0);
    const worker = new OutboxWorker(db, smtpTransport(smtp.url));
    expect(await worker.runOnce()).toMatchObject({ leader: true, sent: 2 });
    expect(await enqueueMail(db, await messages(recipients))).toBe(0);
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    expect(deliveredTo(smtp)).toEqual(recipients);
    const rows = await outboxRows(db);
    expect(rows.map((r) => [r.recipient, r.status, r.attempts])).toEqual([
      ['board@example.org', 'sent', 1],
      ['cdo@example.org', 'sent', 1],
    ]);
    // What arrives is byte for byte what was stored.
    expect(smtp.deliveries[0]!.raw.equals(Buffer.from(rows[0]!.message))).toBe(true);
    await worker.stop();
  });

  it('retries 4xx refusals and dropped connections with growing back-off, then delivers exactly once', async () => {
    let clock = Date.UTC(2027, 3, 11, 7, 0);
    let refusals = 2;
    smtp.verdict = () => (refusals-- > 0 ? smtpError(451, 'Try again later') : undefined);
    await enqueueMail(db, await messages(['board@example.org', 'cdo@example.org']), new Date(clock));
    const worker = new OutboxWorker(db, smtpTransport(smtp.url), {
      now: () => clock,
      backoff: { baseMs: 60_000, maxMs: 600_000, maxAttempts: 5 },
    });

    expect(await worker.runOnce()).toMatchObject({ sent: 0, retried: 2 });
    let rows = await outboxRows(db);
    expect(rows.map((r) => [r.status, r.attempts, r.next_attempt_at - clock])).toEqual([
      ['pending', 1, 60_000],
      ['pending', 1, 60_000],
    ]);
    expect(rows[0]!.last_error).toMatch(/451/);
    // Not due yet: nothing is tried before the back-off has passed.
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retried: 0 });

    smtp.dropNextConnections = 2;
    clock += 60_000;
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retried: 2 });
    rows = await outboxRows(db);
    expect(rows.map((r) => [r.status, r.attempts, r.next_attempt_at - clock])).toEqual([
      ['pending', 2, 120_000],
      ['pending', 2, 120_000],
    ]);

    clock += 120_000;
    expect(await worker.runOnce()).toMatchObject({ sent: 2 });
    expect(deliveredTo(smtp)).toEqual(['board@example.org', 'cdo@example.org']);
    rows = await outboxRows(db);
    expect(rows.map((r) => [r.status, r.attempts, r.last_error])).toEqual([
      ['sent', 3, null],
      ['sent', 3, null],
    ]);
    expect(smtp.connections).toBe(6);
    await worker.stop();
  });

  it('keeps a message the server refuses for good as failed, with the reason, and does not retry it', async () => {
    smtp.verdict = () => smtpError(550, 'Mailbox unavailable');
    await enqueueMail(db, await messages(['nobody@example.org']));
    const worker = new OutboxWorker(db, smtpTransport(smtp.url));
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(await worker.runOnce()).toMatchObject({ failed: 0, sent: 0 });
    const [row] = await outboxRows(db);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.last_error).toMatch(/550/);
    expect(row!.message.length).toBeGreaterThan(100);
    await worker.stop();
  });

  it('gives up after the configured number of attempts on a server that keeps refusing', async () => {
    let clock = Date.now();
    smtp.verdict = () => smtpError(421, 'Service not available');
    await enqueueMail(db, await messages(['board@example.org']), new Date(clock));
    const worker = new OutboxWorker(db, smtpTransport(smtp.url), {
      now: () => clock,
      backoff: { baseMs: 1000, maxMs: 1000, maxAttempts: 3 },
    });
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(await worker.runOnce());
      clock += 1000;
    }
    expect(outcomes.map((o) => [o.retried, o.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect((await outboxRows(db))[0]).toMatchObject({ status: 'failed', attempts: 3 });
    await worker.stop();
  });

  it('cancels a message that is no longer wanted when its turn comes', async () => {
    await enqueueMail(db, await messages(['late@example.org', 'still-late@example.org']));
    const worker = new OutboxWorker(db, smtpTransport(smtp.url), {
      stillWanted: async (row) => row.recipient !== 'late@example.org',
    });
    expect(await worker.runOnce()).toMatchObject({ sent: 1, cancelled: 1 });
    expect(deliveredTo(smtp)).toEqual(['still-late@example.org']);
    await worker.stop();
  });

  it('two service instances on one database: only the lease holder sends, each e-mail once', async () => {
    const other = await openMailDb(url);
    opened.push(other);
    const recipients = Array.from({ length: 6 }, (_, i) => `member${i}@example.org`);
    await enqueueMail(db, await messages(recipients));
    const sentBy = new Map<string, number>();
    const counting = (name: string): MailTransport => {
      const inner = smtpTransport(smtp.url);
      return {
        async send(envelope, raw, stem) {
          sentBy.set(name, (sentBy.get(name) ?? 0) + 1);
          return inner.send(envelope, raw, stem);
        },
        close: () => inner.close(),
      };
    };
    const a = new OutboxWorker(db, counting('a'), { pollMs: 10 });
    const b = new OutboxWorker(other, counting('b'), { pollMs: 10 });
    a.start();
    b.start();
    const results = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    for (let i = 0; i < 1500 && smtp.deliveries.length < recipients.length; i++) await sleep(20);
    await sleep(100);
    await Promise.all([a.stop(), b.stop()]);

    expect(deliveredTo(smtp)).toEqual(recipients);
    expect([...sentBy.values()]).toEqual([recipients.length]);
    const leaders = new Set(results.flatMap((r, i) => (r.leader ? [i % 2 === 0 ? 'a' : 'b'] : [])));
    expect(leaders.size).toBe(1);
    expect([...sentBy.keys()]).toEqual([...leaders]);
    expect((await outboxRows(db)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('a sender killed after claiming a message and before the server accepted it: the restarted one sends it once', async () => {
    // The crash window tested: the row is committed as `sending` (claimed) and the SMTP conversation has
    // begun (MAIL FROM), but the server has not accepted DATA. The claim expires and another process
    // sends the message. A crash after the server's 250 reply to DATA and before `sent` is committed
    // would send it twice — SMTP has no way to make that atomic, so that window is at-least-once, and
    // the repeated message carries the same Message-ID for clients to fold together.
    const recipients = ['board@example.org', 'cdo@example.org'];
    await enqueueMail(db, await messages(recipients));
    const child = () =>
      spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('outbox-child.ts', import.meta.url)), url, smtp.url],
        {
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );

    const first = child();
    let killed = false;
    smtp.onMailFrom = () => {
      if (killed) return;
      killed = true;
      first.kill('SIGKILL');
    };
    const [, signal] = (await once(first, 'exit')) as [number | null, string | null];
    expect(signal).toBe('SIGKILL');
    expect(smtp.deliveries).toHaveLength(0);
    const claimed = (await outboxRows(db)).filter((r) => r.status === 'sending');
    expect(claimed).toHaveLength(1);
    expect(claimed[0]!.claimed_by).toBe(`child-${first.pid}`);

    const second = child();
    const [code] = (await once(second, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(deliveredTo(smtp)).toEqual(recipients);
    const rows = await outboxRows(db);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.find((r) => r.id === claimed[0]!.id)!.attempts).toBe(2);
  }, 180_000);
});
