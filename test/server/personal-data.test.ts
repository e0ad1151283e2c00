// Personal data (DESIGN §11), on SQLite and PostgreSQL, over the demo partnership plus a seed of
// what a live service gathers (a second version, a review, a token, a user, refusals, e-mails): a
// subject access export finds every row; an erasure leaves no trace of the name or address anywhere
// and every consolidated figure and workbook cell as it was; retention pseudonymises exactly the
// versions past the limit, once; the audit log stays append-only but for that one exception.
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import type { Actor } from '../../shared/api.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { createLogger } from '../../server/logger.js';
import { enqueueMail } from '../../server/mail/outbox.js';
import { consolidatedView } from '../../server/services/consolidated-view.js';
import { loadDemo } from '../../server/services/demo.js';
import { applyRetention, lastExpiredPeriod } from '../../server/services/personal-data-retention.js';
import { changePerson, personReport } from '../../server/services/personal-data.js';
import { copyStore, tablesInCreationOrder } from '../../server/store/copy.js';
import { writeTransaction } from '../../server/store/dialect.js';
import { openStore, type Store } from '../../server/store/index.js';
import { readWorkbookGrids } from '../../server/workbook/read.js';
import { writeConsolidatedWorkbook } from '../../server/workbook/write-consolidated.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';
import { asPeriod } from '../../shared/dates.js';

const NOW = new Date('2026-12-10T12:00:00Z');
const AT = '2026-12-10T12:30:00.000Z';
const ADMIN: Actor = { via: 'token', id: '1', label: 'Partnership administrator' };
const MARCUS = { name: 'Marcus Reid', email: 'marcus@reid-research.example' };
const PRIYA = { name: 'Priya Shah', email: 'priya.shah@cherwell.example' };
const PERIODS = [asPeriod('2026-10'), asPeriod('2026-11')];

/** What a live service holds beyond the demo's returns, naming Marcus (in mixed case) and Priya. */
async function seed(store: Store): Promise<void> {
  const marcusSignIn: Actor = {
    via: 'entra',
    id: `${randomUUID()}/${randomUUID()}`,
    label: 'Marcus Reid <Marcus@Reid-Research.example>',
  };
  const data = demoCouncilSubmission('cherwell', '2026-11', { latest: true });
  data.projects[0]!.update = 'User research by Marcus Reid (marcus@reid-research.example) is done.';
  const appended = await store.appendSubmission({
    council: 'cherwell',
    period: '2026-11',
    data,
    submittedAt: '2026-12-02T10:00:00.000Z',
    actor: marcusSignIn,
    source: 'addin',
    receipt: ({ version }) => ({ version }),
  });
  if (appended.kind !== 'created') throw new Error('the seed version was not stored');
  await store.addReview(
    appended.id,
    { status: 'returned', comment: 'Please ask Priya Shah to confirm her days' },
    ADMIN,
    AT,
  );
  await store.insertToken(
    {
      hash: 'f'.repeat(64),
      role: 'viewer',
      label: 'Marcus Reid research script',
      expiresAt: '2027-03-01T00:00:00.000Z',
    },
    ADMIN,
    AT,
  );
  await store.addUser({ tenantId: randomUUID(), email: MARCUS.email, role: 'viewer' }, ADMIN, AT);
  await store.recordAudit({
    at: AT,
    actor: { via: 'anonymous', id: '203.0.113.9', label: 'no valid sign-in' },
    action: 'person.erase',
    target: `DELETE /api/v1/people/${MARCUS.email}`,
    status: 401,
  });
  await enqueueMail(
    store.mail,
    [
      {
        kind: 'rollup',
        period: '2026-10',
        recipient: 'board@partnership.example',
        from: 'cdo@partnership.example',
        subject: 'October',
        message: Buffer.from(`Skills: ${MARCUS.name}, ${PRIYA.name}`),
      },
      {
        kind: 'rollup',
        period: '2026-11',
        recipient: 'board@partnership.example',
        from: 'cdo@partnership.example',
        subject: 'November',
        message: Buffer.from(`Skills: ${MARCUS.name}`),
      },
      {
        kind: 'reminder',
        period: '2026-12',
        recipient: MARCUS.email,
        from: 'cdo@partnership.example',
        subject: 'Reminder',
        message: Buffer.from(`To: ${MARCUS.email}`),
      },
    ],
    NOW,
  );
  await store.mail
    .updateTable('mail_outbox')
    .set({ status: 'sent' })
    .where('period', '=', '2026-10')
    .execute();
}

/** Every value of every row of every table, as text: where a trace would be found if it were left. */
async function everything(store: Store): Promise<string> {
  let text = '';
  for (const table of await tablesInCreationOrder(store.db)) {
    // Rows in a fixed order: a table read without one comes in the order its rows lie on disk, and on
    // PostgreSQL an updated row (an erasure) may move, or not, depending on how much room its page has.
    const rows: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, whatever its columns
    for (const row of await (store.db as any).selectFrom(table).selectAll().execute())
      rows.push(
        Object.values(row as Record<string, unknown>)
          .map((value) => `${Buffer.isBuffer(value) ? value.toString('latin1') : String(value)}\n`)
          .join(''),
      );
    text += `${table}\n${rows.sort().join('')}`;
  }
  return text;
}

/** A JSON value with every array in a fixed order: people are listed by name, and names change. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** The text with each person's name and address replaced by what they became. */
const renamed = (
  text: string,
  people: [{ name: string; email: string }, { name: string; email: string }][],
) =>
  people.reduce((t, [from, to]) => t.replaceAll(from.email, to.email).replaceAll(from.name, to.name), text);

async function workbookRows(view: ConsolidatedView): Promise<Record<string, string[]>> {
  const chunks: Buffer[] = [];
  const out = new PassThrough().on('data', (c: Buffer) => chunks.push(c));
  await writeConsolidatedWorkbook(view, out);
  const grids = await readWorkbookGrids(Buffer.concat(chunks));
  return Object.fromEntries(
    Object.entries(grids).map(([sheet, grid]) => [sheet, grid.values.map((r) => JSON.stringify(r)).sort()]),
  );
}

describeStores('personal data', (kind) => {
  let store: Store;

  beforeEach(async () => {
    store = await openStore(await freshDatabaseUrl(kind));
    await loadDemo(store, createLogger('silent'), NOW, 'Europe/London');
    await seed(store);
  });
  afterEach(async () => {
    await store.close();
  });

  it('exports every row of every version that names the address, and the audit entries, users and tokens', async () => {
    const report = await personReport(store, 'MARCUS@Reid-Research.example');
    expect(report.email).toBe(MARCUS.email);
    expect(report.names).toEqual([MARCUS.name]);
    // By hand: Marcus has one Skills row in Cherwell's and in the Vale's return for each demo month
    // (last year's March, which the demo closes, and the two latest months), and the seed's second
    // Cherwell version for November names him on a Skills row and a project.
    expect(report.rows.map((r) => `${r.sheet} ${r.council} ${r.period} v${r.version}`).sort()).toEqual([
      'projects cherwell 2026-11 v2',
      'skills cherwell 2026-03 v1',
      'skills cherwell 2026-10 v1',
      'skills cherwell 2026-11 v1',
      'skills cherwell 2026-11 v2',
      'skills vale-of-white-horse 2026-03 v1',
      'skills vale-of-white-horse 2026-10 v1',
      'skills vale-of-white-horse 2026-11 v1',
    ]);
    const skills = report.rows.find((r) => r.sheet === 'skills' && r.council === 'vale-of-white-horse')!;
    expect(skills.row).toMatchObject({
      person: MARCUS.name,
      email: MARCUS.email,
      skill: 'User research',
      daysPerMonth: 8,
    });
    expect(report.audit.map((e) => e.action)).toEqual([
      'submission.create',
      'token.create',
      'user.add',
      'person.erase',
    ]);
    expect(report.audit[0]!.actor.label).toBe('Marcus Reid <Marcus@Reid-Research.example>');
    expect(report.users.map((u) => u.email)).toEqual([MARCUS.email]);
    expect(report.tokens.map((t) => t.label)).toEqual(['Marcus Reid research script']);

    const priya = await personReport(store, PRIYA.email);
    // In-kind rows: one a month of the financial year up to each period (12 for last year's March, 7
    // for October, 8 for November, and 8 again in the second November version), plus her two Skills
    // rows per version.
    expect(priya.rows.filter((r) => r.sheet === 'contributions')).toHaveLength(12 + 7 + 8 + 8);
    expect(priya.rows.filter((r) => r.sheet === 'skills')).toHaveLength(2 * 4);
    expect(priya.rows.every((r) => r.council === 'cherwell' || r.sheet === 'projects')).toBe(true);
  });

  it('erases a person without a trace and without changing any figure of any month', async () => {
    const before = new Map<string, ConsolidatedView>();
    for (const period of PERIODS) before.set(period, await consolidatedView(store, period));

    const marcus = await changePerson(store, MARCUS.email, { kind: 'erase' }, ADMIN, AT);
    const priya = await changePerson(store, PRIYA.email, { kind: 'erase' }, ADMIN, AT);
    expect(marcus).toMatchObject({
      name: expect.stringMatching(/^Person [0-9a-f]{8}$/),
      email: expect.stringMatching(/^[0-9a-f]{8}@erased\.invalid$/),
    });
    expect(marcus!.email.slice(0, 8)).toBe(marcus!.name.slice(7));
    // Seven versions name Marcus (three months × two councils, and the seed's second version); his user
    // goes; the token label is his; e-mails: the two roll-ups from October on and his reminder.
    expect(marcus).toMatchObject({ versions: 7, users: 1, tokens: 1, emails: 3 });
    // Erasing again finds nothing left to change.
    expect(await changePerson(store, MARCUS.email, { kind: 'erase' }, ADMIN, AT)).toBeUndefined();

    const held = (await everything(store)).toLowerCase();
    for (const trace of [MARCUS.name, MARCUS.email, PRIYA.name, PRIYA.email, 'priya shah', 'marcus reid'])
      expect(held, trace).not.toContain(trace.toLowerCase());
    expect(held).toContain(marcus!.email);
    expect(
      await store.mail
        .selectFrom('mail_outbox')
        .select('recipient')
        .where('status', '=', 'pending')
        .execute(),
    ).toEqual([]);

    const people: [typeof MARCUS, typeof MARCUS][] = [
      [MARCUS, marcus!],
      [PRIYA, priya!],
    ];
    for (const period of PERIODS) {
      const after = await consolidatedView(store, period);
      expect(JSON.stringify(after)).not.toContain('Marcus');
      expect(canonical(after)).toEqual(
        canonical(JSON.parse(renamed(JSON.stringify(before.get(period)), people))),
      );
      const [sheetsBefore, sheetsAfter] = [
        await workbookRows(before.get(period)!),
        await workbookRows(after),
      ];
      expect(Object.keys(sheetsAfter)).toEqual(Object.keys(sheetsBefore));
      for (const sheet of Object.keys(sheetsBefore))
        expect(sheetsAfter[sheet], sheet).toEqual(sheetsBefore[sheet]!.map((r) => renamed(r, people)).sort());
    }

    const erasures = await store.auditEntries({ action: 'person.erase', limit: 10 });
    expect(erasures.filter((e) => e.status === 200).map((e) => e.target)).toEqual([
      `${marcus!.name} <${marcus!.email}>`,
      `${priya!.name} <${priya!.email}>`,
    ]);
  });

  it("erases someone named only in the audit trail without withdrawing anyone else's e-mail", async () => {
    const ada: Actor = { via: 'entra', id: 't/o', label: 'Ada Admin <ada.admin@partnership.example>' };
    await store.recordAudit({ at: AT, actor: ada, action: 'period.lock', period: '2026-09', status: 200 });
    const erased = await changePerson(store, 'ada.admin@partnership.example', { kind: 'erase' }, ADMIN, AT);
    expect(erased).toMatchObject({ versions: 0, auditEntries: 1, emails: 0 });
    const [entry] = await store.auditEntries({ action: 'period.lock', limit: 1 });
    expect(entry!.actor).toEqual({ via: 'entra', id: 't/o', label: `${erased!.name} <${erased!.email}>` });
    const pending = await store.mail
      .selectFrom('mail_outbox')
      .select('period')
      .where('status', '=', 'pending')
      .execute();
    expect(pending.map((p) => p.period).sort()).toEqual(['2026-11', '2026-12']);
  });

  it('keeps the audit log append-only but for pseudonymising, and db copy carries the erasure', async () => {
    await changePerson(store, MARCUS.email, { kind: 'erase' }, ADMIN, AT);
    await expect(
      store.db.updateTable('audit_log').set({ actor_label: 'rewritten' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    // Even inside a grant, only the columns that name a person may change, and nothing may be deleted.
    const rows = await store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .orderBy('id')
      .execute();
    await expect(
      writeTransaction(store.db, async (trx) => {
        await trx.insertInto('personal_data_grant').values({ id: 1, reason: 'test' }).execute();
        await trx.updateTable('audit_log').set({ actor_label: 'allowed' }).execute();
        await expect(trx.updateTable('audit_log').set({ action: 'other' }).execute()).rejects.toThrow(
          /append-only/,
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    expect(
      await store.db.selectFrom('audit_log').select(['action', 'actor_label']).orderBy('id').execute(),
    ).toEqual(rows);

    const copy = await openStore(await freshDatabaseUrl(kind));
    try {
      await copyStore(store, copy);
      expect(await everything(copy)).toBe(await everything(store));
      expect((await everything(copy)).toLowerCase()).not.toContain(MARCUS.email);
      expect(await copy.auditEntries({ action: 'person.erase', limit: 10 })).toHaveLength(2);
    } finally {
      await copy.close();
    }
  });

  it('rectifies a name and an address in every version at once, audited', async () => {
    const changed = await changePerson(
      store,
      MARCUS.email,
      { kind: 'rectify', name: 'Marcus Reid-Okoro', email: 'm.reid-okoro@reid-research.example' },
      ADMIN,
      AT,
    );
    expect(changed).toMatchObject({
      name: 'Marcus Reid-Okoro',
      email: 'm.reid-okoro@reid-research.example',
      versions: 7,
    });
    expect((await personReport(store, MARCUS.email)).rows).toEqual([]);
    const now = await personReport(store, 'm.reid-okoro@reid-research.example');
    expect(now.rows).toHaveLength(8);
    expect(now.names).toEqual(['Marcus Reid-Okoro']);
    expect(now.users).toHaveLength(1);
    const [entry] = await store.auditEntries({ action: 'person.rectify', limit: 10 });
    expect(entry).toMatchObject({
      actor: { label: ADMIN.label },
      target: 'Marcus Reid-Okoro <m.reid-okoro@reid-research.example>',
    });
  });
});

describeStores('personal data retention', (kind) => {
  let url: string;
  let store: Store;
  const TOM: Actor = { via: 'entra', id: 't/o', label: 'Tom Hughes <tom.hughes@cherwell.example>' };

  beforeEach(async () => {
    url = await freshDatabaseUrl(kind);
    store = await openStore(url);
    // FY 2018-19 ended on 31 March 2019; FY 2019-20 a year later.
    for (const period of ['2018-04', '2019-03', '2019-04'])
      await store.appendSubmission({
        council: 'cherwell',
        period,
        data: demoCouncilSubmission('cherwell', period),
        submittedAt: `${period}-28T09:00:00.000Z`,
        actor: TOM,
        source: 'addin',
        receipt: ({ version }) => ({ version }),
      });
    for (const at of ['2025-03-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z'])
      await store.recordAudit({
        at,
        actor: { via: 'anonymous', id: '203.0.113.9', label: 'no valid sign-in' },
        action: 'submission.create',
        status: 401,
      });
  });
  afterEach(async () => {
    await store.close();
  });

  it('finds the last period past the limit: a year is past 84 months once March + 84 months has ended', () => {
    expect(lastExpiredPeriod(new Date('2026-04-01T00:00:00Z'), 84)).toBe('2019-03');
    expect(lastExpiredPeriod(new Date('2026-03-31T23:00:00Z'), 84)).toBe('2018-03');
    expect(lastExpiredPeriod(new Date('2026-12-10T00:00:00Z'), 12)).toBe('2025-03');
  });

  const versionsData = async () =>
    (
      await store.db
        .selectFrom('submissions')
        .select(['period', 'data', 'submitted_by'])
        .orderBy('period')
        .execute()
    ).map((r) => ({ period: r.period, text: `${r.data}${r.submitted_by}` }));

  it('pseudonymises exactly the versions past the limit, once, and lists them first on a dry run', async () => {
    const april = new Date('2026-04-15T07:00:00Z');
    const untouched = await versionsData();
    const dry = await applyRetention(store, { now: april, months: 84, dryRun: true, actor: TOM });
    expect(dry).toEqual({
      upTo: '2019-03',
      versions: [
        { council: 'cherwell', period: '2018-04', version: 1 },
        { council: 'cherwell', period: '2019-03', version: 1 },
      ],
      clientAddresses: 1,
    });
    expect(await versionsData()).toEqual(untouched);

    // Two instances at 07:00 on one database: the work is done once. (Two SQLite stores in one
    // process would wait on each other's lock synchronously; on SQLite instances are processes.)
    const other = await openStore(url);
    const run = (s: Store) =>
      applyRetention(s, {
        now: april,
        months: 84,
        actor: { via: 'service', id: 'retention', label: 'retention' },
      });
    const runs =
      kind === 'postgres'
        ? await Promise.all([run(store), run(other)])
        : [await run(store), await run(other)];
    await other.close();
    expect(runs.map((r) => r.versions.length).sort()).toEqual([0, 2]);
    expect(runs.map((r) => r.clientAddresses).sort()).toEqual([0, 1]);

    const [v2018, v2019, v2019april] = await versionsData();
    for (const old of [v2018!, v2019!]) {
      for (const trace of [
        'Priya Shah',
        'priya.shah@cherwell.example',
        'Tom Hughes',
        'tom.hughes',
        'Marcus Reid',
      ])
        expect(old.text, `${old.period} ${trace}`).not.toContain(trace);
      expect(old.text).toMatch(/Person [0-9a-f]{8}/);
    }
    expect(v2019april!.text).toContain('Priya Shah');
    expect(v2019april!.text).toContain('Tom Hughes <tom.hughes@cherwell.example>');
    // The same person has the same pseudonym in both old versions.
    const pseudonymOfPriya = (text: string) =>
      /"person":"(Person [0-9a-f]{8})","email":"([0-9a-f]{8}@erased\.invalid)"/.exec(text)?.slice(1);
    expect(pseudonymOfPriya(v2018!.text)).toEqual(pseudonymOfPriya(v2019!.text));

    const anonymous = await store.db
      .selectFrom('audit_log')
      .select(['at', 'actor_id'])
      .where('actor_via', '=', 'anonymous')
      .orderBy('at')
      .execute();
    expect(anonymous).toEqual([
      { at: '2025-03-01T00:00:00.000Z', actor_id: '' },
      { at: '2025-06-01T00:00:00.000Z', actor_id: '203.0.113.9' },
    ]);
    expect(await applyRetention(store, { now: april, months: 84, actor: TOM })).toEqual({
      upTo: '2019-03',
      versions: [],
      clientAddresses: 0,
    });
    expect(await store.auditEntries({ action: 'person.retention', limit: 10 })).toHaveLength(1);

    // A version stored later for a month past the limit is pseudonymised by the next run, alone.
    await store.appendSubmission({
      council: 'cherwell',
      period: '2019-03',
      data: demoCouncilSubmission('cherwell', '2019-03'),
      submittedAt: '2026-04-16T09:00:00.000Z',
      actor: TOM,
      source: 'cli',
      receipt: ({ version }) => ({ version }),
    });
    const late = await applyRetention(store, {
      now: new Date('2026-04-17T07:00:00Z'),
      months: 84,
      actor: TOM,
    });
    expect(late.versions).toEqual([{ council: 'cherwell', period: '2019-03', version: 2 }]);
  });
});
