// The partnership's year (DESIGN §10) through the API, on SQLite and PostgreSQL: a year's cost shares
// proposed, declined, agreed and superseded; the year closed after March with its statements, its
// periods locked, balances brought forward into the next year, and reopened by an administrator.
// Every figure is worked out by hand below.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agreement, YearRecord } from '../../shared/agreements.js';
import type { AuditEntry } from '../../shared/api.js';
import { asPeriod } from '../../shared/dates.js';
import type {
  ContributionRow,
  ConsolidatedView,
  CouncilSubmission,
  PartnershipInput,
} from '../../shared/schemas.js';
import type { Role } from '../../shared/vocabulary.js';
import { createToken } from '../../server/auth/tokens.js';
import { readWorkbookGrids } from '../../server/workbook/read.js';
import { testActor } from '../helpers/actors.js';
import { describeStores } from '../helpers/databases.js';
import { json, startTestService, type TestService } from './helpers/service.js';

const COUNCILS = ['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'] as const;

/** Equal shares. 2025-26: £1,000.01 net cost; 2026-27: £400.00. */
const partnership = (budget2026Pence = 40_000): PartnershipInput => ({
  name: 'Test Partnership',
  costShareMethod: 'Equal',
  councils: [
    { id: 'cherwell', name: 'Cherwell', membership: 'Member', population: 164_200 },
    { id: 'south-oxfordshire', name: 'South Oxfordshire', membership: 'Member', population: 151_800 },
    { id: 'vale-of-white-horse', name: 'Vale of White Horse', membership: 'Member', population: 142_100 },
    { id: 'west-oxfordshire', name: 'West Oxfordshire', membership: 'Member', population: 116_300 },
    { id: 'oxford-observer', name: 'Oxford Observer', membership: 'Observer', population: 1 },
  ],
  budget: [
    { financialYear: '2025-26', budgetLine: 'CDO salary', amountPence: 100_001 },
    { financialYear: '2026-27', budgetLine: 'CDO salary', amountPence: budget2026Pence },
  ],
});

// 100,001 p over four equal Members: 25,000.25 each; the leftover penny goes to the lowest Council ID.
const DUES_2025 = {
  cherwell: 25_001,
  'south-oxfordshire': 25_000,
  'vale-of-white-horse': 25_000,
  'west-oxfordshire': 25_000,
};

const cash = (month: string, amountPence: number): ContributionRow => ({
  month: asPeriod(month),
  type: 'Cash',
  budgetLine: 'CDO salary',
  amountPence,
});
const returnOf = (period: string, contributions: ContributionRow[]): CouncilSubmission => ({
  period: asPeriod(period),
  contributions,
  skills: [],
  projects: [],
});

describeStores('the partnership year', (kind) => {
  let t: TestService;
  let clock = new Date('2025-06-03T09:30:00Z');
  // Tokens that last a year and a day: the clock runs from June 2025 to May 2026.
  const tokens: Record<string, string> = {};
  const as = (name: (typeof COUNCILS)[number] | 'admin' | 'cdo' | 'viewer') => tokens[name]!;

  beforeAll(async () => {
    t = await startTestService({ kind, now: () => clock });
    await t.call('PUT', '/api/v1/partnership', { json: partnership() });
    const make = async (name: string, spec: { role: Role; council?: string }) => {
      const made = await createToken(
        t.service.store,
        { ...spec, label: name, expiresInDays: 366 },
        testActor(),
        clock,
      );
      tokens[name] = made.token;
    };
    for (const role of ['admin', 'cdo', 'viewer'] as const) await make(role, { role });
    for (const council of COUNCILS) await make(council, { role: 'council', council });
  });
  afterAll(() => t.stop());

  const decide = (id: number, council: (typeof COUNCILS)[number], body: object) =>
    t.call('POST', `/api/v1/agreements/${id}/decisions`, { token: as(council), json: body });
  const view = async (period: string) =>
    json<ConsolidatedView>(
      await t.call('GET', `/api/v1/consolidated?period=${period}`, { token: as('viewer') }),
    );

  let first: Agreement;

  it('proposes 2025-26 with each Member’s due and nobody’s decision yet', async () => {
    const r = await t.call('POST', '/api/v1/agreements', {
      token: as('cdo'),
      json: { fy: '2025-26', note: 'As discussed at the board' },
    });
    expect(r.status).toBe(201);
    first = await json<Agreement>(r);
    expect(first).toMatchObject({
      fy: '2025-26',
      status: 'proposed',
      note: 'As discussed at the board',
      agreedAt: null,
      decisions: [],
      awaiting: [...COUNCILS],
    });
    // The Observer pays nothing and has nothing to agree.
    expect(Object.fromEntries(first.dues.map((d) => [d.council, d.duePence]))).toEqual(DUES_2025);
    expect(first.snapshot.netCostPence).toBe(100_001);
  });

  it('refuses a decline without a comment, and lets a council change its decision', async () => {
    const bare = await decide(first.id, 'cherwell', { decision: 'decline', comment: '  ' });
    expect(bare.status).toBe(422);
    expect(JSON.stringify(await bare.json())).toContain('comment is required to decline');

    const declined = await json<Agreement>(
      await decide(first.id, 'cherwell', { decision: 'decline', comment: 'Our cabinet meets on 20 June' }),
    );
    expect(declined.decisions).toEqual([
      expect.objectContaining({
        council: 'cherwell',
        decision: 'decline',
        comment: 'Our cabinet meets on 20 June',
      }),
    ]);
    expect((await view('2025-06')).agreement).toEqual({
      id: first.id,
      status: 'proposed',
      agreedAt: null,
      awaiting: ['south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'],
      declined: ['cherwell'],
    });

    const changed = await json<Agreement>(await decide(first.id, 'cherwell', { decision: 'agree' }));
    expect(changed.decisions.map((d) => [d.council, d.decision])).toEqual([['cherwell', 'agree']]);
    expect(changed.status).toBe('proposed');
  });

  it('is agreed when the last Member agrees, and is then never changed', async () => {
    for (const council of ['south-oxfordshire', 'vale-of-white-horse'] as const)
      expect((await decide(first.id, council, { decision: 'agree' })).status).toBe(200);
    expect((await view('2025-06')).agreement?.awaiting).toEqual(['west-oxfordshire']);
    clock = new Date('2025-06-04T08:00:00Z');
    const agreed = await json<Agreement>(await decide(first.id, 'west-oxfordshire', { decision: 'agree' }));
    expect(agreed).toMatchObject({ status: 'agreed', agreedAt: '2025-06-04T08:00:00.000Z', awaiting: [] });

    const workbook = await t.call('GET', '/api/v1/consolidated.xlsx?period=2025-06', { token: as('viewer') });
    const summary = (await readWorkbookGrids(Buffer.from(await workbook.arrayBuffer())))['Summary'];
    expect(JSON.stringify(summary)).toContain(
      'Cost shares 2025-26: agreed on 04/06/2025 by all four councils',
    );

    const late = await decide(first.id, 'cherwell', { decision: 'decline', comment: 'Changed our mind' });
    expect(late.status).toBe(409);
    expect((await json<{ error: { code: string } }>(late)).error.code).toBe('agreement-not-open');
  });

  it('refuses to close the year before its March has passed', async () => {
    clock = new Date('2026-03-31T22:30:00Z'); // 23:30 on 31 March in London: still March
    const r = await t.call('POST', '/api/v1/years/2025-26/close', { token: as('cdo') });
    expect(r.status).toBe(409);
    expect((await json<{ error: { code: string } }>(r)).error.code).toBe('year-not-ended');
  });

  it('closes the year with statements that add up to the net cost, and locks its periods', async () => {
    clock = new Date('2026-04-15T10:00:00Z');
    const submit = (council: string, period: string, rows: ContributionRow[]) =>
      t.call('POST', `/api/v1/councils/${council}/submissions?period=${period}`, {
        token: as('cdo'),
        json: returnOf(period, rows),
      });
    expect(
      (await submit('cherwell', '2026-03', [cash('2025-04', 10_000), cash('2026-03', 20_000)])).status,
    ).toBe(201);
    expect((await submit('south-oxfordshire', '2025-12', [cash('2025-06', 25_000)])).status).toBe(201);
    // 2 days at £100.00 a day in kind: 20,000 p.
    expect(
      (
        await submit('vale-of-white-horse', '2026-03', [
          {
            month: asPeriod('2025-09'),
            type: 'In-kind',
            budgetLine: 'CDO salary',
            days: 2,
            dayRatePence: 10_000,
            personEmail: 'sam.jones@vale.example',
          },
        ])
      ).status,
    ).toBe(201);

    const r = await t.call('POST', '/api/v1/years/2025-26/close', { token: as('cdo') });
    expect(r.status).toBe(200);
    const year = await json<YearRecord>(r);
    expect(year).toMatchObject({ fy: '2025-26', status: 'closed', closedAt: '2026-04-15T10:00:00.000Z' });
    expect(year.agreement?.id).toBe(first.id);
    const byCouncil = Object.fromEntries(year.statements.map((s) => [s.council, s]));
    // due − contributed: 25,001 − 30,000; 25,000 − 25,000; 25,000 − 20,000; 25,000 − 0; the Observer 0.
    expect(Object.fromEntries(year.statements.map((s) => [s.council, s.balancePence]))).toEqual({
      cherwell: -4_999,
      'south-oxfordshire': 0,
      'vale-of-white-horse': 5_000,
      'west-oxfordshire': 25_000,
      'oxford-observer': 0,
    });
    expect(year.statements.reduce((sum, s) => sum + s.duePence, 0)).toBe(100_001);
    expect(byCouncil['cherwell']!.monthlyPence).toEqual([10_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20_000]);
    expect(byCouncil['vale-of-white-horse']).toMatchObject({ cashPaidPence: 0, inKindPence: 20_000 });

    const locked = await submit('west-oxfordshire', '2026-01', [cash('2026-01', 25_000)]);
    expect(locked.status).toBe(423);
    const again = await t.call('POST', '/api/v1/years/2025-26/close', { token: as('cdo') });
    expect(again.status).toBe(409);
    expect(await json(await t.call('GET', '/api/v1/years/2025-26', { token: as('viewer') }))).toEqual(year);
  });

  it('brings each closing balance into the next year’s view, apart from the new due', async () => {
    const april = await view('2026-04');
    const rows = Object.fromEntries(april.contributions.councils.map((c) => [c.council, c]));
    expect(rows['cherwell']).toMatchObject({
      duePence: 10_000,
      broughtForwardPence: -4_999,
      balancePence: 10_000,
    });
    expect(rows['west-oxfordshire']).toMatchObject({ duePence: 10_000, broughtForwardPence: 25_000 });
    // −4,999 + 0 + 5,000 + 25,000 + 0
    expect(april.contributions.totals.broughtForwardPence).toBe(25_001);
    expect(april.contributions.totals.duePence).toBe(40_000);
  });

  it('prints the statements: a summary and one page per council', async () => {
    const r = await t.call('GET', '/api/v1/years/2025-26/statements.xlsx', { token: as('cherwell') });
    expect(r.status).toBe(200);
    const grids = await readWorkbookGrids(Buffer.from(await r.arrayBuffer()));
    expect(Object.keys(grids)).toEqual([
      'Summary',
      'Cherwell',
      'South Oxfordshire',
      'Vale of White Horse',
      'West Oxfordshire',
      'Oxford Observer',
    ]);
    const text = JSON.stringify(grids['Cherwell']);
    expect(text).toContain('Cost shares 2025-26: agreed on 04/06/2025 by all four councils');
    expect(text).toContain('Balance to credit');
    expect(text).toContain('49.99');
    expect(JSON.stringify(grids['West Oxfordshire'])).toContain('Balance to invoice');
  });

  it('reopens the year for an administrator with a reason, unlocking its periods', async () => {
    const bare = await t.call('POST', '/api/v1/years/2025-26/reopen', {
      token: as('admin'),
      json: { reason: ' ' },
    });
    expect(bare.status).toBe(422);
    const r = await t.call('POST', '/api/v1/years/2025-26/reopen', {
      token: as('admin'),
      json: { reason: 'West Oxfordshire paid in January; its return was late' },
    });
    expect(r.status).toBe(200);
    expect(await json(r)).toMatchObject({ status: 'open', statements: [] });
    const late = await t.call('POST', '/api/v1/councils/west-oxfordshire/submissions?period=2026-01', {
      token: as('cdo'),
      json: returnOf('2026-01', [cash('2026-01', 25_000)]),
    });
    expect(late.status).toBe(201);
    expect((await view('2026-04')).contributions.totals.broughtForwardPence).toBe(0);
  });

  it('supersedes an open proposal with a new one, and an agreed one with a change of settings', async () => {
    clock = new Date('2026-05-01T09:00:00Z');
    const propose = async () =>
      json<Agreement>(
        await t.call('POST', '/api/v1/agreements', { token: as('cdo'), json: { fy: '2026-27' } }),
      );
    const older = await propose();
    const newer = await propose();
    const list = await json<{ agreements: Agreement[] }>(
      await t.call('GET', '/api/v1/agreements?fy=2026-27', { token: as('viewer') }),
    );
    expect(list.agreements.map((a) => [a.id, a.status, a.supersededBy])).toEqual([
      [newer.id, 'proposed', null],
      [older.id, 'superseded', 'proposal'],
    ]);
    expect((await decide(older.id, 'cherwell', { decision: 'agree' })).status).toBe(409);

    for (const council of COUNCILS) await decide(newer.id, council, { decision: 'agree' });
    expect((await view('2026-04')).agreement?.status).toBe('agreed');
    // £400.04 over four: 10,001 p each, where 10,000 p was agreed.
    await t.call('PUT', '/api/v1/partnership', { token: as('cdo'), json: partnership(40_004) });
    const april = await view('2026-04');
    expect(april.agreement).toMatchObject({ id: newer.id, status: 'superseded' });
    const warnings = april.dataQuality.warnings.filter((w) => w.code === 'settings-changed-since-agreement');
    expect(warnings.map((w) => w.council)).toEqual([...COUNCILS]);
    expect(warnings[0]!.message).toBe(
      "Cherwell's due for the year is £100.01 under the settings in force; £100.00 was agreed on 01/05/2026. " +
        'Propose the cost shares again for every council to agree.',
    );
  });

  it('audits every step', async () => {
    const audit = await json<{ entries: AuditEntry[] }>(
      await t.call('GET', '/api/v1/audit', { token: as('admin') }),
    );
    const actions = new Set(audit.entries.map((e) => e.action));
    for (const action of [
      'agreement.propose',
      'agreement.decide',
      'agreement.agreed',
      'agreement.supersede',
      'year.close',
      'year.reopen',
    ])
      expect(actions, action).toContain(action);
    expect(audit.entries.find((e) => e.action === 'year.reopen' && e.status === 200)?.target).toContain(
      'its return was late',
    );
    // The refused decline without a comment is audited as refused.
    expect(audit.entries.some((e) => e.action === 'agreement.decide' && e.status === 422)).toBe(true);
  });
});

describeStores('two instances deciding at once', (kind) => {
  it('records both decisions and agrees exactly once', async () => {
    const one = await startTestService({ kind });
    const two = await startTestService({ databaseUrl: one.databaseUrl });
    try {
      await one.call('PUT', '/api/v1/partnership', { json: partnership() });
      const token = async (council: string) =>
        (await createToken(one.service.store, { role: 'council', council, label: council }, testActor()))
          .token;
      const proposal = await json<Agreement>(
        await one.call('POST', '/api/v1/agreements', { token: 'cdo', json: { fy: '2025-26' } }),
      );
      const path = `/api/v1/agreements/${proposal.id}/decisions`;
      for (const council of ['cherwell', 'south-oxfordshire'])
        await one.call('POST', path, { token: await token(council), json: { decision: 'agree' } });
      const [vale, west] = await Promise.all([
        token('vale-of-white-horse').then((tk) =>
          one.call('POST', path, { token: tk, json: { decision: 'agree' } }),
        ),
        token('west-oxfordshire').then((tk) =>
          two.call('POST', path, { token: tk, json: { decision: 'agree' } }),
        ),
      ]);
      expect([vale.status, west.status]).toEqual([200, 200]);
      const [final] = (
        await json<{ agreements: Agreement[] }>(await two.call('GET', '/api/v1/agreements?fy=2025-26'))
      ).agreements;
      expect(final).toMatchObject({ status: 'agreed', awaiting: [] });
      expect(final!.decisions).toHaveLength(4);
      const audit = await json<{ entries: AuditEntry[] }>(
        await one.call('GET', '/api/v1/audit?action=agreement.agreed'),
      );
      expect(audit.entries).toHaveLength(1);
    } finally {
      await two.stop();
      await one.stop();
    }
  });
});
