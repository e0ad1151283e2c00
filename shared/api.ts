// Shapes of the service's JSON responses (DESIGN §5) beyond the domain schemas: one definition used by
// the service, its OpenAPI document and the add-in's client.
import { z } from 'zod';
import {
  councilIdSchema,
  councilSubmissionSchema,
  emailSchema,
  periodSchema,
  periodTextSchema,
  problemSchema,
} from './schemas.js';
import { message } from './i18n/index.js';
import { MEMBERSHIPS, REVIEW_STATUSES, ROLES } from './vocabulary.js';

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/**
 * 422: the problems found, in sheet and row order: at most 1,000 listed, `problemCount` the total, and
 * when some are not listed a `message` saying how many more there are. Each message is in the language
 * Accept-Language asks for, so the problems carry no `say`.
 */
export const apiProblemsSchema = z.object({
  errors: z.array(
    problemSchema.omit({ severity: true, say: true }).extend({ severity: z.literal('error').optional() }),
  ),
  problemCount: z.number().int().optional(),
  message: z.string().optional(),
});

/**
 * Who did something: a caller with an access token or a Microsoft 365 sign-in, a request with neither
 * (refused), the command line on the server, or the service itself (e.g. the monthly e-mail).
 */
export const ACTOR_VIAS = ['token', 'entra', 'cli', 'service', 'anonymous'] as const;
export const actorSchema = z.object({
  via: z.enum(ACTOR_VIAS),
  /** The token's number, or `<tid>/<oid>` for a Microsoft 365 person. */
  id: z.string(),
  label: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

export const meSchema = z.object({
  role: z.enum(ROLES),
  council: councilIdSchema.optional(),
  label: z.string(),
  via: z.enum(['entra', 'token']),
  /** When this sign-in stops working: the access token's expiry, or the Microsoft token's. */
  expiresAt: z.string().optional(),
});
export type Me = z.infer<typeof meSchema>;

/** Access-token lifetimes in days (DESIGN §9.2). */
export const TOKEN_DAYS = { default: 90, max: 366 } as const;

export const tokenInfoSchema = z.object({
  id: z.int(),
  label: z.string(),
  role: z.enum(ROLES),
  council: councilIdSchema.nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;
export const tokenListSchema = z.object({ tokens: z.array(tokenInfoSchema) });

export const newTokenSchema = z.strictObject({
  role: z.enum(ROLES),
  council: councilIdSchema.optional(),
  label: z.string().trim().min(1).max(200),
  expiresInDays: z.int().min(1).max(TOKEN_DAYS.max).default(TOKEN_DAYS.default),
});
/** The new token itself appears in this response only; the service keeps its hash. */
export const createdTokenSchema = tokenInfoSchema.extend({ token: z.string() });

export const auditEntrySchema = z.object({
  id: z.int(),
  at: z.string(),
  actor: actorSchema,
  action: z.string(),
  council: councilIdSchema.optional(),
  period: periodTextSchema.optional(),
  target: z.string().optional(),
  /** The HTTP status the change or refusal got (201/200 for a change made on the command line). */
  status: z.int(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
/** One page, oldest first; `next` is the `after` value for the following page (null on the last). */
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), next: z.int().nullable() });

export const sheetChangesSchema = z.object({ added: z.int(), changed: z.int(), removed: z.int() });
export type SheetChanges = z.infer<typeof sheetChangesSchema>;

/** The 201 receipt of a submission; `changes` compares with the previous version for that period. */
export const submissionReceiptSchema = z.object({
  id: z.int(),
  council: councilIdSchema,
  version: z.int(),
  period: periodTextSchema,
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
  period: periodTextSchema,
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
  period: periodTextSchema,
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

/** A file the pane asks the service for a single-use download link to. */
export const downloadLinkRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consolidated'), period: periodSchema }),
  z.object({ kind: z.literal('council-template'), council: councilIdSchema, period: periodSchema }),
]);

export const downloadLinkSchema = z.object({
  /** The link, relative to the service's address. */
  href: z.string(),
  expiresAt: z.string(),
});
/** What the pane sends; the service parses it into checked periods. */
export type DownloadLinkRequest = z.input<typeof downloadLinkRequestSchema>;
export type DownloadLink = z.infer<typeof downloadLinkSchema>;

/** A Microsoft 365 organisation (Entra tenant) is named by its tenant ID, a GUID. */
export const tenantIdSchema = z.guid('must be a Microsoft 365 tenant ID (a GUID)');

/** A registered person (DESIGN §9.1): matched on tenant and lower-cased sign-in name. */
export const userSchema = z.object({
  id: z.int(),
  tenantId: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  council: councilIdSchema.nullable(),
  createdAt: z.string(),
});
export type UserInfo = z.infer<typeof userSchema>;
export const userListSchema = z.object({ users: z.array(userSchema) });
export const newUserSchema = z.strictObject({
  tenantId: tenantIdSchema,
  email: z
    .email()
    .max(320)
    .transform((email) => email.toLowerCase()),
  role: z.enum(ROLES),
  council: councilIdSchema.optional(),
});

/** An organisation registered to a council: its people are council users of that council. */
export const tenantSchema = z.object({
  id: z.int(),
  tenantId: z.string(),
  council: councilIdSchema,
  createdAt: z.string(),
});
export type TenantInfo = z.infer<typeof tenantSchema>;
export const tenantListSchema = z.object({ tenants: z.array(tenantSchema) });
export const newTenantSchema = z.strictObject({ tenantId: tenantIdSchema, council: councilIdSchema });

/** GET /config (public): what the pane needs before anyone signs in. */
export const clientConfigSchema = z.object({
  microsoftSignIn: z.boolean(),
  /** With Microsoft sign-in: the app registration's client ID, the authority and the scope to ask for. */
  clientId: z.string().optional(),
  authority: z.string().optional(),
  scope: z.string().optional(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;

// ---- Personal data (DESIGN §11) -------------------------------------------------------------------

export const PERSON_SHEETS = ['contributions', 'skills', 'projects'] as const;

/** One row of one stored version that names the person, as it is stored. */
export const personRowSchema = z.object({
  sheet: z.enum(PERSON_SHEETS),
  council: councilIdSchema,
  period: periodTextSchema,
  version: z.int(),
  submissionId: z.int(),
  row: z.record(z.string(), z.unknown()),
});
export type PersonRow = z.infer<typeof personRowSchema>;

/** A subject access answer: everything the service holds that names one e-mail address. */
export const personReportSchema = z.object({
  email: z.string(),
  /** The names given with that address on Skills rows, and in Microsoft 365 sign-ins. */
  names: z.array(z.string()),
  rows: z.array(personRowSchema),
  /** Entries the person made (the actor) or that name them, oldest first. */
  audit: z.array(auditEntrySchema),
  users: z.array(userSchema),
  tokens: z.array(tokenInfoSchema),
});
export type PersonReport = z.infer<typeof personReportSchema>;

/** What an erasure or a rectification changed, by kind of record. */
export const personChangeSchema = z.object({
  /** The name and e-mail the person now has everywhere: a pseudonym after an erasure. */
  name: z.string(),
  email: z.string(),
  versions: z.int(),
  reviews: z.int(),
  partnershipVersions: z.int(),
  auditEntries: z.int(),
  users: z.int(),
  tokens: z.int(),
  emails: z.int(),
});
export type PersonChange = z.infer<typeof personChangeSchema>;

export const rectifyPersonSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    email: emailSchema.transform((e) => e.toLowerCase()).optional(),
  })
  .refine((r) => r.name !== undefined || r.email !== undefined, message('en', 'problem.json.rectifyPerson'));
