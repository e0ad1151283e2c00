// Plausible returns from the four demo councils for any month: contributions up to that month of its
// financial year, the people each council lists, and the projects each leads or takes part in. The
// data is built to show what consolidation does: a freelancer and an SME listed by two councils (the
// SME with two different levels), a project shared by all four with one partner disagreeing on RAG,
// overdue projects, a skills gap, and councils paid up, on track and behind.
import {
  asPeriod,
  financialYearOf,
  monthIndexInFinancialYear,
  monthsOfFinancialYear,
} from '../shared/dates.js';
import type { ContributionRow, CouncilSubmission, ProjectRow, SkillRow } from '../shared/schemas.js';
import type { Rag } from '../shared/vocabulary.js';
import { DEMO_COUNCILS, type DemoCouncil } from './partnership.js';

const pounds = (amount: number): number => Math.round(amount * 100);

interface Payments {
  /** Cash by month of the financial year (1 = April). */
  cash: { months: readonly number[]; amount: number; budgetLine: string; reference: string };
  /** In-kind days every month from a council officer, charged to a budget line. */
  inKind: { email: string; days: number; dayRate: number; budgetLine: string };
}

const EVERY_MONTH = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const PAYMENTS: Record<DemoCouncil, Payments> = {
  cherwell: {
    cash: { months: [1, 7], amount: 35_000, budgetLine: 'CDO salary', reference: 'CDC-PO-4471' },
    inKind: { email: 'priya.shah@cherwell.example', days: 3, dayRate: 350, budgetLine: 'Shared team' },
  },
  'south-oxfordshire': {
    cash: { months: EVERY_MONTH, amount: 5_000, budgetLine: 'Shared team', reference: 'SODC standing order' },
    inKind: {
      email: 'gareth.lewis@south-oxfordshire.example',
      days: 2,
      dayRate: 320,
      budgetLine: 'Shared team',
    },
  },
  'vale-of-white-horse': {
    cash: { months: [3, 6, 9, 12], amount: 12_000, budgetLine: 'CDO on-costs', reference: 'VWHDC-INV' },
    inKind: {
      email: 'sophie.turner@vale-of-white-horse.example',
      days: 4,
      dayRate: 300,
      budgetLine: 'Shared team',
    },
  },
  'west-oxfordshire': {
    cash: { months: EVERY_MONTH, amount: 4_900, budgetLine: 'Tools and licences', reference: 'WODC-DD' },
    inKind: {
      email: 'hannah.price@west-oxfordshire.example',
      days: 2,
      dayRate: 340,
      budgetLine: 'Shared team',
    },
  },
};

type Person = Omit<SkillRow, 'skill' | 'level' | 'daysPerMonth'>;
const person = (
  name: string,
  email: string,
  organisationType: SkillRow['organisationType'],
  organisation: string,
  dayRate?: number,
): Person => ({
  person: name,
  email,
  organisationType,
  organisation,
  ...(dayRate === undefined ? {} : { dayRatePence: pounds(dayRate) }),
});

const PEOPLE = {
  priya: person('Priya Shah', 'priya.shah@cherwell.example', 'Council', 'Cherwell District Council'),
  tom: person('Tom Hughes', 'tom.hughes@cherwell.example', 'Council', 'Cherwell District Council'),
  aisha: person(
    'Aisha Khan',
    'aisha.khan@south-oxfordshire.example',
    'Council',
    'South Oxfordshire District Council',
  ),
  gareth: person(
    'Gareth Lewis',
    'gareth.lewis@south-oxfordshire.example',
    'Council',
    'South Oxfordshire District Council',
  ),
  sophie: person(
    'Sophie Turner',
    'sophie.turner@vale-of-white-horse.example',
    'Council',
    'Vale of White Horse District Council',
  ),
  ben: person(
    'Ben Walker',
    'ben.walker@vale-of-white-horse.example',
    'Council',
    'Vale of White Horse District Council',
  ),
  hannah: person(
    'Hannah Price',
    'hannah.price@west-oxfordshire.example',
    'Council',
    'West Oxfordshire District Council',
  ),
  marcus: person('Marcus Reid', 'marcus@reid-research.example', 'Freelancer', 'Reid Research', 550),
  elena: person('Elena Novak', 'elena@novak-content.example', 'Freelancer', 'Novak Content', 480),
  james: person('James Okafor', 'james.okafor@thames-digital.example', 'SME', 'Thames Digital Ltd', 620),
};

type SkillEntry = [Person, SkillRow['skill'], SkillRow['level'], number, { from?: string; notes?: string }?];

/** `from` is a month and day of the financial year's first calendar year. */
const SKILLS: Record<DemoCouncil, SkillEntry[]> = {
  cherwell: [
    [PEOPLE.priya, 'Delivery management', 'Practitioner', 6],
    [PEOPLE.priya, 'Service design', 'Working', 6],
    [PEOPLE.tom, 'Technology architecture', 'Expert', 4],
    [PEOPLE.tom, 'Technology operations', 'Working', 4],
    [PEOPLE.marcus, 'User research', 'Expert', 8, { notes: 'Shared with the Vale' }],
  ],
  'south-oxfordshire': [
    [PEOPLE.aisha, 'User research', 'Practitioner', 5],
    [PEOPLE.aisha, 'Service design', 'Practitioner', 5],
    [PEOPLE.gareth, 'Content design', 'Working', 3],
    [PEOPLE.elena, 'Content design', 'Practitioner', 6, { from: '09-01' }],
    [PEOPLE.james, 'Development', 'Expert', 10],
  ],
  'vale-of-white-horse': [
    [PEOPLE.sophie, 'Digital inclusion', 'Practitioner', 6],
    [PEOPLE.ben, 'Development', 'Working', 4],
    [PEOPLE.marcus, 'User research', 'Expert', 8, { notes: 'Shared with Cherwell' }],
  ],
  'west-oxfordshire': [
    [PEOPLE.hannah, 'Development', 'Practitioner', 4],
    [PEOPLE.hannah, 'Technology operations', 'Working', 4],
    [PEOPLE.james, 'Development', 'Practitioner', 10, { notes: 'Thames Digital framework call-off' }],
    [PEOPLE.james, 'Technology architecture', 'Practitioner', 10],
  ],
};

const ALL = [...DEMO_COUNCILS];
const othersThan = (lead: DemoCouncil) => ALL.filter((c) => c !== lead);

interface DemoProject {
  id: string;
  title: string;
  theme: ProjectRow['theme'];
  lead: DemoCouncil;
  partners: DemoCouncil[];
  externalPartners?: string;
  phase: ProjectRow['phase'];
  rag: Rag;
  /** Month-day of the financial year's first calendar year, or of the next with a leading '+'. */
  start?: string;
  due?: string;
  budget?: number;
  savingsTarget?: number;
  owner: string;
  /** Per reporting council: spend per month, savings per month, external investment, and a RAG of its own. */
  reports: Partial<Record<DemoCouncil, { spend: number; savings?: number; investment?: number; rag?: Rag }>>;
  update: string;
}

const PROJECTS: DemoProject[] = [
  {
    id: 'OXD-001',
    title: 'Shared customer portal',
    theme: 'Digital government',
    lead: 'cherwell',
    partners: othersThan('cherwell'),
    phase: 'Beta',
    rag: 'Amber',
    start: '04-01',
    due: '+03-31',
    budget: 180_000,
    savingsTarget: 60_000,
    owner: 'Priya Shah',
    reports: {
      cherwell: { spend: 4_200, savings: 900 },
      'south-oxfordshire': { spend: 2_600, savings: 700 },
      'vale-of-white-horse': { spend: 2_400, savings: 650, rag: 'Red' },
      'west-oxfordshire': { spend: 1_900, savings: 500 },
    },
    update: 'Private beta with 400 residents; payments integration slipping by a month.',
  },
  {
    id: 'OXD-002',
    title: 'Digital inclusion hubs',
    theme: 'Digital inclusion',
    lead: 'vale-of-white-horse',
    partners: ['west-oxfordshire'],
    externalPartners: 'Age UK Oxfordshire; Oxfordshire Libraries',
    phase: 'Alpha',
    rag: 'Green',
    start: '05-01',
    due: '12-15',
    budget: 45_000,
    owner: 'Sophie Turner',
    reports: {
      'vale-of-white-horse': { spend: 1_500, investment: 12_000 },
      'west-oxfordshire': { spend: 900 },
    },
    update: 'Three library hubs open; device lending scheme agreed with Age UK.',
  },
  {
    id: 'OXD-003',
    title: 'Waste and recycling app',
    theme: 'Digital government',
    lead: 'south-oxfordshire',
    partners: ['vale-of-white-horse'],
    phase: 'Live',
    rag: 'Green',
    start: '04-01',
    due: '09-30',
    budget: 60_000,
    savingsTarget: 25_000,
    owner: 'Aisha Khan',
    reports: {
      'south-oxfordshire': { spend: 2_000, savings: 1_100 },
      'vale-of-white-horse': { spend: 1_600, savings: 900 },
    },
    update: 'Missed-bin reports now 70% online.',
  },
  {
    id: 'OXD-004',
    title: 'Shared cloud hosting',
    theme: 'Digital infrastructure',
    lead: 'west-oxfordshire',
    partners: ['cherwell'],
    phase: 'Discovery',
    rag: 'Amber',
    start: '06-01',
    due: '09-30',
    budget: 30_000,
    owner: 'Hannah Price',
    reports: {
      'west-oxfordshire': { spend: 1_200 },
      cherwell: { spend: 800 },
    },
    update: 'Waiting on data-centre contract exit dates before options appraisal.',
  },
  {
    id: 'OXD-005',
    title: 'Digital strategy 2027 to 2030',
    theme: 'Digital strategy',
    lead: 'cherwell',
    partners: othersThan('cherwell'),
    phase: 'Alpha',
    rag: 'Green',
    start: '07-01',
    due: '+01-31',
    budget: 15_000,
    owner: 'CDO',
    reports: {
      cherwell: { spend: 600 },
      'south-oxfordshire': { spend: 300 },
      'vale-of-white-horse': { spend: 300 },
      'west-oxfordshire': { spend: 300 },
    },
    update: 'Member workshops held in all four councils.',
  },
  {
    id: 'OXD-006',
    title: 'Gigabit voucher bid',
    theme: 'Digital funding',
    lead: 'south-oxfordshire',
    partners: [],
    phase: 'Discovery',
    rag: 'Red',
    start: '04-15',
    due: '07-31',
    owner: 'Gareth Lewis',
    reports: { 'south-oxfordshire': { spend: 250, investment: 250_000 } },
    update: 'Bid submitted late; awaiting the outcome.',
  },
  {
    id: 'OXD-007',
    title: 'Planning service redesign',
    theme: 'Digital government',
    lead: 'west-oxfordshire',
    partners: [],
    phase: 'Concept',
    rag: 'Green',
    owner: 'Hannah Price',
    reports: { 'west-oxfordshire': { spend: 0 } },
    update: 'Idea agreed at the partnership board; discovery to start next year.',
  },
];

/**
 * What the demo's latest month brings, so that its roll-up has something to say "since" the month
 * before: South Oxfordshire starts a shared booking system, and the cloud hosting project turns Red.
 */
const LATEST_MONTH: { newProjects: DemoProject[]; rag: Partial<Record<string, Rag>> } = {
  newProjects: [
    {
      id: 'OXD-008',
      title: 'Shared booking system',
      theme: 'Digital government',
      lead: 'south-oxfordshire',
      partners: ['vale-of-white-horse'],
      phase: 'Discovery',
      rag: 'Green',
      start: '10-01',
      due: '+06-30',
      budget: 40_000,
      owner: 'Aisha Khan',
      reports: {
        'south-oxfordshire': { spend: 0 },
        'vale-of-white-horse': { spend: 0 },
      },
      update: 'User research with residents booking rooms and sports pitches has begun.',
    },
  ],
  rag: { 'OXD-004': 'Red' },
};

export interface DemoOptions {
  /** The demo's latest month: adds what LATEST_MONTH brings. */
  latest?: boolean;
}

/** The return of one demo council for `period`, with rows for every month of its FY up to the period. */
export function demoCouncilSubmission(
  council: string,
  period: string,
  options: DemoOptions = {},
): CouncilSubmission {
  if (!isDemoCouncil(council)) throw new RangeError(`${council} is not one of the demo councils`);
  const financialYear = financialYearOf(period);
  const startYear = Number(financialYear.slice(0, 4));
  const k = monthIndexInFinancialYear(period);
  const months = monthsOfFinancialYear(financialYear).slice(0, k);
  const dateIn = (monthDay: string) =>
    monthDay.startsWith('+') ? `${startYear + 1}-${monthDay.slice(1)}` : `${startYear}-${monthDay}`;

  const { cash, inKind } = PAYMENTS[council];
  const contributions: ContributionRow[] = months.flatMap((month, i) => {
    const rows: ContributionRow[] = [];
    if (cash.months.includes(i + 1)) {
      rows.push({
        month,
        type: 'Cash',
        budgetLine: cash.budgetLine,
        amountPence: pounds(cash.amount),
        reference: `${cash.reference}-${month}`,
      });
    }
    rows.push({
      month,
      type: 'In-kind',
      budgetLine: inKind.budgetLine,
      amountPence: pounds(inKind.days * inKind.dayRate),
      days: inKind.days,
      dayRatePence: pounds(inKind.dayRate),
      personEmail: inKind.email,
      notes: 'Secondee time to the shared team',
    });
    return rows;
  });

  const skills: SkillRow[] = SKILLS[council].map(([who, skill, level, daysPerMonth, extra]) => ({
    ...who,
    skill,
    level,
    daysPerMonth,
    ...(extra?.from ? { from: dateIn(extra.from) } : {}),
    ...(extra?.notes ? { notes: extra.notes } : {}),
  }));

  const projects: ProjectRow[] = [...PROJECTS, ...(options.latest ? LATEST_MONTH.newProjects : [])].flatMap(
    (p) => {
      const report = p.reports[council];
      if (!report) return [];
      const latestRag = options.latest ? LATEST_MONTH.rag[p.id] : undefined;
      const isLead = p.lead === council;
      const row: ProjectRow = {
        id: p.id,
        title: p.title,
        theme: p.theme,
        lead: p.lead,
        partners: p.partners,
        phase: p.phase,
        rag: latestRag ?? report.rag ?? p.rag,
        spentPence: pounds(report.spend * k),
        owner: p.owner,
        update: isLead ? p.update : `Partner update: ${p.update}`,
      };
      if (p.externalPartners) row.externalPartners = p.externalPartners;
      if (p.start) row.start = dateIn(p.start);
      if (p.due) row.due = dateIn(p.due);
      if (isLead && p.budget !== undefined) row.budgetPence = pounds(p.budget);
      if (isLead && p.savingsTarget !== undefined) row.savingsTargetPence = pounds(p.savingsTarget);
      if (report.savings !== undefined) row.savingsRealisedPence = pounds(report.savings * k);
      if (report.investment !== undefined) row.investmentPence = pounds(report.investment);
      return [row];
    },
  );

  return { period: asPeriod(period), contributions, skills, projects };
}

/** Every demo council's return for `period`, by council ID. */
export function demoSubmissions(
  period: string,
  options: DemoOptions = {},
): Record<DemoCouncil, CouncilSubmission> {
  return Object.fromEntries(
    DEMO_COUNCILS.map((c) => [c, demoCouncilSubmission(c, period, options)]),
  ) as Record<DemoCouncil, CouncilSubmission>;
}

const isDemoCouncil = (council: string): council is DemoCouncil =>
  (DEMO_COUNCILS as readonly string[]).includes(council);
