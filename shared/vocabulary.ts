// The fixed vocabulary of DESIGN §2 (contract): exact names, matched case-insensitively on input.

export const SKILLS = [
  'Delivery management',
  'Service design',
  'User research',
  'Development',
  'Content design',
  'Technology architecture',
  'Digital inclusion',
  'Technology operations',
] as const;
export type Skill = (typeof SKILLS)[number];

/** UK DDaT scale; the level number is the index + 1. */
export const SKILL_LEVELS = ['Awareness', 'Working', 'Practitioner', 'Expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const levelNumber = (level: SkillLevel): number => SKILL_LEVELS.indexOf(level) + 1;

export const PHASES = ['Concept', 'Discovery', 'Alpha', 'Beta', 'Live', 'Retired'] as const;
export type Phase = (typeof PHASES)[number];

export const RAGS = ['Red', 'Amber', 'Green'] as const;
export type Rag = (typeof RAGS)[number];

/** How a project changed since an earlier month (DESIGN §4, month on month), in the order entries sort. */
export const PROJECT_CHANGE_KINDS = ['new', 'removed', 'phase', 'rag', 'overdue'] as const;
export type ProjectChangeKind = (typeof PROJECT_CHANGE_KINDS)[number];

/** A skill's coverage: no practitioner, one, or two or more. */
export const COVERAGE_STATUSES = ['gap', 'fragile', 'covered'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export const THEMES = [
  'Digital strategy',
  'Digital government',
  'Digital infrastructure',
  'Digital funding',
  'Digital inclusion',
] as const;
export type Theme = (typeof THEMES)[number];

export const MEMBERSHIPS = ['Member', 'Observer'] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

export const ORGANISATION_TYPES = ['Council', 'SME', 'Freelancer', 'Partner'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const CONTRIBUTION_TYPES = ['Cash', 'In-kind'] as const;
export type ContributionType = (typeof CONTRIBUTION_TYPES)[number];

export const COST_SHARE_METHODS = ['Equal', 'Population', 'Hybrid', 'Usage', 'Fixed'] as const;
export type CostShareMethod = (typeof COST_SHARE_METHODS)[number];

/** The partnership's language (DESIGN §12): what its e-mails and consolidated workbook are written in. */
export const LANGUAGES = ['English', 'Cymraeg', 'Bilingual'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FUNDING_STATUSES = ['Confirmed', 'Expected'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

export const ROLES = ['admin', 'cdo', 'council', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const REVIEW_STATUSES = ['pending', 'accepted', 'returned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const COUNCIL_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const FINANCIAL_YEAR_PATTERN = /^\d{4}-\d{2}$/;
export const PROJECT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The council workbook layout version written to and expected in the About sheet. */
export const LAYOUT_VERSION = 1;

/** Finds the canonical spelling of a vocabulary word, ignoring case and surrounding space. */
export function matchVocabulary<T extends string>(words: readonly T[], input: string): T | undefined {
  const wanted = input.trim().replace(/\s+/g, ' ').toLowerCase();
  return words.find((w) => w.toLowerCase() === wanted);
}
