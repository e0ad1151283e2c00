// The e-mails of the partnership's year (DESIGN §10) through real SMTP, on SQLite and PostgreSQL: a
// proposal goes once to each Member's contact with its due, share, method and the instructions' link;
// the 07:00 run on the return reminder day reminds only the council still awaiting, and so does the CDO's
// reminder, once a day however often it is asked for; the roll-up states
// the agreement in the Summary's words; closing a year sends each Member's contact its statement once.
// Every figure is worked out by hand below.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import type { Partnership } from '../../../shared/schemas.js';
import { createLogger } from '../../../server/logger.js';
import { outboxRows } from '../../../server/mail/outbox.js';
import { MailService } from '../../../server/mail/service.js';
import { queueAgreementReminders, yearMailOptions } from '../../../server/mail/year-emails.js';
import { reminderKey, remindAgreement } from '../../../server/services/agreement-reminder.js';
import { closeYear, proposeAgreement } from '../../../server/services/partnership-year.js';
import { Agreements } from '../../../server/store/agreements.js';
import { openStore, type Store } from '../../../server/store/index.js';
import { testActor } from '../../helpers/actors.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';
import { startTestSmtp, type TestSmtp } from './smtp-harness.js';
import { addMonths, asPeriod } from '../../../shared/dates.js';

// Equal shares of £400.00 in 2026-27 (£100.00 each, 25.00%) and of £1,000.01 in 2025-26 (25,000.25p
// each: the leftover penny to the lowest Council ID, Cherwell).
const partnership: Partnership = {
  ...demoPartnership,
  costShareMethod: 'Equal',
  budget: [
    { financialYear: '2025-26', budgetLine: 'CDO salary', amountPence: 100_001 },
    { financialYear: '2026-27', budgetLine: 'CDO salary', amountPence: 40_000 },
  ],
  funding: [],
  costShares: [],
  cdoTime: [],
};
const contact = (id: string) => partnership.councils.find((c) => c.id === id)!.contactEmail!;
const MEMBERS = ['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'];
const config = {
  mailFrom: 'Shared CDO <cdo@oxfordshire-districts.example>',
  timeZone: 'Europe/London',
  publicUrl: 'https://cdo.oxfordshire-districts.example',
};

let dir: string;
let databaseUrl: string;
let store: Store;
let smtp: TestSmtp;
let clock = new Date('2026-06-01T08:00:00Z');
const services: MailService[] = [];

function service(): MailService {
  const s = new MailService({
    store,
    config: { ...config, smtpUrl: smtp.url },
    logger: createLogger('silent'),
    now: () => clock,
    outboxDir: join(dir, 'outbox'),
    worker: { pollMs: 60_000 },
  });
  services.push(s);
  return s;
}

const parsed = (): Promise<ParsedMail[]> => Promise.all(smtp.deliveries.map((d) => simpleParser(d.raw)));
const textTo = async (to: string, subject: RegExp): Promise<string> => {
  const mail = (await parsed()).find((m) => m.subject?.match(subject) && JSON.stringify(m.to).includes(to));
  if (!mail) throw new Error(`no e-mail to ${to} matching ${subject}`);
  return mail.text ?? '';
};

/** Who received the e-mails whose subject matches. */
const recipientsOf = async (subject: RegExp): Promise<string[]> =>
  (await parsed())
    .filter((m) => subject.test(m.subject ?? ''))
    .flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value))
    .map((a) => a.address ?? '')
    .sort();

describeStores('the e-mails of the partnership year', (kind) => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'year-emails-'));
    databaseUrl = await freshDatabaseUrl(kind);
    store = await openStore(databaseUrl);
    await store.savePartnership(partnership, testActor('test'), '2026-04-01T00:00:00Z');
    smtp = await startTestSmtp();
    clock = new Date('2026-06-01T08:00:00Z');
  });

  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop();
    await store.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a proposal once to each Member, reminds the one still awaiting, and states it in the roll-up', async () => {
    const mail = service();
    const proposed = await proposeAgreement(store, { fy: '2026-27' }, testActor('cdo'), clock, config);
    // Two instances' daily runs beside the proposal itself queue nothing more.
    await Promise.all([mail.runDueJobs(), service().runDueJobs()]);
    expect(await outboxRows(mail.db, { kind: 'agreement' })).toHaveLength(4);
    expect(await mail.worker.runOnce()).toMatchObject({ failed: 0 });
    expect(await recipientsOf(/cost shares 2026-27 proposed/)).toEqual(MEMBERS.map(contact).sort());

    const vale = await textTo(contact('vale-of-white-horse'), /cost shares 2026-27 proposed/);
    expect(vale).toContain('Vale of White Horse District Council');
    expect(vale).toMatch(/Due for 2026-27 +£100\.00/);
    expect(vale).toMatch(/Share of the net cost +25\.00%/);
    expect(vale).toMatch(/Net cost of the year +£400\.00/);
    expect(vale).toMatch(/Cost-share method +Equal/);
    expect(vale).toMatch(/Months of membership +12/);
    expect(vale).toContain('https://cdo.oxfordshire-districts.example/addin/help.html#agreement');
    const html = (await parsed()).find((m) => JSON.stringify(m.to).includes(contact('cherwell')))!.html;
    expect(html).toContain('href="https://cdo.oxfordshire-districts.example/addin/help.html#agreement"');

    const agreements = new Agreements(store.db);
    for (const council of ['cherwell', 'south-oxfordshire', 'west-oxfordshire'])
      await agreements.decide(
        proposed.id,
        council,
        { decision: 'agree', comment: '' },
        testActor(council),
        '2026-06-03T10:00:00Z',
      );

    // The roll-up before Vale decides: the Summary's line, word for word.
    const awaiting = await mail.buildRollupIfNeeded(asPeriod('2026-06'), true);
    const rollup = await simpleParser(awaiting!.messages.find((m) => m.kind === 'rollup')!.message);
    expect(rollup.text).toContain(
      'Cost shares 2026-27: proposed, awaiting Vale of White Horse District Council',
    );
    expect(rollup.html).toContain(
      'Cost shares 2026-27: proposed, awaiting Vale of White Horse District Council',
    );

    // 7 July at 08:30 (BST): the June return's reminder day (deadline 10 July less 3 days).
    clock = new Date('2026-07-07T07:30:00Z');
    const outcomes = await mail.runDueJobs();
    expect(outcomes).toContainEqual({ kind: 'agreement-reminder', period: '2026-06', added: 1 });
    const reminders = await outboxRows(mail.db, { kind: 'agreement-reminder' });
    expect(reminders.map((r) => r.recipient)).toEqual([contact('vale-of-white-horse')]);
    await mail.worker.runOnce();
    const reminder = await textTo(contact('vale-of-white-horse'), /cost shares 2026-27 awaiting/);
    expect(reminder).toContain('still await a decision from Vale of White Horse District Council');
    expect(reminder).toContain('by 10/07/2026');
    // A second run the same day adds nothing.
    expect(await mail.runDueJobs()).toContainEqual({
      kind: 'agreement-reminder',
      period: '2026-06',
      added: 0,
    });

    await agreements.decide(
      proposed.id,
      'vale-of-white-horse',
      { decision: 'agree', comment: '' },
      testActor('vale'),
      '2026-07-07T09:00:00Z',
    );
    const agreed = await mail.buildRollupIfNeeded(asPeriod('2026-06'), true);
    const text = (await simpleParser(agreed!.messages.find((m) => m.kind === 'rollup')!.message)).text;
    expect(text).toContain('Cost shares 2026-27: agreed on 07/07/2026 by all four councils');
  });

  it('drops a reminder whose council decided before it went', async () => {
    const mail = service();
    const proposed = await proposeAgreement(store, { fy: '2026-27' }, testActor('cdo'), clock, config);
    await mail.worker.runOnce();
    clock = new Date('2026-07-07T07:30:00Z');
    await mail.runDueJobs();
    expect(await outboxRows(mail.db, { kind: 'agreement-reminder' })).toHaveLength(4);
    await new Agreements(store.db).decide(
      proposed.id,
      'cherwell',
      { decision: 'decline', comment: 'Our budget is set in February.' },
      testActor('cherwell'),
      '2026-07-07T07:40:00Z',
    );
    expect(await mail.worker.runOnce()).toMatchObject({ failed: 0, cancelled: 1 });
    expect(await recipientsOf(/awaiting your decision/)).toEqual(
      ['south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'].map(contact).sort(),
    );
  });

  /** Proposes 2026-27's shares; Cherwell and South Oxfordshire agree, so the two AWAITING are left. */
  const AWAITING = ['vale-of-white-horse', 'west-oxfordshire'];
  const proposeAwaitingTwo = async () => {
    const proposed = await proposeAgreement(store, { fy: '2026-27' }, testActor('cdo'), clock, config);
    for (const council of ['cherwell', 'south-oxfordshire'])
      await new Agreements(store.db).decide(
        proposed.id,
        council,
        { decision: 'agree', comment: '' },
        testActor(council),
        '2026-06-01T09:00:00Z',
      );
    return proposed;
  };

  it("sends the CDO's reminder to the councils still awaiting, once a day", async () => {
    const mail = service();
    const proposed = await proposeAwaitingTwo();
    // 16 June at 10:00 (BST): asked twice, as two clicks would.
    clock = new Date('2026-06-16T09:00:00Z');
    const first = await remindAgreement(store, proposed.id, testActor('cdo'), clock, config);
    const second = await remindAgreement(store, proposed.id, testActor('cdo'), clock, config);
    expect(first.queued).toEqual(['vale-of-white-horse', 'west-oxfordshire']);
    expect(second).toEqual({
      queued: [],
      remindedEarlierToday: ['vale-of-white-horse', 'west-oxfordshire'],
      withoutContact: [],
    });
    expect(await mail.worker.runOnce()).toMatchObject({ failed: 0 });
    expect(await recipientsOf(/awaiting your decision/)).toEqual(
      ['vale-of-white-horse', 'west-oxfordshire'].map(contact).sort(),
    );
    const west = await textTo(contact('west-oxfordshire'), /cost shares 2026-27 awaiting/);
    expect(west).toContain('still await a decision from West Oxfordshire District Council');
    // Past 10 June, the next return deadline: 10 July.
    expect(west).toContain('by 10/07/2026');
    expect(west).toMatch(/Due for 2026-27 +£100\.00/);
    expect(west).toContain('https://cdo.oxfordshire-districts.example/addin/help.html#agreement');
  });

  // One agreement reminder a contact a day, whether the 07:00 run's (keyed by the month) or the CDO's
  // (keyed by the day). Cherwell and South Oxfordshire agree, so Vale of White Horse and West
  // Oxfordshire, each with its own contact, are the two awaiting. The June return's deadline is 10 July
  // and reminders go 3 days before it: the 07:00 run reminds on 7 July, or on the next run up to the 10th
  // if that one was missed; the July return's reminder day is 7 August.
  const cdoReminds = (id: number, s: Store = store) =>
    remindAgreement(s, id, testActor('cdo'), clock, config);
  const reminded = () => recipientsOf(/awaiting your decision/);
  const june = (added: number) => ({ kind: 'agreement-reminder', period: '2026-06', added });

  it('gives a contact the 07:00 reminder and not the CDO’s the same day, which says it went earlier', async () => {
    const mail = service();
    const proposed = await proposeAwaitingTwo();
    clock = new Date('2026-07-07T06:00:00Z'); // 07:00 BST on the reminder day
    expect(await mail.runDueJobs()).toContainEqual(june(2));
    clock = new Date('2026-07-07T15:00:00Z'); // 16:00 BST, the same day
    expect(await cdoReminds(proposed.id)).toEqual({
      queued: [],
      remindedEarlierToday: AWAITING,
      withoutContact: [],
    });
    expect(await mail.worker.runOnce()).toMatchObject({ failed: 0 });
    expect(await reminded()).toEqual(AWAITING.map(contact).sort());

    // The next day the CDO's reminder goes: one a day, not one a month.
    clock = new Date('2026-07-08T09:00:00Z');
    expect((await cdoReminds(proposed.id)).queued).toEqual(AWAITING);
    await mail.worker.runOnce();
    expect(await reminded()).toEqual(AWAITING.flatMap((c) => [contact(c), contact(c)]).sort());
  });

  it('gives a contact the CDO’s reminder and not the 07:00 one the same day, and the next month’s', async () => {
    const mail = service();
    const proposed = await proposeAwaitingTwo();
    clock = new Date('2026-07-07T05:50:00Z'); // 06:50 BST on the reminder day
    expect((await cdoReminds(proposed.id)).queued).toEqual(AWAITING);
    clock = new Date('2026-07-07T06:00:00Z');
    // Two instances' 07:00 runs: neither adds a reminder.
    for (const outcomes of await Promise.all([mail.runDueJobs(), service().runDueJobs()]))
      expect(outcomes).toContainEqual(june(0));
    expect(await mail.worker.runOnce()).toMatchObject({ failed: 0 });
    expect(await reminded()).toEqual(AWAITING.map(contact).sort());

    // The month's reminder counts as done: a restart the next day and the run on the deadline add none.
    for (const at of ['2026-07-08T06:00:00Z', '2026-07-10T06:00:00Z']) {
      clock = new Date(at);
      expect(await service().runDueJobs()).toContainEqual(june(0));
    }
    await mail.worker.runOnce();
    expect(await reminded()).toEqual(AWAITING.map(contact).sort());

    // The July return's reminder day: the month's reminder goes again.
    clock = new Date('2026-08-07T06:00:00Z');
    expect(await mail.runDueJobs()).toContainEqual({
      kind: 'agreement-reminder',
      period: '2026-07',
      added: 2,
    });
    await mail.worker.runOnce();
    expect(await reminded()).toEqual(AWAITING.flatMap((c) => [contact(c), contact(c)]).sort());
  });

  it('sends the 07:00 reminder the day after the CDO’s', async () => {
    const mail = service();
    const proposed = await proposeAwaitingTwo();
    clock = new Date('2026-07-06T09:00:00Z'); // 10:00 BST, the day before the reminder day
    expect((await cdoReminds(proposed.id)).queued).toEqual(AWAITING);
    clock = new Date('2026-07-07T06:00:00Z');
    expect(await mail.runDueJobs()).toContainEqual(june(2));
    await mail.worker.runOnce();
    expect(await reminded()).toEqual(AWAITING.flatMap((c) => [contact(c), contact(c)]).sort());
  });

  it('sends one reminder a contact when the 07:00 run and the CDO queue at the same moment on two instances', async () => {
    const proposed = (await new Agreements(store.db).get((await proposeAwaitingTwo()).id))!;
    expect(proposed.awaiting).toEqual(AWAITING);
    const other = await openStore(databaseUrl);
    try {
      // Each month's reminder day from July to March, the two paths' queueing started together.
      for (let month = 7; month <= 15; month += 1) {
        clock = new Date(Date.UTC(2026, month - 1, 7, 6)); // 07:00 in London (06:00 or 07:00 UTC)
        const day = clock.toISOString().slice(0, 10);
        const returnMonth = addMonths(day.slice(0, 7), -1);
        const mail = { ...yearMailOptions(config), date: clock };
        const queued = await Promise.all([
          queueAgreementReminders(
            store.mail,
            partnership,
            proposed,
            {
              keyedBy: 'month',
              period: returnMonth,
              deadline: `${day.slice(0, 8)}10`,
              timeZone: config.timeZone,
            },
            mail,
          ),
          queueAgreementReminders(
            other.mail,
            partnership,
            proposed,
            {
              keyedBy: 'day',
              period: reminderKey(proposed, day),
              deadline: `${day.slice(0, 8)}10`,
              timeZone: config.timeZone,
            },
            mail,
          ),
        ]);
        // Between them, one e-mail to each of the two contacts that day.
        expect(queued[0] + queued[1]).toBe(2);
        const toSend = (await outboxRows(store.mail, { kind: 'agreement-reminder' })).filter(
          (r) => r.status === 'pending' && r.created_at === clock.toISOString(),
        );
        expect(toSend.map((r) => r.recipient).sort()).toEqual(AWAITING.map(contact).sort());
      }
    } finally {
      await other.close();
    }
  });

  it("e-mails each Member's contact its statement once when the year closes", async () => {
    const mail = service();
    await closeYear(store, '2025-26', testActor('cdo'), clock, config);
    await Promise.all([mail.runDueJobs(), service().runDueJobs()]);
    expect(await mail.worker.runOnce()).toMatchObject({ failed: 0 });
    expect(await recipientsOf(/final statement — 2025-26/)).toEqual(MEMBERS.map(contact).sort());
    const cherwell = await textTo(contact('cherwell'), /final statement — 2025-26/);
    expect(cherwell).toMatch(/Due for 2025-26 +£250\.01/);
    expect(cherwell).toMatch(/Contributed +£0\.00/);
    expect(cherwell).toMatch(/Balance +£250\.01 \(£250\.01 to invoice\)/);
    expect(cherwell).toContain('Cost shares 2025-26: not yet proposed');
    const vale = await textTo(contact('vale-of-white-horse'), /final statement — 2025-26/);
    expect(vale).toMatch(/Due for 2025-26 +£250\.00/);
    expect(await outboxRows(mail.db, { kind: 'year-statement' })).toHaveLength(4);
  });
});
