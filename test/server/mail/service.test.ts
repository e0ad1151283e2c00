// The mail service on the real store: a roll-up missed while the service was down goes at the next
// start (once), and reminders go only to late Members — never Observers, never after the council submits;
// on SQLite and on PostgreSQL.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { demoPartnership } from '../../../demo/partnership.js';
import type { Partnership } from '../../../shared/schemas.js';
import { createLogger } from '../../../server/logger.js';
import { outboxRows } from '../../../server/mail/outbox.js';
import { MailService } from '../../../server/mail/service.js';
import { openStore, type Store } from '../../../server/store/index.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';
import { deliveredTo, smtpError, startTestSmtp, type TestSmtp } from './smtp-harness.js';
import { testActor } from '../../helpers/actors.js';
import { asPeriod } from '../../../shared/dates.js';

const partnership: Partnership = {
  ...demoPartnership,
  councils: [
    ...demoPartnership.councils,
    {
      id: 'oxford-city',
      name: 'Oxford City Council',
      membership: 'Observer',
      population: 0,
      contactEmail: 'digital@oxford-city.example',
    },
  ],
};
const contact = (id: string) => partnership.councils.find((c) => c.id === id)!.contactEmail!;
const logger = createLogger('silent');

let dir: string;
let store: Store;
let smtp: TestSmtp;
const services: MailService[] = [];

async function submit(council: string, period: string): Promise<void> {
  const result = await store.appendSubmission({
    council,
    period,
    data: demoCouncilSubmission(council, period),
    submittedAt: new Date().toISOString(),
    actor: testActor('test'),
    source: 'cli',
    receipt: () => ({}),
  });
  expect(result.kind).toBe('created');
}

function service(
  now: () => Date,
  options: { smtpUrl?: string; personalDataRetentionMonths?: number } = {},
): MailService {
  const s = new MailService({
    store,
    config: {
      mailFrom: 'Shared CDO <cdo@oxfordshire-districts.example>',
      timeZone: 'Europe/London',
      ...options,
    },
    logger,
    now,
    outboxDir: join(dir, 'outbox'),
    worker: { pollMs: 20, backoff: { baseMs: 60_000 } },
  });
  services.push(s);
  return s;
}

describeStores('mail service', (kind) => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mail-service-'));
    store = await openStore(await freshDatabaseUrl(kind));
    await store.savePartnership(partnership, testActor('test'), '2026-04-01T00:00:00Z');
    smtp = await startTestSmtp();
  });

  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop();
    await store.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function waitFor(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 1500 && !condition(); i++) await sleep(20);
    if (!condition()) throw new Error(`timed out waiting for ${what}`);
  }

  it('sends a roll-up missed while the service was down at its next start, and only once', async () => {
    for (const c of ['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'])
      await submit(c, '2027-03');
    // Down at 07:00 on 11 April; started again at 09:30 on the 12th.
    const now = () => new Date('2027-04-12T08:30:00Z');
    const first = service(now, { smtpUrl: smtp.url });
    await first.start();
    const expected = [
      ...partnership.rollupRecipients,
      ...['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'].map(contact),
    ].sort();
    await waitFor(() => smtp.deliveries.length >= expected.length, 'the roll-up');
    expect(deliveredTo(smtp)).toEqual(expected);
    const subjects = await Promise.all(smtp.deliveries.map(async (d) => (await simpleParser(d.raw)).subject));
    expect(subjects).toContain('Shared CDO roll-up — March 2027 — Oxfordshire Districts Digital Partnership');
    await first.stop();

    // Another start (or a second instance) the same day finds every key in the outbox and sends nothing.
    const second = service(now, { smtpUrl: smtp.url });
    await second.start();
    expect(await second.runDueJobs()).toEqual([{ kind: 'rollup', period: '2027-03', added: 0 }]);
    await sleep(100);
    expect(smtp.deliveries).toHaveLength(expected.length);
  });

  it('pseudonymises people past PERSONAL_DATA_RETENTION_MONTHS in its daily check (DESIGN §11)', async () => {
    await submit('cherwell', '2018-04');
    await submit('cherwell', '2019-04');
    const names = async () =>
      (await store.db.selectFrom('submissions').select('data').orderBy('period').execute()).map((r) =>
        r.data.includes('Priya Shah'),
      );
    // 15 April 2026: FY 2018-19 ended 84 months and two weeks before; FY 2019-20 has not yet.
    const now = () => new Date('2026-04-15T06:00:00Z');
    await service(now).start();
    expect(await names()).toEqual([true, true]);
    await service(now, { personalDataRetentionMonths: 84 }).start();
    expect(await names()).toEqual([false, true]);
    expect(await store.auditEntries({ action: 'person.retention', limit: 5 })).toMatchObject([
      {
        actor: { via: 'service', label: 'Shared CDO retention' },
        target: 'versions of periods up to 2019-03',
      },
    ]);
  });

  it('does not rebuild a sent roll-up for a Member with no month of membership in the year', async () => {
    const joiner = {
      id: 'cherwell-north',
      name: 'Cherwell North Council',
      membership: 'Member' as const,
      population: 1000,
      contactEmail: 'digital@cherwell-north.example',
      joined: '2027-05-01',
    };
    await store.savePartnership(
      { ...partnership, councils: [...partnership.councils, joiner] },
      testActor(),
      '2026-04-02T00:00:00Z',
    );
    const s = service(() => new Date('2027-04-12T08:30:00Z'));
    expect(await s.enqueueRollup(asPeriod('2027-03'))).toBeGreaterThan(0);
    const rows = await outboxRows(s.db);
    expect(rows.map((r) => r.recipient)).not.toContain(joiner.contactEmail);
    // Every e-mail the roll-up has is in the outbox: the daily check builds nothing again.
    expect(await s.buildRollupIfNeeded(asPeriod('2027-03'))).toBeUndefined();
  });

  it('reminds late Members only: not Observers, not councils that submitted, and not after a late council submits', async () => {
    await submit('cherwell', '2027-03');
    await submit('vale-of-white-horse', '2027-03');
    let clock = new Date('2027-04-07T06:30:00Z'); // 07:30 London, three days before the deadline
    const mail = service(() => clock, { smtpUrl: smtp.url });
    // The SMTP server is unavailable at first, so the reminders wait in the outbox.
    smtp.verdict = () => smtpError(421, 'Try later');

    // (February's roll-up, due on 11 March, is caught up too: this outbox has never sent it.)
    expect(await mail.runDueJobs()).toEqual([
      { kind: 'rollup', period: '2027-02', added: 6 },
      { kind: 'reminder', period: '2027-03', added: 2 },
    ]);
    const reminders = async () =>
      (await outboxRows(mail.db, { kind: 'reminder' })).map((r) => [r.recipient, r.status, r.attempts]);
    await mail.worker.runOnce();
    expect(await reminders()).toEqual([
      [contact('south-oxfordshire'), 'pending', 1],
      [contact('west-oxfordshire'), 'pending', 1],
    ]);

    // West Oxfordshire submits before the retry; its reminder is dropped, South Oxfordshire's goes.
    await submit('west-oxfordshire', '2027-03');
    smtp.verdict = undefined;
    clock = new Date(clock.getTime() + 60_000);
    await mail.worker.runOnce();
    const received = await Promise.all(
      smtp.deliveries.map(async (d) => ({ to: d.to, mail: await simpleParser(d.raw) })),
    );
    const delivered = received.filter((r) => r.mail.subject?.startsWith('Shared CDO reminder'));
    expect(delivered.map((r) => r.to)).toEqual([[contact('south-oxfordshire')]]);
    expect(delivered[0]!.mail.subject).toBe(
      'Shared CDO reminder — March 2027 return due 10/04/2027 — Oxfordshire Districts Digital Partnership',
    );
    expect(delivered[0]!.mail.text).toContain('South Oxfordshire District Council');
    expect(received.some((r) => r.to.includes(contact('oxford-city')))).toBe(false);
    // Each e-mail handed over is in the audit trail; the cancelled one is not.
    const audited = await store.auditEntries({ action: 'email.sent', limit: 100 });
    expect(audited.filter((e) => e.target!.startsWith('reminder'))).toEqual([
      expect.objectContaining({
        actor: { via: 'service', id: 'mail', label: 'Shared CDO e-mail' },
        period: '2027-03',
        target: `reminder to ${contact('south-oxfordshire')}`,
        status: 200,
      }),
    ]);

    // The next day's run adds nobody: South Oxfordshire has had its reminder, the others have submitted.
    clock = new Date('2027-04-08T06:30:00Z');
    expect(await mail.runDueJobs()).toContainEqual({ kind: 'reminder', period: '2027-03', added: 0 });
    expect(await reminders()).toEqual([
      [contact('south-oxfordshire'), 'sent', 2],
      [contact('west-oxfordshire'), 'cancelled', 2],
    ]);
  });

  it('writes .eml files to the outbox folder when no SMTP server is configured', async () => {
    const mail = service(() => new Date('2027-04-07T06:30:00Z'));
    await mail.runDueJobs();
    expect(await mail.worker.runOnce()).toMatchObject({ sent: 10 });
    const files = readdirSync(join(dir, 'outbox'))
      .filter((f) => f.startsWith('reminder-'))
      .sort();
    expect(files).toEqual(
      ['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire']
        .map((c) => `reminder-2027-03-${contact(c)}.eml`)
        .sort(),
    );
    expect(readdirSync(join(dir, 'outbox')).some((f) => f.includes('oxford-city'))).toBe(false);
    // Addresses and figures: readable by the service's user only.
    expect(statSync(join(dir, 'outbox')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'outbox', files[0]!)).mode & 0o777).toBe(0o600);
  });

  it('runs its daily check at 07:00 London time, also across the clock change', () => {
    const mail = service(() => new Date());
    expect(mail.nextRun(new Date('2027-03-27T12:00:00Z'))?.toISOString()).toBe('2027-03-28T06:00:00.000Z');
    expect(mail.nextRun(new Date('2027-01-11T07:30:00Z'))?.toISOString()).toBe('2027-01-12T07:00:00.000Z');
  });
});
