// Domain schemas (zod) of what is not a sheet: problems, stored submissions and the consolidated view.
// The sheets' rows, a council's submission and the partnership are defined once in shared/sheets/ and
// re-exported here. Types are inferred from them; the API, the OpenAPI document and the store all use
// these.
import { z } from 'zod';
import { PROBLEM_KEYS } from './i18n/en-problems.js';
import { WARNING_KEYS } from './i18n/en-warnings.js';
import { agreementSummarySchema } from './agreements.js';
import {
  councilIdSchema,
  councilSubmissionSchema,
  financialYearSchema,
  isoDateSchema,
  periodTextSchema,
} from './sheets/index.js';
import {
  COST_SHARE_METHODS,
  COVERAGE_STATUSES,
  MEMBERSHIPS,
  ORGANISATION_TYPES,
  PHASES,
  RAGS,
  REVIEW_STATUSES,
  SKILL_LEVELS,
  SKILLS,
  THEMES,
} from './vocabulary.js';

export {
  budgetLineSchema,
  cdoTimeSchema,
  contributionRowSchema,
  costShareSchema,
  councilIdSchema,
  councilSchema,
  councilSubmissionSchema,
  emailSchema,
  financialYearSchema,
  fundingSchema,
  isoDateSchema,
  MAX_ROWS_PER_SHEET,
  parseCouncilSubmission,
  partnershipSchema,
  penceSchema,
  periodSchema,
  periodTextSchema,
  projectRowSchema,
  skillRowSchema,
  type BudgetLine,
  type CdoTime,
  type ContributionRow,
  type CostShare,
  type Council,
  type CouncilSubmission,
  type Funding,
  type Partnership,
  type PartnershipInput,
  type ProjectRow,
  type SkillRow,
} from './sheets/index.js';

// ---- Problems -------------------------------------------------------------------------------------

const plainValueSchema = z.union([z.string(), z.number()]);
const problemKeySchema = z.enum(PROBLEM_KEYS);

/**
 * The values of a sentence's placeholders. A value is a name, a figure or a cell's text, the same in every
 * language; a phrase of the problems' catalogue; a list of items joined with the language's "and"; a month
 * (YYYY-MM), written in the language; or a word of the fixed vocabulary (a cost-share method), in the
 * language.
 */
const sayValuesSchema = z
  .record(
    z.string(),
    z.union([
      plainValueSchema,
      z.object({ key: problemKeySchema, values: z.record(z.string(), plainValueSchema).optional() }),
      z.object({ and: z.array(z.string()) }),
      z.object({ month: z.string() }),
      z.object({ word: z.string() }),
    ]),
  )
  .optional();

/**
 * What a problem says, as a key of the problems' catalogue (shared/i18n/en-problems.ts) and the values of
 * its placeholders, so a client can say it in its reader's language (DESIGN §12).
 */
export const saySchema = z.object({ key: problemKeySchema, values: sayValuesSchema });

/** What a consolidation warning says, the same way, by a key of shared/i18n/en-warnings.ts. */
export const warningSaySchema = z.object({ key: z.enum(WARNING_KEYS), values: sayValuesSchema });

export const problemSchema = z.object({
  sheet: z.string(),
  /** The row number as Excel shows it; null for a problem with the whole sheet. */
  row: z.int().nullable(),
  /** The column header; null for a problem with the whole row or sheet. */
  column: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning', 'note']),
  /** In English: a client that reads another language renders `say`. */
  message: z.string(),
  say: saySchema
    .optional()
    .describe(
      "What the message says, as a key of the service's problem catalogue and its values, for a client to say it in its reader's language; absent on receipts stored before it was added",
    ),
});
export type Problem = z.infer<typeof problemSchema>;

// ---- Stored submissions and the consolidated view (DESIGN §4, §5) --------------------------------

/** One stored version of a council's return, as consolidation sees it. */
export const submissionRecordSchema = z.object({
  council: councilIdSchema,
  period: periodTextSchema,
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
  /** Last year's closing balance (DESIGN §10), shown apart from this year's due; 0 until that year is closed. */
  broughtForwardPence: z.int().optional(),
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
  /** In English: a client that reads another language renders `say`. */
  message: z.string(),
  say: warningSaySchema
    .optional()
    .describe(
      "What the message says, as a key of the service's warning catalogue and its values, for a client to say it in its reader's language",
    ),
});
export type DataQualityWarning = z.infer<typeof dataQualityWarningSchema>;

/** DESIGN §4 "Headline totals": computed by shared/report/totals.ts. */
export const contributionTotalsSchema = z.object({
  duePence: z.int(),
  profiledDuePence: z.int(),
  cashPaidPence: z.int(),
  inKindPence: z.int(),
  contributedPence: z.int(),
  /** Σ max(0, balance): still to pay this year, whether or not it has fallen due. */
  outstandingPence: z.int(),
  /** Σ max(0, profiled due − contributed): behind profile. */
  arrearsPence: z.int(),
  /** Σ max(0, −balance): paid beyond the due. */
  overpaidPence: z.int(),
  /** Σ broughtForwardPence (DESIGN §10). */
  broughtForwardPence: z.int().optional(),
});
export type ContributionTotals = z.infer<typeof contributionTotalsSchema>;

const countsSchema = z.record(z.string(), z.int());

/** The consolidated view of one month by the rules of DESIGN §4, before it is compared with others. */
export const monthViewSchema = z.object({
  period: periodTextSchema,
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
    carriedForward: z.array(z.object({ council: councilIdSchema, from: periodTextSchema })),
    warnings: z.array(dataQualityWarningSchema),
  }),
  submissions: z.array(
    z.object({
      council: councilIdSchema,
      period: periodTextSchema,
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
  since: periodTextSchema.nullable(),
  /** Councils whose return counts for P while none counted for `since`: never news, only first returns. */
  firstReturns: z.array(councilIdSchema),
  /** P's view without the first returns, against the view of `since`. */
  projects: z.array(projectChangeSchema),
  /**
   * For every council, from the ledger of its return that counts for P: what it dates in the months
   * after `since` up to P (received), and how much that ledger changed the months up to `since` from what
   * the view of `since` counted (restated).
   */
  contributions: z.array(
    z.object({ council: councilIdSchema, receivedPence: z.int(), restatedPence: z.int() }),
  ),
  skills: z.array(
    z.object({ skill: z.enum(SKILLS), from: z.enum(COVERAGE_STATUSES), to: z.enum(COVERAGE_STATUSES) }),
  ),
});
export type Changes = z.infer<typeof changesSchema>;

/** A month's project count by RAG, or null when no return counts for the month: no data, never a zero. */
const ragCountsSchema = z.array(z.int().nullable());

/** Partnership totals of each month of the FY up to P, one entry per month. */
export const trendSchema = z.object({
  months: z.array(periodTextSchema),
  /** How many councils have a return that counts for the month. */
  returns: z.array(z.int()),
  /** From the ledgers of the returns that count for P: what they date up to each month. */
  contributedPence: z.array(z.int()),
  profiledDuePence: z.array(z.int()),
  rag: z.object({ Red: ragCountsSchema, Amber: ragCountsSchema, Green: ragCountsSchema }),
});
export type Trend = z.infer<typeof trendSchema>;

export const consolidatedViewSchema = monthViewSchema.extend({
  changes: changesSchema,
  trend: trendSchema,
  /** The FY's latest agreement of cost shares (DESIGN §10); the service adds it, offline views have none. */
  agreement: agreementSummarySchema.optional(),
});
export type ConsolidatedView = z.infer<typeof consolidatedViewSchema>;
