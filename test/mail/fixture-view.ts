// A consolidated view as consolidation produces it, built by hand so the e-mail tests depend only on
// the view's shape. Council-provided text includes markup to prove it is escaped.
import { consolidatedViewSchema, type ConsolidatedView, type Partnership } from '../../shared/schemas.js';
import { SKILLS } from '../../shared/vocabulary.js';

export const fixturePartnership: Partnership = {
  name: 'Oxfordshire <Districts> & Partners',
  costShareMethod: 'Equal',
  hybridEqualPercent: 50,
  submissionDeadlineDay: 10,
  rollupRecipients: ['board@example.org', 'cdo@example.org'],
  reminderDaysBeforeDeadline: 3,
  councils: [
    {
      id: 'cherwell',
      name: 'Cherwell',
      membership: 'Member',
      population: 164200,
      contactEmail: 'finance@cherwell.example',
    },
    {
      id: 'south-oxfordshire',
      name: 'South Oxfordshire',
      membership: 'Member',
      population: 151800,
      contactEmail: 'money@southox.example',
    },
    {
      id: 'vale-of-white-horse',
      name: 'Vale of White Horse',
      membership: 'Member',
      population: 142100,
      contactEmail: 'money@vale.example',
    },
    {
      id: 'west-oxfordshire',
      name: 'West <b>Oxfordshire</b>',
      membership: 'Member',
      population: 116300,
      contactEmail: 'cash@westox.example',
    },
    {
      id: 'oxford-city',
      name: 'Oxford City',
      membership: 'Observer',
      population: 0,
      contactEmail: 'observer@oxford.example',
    },
  ],
  budget: [],
  funding: [],
  cdoTime: [],
  costShares: [],
};

const row = (council: string, name: string, due: number, profiled: number, cash: number, inKind: number) => {
  const contributed = cash + inKind;
  const balance = due - contributed;
  return {
    council,
    name,
    membership: due > 0 ? ('Member' as const) : ('Observer' as const),
    monthsOfMembership: due > 0 ? 12 : 0,
    duePence: due,
    profiledDuePence: profiled,
    cashPaidPence: cash,
    inKindPence: inKind,
    contributedPence: contributed,
    balancePence: balance,
    status:
      balance <= 0
        ? ('paid' as const)
        : contributed >= profiled
          ? ('on-track' as const)
          : ('behind' as const),
  };
};

const councils = [
  row('cherwell', 'Cherwell', 6_479_316, 5_939_373, 5_000_000, 1_200_050),
  row('south-oxfordshire', 'South Oxfordshire', 6_479_316, 5_939_373, 2_000_000, 0),
  row('vale-of-white-horse', 'Vale of White Horse', 6_479_316, 5_939_373, 6_479_316, 0),
  row('west-oxfordshire', 'West <b>Oxfordshire</b>', 6_479_315, 5_939_372, 3_000_000, 450_000),
  row('oxford-city', 'Oxford City', 0, 0, 0, 0),
];
const sum = (
  key:
    'duePence' | 'profiledDuePence' | 'cashPaidPence' | 'inKindPence' | 'contributedPence' | 'balancePence',
) => councils.reduce((t, c) => t + c[key], 0);

const project = (
  id: string,
  title: string,
  phase: 'Discovery' | 'Alpha' | 'Beta' | 'Live',
  rag: 'Red' | 'Amber' | 'Green',
  due: string | null,
  overdue: boolean,
  lead = 'cherwell',
) => ({
  id,
  title,
  theme: 'Digital government' as const,
  lead,
  partners: ['south-oxfordshire'],
  phase,
  rag,
  start: '2026-04-01',
  due,
  budgetPence: 5_000_000,
  spentPence: 1_250_000,
  savingsTargetPence: 2_000_000,
  savingsRealisedPence: 300_000,
  investmentPence: 0,
  overdue,
  reportedBy: [lead],
  update: null,
});

const items = [
  project(
    'BINS-1',
    'Missed bins <script>alert("x")</script> & reporting',
    'Beta',
    'Amber',
    '2027-02-28',
    true,
  ),
  project('PAY-2', 'Online payments', 'Live', 'Green', '2026-12-31', false),
  project(
    'HOUSE-3',
    'Housing repairs "self-serve"',
    'Discovery',
    'Red',
    '2027-01-31',
    true,
    'west-oxfordshire',
  ),
  project('INC-4', 'Digital inclusion hubs', 'Alpha', 'Green', null, false, 'vale-of-white-horse'),
];
const count = (key: 'phase' | 'rag') =>
  items.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p[key]]: (acc[p[key]] ?? 0) + 1 }), {});

export const fixtureView: ConsolidatedView = consolidatedViewSchema.parse({
  period: '2027-03',
  financialYear: '2026-27',
  partnership: fixturePartnership.name,
  contributions: {
    budgetPence: 33_917_263,
    fundingPence: 8_000_000,
    netCostPence: 25_917_263,
    surplusPence: 0,
    method: 'Equal',
    appliedMethod: 'Equal',
    totals: {
      duePence: sum('duePence'),
      profiledDuePence: sum('profiledDuePence'),
      cashPaidPence: sum('cashPaidPence'),
      inKindPence: sum('inKindPence'),
      contributedPence: sum('contributedPence'),
      balancePence: sum('balancePence'),
    },
    councils,
  },
  skills: {
    coverage: SKILLS.map((skill, i) => ({
      skill,
      people: i % 3,
      practitioners: i % 3 === 0 ? 0 : i % 2,
      fte: (i % 3) * 0.5,
      externalFte: 0,
      councils: i % 3,
      status: i % 3 === 0 ? 'gap' : i % 2 === 1 ? 'fragile' : 'covered',
    })),
    people: [],
    conflicts: [
      {
        email: 'ana@cherwell.example',
        skill: 'Service design',
        field: 'level',
        values: [
          { council: 'cherwell', value: 'Expert' },
          { council: 'south-oxfordshire', value: 'Working' },
        ],
      },
    ],
  },
  projects: {
    items,
    conflicts: [
      { project: 'PAY-2', field: 'rag', council: 'south-oxfordshire', value: 'Red', leadValue: 'Green' },
    ],
    byPhase: count('phase'),
    byRag: count('rag'),
    byTheme: { 'Digital government': items.length },
    totals: {
      count: items.length,
      overdue: items.filter((p) => p.overdue).length,
      budgetPence: 20_000_000,
      spentPence: 5_000_000,
      savingsTargetPence: 8_000_000,
      savingsRealisedPence: 1_200_000,
      investmentPence: 0,
    },
  },
  dataQuality: {
    missing: ['south-oxfordshire'],
    carriedForward: [{ council: 'west-oxfordshire', from: '2027-02' }],
    warnings: [],
  },
  submissions: [
    {
      council: 'cherwell',
      period: '2027-03',
      version: 2,
      submittedAt: '2027-04-08T10:00:00Z',
      review: 'accepted',
    },
  ],
});
