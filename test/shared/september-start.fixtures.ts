// A partnership that starts using the service in September (DESIGN §4, month on month): Cherwell, South
// Oxfordshire and Vale send returns from September; West Oxfordshire and the observer, Oxford City, first
// report in October. Every return carries the year's ledger. The figures below are worked out by hand
// from these rows, for the engine, the API, the workbook and the roll-up to be checked against.
import { asPeriod } from '../../shared/dates.js';
import type { ContributionRow, ProjectRow, SkillRow } from '../../shared/schemas.js';
import { DEMO_COUNCILS, demoPartnership, record } from './consolidate.fixtures.js';

export const OBSERVER = { id: 'oxford-city', name: 'Oxford City Council', population: 0 } as const;

/** The worked example's partnership (Equal shares) with an observer that pays nothing. */
export const septemberPartnership = () =>
  demoPartnership({
    councils: [
      ...DEMO_COUNCILS.map((c) => ({ ...c, membership: 'Member' as const })),
      { ...OBSERVER, membership: 'Observer' as const },
    ],
  });

const cash = (month: string, pounds: number): ContributionRow => ({
  month: asPeriod(month),
  type: 'Cash',
  budgetLine: 'CDO salary',
  amountPence: pounds * 100,
});
const inKind = (
  month: string,
  days: number,
  dayRatePounds: number,
  personEmail: string,
): ContributionRow => ({
  month: asPeriod(month),
  type: 'In-kind',
  budgetLine: 'Shared team',
  days,
  dayRatePence: dayRatePounds * 100,
  personEmail,
});
const project = (id: string, lead: string, over: Partial<ProjectRow> = {}): ProjectRow => ({
  id,
  title: `Project ${id}`,
  theme: 'Digital government',
  lead,
  partners: [],
  phase: 'Discovery',
  rag: 'Green',
  ...over,
});
const practitioner = (email: string, skill: SkillRow['skill']): SkillRow => ({
  person: email,
  email,
  organisationType: 'Council',
  organisation: email.split('@')[1]!,
  skill,
  level: 'Practitioner',
  daysPerMonth: 4,
});

/** The returns for September and October 2026. */
export function septemberStartReturns() {
  const cherwellSeptember = [
    cash('2026-04', 15_000),
    cash('2026-07', 10_000),
    inKind('2026-09', 2, 450, 'ann@cherwell.gov.uk'), // £900
  ];
  const cherwellSkills = [practitioner('ann@cherwell.gov.uk', 'User research')];
  const southSkills = [practitioner('bob@southoxon.gov.uk', 'User research')];
  const valeLedger = [cash('2026-06', 15_000)];
  return [
    record('cherwell', '2026-09', {
      contributions: cherwellSeptember,
      skills: cherwellSkills,
      projects: [
        project('P-1', 'cherwell'),
        project('P-2', 'cherwell', { phase: 'Alpha', rag: 'Amber', due: '2026-10-15' }),
      ],
    }),
    record('south-oxfordshire', '2026-09', {
      contributions: [cash('2026-04', 30_000), cash('2026-09', 10_000)],
      skills: southSkills,
      projects: [project('P-3', 'south-oxfordshire', { phase: 'Beta' })],
    }),
    record('vale-of-white-horse', '2026-09', { contributions: valeLedger }),
    record('cherwell', '2026-10', {
      contributions: [...cherwellSeptember, cash('2026-10', 12_350)],
      skills: cherwellSkills,
      projects: [
        project('P-1', 'cherwell', { phase: 'Alpha' }),
        // Due 15 October: not overdue at the end of September, overdue at the end of October.
        project('P-2', 'cherwell', { phase: 'Alpha', rag: 'Amber', due: '2026-10-15' }),
      ],
    }),
    record('south-oxfordshire', '2026-10', {
      // £5,000 for August, not in September's return: a restatement of the months before.
      contributions: [
        cash('2026-04', 30_000),
        cash('2026-08', 5_000),
        cash('2026-09', 10_000),
        cash('2026-10', 12_000),
      ],
      skills: [...southSkills, practitioner('cat@southoxon.gov.uk', 'Service design')],
      projects: [project('P-3', 'south-oxfordshire', { phase: 'Beta', rag: 'Red' })],
    }),
    record('vale-of-white-horse', '2026-10', { contributions: valeLedger }),
    record('west-oxfordshire', '2026-10', {
      contributions: [cash('2026-05', 40_000), cash('2026-10', 10_000)],
      skills: [
        practitioner('dan@westoxon.gov.uk', 'Development'),
        practitioner('eve@westoxon.gov.uk', 'Development'),
      ],
      projects: [project('P-4', 'west-oxfordshire')],
    }),
    record('oxford-city', '2026-10', {
      contributions: [inKind('2026-10', 3, 500, 'fay@oxford.gov.uk')], // £1,500
    }),
  ];
}

const MONTHS = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

/**
 * October 2026, by hand. Dues (Equal, the worked example): 6,479,316p each, West Oxfordshire 6,479,315p;
 * profiled due at k months is round(due × k / 12).
 */
export const OCTOBER = {
  changes: {
    since: '2026-09',
    firstReturns: ['oxford-city', 'west-oxfordshire'],
    // West Oxfordshire's P-4 and Development practitioners are in its first return: not news.
    projects: [
      { project: 'P-1', title: 'Project P-1', kind: 'phase', from: 'Discovery', to: 'Alpha' },
      { project: 'P-2', title: 'Project P-2', kind: 'overdue', from: false, to: true },
      { project: 'P-3', title: 'Project P-3', kind: 'rag', from: 'Green', to: 'Red' },
    ],
    contributions: [
      // Ledger to October £38,250, to September £25,900; September's view counted £25,900.
      { council: 'cherwell', receivedPence: 1_235_000, restatedPence: 0 },
      // To October £57,000, to September £45,000; September's view counted £40,000 (no August row).
      { council: 'south-oxfordshire', receivedPence: 1_200_000, restatedPence: 500_000 },
      { council: 'vale-of-white-horse', receivedPence: 0, restatedPence: 0 },
      // First return: to October £50,000, to September £40,000 (May); nothing restated.
      { council: 'west-oxfordshire', receivedPence: 1_000_000, restatedPence: 0 },
      { council: 'oxford-city', receivedPence: 150_000, restatedPence: 0 },
    ],
    skills: [{ skill: 'Service design', from: 'gap', to: 'fragile' }],
  },
  trend: {
    months: MONTHS,
    returns: [0, 0, 0, 0, 0, 3, 5],
    // Σ L(c, M) over the October returns: April £15,000 + £30,000; May + West's £40,000; June + Vale's
    // £15,000; July + Cherwell's £10,000; August + South's £5,000; September + £900 + £10,000; October
    // + £12,350 + £12,000 + £10,000 + £1,500.
    contributedPence: [4_500_000, 8_500_000, 10_000_000, 11_000_000, 11_500_000, 12_590_000, 16_175_000],
    // 4 × 539,943; 4 × 1,079,886; 4 × 1,619,829; 4 × 2,159,772; 4 × 2,699,715; 4 × 3,239,658;
    // 3 × 3,779,601 + 3,779,600.
    profiledDuePence: [2_159_772, 4_319_544, 6_479_316, 8_639_088, 10_798_860, 12_958_632, 15_118_403],
    rag: {
      Red: [null, null, null, null, null, 0, 1],
      Amber: [null, null, null, null, null, 1, 1],
      Green: [null, null, null, null, null, 2, 2],
    },
  },
  totals: {
    duePence: 25_917_263,
    profiledDuePence: 15_118_403,
    // £37,350 + £57,000 + £15,000 + £50,000.
    cashPaidPence: 15_935_000,
    // Cherwell's £900 and Oxford City's £1,500.
    inKindPence: 240_000,
    contributedPence: 16_175_000,
    // Members' balances: 6,479,316 − 3,825,000; 6,479,316 − 5,700,000; 6,479,316 − 1,500,000;
    // 6,479,315 − 5,000,000.
    outstandingPence: 2_654_316 + 779_316 + 4_979_316 + 1_479_315,
    // Only Vale is behind: 3,779,601 − 1,500,000.
    arrearsPence: 2_279_601,
    // Oxford City contributed £1,500 with nothing due.
    overpaidPence: 150_000,
  },
} as const;

/** September 2026: nobody had a return for August, so all three returns are first returns. */
export const SEPTEMBER = {
  changes: {
    since: '2026-08',
    firstReturns: ['cherwell', 'south-oxfordshire', 'vale-of-white-horse'],
    projects: [],
    contributions: [
      { council: 'cherwell', receivedPence: 90_000, restatedPence: 0 },
      { council: 'south-oxfordshire', receivedPence: 1_000_000, restatedPence: 0 },
      { council: 'vale-of-white-horse', receivedPence: 0, restatedPence: 0 },
      { council: 'west-oxfordshire', receivedPence: 0, restatedPence: 0 },
      { council: 'oxford-city', receivedPence: 0, restatedPence: 0 },
    ],
    skills: [],
  },
  trend: {
    months: MONTHS.slice(0, 6),
    returns: [0, 0, 0, 0, 0, 3],
    contributedPence: [4_500_000, 4_500_000, 6_000_000, 7_000_000, 7_000_000, 8_090_000],
    profiledDuePence: [2_159_772, 4_319_544, 6_479_316, 8_639_088, 10_798_860, 12_958_632],
    rag: {
      Red: [null, null, null, null, null, 0],
      Amber: [null, null, null, null, null, 1],
      Green: [null, null, null, null, null, 2],
    },
  },
} as const;
