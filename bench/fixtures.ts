// Synthetic data at the sizes the targets name: a partnership of N councils, each returning R project
// rows (a quarter led by itself, the rest as one of three partners of another council's project), a
// year of cash and in-kind contributions, and a few people per council. For the year's trend, every
// council returns every month, with some projects moving in RAG and phase from month to month.
import { demoPartnership } from '../demo/partnership.js';
import {
  asPeriod,
  financialYearOf,
  monthIndexInFinancialYear,
  monthsOfFinancialYear,
} from '../shared/dates.js';
import type { CouncilSubmission, Partnership, ProjectRow, SubmissionRecord } from '../shared/schemas.js';
import { PHASES, RAGS, SKILL_LEVELS, SKILLS, THEMES } from '../shared/vocabulary.js';

export const BENCH_PERIOD = asPeriod('2027-02');

const councilId = (i: number) => `council-${String(i + 1).padStart(3, '0')}`;

/** The demo partnership's budget and funding shared among `councils` synthetic councils. */
export function benchPartnership(councils: number): Partnership {
  return {
    ...demoPartnership,
    name: `Benchmark partnership of ${councils} councils`,
    councils: Array.from({ length: councils }, (_, i) => ({
      id: councilId(i),
      name: `Council ${i + 1}`,
      membership: 'Member' as const,
      population: 80_000 + ((i * 7_919) % 150_000),
    })),
    cdoTime: [],
  };
}

/**
 * Month `m` of the FY (0 = April) moves every fourth project's RAG on by one and every tenth project's
 * phase on by one each quarter; lead and partners report the same, so months differ but never conflict.
 */
function projectRow(
  id: string,
  lead: string,
  partners: string[],
  i: number,
  isLead: boolean,
  m: number,
): ProjectRow {
  return {
    id,
    title: `Project ${id}: shared service improvement number ${i}`,
    theme: THEMES[i % THEMES.length]!,
    lead,
    partners,
    phase: PHASES[Math.min(PHASES.length - 1, (i % PHASES.length) + (i % 10 === 0 ? Math.floor(m / 3) : 0))]!,
    rag: RAGS[(i * 7 + (i % 4 === 0 ? m : 0)) % RAGS.length]!,
    start: '2026-04-01',
    due: i % 3 === 0 ? '2026-12-31' : '2027-06-30',
    ...(isLead ? { budgetPence: 1_000_000 + i * 137, savingsTargetPence: 250_000 + i * 11 } : {}),
    spentPence: 40_000 + ((i * 31) % 9_000),
    savingsRealisedPence: (i * 13) % 5_000,
    investmentPence: i % 10 === 0 ? 500_000 : 0,
    owner: `Owner ${i % 50}`,
    update: `Progress note for ${id}: on track with minor risks noted at the last board.`,
  };
}

/**
 * Project rows of council `c`: it leads `rows / 4` projects, each shared with the next three councils,
 * and so takes part in three quarters of its rows as a partner of the three councils before it.
 */
function projectRows(c: number, councils: number, rows: number, m: number): ProjectRow[] {
  const led = Math.floor(rows / 4);
  const out: ProjectRow[] = [];
  for (const offset of [0, 1, 2, 3]) {
    const leadIndex = (c - offset + councils) % councils;
    const lead = councilId(leadIndex);
    const partners = [1, 2, 3].map((k) => councilId((leadIndex + k) % councils));
    const count = offset === 0 ? rows - 3 * led : led;
    for (let p = 0; p < count; p++) {
      const i = leadIndex * 1_000 + p;
      out.push(projectRow(`P${leadIndex + 1}-${p + 1}`, lead, partners, i, offset === 0, m));
    }
  }
  return out;
}

export function benchSubmission(
  c: number,
  councils: number,
  rows: number,
  period = BENCH_PERIOD,
): CouncilSubmission {
  const id = councilId(c);
  const k = monthIndexInFinancialYear(period);
  const months = monthsOfFinancialYear(financialYearOf(period)).slice(0, k);
  const email = (n: number) => `person${n}@${id}.example`;
  return {
    period: asPeriod(period),
    contributions: months.flatMap((month) => [
      {
        month,
        type: 'Cash' as const,
        budgetLine: 'CDO salary',
        amountPence: 150_000 + c,
        reference: `INV-${month}`,
      },
      {
        month,
        type: 'In-kind' as const,
        budgetLine: 'Shared team',
        amountPence: 2 * 35_000,
        days: 2,
        dayRatePence: 35_000,
        personEmail: email(0),
      },
    ]),
    skills: SKILLS.slice(0, 4).map((skill, n) => ({
      person: `Person ${n} of ${id}`,
      email: email(n),
      organisationType: 'Council' as const,
      organisation: `Council ${c + 1}`,
      skill,
      level: SKILL_LEVELS[(c + n) % SKILL_LEVELS.length]!,
      daysPerMonth: 4,
    })),
    projects: projectRows(c, councils, rows, k - 1),
  };
}

/** Each council's return for `period`, one at a time, as the service reads them from its store. */
export function* eachBenchRecord(
  councils: number,
  rows: number,
  period = BENCH_PERIOD,
): Generator<SubmissionRecord> {
  for (let c = 0; c < councils; c++) {
    yield {
      council: councilId(c),
      period,
      version: 1,
      submittedAt: '2027-03-05T09:00:00.000Z',
      review: 'pending' as const,
      data: benchSubmission(c, councils, rows, period),
    };
  }
}

export const benchRecords = (councils: number, rows: number, period = BENCH_PERIOD): SubmissionRecord[] => [
  ...eachBenchRecord(councils, rows, period),
];

/** Every council's return for each month of the FY up to `period`: the year's trend at full size. */
export function benchYearRecords(councils: number, rows: number, period: string): SubmissionRecord[] {
  const months = monthsOfFinancialYear(financialYearOf(period)).slice(0, monthIndexInFinancialYear(period));
  return months.flatMap((month) => benchRecords(councils, rows, month));
}
