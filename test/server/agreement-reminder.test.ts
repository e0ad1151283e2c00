// The CDO's reminder to the councils awaiting a proposal (DESIGN §10, issue 24) through the API, on
// SQLite and PostgreSQL: the service queues the 07:00 run's reminder to each awaiting council's contact,
// once a day per contact however many clicks or instances ask; it refuses a proposal no longer open, or
// one nobody awaits; every request is audited.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agreement, ReminderOutcome } from '../../shared/agreements.js';
import type { AuditEntry } from '../../shared/api.js';
import type { PartnershipInput } from '../../shared/schemas.js';
import { createToken } from '../../server/auth/tokens.js';
import { outboxRows } from '../../server/mail/outbox.js';
import { reminderCouncils } from '../../server/mail/messages.js';
import { testActor } from '../helpers/actors.js';
import { describeStores } from '../helpers/databases.js';
import { json, startTestService, type TestService } from './helpers/service.js';

// South Oxfordshire and Vale of White Horse share one contact; West Oxfordshire has none.
const partnership: PartnershipInput = {
  name: 'Test Partnership',
  costShareMethod: 'Equal',
  councils: [
    { id: 'cherwell', name: 'Cherwell', membership: 'Member', contactEmail: 'finance@cherwell.example' },
    {
      id: 'south-oxfordshire',
      name: 'South Oxfordshire',
      membership: 'Member',
      contactEmail: 'Finance@South-and-Vale.example',
    },
    {
      id: 'vale-of-white-horse',
      name: 'Vale of White Horse',
      membership: 'Member',
      contactEmail: 'finance@south-and-vale.example',
    },
    { id: 'west-oxfordshire', name: 'West Oxfordshire', membership: 'Member' },
  ],
  budget: [{ financialYear: '2026-27', budgetLine: 'CDO salary', amountPence: 40_000 }],
};

describeStores('the CDO’s reminder of a proposal', (kind) => {
  // 15 June 2026, 11:30 BST.
  let clock = new Date('2026-06-15T10:30:00Z');
  let one: TestService;
  let two: TestService;
  const councilToken: Record<string, string> = {};

  beforeAll(async () => {
    one = await startTestService({ kind, now: () => clock });
    two = await startTestService({ databaseUrl: one.databaseUrl, now: () => clock });
    expect((await one.call('PUT', '/api/v1/partnership', { json: partnership })).status).toBe(200);
    for (const c of partnership.councils)
      councilToken[c.id] = (
        await createToken(
          one.service.store,
          { role: 'council', council: c.id, label: c.id, expiresInDays: 30 },
          testActor(),
          clock,
        )
      ).token;
  });
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });

  const propose = async (): Promise<Agreement> => {
    const r = await one.call('POST', '/api/v1/agreements', { token: 'cdo', json: { fy: '2026-27' } });
    expect(r.status).toBe(201);
    return json<Agreement>(r);
  };
  const decide = (id: number, council: string, decision: 'agree' | 'decline') =>
    one.call('POST', `/api/v1/agreements/${id}/decisions`, {
      token: councilToken[council]!,
      json: { decision, comment: decision === 'decline' ? 'Not this year.' : '' },
    });
  const remind = (service: TestService, id: number, token = 'cdo') =>
    service.call('POST', `/api/v1/agreements/${id}/reminders`, { token });
  const reminderRows = async (id: number) =>
    (await outboxRows(one.service.store.mail, { kind: 'agreement-reminder' })).filter((r) =>
      r.period.startsWith(`2026-27 agreement ${id} reminder `),
    );

  let proposal: Agreement;

  it('reminds each awaiting council’s contact once a day, whichever instance or click asks', async () => {
    proposal = await propose();
    expect((await decide(proposal.id, 'cherwell', 'agree')).status).toBe(200);

    // Two clicks at once, on two instances: between them, each contact is queued exactly once.
    const answers = await Promise.all([remind(one, proposal.id), remind(two, proposal.id, 'admin')]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    const outcomes = await Promise.all(answers.map((a) => json<ReminderOutcome>(a)));
    expect(outcomes.flatMap((o) => o.queued).sort()).toEqual(['south-oxfordshire', 'vale-of-white-horse']);
    expect(outcomes.flatMap((o) => o.remindedEarlierToday).sort()).toEqual([
      'south-oxfordshire',
      'vale-of-white-horse',
    ]);
    for (const o of outcomes) expect(o.withoutContact).toEqual(['west-oxfordshire']);

    // One e-mail to the shared contact, about both its councils, keyed by the day.
    const rows = await reminderRows(proposal.id);
    expect(rows.map((r) => [r.recipient, r.period, reminderCouncils(r.meta)])).toEqual([
      [
        'finance@south-and-vale.example',
        `2026-27 agreement ${proposal.id} reminder 2026-06-15`,
        ['south-oxfordshire', 'vale-of-white-horse'],
      ],
    ]);

    // A third click later the same day adds nothing, and says so.
    clock = new Date('2026-06-15T21:00:00Z'); // 22:00 BST, still the 15th
    const again = await remind(two, proposal.id);
    expect(await json(again)).toEqual({
      queued: [],
      remindedEarlierToday: ['south-oxfordshire', 'vale-of-white-horse'],
      withoutContact: ['west-oxfordshire'],
    });
    expect(await reminderRows(proposal.id)).toHaveLength(1);

    // The next day (00:30 BST on the 16th), after Vale decided: a new reminder for South Oxfordshire alone.
    expect((await decide(proposal.id, 'vale-of-white-horse', 'agree')).status).toBe(200);
    clock = new Date('2026-06-15T23:30:00Z');
    expect(await json(await remind(one, proposal.id))).toEqual({
      queued: ['south-oxfordshire'],
      remindedEarlierToday: [],
      withoutContact: ['west-oxfordshire'],
    });
    const next = (await reminderRows(proposal.id)).at(-1)!;
    expect([next.period, reminderCouncils(next.meta)]).toEqual([
      `2026-27 agreement ${proposal.id} reminder 2026-06-16`,
      ['south-oxfordshire'],
    ]);
    // It asks for a decision by the next return deadline on or after that day: 10 July.
    expect((await simpleParser(next.message)).text).toContain('by 10/07/2026');
  });

  it('refuses, in plain English, a proposal nobody awaits, one no longer open, and one that does not exist', async () => {
    const all = await propose(); // supersedes the first
    for (const c of ['cherwell', 'south-oxfordshire', 'vale-of-white-horse'])
      expect((await decide(all.id, c, 'agree')).status).toBe(200);
    expect((await decide(all.id, 'west-oxfordshire', 'decline')).status).toBe(200);
    const nobody = await remind(one, all.id);
    expect(nobody.status).toBe(409);
    expect(await json(nobody)).toMatchObject({
      error: {
        code: 'nobody-awaiting',
        message: `Every Member council has decided on agreement ${all.id}; nobody is awaiting, so there is nobody to remind.`,
      },
    });

    const superseded = await remind(one, proposal.id);
    expect(superseded.status).toBe(409);
    expect(await json(superseded)).toMatchObject({
      error: {
        code: 'agreement-not-open',
        message: `Agreement ${proposal.id} is superseded; a reminder can be sent only while it is proposed.`,
      },
    });

    expect((await decide(all.id, 'west-oxfordshire', 'agree')).status).toBe(200);
    const agreed = await remind(two, all.id);
    expect(agreed.status).toBe(409);
    expect((await json<{ error: { message: string } }>(agreed)).error.message).toBe(
      `Agreement ${all.id} is agreed; a reminder can be sent only while it is proposed.`,
    );

    const missing = await remind(one, 9999);
    expect(missing.status).toBe(404);
    expect((await json<{ error: { message: string } }>(missing)).error.message).toBe(
      'There is no agreement 9999.',
    );
    expect(await reminderRows(all.id)).toEqual([]);
  });

  it('audits every reminder asked for, sent or refused', async () => {
    const audit = await json<{ entries: AuditEntry[] }>(
      await one.call('GET', '/api/v1/audit?action=agreement.remind'),
    );
    const sent = audit.entries.filter((e) => e.status === 202);
    expect(sent.map((e) => e.target)).toEqual(
      expect.arrayContaining([
        `agreement ${proposal.id} 2026-27 reminded south-oxfordshire, vale-of-white-horse`,
        `agreement ${proposal.id} 2026-27 reminded nobody new today`,
        `agreement ${proposal.id} 2026-27 reminded south-oxfordshire`,
      ]),
    );
    expect(sent).toHaveLength(4);
    expect(sent.map((e) => e.actor.label)).toContain('test admin');
    expect(audit.entries.filter((e) => e.status === 409)).toHaveLength(3);
  });
});
