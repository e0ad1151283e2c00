// Where a column's drop-down list comes from: the fixed vocabulary (DESIGN §2), or the partnership's own
// budget lines and council IDs (their values: drop-down-lists.ts).
import {
  CONTRIBUTION_TYPES,
  COST_SHARE_METHODS,
  FUNDING_STATUSES,
  LANGUAGES,
  MEMBERSHIPS,
  ORGANISATION_TYPES,
  PHASES,
  RAGS,
  SKILL_LEVELS,
  SKILLS,
  THEMES,
} from '../vocabulary.js';

/** Where a drop-down list comes from: the fixed vocabulary or the partnership's own data. */
export type ListSource =
  | 'skills'
  | 'skillLevels'
  | 'phases'
  | 'rags'
  | 'themes'
  | 'organisationTypes'
  | 'contributionTypes'
  | 'memberships'
  | 'fundingStatuses'
  | 'costShareMethods'
  | 'languages'
  | 'budgetLines'
  | 'councils';

export type FixedList = Exclude<ListSource, 'budgetLines' | 'councils'>;

export const FIXED_LISTS = {
  skills: SKILLS,
  skillLevels: SKILL_LEVELS,
  phases: PHASES,
  rags: RAGS,
  themes: THEMES,
  organisationTypes: ORGANISATION_TYPES,
  contributionTypes: CONTRIBUTION_TYPES,
  memberships: MEMBERSHIPS,
  fundingStatuses: FUNDING_STATUSES,
  costShareMethods: COST_SHARE_METHODS,
  languages: LANGUAGES,
} as const satisfies Record<FixedList, readonly [string, ...string[]]>;

/** A list's words: the vocabulary's for a fixed list, any text for the partnership's own. */
export type ListWord<L extends ListSource> = L extends FixedList ? (typeof FIXED_LISTS)[L][number] : string;

/** Each list's column title on the Lists sheet. */
export const LIST_TITLES: Readonly<Record<ListSource, string>> = {
  skills: 'Skills',
  skillLevels: 'Levels',
  phases: 'Phases',
  rags: 'RAG',
  themes: 'Themes',
  organisationTypes: 'Organisation types',
  contributionTypes: 'Contribution types',
  memberships: 'Memberships',
  fundingStatuses: 'Funding statuses',
  costShareMethods: 'Cost-share methods',
  languages: 'Languages',
  budgetLines: 'Budget lines',
  councils: 'Councils',
};
