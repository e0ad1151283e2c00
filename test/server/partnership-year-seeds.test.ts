// The seeds' partnerships each go through a year (DESIGN §10) on SQLite and PostgreSQL: every Member
// agrees the proposed cost shares, returns come in, and after March the year is closed. The dues and
// balances are worked out by hand beside each fixture, never by the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, YearRecord } from '../../shared/agreements.js';
import { asPeriod } from '../../shared/dates.js';
import type { ContributionRow, PartnershipInput } from '../../shared/schemas.js';
import type { Role } from '../../shared/vocabulary.js';
import { createToken } from '../../server/auth/tokens.js';
import { readWorkbookGrids } from '../../server/workbook/read.js';
import { testActor } from '../helpers/actors.js';
import { describeStores, type StoreKind } from '../helpers/databases.js';
import { json, startTestService, type TestService } from './helpers/service.js';

const FY = '2025-26';

interface Fixture {
  partnership: PartnershipInput;
  /** Each paying Member's due, by hand. */
  dues: Record<string, number>;
  /** What some councils paid in the year. */
  paid: Record<string, ContributionRow[]>;
  /** Each council's balance at the close (due − contributed), by hand; Observers 0. */
  balances: Record<string, number>;
  line: string;
}

const cash = (amountPence: number, month = '2025-10'): ContributionRow => ({
  month: asPeriod(month),
  type: 'Cash',
  budgetLine: 'Partnership',
  amountPence,
});
const member = (id: string, name: string) => ({ id, name, membership: 'Member' as const });
const observer = (id: string, name: string) => ({ id, name, membership: 'Observer' as const });
const budget = (amountPence: number) => [{ financialYear: FY, budgetLine: 'Partnership', amountPence }];
const titleOf = (id: string) =>
  id
    .split('-')
    .map((w) => (['and', 'of'].includes(w) ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');

// 25 Scottish councils on equal shares, sorted by Council ID. £250,000.13 = 25,000,013 p over 25:
// 1,000,000.52 each; the 13 leftover pennies go one each to the first 13 IDs (equal fractions).
const SCOTTISH = [
  'aberdeen-city',
  'aberdeenshire',
  'angus',
  'argyll-and-bute',
  'city-of-edinburgh',
  'clackmannanshire',
  'dumfries-and-galloway',
  'dundee-city',
  'east-ayrshire',
  'east-dunbartonshire',
  'east-lothian',
  'east-renfrewshire',
  'falkirk',
  'fife',
  'glasgow-city',
  'highland',
  'inverclyde',
  'midlothian',
  'moray',
  'north-ayrshire',
  'north-lanarkshire',
  'perth-and-kinross',
  'renfrewshire',
  'scottish-borders',
  'south-ayrshire',
];
const scottishDues = Object.fromEntries(SCOTTISH.map((id, i) => [id, i < 13 ? 1_000_001 : 1_000_000]));
const scotland: Fixture = {
  partnership: {
    name: 'Scottish Councils Digital Partnership',
    costShareMethod: 'Equal',
    councils: SCOTTISH.map((id) => member(id, titleOf(id))),
    budget: budget(25_000_013),
  },
  dues: scottishDues,
  // Glasgow pays its due exactly; Aberdeen City pays £12,000.00 against 1,000,001 p: 199,999 p to credit.
  paid: { 'glasgow-city': [cash(1_000_000)], 'aberdeen-city': [cash(1_200_000)] },
  balances: { ...scottishDues, 'glasgow-city': 0, 'aberdeen-city': -199_999 },
  line: 'Cost shares 2025-26: agreed on 01/05/2025 by all 25 councils',
};

// The 22 Welsh councils with their association as an Observer. £440,000.00 budget less the confirmed
// Welsh Government grant of £220,000.00 (the expected £50,000.00 does not count): 22,000,000 p net,
// 1,000,000 p each.
const WELSH = [
  'blaenau-gwent',
  'bridgend',
  'caerphilly',
  'cardiff',
  'carmarthenshire',
  'ceredigion',
  'conwy',
  'denbighshire',
  'flintshire',
  'gwynedd',
  'isle-of-anglesey',
  'merthyr-tydfil',
  'monmouthshire',
  'neath-port-talbot',
  'newport',
  'pembrokeshire',
  'powys',
  'rhondda-cynon-taf',
  'swansea',
  'torfaen',
  'vale-of-glamorgan',
  'wrexham',
];
const welshDues = Object.fromEntries(WELSH.map((id) => [id, 1_000_000]));
const wales: Fixture = {
  partnership: {
    name: 'Welsh Councils Digital Partnership',
    costShareMethod: 'Equal',
    councils: [
      ...WELSH.map((id) => member(id, titleOf(id))),
      observer('welsh-local-government-association', 'Welsh Local Government Association'),
    ],
    budget: budget(44_000_000),
    funding: [
      { financialYear: FY, funder: 'Welsh Government', amountPence: 22_000_000, status: 'Confirmed' },
      { financialYear: FY, funder: 'Welsh Government', amountPence: 5_000_000, status: 'Expected' },
    ],
  },
  dues: welshDues,
  // Cardiff: £6,000.00 cash and 4 days at £250.00 in kind (100,000 p): 700,000 p, 300,000 p to invoice.
  paid: {
    cardiff: [
      cash(600_000),
      {
        month: asPeriod('2025-11'),
        type: 'In-kind',
        budgetLine: 'Partnership',
        days: 4,
        dayRatePence: 25_000,
        personEmail: 'alex.evans@cardiff.example',
      },
    ],
  },
  balances: {
    ...welshDues,
    cardiff: 300_000,
    'welsh-local-government-association': 0,
  },
  line: 'Cost shares 2025-26: agreed on 01/05/2025 by all 22 councils',
};

// London: the GLA is the one paying Member; the boroughs take part as Observers. It owes the whole
// £120,000.00 and paid £125,000.00: 500,000 p to credit.
const london: Fixture = {
  partnership: {
    name: 'London Digital Partnership',
    costShareMethod: 'Equal',
    councils: [
      member('greater-london-authority', 'Greater London Authority'),
      observer('camden', 'Camden'),
      observer('hackney', 'Hackney'),
      observer('islington', 'Islington'),
      observer('southwark', 'Southwark'),
    ],
    budget: budget(12_000_000),
  },
  dues: { 'greater-london-authority': 12_000_000 },
  paid: { 'greater-london-authority': [cash(12_500_000)] },
  balances: { 'greater-london-authority': -500_000, camden: 0, hackney: 0, islington: 0, southwark: 0 },
  line: 'Cost shares 2025-26: agreed on 01/05/2025 by the one paying council',
};

// The West Midlands on fixed shares: seven constituent members and two non-constituent. 10,000,001 p
// by 30, 12, 10, 10, 8, 9, 9, 7.5, 4.5 %: floors 3,000,000 / 1,200,000 / 1,000,000 / 1,000,000 /
// 800,000 / 900,000 / 900,000 / 750,000 / 450,000 (10,000,000); the one leftover penny goes to the
// largest fraction, Birmingham's .3.
const WEST_MIDLANDS: [string, number, number][] = [
  ['birmingham', 30, 3_000_001],
  ['coventry', 12, 1_200_000],
  ['dudley', 10, 1_000_000],
  ['sandwell', 10, 1_000_000],
  ['solihull', 8, 800_000],
  ['walsall', 9, 900_000],
  ['wolverhampton', 9, 900_000],
  ['warwickshire', 7.5, 750_000],
  ['cannock-chase', 4.5, 450_000],
];
const westMidlandsDues = Object.fromEntries(WEST_MIDLANDS.map(([id, , due]) => [id, due]));
const westMidlands: Fixture = {
  partnership: {
    name: 'West Midlands Digital Partnership',
    costShareMethod: 'Fixed',
    councils: WEST_MIDLANDS.map(([id]) => member(id, titleOf(id))),
    budget: budget(10_000_001),
    costShares: WEST_MIDLANDS.map(([council, sharePercent]) => ({
      financialYear: FY,
      council,
      sharePercent,
    })),
  },
  dues: westMidlandsDues,
  // Birmingham pays its due to the penny; Coventry £10,000.00 of 1,200,000 p: 200,000 p to invoice.
  paid: { birmingham: [cash(3_000_001)], coventry: [cash(1_000_000)] },
  balances: { ...westMidlandsDues, birmingham: 0, coventry: 200_000 },
  line: 'Cost shares 2025-26: agreed on 01/05/2025 by all nine councils',
};

const FIXTURES = { scotland, wales, london, westMidlands };

describeStores('the seeds’ partnerships through a year', (kind) => {
  for (const [name, fixture] of Object.entries(FIXTURES)) describe(name, () => aYearOf(name, fixture, kind));
});

function aYearOf(name: string, fixture: Fixture, kind: StoreKind): void {
  let t: TestService;
  let clock = new Date('2025-05-01T09:00:00Z');
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestService({ kind, now: () => clock });
    const make = async (label: string, spec: { role: Role; council?: string }) => {
      tokens[label] = (
        await createToken(t.service.store, { ...spec, label, expiresInDays: 366 }, testActor(), clock)
      ).token;
    };
    await make('admin', { role: 'admin' });
    await make('cdo', { role: 'cdo' });
    expect(
      (await t.call('PUT', '/api/v1/partnership', { token: tokens['admin']!, json: fixture.partnership }))
        .status,
    ).toBe(200);
    for (const council of Object.keys(fixture.dues)) await make(council, { role: 'council', council });
  });
  afterAll(() => t.stop());

  it(`${name}: every Member agrees the dues, and the year closes with its balances`, async () => {
    const proposal = await json<Agreement>(
      await t.call('POST', '/api/v1/agreements', { token: tokens['cdo']!, json: { fy: FY } }),
    );
    expect(Object.fromEntries(proposal.dues.map((d) => [d.council, d.duePence]))).toEqual(fixture.dues);
    let last: Agreement | undefined;
    for (const council of Object.keys(fixture.dues)) {
      const r = await t.call('POST', `/api/v1/agreements/${proposal.id}/decisions`, {
        token: tokens[council]!,
        json: { decision: 'agree' },
      });
      expect(r.status, council).toBe(200);
      last = await json<Agreement>(r);
    }
    expect(last).toMatchObject({ status: 'agreed', agreedAt: clock.toISOString(), awaiting: [] });

    clock = new Date('2026-04-10T09:00:00Z');
    for (const [council, rows] of Object.entries(fixture.paid)) {
      const r = await t.call('POST', `/api/v1/councils/${council}/submissions?period=2026-03`, {
        token: tokens['cdo']!,
        json: { period: '2026-03', contributions: rows, skills: [], projects: [] },
      });
      expect(r.status, `${council}: ${await r.clone().text()}`).toBe(201);
    }
    const closed = await t.call('POST', `/api/v1/years/${FY}/close`, { token: tokens['cdo']! });
    expect(closed.status).toBe(200);
    const year = await json<YearRecord>(closed);
    const everyCouncil = fixture.partnership.councils.map((c) => c.id);
    expect(year.statements.map((s) => s.council).sort()).toEqual([...everyCouncil].sort());
    expect(Object.fromEntries(year.statements.map((s) => [s.council, s.balancePence]))).toEqual(
      Object.fromEntries(everyCouncil.map((id) => [id, fixture.balances[id] ?? 0])),
    );
    const netCost = Object.values(fixture.dues).reduce((a, b) => a + b, 0);
    expect(year.netCostPence).toBe(netCost);
    expect(year.statements.reduce((sum, s) => sum + s.duePence, 0)).toBe(netCost);

    const workbook = await t.call('GET', `/api/v1/years/${FY}/statements.xlsx`, { token: tokens['cdo']! });
    expect(workbook.status).toBe(200);
    const grids = await readWorkbookGrids(Buffer.from(await workbook.arrayBuffer()));
    expect(Object.keys(grids)).toHaveLength(everyCouncil.length + 1);
    expect(JSON.stringify(grids['Summary'])).toContain(fixture.line);
  });
}
