// Shapes of the service's JSON responses (DESIGN §5) beyond the domain schemas: one definition used by
// the service, its OpenAPI document and the add-in's client.
import { z } from 'zod';
import { councilIdSchema, councilSubmissionSchema, periodSchema, problemSchema } from './schemas.js';
import { MEMBERSHIPS, REVIEW_STATUSES, ROLES } from './vocabulary.js';

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** 422: every problem found, in sheet and row order. */
export const apiProblemsSchema = z.object({
  errors: z.array(problemSchema.omit({ severity: true }).extend({ severity: z.literal('error').optional() })),
});

export const meSchema = z.object({
  role: z.enum(ROLES),
  council: councilIdSchema.optional(),
  label: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const sheetChangesSchema = z.object({ added: z.int(), changed: z.int(), removed: z.int() });
export type SheetChanges = z.infer<typeof sheetChangesSchema>;

/** The 201 receipt of a submission; `changes` compares with the previous version for that period. */
export const submissionReceiptSchema = z.object({
  id: z.int(),
  council: councilIdSchema,
  version: z.int(),
  period: periodSchema,
  submittedAt: z.string(),
  warnings: z.array(problemSchema),
  changes: z.object({
    Contributions: sheetChangesSchema,
    Skills: sheetChangesSchema,
    Projects: sheetChangesSchema,
  }),
});
export type SubmissionReceipt = z.infer<typeof submissionReceiptSchema>;

export const submissionSummarySchema = z.object({
  id: z.int(),
  council: councilIdSchema,
  period: periodSchema,
  version: z.int(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  source: z.enum(['addin', 'upload', 'cli']),
  review: z.enum(REVIEW_STATUSES),
});
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;

export const submissionListSchema = z.object({ submissions: z.array(submissionSummarySchema) });

export const reviewRequestSchema = z.object({
  status: z.enum(['accepted', 'returned']),
  comment: z.string().max(2000).default(''),
});
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

export const reviewEntrySchema = z.object({
  status: z.enum(['accepted', 'returned']),
  comment: z.string(),
  reviewedAt: z.string(),
  reviewedBy: z.string(),
});

export const submissionDetailSchema = submissionSummarySchema.extend({
  data: councilSubmissionSchema,
  reviews: z.array(reviewEntrySchema),
});
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;

export const statusBoardSchema = z.object({
  period: periodSchema,
  deadline: z.string(),
  locked: z.boolean(),
  councils: z.array(
    z.object({
      council: councilIdSchema,
      name: z.string(),
      membership: z.enum(MEMBERSHIPS),
      submitted: z.boolean(),
      version: z.int().nullable(),
      submittedAt: z.string().nullable(),
      submittedBy: z.string().nullable(),
      review: z.enum(REVIEW_STATUSES).nullable(),
      late: z.boolean(),
    }),
  ),
});
export type StatusBoard = z.infer<typeof statusBoardSchema>;

export const partnershipResponseSchema = z.object({ version: z.int(), updatedAt: z.string() });
