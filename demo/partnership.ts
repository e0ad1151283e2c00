// The demo partnership: the four Oxfordshire district councils of the design's worked example (DESIGN
// §4), FY 2026-27. Addresses use the reserved `.example` domain so the demo never e-mails anyone real.
import { partnershipSchema, type Partnership } from '../shared/schemas.js';

export const DEMO_FINANCIAL_YEAR = '2026-27';
/** The month the demo returns are for unless another month of the year is asked for. */
export const DEMO_PERIOD = '2026-11';
export const DEMO_COUNCILS = [
  'cherwell',
  'south-oxfordshire',
  'vale-of-white-horse',
  'west-oxfordshire',
] as const;
export type DemoCouncil = (typeof DEMO_COUNCILS)[number];

const FY = DEMO_FINANCIAL_YEAR;

export const demoPartnership: Partnership = partnershipSchema.parse({
  name: 'Oxfordshire Districts Digital Partnership',
  costShareMethod: 'Hybrid',
  hybridEqualPercent: 50,
  submissionDeadlineDay: 10,
  rollupRecipients: ['board@oxfordshire-districts.example', 'cdo@oxfordshire-districts.example'],
  reminderDaysBeforeDeadline: 3,
  councils: [
    {
      id: 'cherwell',
      name: 'Cherwell District Council',
      membership: 'Member',
      population: 164_200,
      contactEmail: 'digital@cherwell.example',
    },
    {
      id: 'south-oxfordshire',
      name: 'South Oxfordshire District Council',
      membership: 'Member',
      population: 151_800,
      contactEmail: 'digital@south-oxfordshire.example',
    },
    {
      id: 'vale-of-white-horse',
      name: 'Vale of White Horse District Council',
      membership: 'Member',
      population: 142_100,
      contactEmail: 'digital@vale-of-white-horse.example',
    },
    {
      id: 'west-oxfordshire',
      name: 'West Oxfordshire District Council',
      membership: 'Member',
      population: 116_300,
      contactEmail: 'digital@west-oxfordshire.example',
    },
  ],
  budget: [
    { financialYear: FY, budgetLine: 'CDO salary', amountPence: 10_695_200 },
    {
      financialYear: FY,
      budgetLine: 'CDO on-costs',
      amountPence: 3_572_063,
      notes: 'Employer pension and NI',
    },
    { financialYear: FY, budgetLine: 'Shared team', amountPence: 18_000_000 },
    { financialYear: FY, budgetLine: 'Tools and licences', amountPence: 1_200_000 },
    { financialYear: FY, budgetLine: 'Travel and events', amountPence: 450_000 },
  ],
  funding: [
    { financialYear: FY, funder: 'Local Digital Fund', amountPence: 8_000_000, status: 'Confirmed' },
    {
      financialYear: FY,
      funder: 'Oxfordshire Growth Board',
      amountPence: 4_000_000,
      status: 'Expected',
      notes: 'Bid decision due in the autumn',
    },
  ],
  cdoTime: [
    { month: '2026-04', council: 'cherwell', days: 5 },
    { month: '2026-04', council: 'south-oxfordshire', days: 4 },
    { month: '2026-04', council: 'vale-of-white-horse', days: 4 },
    { month: '2026-04', council: 'west-oxfordshire', days: 3 },
    { month: '2026-05', council: 'cherwell', days: 4.5 },
    { month: '2026-05', council: 'south-oxfordshire', days: 5 },
    { month: '2026-05', council: 'vale-of-white-horse', days: 3.5 },
    { month: '2026-05', council: 'west-oxfordshire', days: 3, notes: 'Digital inclusion workshop' },
  ],
  costShares: [],
});

/**
 * The demo partnership with the worked example's budget and funding in each of the given financial
 * years, so the demo loaded on a first start works whatever today's date is.
 */
export function demoPartnershipFor(financialYears: readonly string[]): Partnership {
  const years = [...new Set(financialYears)];
  return {
    ...demoPartnership,
    budget: years.flatMap((financialYear) => demoPartnership.budget.map((b) => ({ ...b, financialYear }))),
    funding: years.flatMap((financialYear) => demoPartnership.funding.map((f) => ({ ...f, financialYear }))),
  };
}
