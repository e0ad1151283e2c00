// Builders for consolidation tests: the demo partnership of the worked example (DESIGN §4) and returns.
import type { z } from 'zod';
import {
  partnershipSchema,
  submissionRecordSchema,
  type councilSubmissionSchema,
  type Partnership,
  type PartnershipInput,
  type SubmissionRecord,
} from '../../shared/schemas.js';

export const DEMO_COUNCILS = [
  { id: 'cherwell', name: 'Cherwell District Council', population: 164_200 },
  { id: 'south-oxfordshire', name: 'South Oxfordshire District Council', population: 151_800 },
  { id: 'vale-of-white-horse', name: 'Vale of White Horse District Council', population: 142_100 },
  { id: 'west-oxfordshire', name: 'West Oxfordshire District Council', population: 116_300 },
] as const;

/** The worked example: net cost £259,172.63 in FY 2026-27. */
export function demoPartnership(overrides: Partial<PartnershipInput> = {}): Partnership {
  return partnershipSchema.parse({
    name: 'Oxfordshire Digital Partnership',
    costShareMethod: 'Equal',
    councils: DEMO_COUNCILS.map((c) => ({ ...c, membership: 'Member' })),
    budget: [
      ['CDO salary', 10_695_200],
      ['CDO on-costs', 3_572_063],
      ['Shared team', 18_000_000],
      ['Tools and licences', 1_200_000],
      ['Travel and events', 450_000],
    ].map(([budgetLine, amountPence]) => ({ financialYear: '2026-27', budgetLine, amountPence })),
    funding: [
      { financialYear: '2026-27', funder: 'Local Digital Fund', amountPence: 8_000_000, status: 'Confirmed' },
      { financialYear: '2026-27', funder: 'Expected grant', amountPence: 4_000_000, status: 'Expected' },
    ],
    ...overrides,
  });
}

let nextSecond = 0;

/** One stored version of a council's return; rows go through the real schema (defaults filled in). */
export function record(
  council: string,
  period: string,
  data: Partial<Omit<z.input<typeof councilSubmissionSchema>, 'period'>> = {},
  meta: Partial<Pick<SubmissionRecord, 'version' | 'review' | 'submittedAt'>> = {},
): SubmissionRecord {
  nextSecond += 1;
  return submissionRecordSchema.parse({
    council,
    period,
    version: meta.version ?? 1,
    review: meta.review ?? 'pending',
    submittedAt: meta.submittedAt ?? new Date(Date.UTC(2026, 5, 1, 9, 0, nextSecond)).toISOString(),
    data: { period, contributions: [], skills: [], projects: [], ...data },
  });
}

export const duesOf = (view: { contributions: { councils: { council: string; duePence: number }[] } }) =>
  view.contributions.councils.map((c) => c.duePence);
