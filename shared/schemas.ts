// Domain schemas (zod): the one definition of the partnership, a council submission and the consolidated
// view. Types are inferred from them; the API, the OpenAPI document and the store all use these.
import { z } from 'zod';
import { isValidFinancialYear, isValidIsoDate } from './dates.js';
import {
  CONTRIBUTION_TYPES,
  COST_SHARE_METHODS,
  COUNCIL_ID_PATTERN,
  COVERAGE_STATUSES,
  FINANCIAL_YEAR_PATTERN,
  FUNDING_STATUSES,
  MEMBERSHIPS,
  ORGANISATION_TYPES,
  PERIOD_PATTERN,
  PHASES,
  PROJECT_ID_PATTERN,
  RAGS,
  REVIEW_STATUSES,
  SKILL_LEVELS,
  SKILLS,
  THEMES,
} from './vocabulary.js';

export const councilIdSchema = z
  .string()
  .regex(COUNCIL_ID_PATTERN, 'a council ID is lower-case letters and digits joined by hyphens');
const PERIOD_FORM = 'a period is a month written YYYY-MM';
export const periodSchema = z
  .string({ error: (issue) => (issue.input === undefined ? `required: ${PERIOD_FORM}` : PERIOD_FORM) })
  .regex(PERIOD_PATTERN, PERIOD_FORM);
export const financialYearSchema = z
  .string()
  .regex(FINANCIAL_YEAR_PATTERN, 'a financial year is written like 2026-27')
  .refine(isValidFinancialYear, 'a financial year names two consecutive years, like 2026-27');
export const isoDateSchema = z.string().refine(isValidIsoDate, 'a date is written YYYY-MM-DD');
/** Integer pence; never floating-point pounds. */
export const penceSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
export const emailSchema = z.email().max(254);

// ---- Council submission (DESIGN §3.1) -------------------------------------------------------------

export const contributionRowSchema = z.strictObject({
  month: periodSchema,
  type: z.enum(CONTRIBUTION_TYPES),
  budgetLine: z.string().min(1).max(200),
  /** Cash: the payment. In-kind: Days × Day rate, computed when the cell is blank. */
  amountPence: penceSchema.optional(),
  days: z.number().positive().multipleOf(0.5).max(31).optional(),
  dayRatePence: penceSchema.optional(),
  personEmail: emailSchema.optional(),
  reference: z.string().max(100).optional(),
  notes: z.string().max(500).optional(),
});
export type ContributionRow = z.infer<typeof contributionRowSchema>;

export const skillRowSchema = z.strictObject({
  person: z.string().min(1).max(200),
  email: emailSchema,
  organisationType: z.enum(ORGANISATION_TYPES),
  organisation: z.string().min(1).max(200),
  skill: z.enum(SKILLS),
  level: z.enum(SKILL_LEVELS),
  daysPerMonth: z.number().min(0).max(23),
  dayRatePence: penceSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  notes: z.string().max(1000).optional(),
});
export type SkillRow = z.infer<typeof skillRowSchema>;

export const projectRowSchema = z.strictObject({
  id: z
    .string()
    .regex(PROJECT_ID_PATTERN, 'a Project ID is up to 32 letters, digits, dots, dashes or underscores'),
  title: z.string().min(1).max(200),
  theme: z.enum(THEMES),
  lead: councilIdSchema,
  partners: z.array(councilIdSchema).default([]),
  externalPartners: z.string().max(500).optional(),
  phase: z.enum(PHASES),
  rag: z.enum(RAGS),
  start: isoDateSchema.optional(),
  due: isoDateSchema.optional(),
  budgetPence: penceSchema.optional(),
  spentPence: penceSchema.optional(),
  savingsTargetPence: penceSchema.optional(),
  savingsRealisedPence: penceSchema.optional(),
  investmentPence: penceSchema.optional(),
  owner: z.string().max(200).optional(),
  update: z.string().max(1000).optional(),
});
export type ProjectRow = z.infer<typeof projectRowSchema>;

/** Rows a sheet of a return or of the partnership may hold, whether sent as a workbook or as JSON. */
export const MAX_ROWS_PER_SHEET = 50_000;
const sheetRows = <T extends z.ZodType>(row: T) =>
  z
    .array(row, {
      error: (issue) => (issue.input === undefined ? 'required (send [] for an empty sheet)' : undefined),
    })
    .max(MAX_ROWS_PER_SHEET);

/**
 * What a council submits for a period: the JSON body of POST /councils/{id}/submissions. Every sheet
 * is required (an empty one is []), so a body that forgets one cannot silently remove its rows.
 */
export const councilSubmissionSchema = z.strictObject({
  period: periodSchema,
  contributions: sheetRows(contributionRowSchema),
  skills: sheetRows(skillRowSchema),
  projects: sheetRows(projectRowSchema),
});
export type CouncilSubmission = z.infer<typeof councilSubmissionSchema>;

// ---- Partnership (DESIGN §3.2) --------------------------------------------------------------------

export const councilSchema = z.strictObject({
  id: councilIdSchema,
  name: z.string().min(1).max(200),
  membership: z.enum(MEMBERSHIPS),
  population: z.int().min(0).default(0),
  contactEmail: emailSchema.optional(),
  /** Blank: a member since before the partnership's records begin. */
  joined: isoDateSchema.optional(),
  left: isoDateSchema.optional(),
});
export type Council = z.infer<typeof councilSchema>;

export const budgetLineSchema = z.strictObject({
  financialYear: financialYearSchema,
  budgetLine: z.string().min(1).max(200),
  amountPence: penceSchema,
  notes: z.string().max(500).optional(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const fundingSchema = z.strictObject({
  financialYear: financialYearSchema,
  funder: z.string().min(1).max(200),
  amountPence: penceSchema,
  status: z.enum(FUNDING_STATUSES),
  notes: z.string().max(500).optional(),
});
export type Funding = z.infer<typeof fundingSchema>;

export const cdoTimeSchema = z.strictObject({
  month: periodSchema,
  council: councilIdSchema,
  days: z.number().min(0).max(31),
  notes: z.string().max(500).optional(),
});
export type CdoTime = z.infer<typeof cdoTimeSchema>;

export const costShareSchema = z.strictObject({
  financialYear: financialYearSchema,
  council: councilIdSchema,
  sharePercent: z.number().min(0).max(100),
});
export type CostShare = z.infer<typeof costShareSchema>;

export const partnershipSchema = z.strictObject({
  name: z.string().min(1).max(200),
  costShareMethod: z.enum(COST_SHARE_METHODS),
  hybridEqualPercent: z.number().min(0).max(100).default(50),
  submissionDeadlineDay: z.int().min(1).max(28).default(10),
  rollupRecipients: z.array(emailSchema).default([]),
  reminderDaysBeforeDeadline: z.int().min(0).max(27).default(3),
  councils: sheetRows(councilSchema).min(1),
  budget: sheetRows(budgetLineSchema).default([]),
  funding: sheetRows(fundingSchema).default([]),
  cdoTime: sheetRows(cdoTimeSchema).default([]),
  costShares: sheetRows(costShareSchema).default([]),
});
export type Partnership = z.infer<typeof partnershipSchema>;
export type PartnershipInput = z.input<typeof partnershipSchema>;

// ---- Problems -------------------------------------------------------------------------------------

export const problemSchema = z.object({
  sheet: z.string(),
  /** The row number as Excel shows it; null for a problem with the whole sheet. */
  row: z.int().nullable(),
  /** The column header; null for a problem with the whole row or sheet. */
  column: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning', 'note']),
  message: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

// ---- Stored submissions and the consolidated view (DESIGN §4, §5) --------------------------------

/** One stored version of a council's return, as consolidation sees it. */
export const submissionRecordSchema = z.object({
  council: councilIdSchema,
  period: periodSchema,
  version: z.int().min(1),
  submittedAt: z.string(),
  review: z.enum(REVIEW_STATUSES),
  data: councilSubmissionSchema,
});
export type SubmissionRecord = z.infer<typeof submissionRecordSchema>;

export const councilContributionSchema = z.object({
  council: councilIdSchema,
  name: z.string(),
  membership: z.enum(MEMBERSHIPS),
  monthsOfMembership: z.int(),
  duePence: z.int(),
  profiledDuePence: z.int(),
  cashPaidPence: z.int(),
  inKindPence: z.int(),
  contributedPence: z.int(),
  balancePence: z.int(),
  status: z.enum(['paid', 'on-track', 'behind']),
});
export type CouncilContribution = z.infer<typeof councilContributionSchema>;

export const skillCoverageSchema = z.object({
  skill: z.enum(SKILLS),
  people: z.int(),
  practitioners: z.int(),
  fte: z.number(),
  externalFte: z.number(),
  councils: z.int(),
  status: z.enum(COVERAGE_STATUSES),
});
export type SkillCoverage = z.infer<typeof skillCoverageSchema>;

export const personSchema = z.object({
  email: z.string(),
  name: z.string(),
  organisationType: z.enum(ORGANISATION_TYPES),
  organisation: z.string(),
  councils: z.array(councilIdSchema),
  fte: z.number(),
  skills: z.array(z.object({ skill: z.enum(SKILLS), level: z.enum(SKILL_LEVELS), daysPerMonth: z.number() })),
});
export type Person = z.infer<typeof personSchema>;

export const skillConflictSchema = z.object({
  email: z.string(),
  skill: z.enum(SKILLS),
  field: z.enum(['level', 'daysPerMonth']),
  values: z.array(z.object({ council: councilIdSchema, value: z.union([z.string(), z.number()]) })),
});
export type SkillConflict = z.infer<typeof skillConflictSchema>;

export const consolidatedProjectSchema = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.enum(THEMES),
  lead: councilIdSchema,
  partners: z.array(councilIdSchema),
  phase: z.enum(PHASES),
  rag: z.enum(RAGS),
  start: isoDateSchema.nullable(),
  due: isoDateSchema.nullable(),
  budgetPence: z.int(),
  spentPence: z.int(),
  savingsTargetPence: z.int(),
  savingsRealisedPence: z.int(),
  investmentPence: z.int(),
  overdue: z.boolean(),
  reportedBy: z.array(councilIdSchema),
  update: z.string().nullable(),
});
export type ConsolidatedProject = z.infer<typeof consolidatedProjectSchema>;

export const projectConflictSchema = z.object({
  project: z.string(),
  field: z.enum(['title', 'phase', 'rag', 'lead']),
  council: councilIdSchema,
  value: z.string(),
  leadValue: z.string(),
});
export type ProjectConflict = z.infer<typeof projectConflictSchema>;

export const dataQualityWarningSchema = z.object({
  code: z.string(),
  council: councilIdSchema.nullable(),
  project: z.string().nullable(),
  message: z.string(),
});
export type DataQualityWarning = z.infer<typeof dataQualityWarningSchema>;

/** DESIGN §4 "Headline totals": computed by shared/report/totals.ts. */
export const contributionTotalsSchema = z.object({
  duePence: z.int(),
  profiledDuePence: z.int(),
  cashPaidPence: z.int(),
  inKindPence: z.int(),
  contributedPence: z.int(),
  /** Σ max(0, balance): still to be paid. */
  outstandingPence: z.int(),
  /** Σ max(0, −balance): paid beyond the due. */
  overpaidPence: z.int(),
});
export type ContributionTotals = z.infer<typeof contributionTotalsSchema>;

const countsSchema = z.record(z.string(), z.int());

/** The consolidated view of one month by the rules of DESIGN §4, before it is compared with others. */
export const monthViewSchema = z.object({
  period: periodSchema,
  financialYear: financialYearSchema,
  partnership: z.string(),
  contributions: z.object({
    budgetPence: z.int(),
    fundingPence: z.int(),
    netCostPence: z.int(),
    surplusPence: z.int(),
    method: z.enum(COST_SHARE_METHODS),
    /** The method actually applied: Usage falls back to Equal when no CDO time is recorded. */
    appliedMethod: z.enum(COST_SHARE_METHODS),
    totals: contributionTotalsSchema,
    councils: z.array(councilContributionSchema),
  }),
  skills: z.object({
    coverage: z.array(skillCoverageSchema),
    people: z.array(personSchema),
    conflicts: z.array(skillConflictSchema),
  }),
  projects: z.object({
    items: z.array(consolidatedProjectSchema),
    conflicts: z.array(projectConflictSchema),
    byPhase: countsSchema,
    byRag: countsSchema,
    byTheme: countsSchema,
    totals: z.object({
      count: z.int(),
      overdue: z.int(),
      budgetPence: z.int(),
      spentPence: z.int(),
      savingsTargetPence: z.int(),
      savingsRealisedPence: z.int(),
      investmentPence: z.int(),
    }),
  }),
  dataQuality: z.object({
    missing: z.array(councilIdSchema),
    carriedForward: z.array(z.object({ council: councilIdSchema, from: periodSchema })),
    warnings: z.array(dataQualityWarningSchema),
  }),
  submissions: z.array(
    z.object({
      council: councilIdSchema,
      period: periodSchema,
      version: z.int(),
      submittedAt: z.string(),
      review: z.enum(REVIEW_STATUSES),
    }),
  ),
});
export type MonthView = z.infer<typeof monthViewSchema>;

const phaseSchema = z.enum(PHASES);
const ragSchema = z.enum(RAGS);
const projectChange = <K extends string, F extends z.ZodType, T extends z.ZodType>(kind: K, from: F, to: T) =>
  z.object({ project: z.string(), title: z.string(), kind: z.literal(kind), from, to });

/** One way a project differs between the earlier month and P (DESIGN §4, month on month). */
export const projectChangeSchema = z.discriminatedUnion('kind', [
  projectChange('new', z.null(), phaseSchema),
  projectChange('removed', phaseSchema, z.null()),
  projectChange('phase', phaseSchema, phaseSchema),
  projectChange('rag', ragSchema, ragSchema),
  projectChange('overdue', z.literal(false), z.literal(true)),
]);
export type ProjectChange = z.infer<typeof projectChangeSchema>;

export const changesSchema = z.object({
  /** The month P is compared with: P−1 unless another is asked for; null in April. */
  since: periodSchema.nullable(),
  projects: z.array(projectChangeSchema),
  /** contributed(P) − contributed(since), for every council. */
  contributions: z.array(z.object({ council: councilIdSchema, receivedPence: z.int() })),
  skills: z.array(
    z.object({ skill: z.enum(SKILLS), from: z.enum(COVERAGE_STATUSES), to: z.enum(COVERAGE_STATUSES) }),
  ),
});
export type Changes = z.infer<typeof changesSchema>;

/** Partnership totals of each month of the FY up to P, one entry per month. */
export const trendSchema = z.object({
  months: z.array(periodSchema),
  contributedPence: z.array(z.int()),
  profiledDuePence: z.array(z.int()),
  rag: z.object({ Red: z.array(z.int()), Amber: z.array(z.int()), Green: z.array(z.int()) }),
});
export type Trend = z.infer<typeof trendSchema>;

export const consolidatedViewSchema = monthViewSchema.extend({ changes: changesSchema, trend: trendSchema });
export type ConsolidatedView = z.infer<typeof consolidatedViewSchema>;
