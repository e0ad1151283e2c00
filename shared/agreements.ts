// The partnership's year (DESIGN §10): the agreement of a financial year's cost shares by every Member,
// and the year's close with each council's final statement. Schemas for the API, the pane and the CLI.
import { z } from 'zod';
import {
  budgetLineSchema,
  costShareSchema,
  councilIdSchema,
  financialYearSchema,
  fundingSchema,
} from './sheets/index.js';
import { listAnd, message, messagesIn, type Locale } from './i18n/index.js';
import { COST_SHARE_METHODS, MEMBERSHIPS } from './vocabulary.js';

export const AGREEMENT_STATUSES = ['proposed', 'agreed', 'superseded'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const DECISIONS = ['agree', 'decline'] as const;

/** The settings in force for one FY that a proposal fixes: a later version changing any of them supersedes it. */
export const agreementSettingsSchema = z.object({
  costShareMethod: z.enum(COST_SHARE_METHODS),
  hybridEqualPercent: z.number(),
  budget: z.array(budgetLineSchema),
  /** Confirmed funding of the FY only: expected funding never counts (DESIGN §4 rule 1). */
  funding: z.array(fundingSchema),
  costShares: z.array(costShareSchema),
  councils: z.array(
    z.object({
      id: councilIdSchema,
      name: z.string(),
      membership: z.enum(MEMBERSHIPS),
      population: z.int(),
      joined: z.string().nullable(),
      left: z.string().nullable(),
    }),
  ),
});
export type AgreementSettings = z.infer<typeof agreementSettingsSchema>;

/** One Member's due as proposed, with what the method weighed it by. */
export const agreementDueSchema = z.object({
  council: councilIdSchema,
  duePence: z.int(),
  monthsOfMembership: z.int(),
  /** Usage only: CDO-time days recorded for the council in the FY up to the month the proposal used. */
  usageDays: z.number().optional(),
});

export const agreementSnapshotSchema = z.object({
  fy: financialYearSchema,
  /** The partnership version the snapshot was taken from. */
  partnershipVersion: z.int(),
  netCostPence: z.int(),
  appliedMethod: z.enum(COST_SHARE_METHODS),
  settings: agreementSettingsSchema,
  dues: z.array(agreementDueSchema),
});
export type AgreementSnapshot = z.infer<typeof agreementSnapshotSchema>;

export const newAgreementSchema = z.strictObject({
  fy: financialYearSchema,
  note: z.string().max(2000).optional(),
});

export const decisionRequestSchema = z
  .strictObject({
    decision: z.enum(DECISIONS),
    comment: z.string().max(2000).default(''),
  })
  .refine((d) => d.decision === 'agree' || d.comment.trim() !== '', {
    path: ['comment'],
    message: message('en', 'problem.json.declineComment'),
  });

export const decisionSchema = z.object({
  council: councilIdSchema,
  decision: z.enum(DECISIONS),
  comment: z.string(),
  by: z.string(),
  at: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const agreementSchema = z.object({
  id: z.int(),
  fy: financialYearSchema,
  status: z.enum(AGREEMENT_STATUSES),
  proposedAt: z.string(),
  proposedBy: z.string(),
  note: z.string(),
  agreedAt: z.string().nullable(),
  /** Why it was superseded: a new proposal, or a partnership version that changed its settings. */
  supersededBy: z.union([z.literal('proposal'), z.literal('settings')]).nullable(),
  dues: z.array(agreementDueSchema),
  /** Each council's decision in force (its latest while proposed). */
  decisions: z.array(decisionSchema),
  awaiting: z.array(councilIdSchema),
  snapshot: agreementSnapshotSchema,
});
export type Agreement = z.infer<typeof agreementSchema>;
export const agreementListSchema = z.object({ agreements: z.array(agreementSchema) });

/**
 * What the CDO's reminder did (POST /agreements/{id}/reminders): the councils awaiting whose contact was
 * e-mailed now, those already reminded today (a reminder goes once a day, whoever asks), and those with no
 * contact to e-mail.
 */
export const reminderOutcomeSchema = z.object({
  queued: z.array(councilIdSchema),
  remindedEarlierToday: z.array(councilIdSchema),
  withoutContact: z.array(councilIdSchema),
});
export type ReminderOutcome = z.infer<typeof reminderOutcomeSchema>;

/** What the consolidated view says of its FY's latest agreement (DESIGN §10). */
export const agreementSummarySchema = z.object({
  id: z.int().nullable(),
  status: z.enum(['none', ...AGREEMENT_STATUSES]),
  agreedAt: z.string().nullable(),
  awaiting: z.array(councilIdSchema),
  declined: z.array(councilIdSchema),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;

/** A council's final figures for a closed year, from the view for March. */
export const statementSchema = z.object({
  council: councilIdSchema,
  name: z.string(),
  membership: z.enum(MEMBERSHIPS),
  duePence: z.int(),
  cashPaidPence: z.int(),
  inKindPence: z.int(),
  contributedPence: z.int(),
  /** Positive: to invoice; negative: to credit. */
  balancePence: z.int(),
  /** Contributed (cash and in kind) dated in each month of the year, April first. */
  monthlyPence: z.array(z.int()).length(12),
  /** Brought forward from the year before, shown apart: never part of the due or the balance. */
  broughtForwardPence: z.int(),
});
export type Statement = z.infer<typeof statementSchema>;

export const yearSchema = z.object({
  fy: financialYearSchema,
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  netCostPence: z.int().nullable(),
  agreement: agreementSchema.nullable(),
  statements: z.array(statementSchema),
});
export type YearRecord = z.infer<typeof yearSchema>;

export const reopenRequestSchema = z.strictObject({
  reason: z.string().trim().min(1, 'give the reason for reopening the year'),
});

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const countWord = (n: number): string => SMALL_NUMBERS[n] ?? String(n);

/** What the agreement line needs: an agreement, or the consolidated view's summary of one. */
export interface AgreementState {
  status: AgreementStatus;
  agreedAt: string | null;
  /** How many Members had to agree. */
  members: number;
  awaiting: readonly string[];
  declined: readonly string[];
}

export const agreementState = (a: Agreement): AgreementState => ({
  status: a.status,
  agreedAt: a.agreedAt,
  members: a.dues.length,
  awaiting: a.awaiting,
  declined: a.decisions.filter((d) => d.decision === 'decline').map((d) => d.council),
});

/**
 * The line every surface shows for a year's cost shares (roll-up, workbook Summary, statements, pane):
 * "Cost shares 2026-27: agreed on 03/06/2026 by all four councils", or what it still waits for.
 * `date` turns an instant into the date a person reads; `nameOf` a council ID into its name.
 */
export function agreementLine(
  fy: string,
  agreement: AgreementState | null | undefined,
  nameOf: (council: string) => string,
  date: (iso: string) => string,
  locale: Locale = 'en',
): string {
  const m = messagesIn(locale);
  const year = fy;
  if (!agreement) return m('agreement.notProposed', { year });
  if (agreement.status === 'agreed' && agreement.agreedAt !== null) {
    const n = agreement.members;
    return n === 1
      ? m('agreement.agreedByOne', { year, date: date(agreement.agreedAt) })
      : m('agreement.agreedByAll', {
          year,
          date: date(agreement.agreedAt),
          // English spells a small count out; Welsh states the figure (its numerals mutate the noun).
          count: locale === 'en' ? countWord(n) : n,
        });
  }
  if (agreement.status === 'superseded') return m('agreement.superseded', { year });
  const list = (ids: readonly string[]) => listAnd(locale, ids.map(nameOf));
  const parts = [
    ...(agreement.awaiting.length > 0
      ? [m('agreement.awaiting', { councils: list(agreement.awaiting) })]
      : []),
    ...(agreement.declined.length > 0
      ? [m('agreement.declinedBy', { councils: list(agreement.declined) })]
      : []),
  ];
  return m('agreement.proposed', { year, state: parts.join('; ') });
}
