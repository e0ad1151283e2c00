// One declarative layout per sheet (DESIGN §3, §8). The same layouts drive the template the service
// writes, the tables the add-in creates, the parser that reads cells back and the consolidated workbook.
import type { Partnership } from './schemas.js';
import {
  CONTRIBUTION_TYPES,
  COST_SHARE_METHODS,
  FUNDING_STATUSES,
  MEMBERSHIPS,
  ORGANISATION_TYPES,
  PHASES,
  RAGS,
  SKILL_LEVELS,
  SKILLS,
  THEMES,
} from './vocabulary.js';

/**
 * How a cell is read and written. `money` cells hold pounds and map to integer pence keys;
 * `councilList` is council IDs separated by `,` or `;`.
 */
export type CellType =
  | 'text'
  | 'email'
  | 'money'
  | 'number'
  | 'integer'
  | 'percent'
  | 'date'
  | 'month'
  | 'choice'
  | 'councilList'
  | 'boolean';

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
  | 'budgetLines'
  | 'councils';

/** A text column whose values follow an identifier pattern of DESIGN §2 / §3. */
export type TextFormat = 'councilId' | 'projectId' | 'financialYear';

export interface ColumnLayout {
  /** The header text users see (contract); matched case- and space-insensitively. */
  readonly header: string;
  /** The property of the typed row this column fills. */
  readonly key: string;
  readonly type: CellType;
  /** Required on every row; rules that depend on other cells live in validation. */
  readonly required: boolean;
  readonly list?: ListSource;
  readonly maxLength?: number;
  readonly format?: TextFormat;
  readonly min?: number;
  readonly max?: number;
  readonly numberFormat?: string;
  /** Column width in Excel's character units. */
  readonly width: number;
  /** What the column wants, in one sentence: the input prompt Excel shows beside a selected cell. */
  readonly prompt?: string;
}

export interface SheetLayout {
  /** The sheet name (contract): sheets are found by name. */
  readonly sheet: string;
  /** The Excel table name the template and the add-in give the data. */
  readonly table: string;
  /** Columns whose values identify a row, for duplicate checks and change reports. */
  readonly rowKey: readonly string[];
  readonly columns: readonly ColumnLayout[];
}

export const MONEY_FORMAT = '£#,##0.00';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const MONTH_FORMAT = 'mmm yyyy';
export const DECIMAL_FORMAT = '0.0';
export const INTEGER_FORMAT = '#,##0';
export const TEXT_FORMAT = '@';

const money = (header: string, key: string, required = false): ColumnLayout => ({
  header,
  key,
  type: 'money',
  required,
  min: 0,
  numberFormat: MONEY_FORMAT,
  // "£1,234,567.89"; the header wraps onto two lines rather than widening the column.
  width: 13,
});
const text = (
  header: string,
  key: string,
  width: number,
  maxLength?: number,
  required = false,
): ColumnLayout => ({
  header,
  key,
  type: 'text',
  required,
  width,
  numberFormat: TEXT_FORMAT,
  ...(maxLength ? { maxLength } : {}),
});
const choice = (
  header: string,
  key: string,
  list: ListSource,
  width: number,
  required = true,
): ColumnLayout => ({
  header,
  key,
  type: 'choice',
  required,
  list,
  width,
});
const date = (header: string, key: string, required = false): ColumnLayout => ({
  header,
  key,
  type: 'date',
  required,
  numberFormat: DATE_FORMAT,
  width: 11,
});
const month = (header: string, key: string): ColumnLayout => ({
  header,
  key,
  type: 'month',
  required: true,
  numberFormat: MONTH_FORMAT,
  width: 11,
});

// ---- Council workbook (DESIGN §3.1) ---------------------------------------------------------------

export const ABOUT_SHEET = 'About';
export const ABOUT_LABELS = {
  council: 'Council ID',
  period: 'Period',
  layoutVersion: 'Layout version',
} as const;

export const CONTRIBUTIONS_LAYOUT: SheetLayout = {
  sheet: 'Contributions',
  table: 'Contributions',
  rowKey: ['month', 'type', 'budgetLine', 'personEmail', 'reference'],
  columns: [
    {
      ...month('Month', 'month'),
      prompt:
        "The month the payment or time is for, such as Apr 2026; months of this financial year up to the return's month.",
    },
    {
      ...choice('Type', 'type', 'contributionTypes', 10),
      prompt: 'Cash for a payment, or In-kind for staff time given to the partnership.',
    },
    {
      ...choice('Budget line', 'budgetLine', 'budgetLines', 20),
      prompt: 'The budget line of the partnership budget this contribution goes to, from the list.',
    },
    {
      ...money('Amount (£)', 'amountPence'),
      prompt: 'Cash: the amount paid, in pounds; In-kind: leave blank, or give Days × Day rate.',
    },
    {
      header: 'Days',
      key: 'days',
      type: 'number',
      required: false,
      min: 0,
      max: 31,
      numberFormat: DECIMAL_FORMAT,
      width: 8,
      prompt: 'In-kind: the days given in the month, in steps of 0.5, up to 31.',
    },
    {
      ...money('Day rate (£)', 'dayRatePence'),
      prompt: 'In-kind: the day rate in pounds that the days are valued at, more than £0.',
    },
    {
      header: 'Person email',
      key: 'personEmail',
      type: 'email',
      required: false,
      maxLength: 254,
      width: 24,
      prompt: 'In-kind: the e-mail of the person whose time this is, as on the Skills sheet.',
    },
    {
      ...text('Reference', 'reference', 14, 100),
      prompt: 'Your own reference, such as a purchase order or invoice number (up to 100 characters).',
    },
    {
      ...text('Notes', 'notes', 30, 500),
      prompt: 'Anything the CDO should know about this row (up to 500 characters).',
    },
  ],
};

export const SKILLS_LAYOUT: SheetLayout = {
  sheet: 'Skills',
  table: 'Skills',
  rowKey: ['email', 'skill'],
  columns: [
    { ...text('Person', 'person', 18, 200, true), prompt: "The person's full name." },
    {
      header: 'Email',
      key: 'email',
      type: 'email',
      required: true,
      maxLength: 254,
      width: 24,
      prompt: "The person's work e-mail address; one row per person and skill.",
    },
    {
      ...choice('Organisation type', 'organisationType', 'organisationTypes', 13),
      prompt: 'Who employs the person: Council, SME, Freelancer or Partner.',
    },
    {
      ...text('Organisation', 'organisation', 18, 200, true),
      prompt: 'The name of the organisation that employs the person.',
    },
    {
      ...choice('Skill', 'skill', 'skills', 20),
      prompt: 'One skill from the list; add a row for each further skill.',
    },
    {
      ...choice('Level', 'level', 'skillLevels', 12),
      prompt: "The person's level in this skill: Awareness, Working, Practitioner or Expert.",
    },
    {
      header: 'Days per month',
      key: 'daysPerMonth',
      type: 'number',
      required: true,
      min: 0,
      max: 23,
      numberFormat: DECIMAL_FORMAT,
      width: 10,
      prompt: 'The days a month the person gives the partnership, from 0 to 23.',
    },
    {
      ...money('Day rate (£)', 'dayRatePence'),
      prompt: "The person's day rate in pounds, if the partnership pays for their time.",
    },
    {
      ...date('From', 'from'),
      prompt: 'The first day the person works with the partnership, as a date; blank if always.',
    },
    {
      ...date('To', 'to'),
      prompt: 'The last day the person works with the partnership, as a date; blank if still working.',
    },
    {
      ...text('Notes', 'notes', 30, 1000),
      prompt: 'Anything the CDO should know about this person or skill (up to 1,000 characters).',
    },
  ],
};

export const PROJECTS_LAYOUT: SheetLayout = {
  sheet: 'Projects',
  table: 'Projects',
  rowKey: ['id'],
  columns: [
    {
      ...text('Project ID', 'id', 10, 32, true),
      format: 'projectId',
      prompt: "The project's ID, the same in every council's return, such as OXD-001.",
    },
    { ...text('Title', 'title', 24, 200, true), prompt: "The project's name (up to 200 characters)." },
    {
      ...choice('Theme', 'theme', 'themes', 14),
      prompt: 'The digital strategy theme the project serves, from the list.',
    },
    {
      ...choice('Lead council', 'lead', 'councils', 14),
      prompt: 'The council ID of the council that leads the project.',
    },
    {
      header: 'Partners',
      key: 'partners',
      type: 'councilList',
      required: false,
      width: 16,
      numberFormat: TEXT_FORMAT,
      prompt: 'The council IDs of the other councils taking part, separated by semicolons.',
    },
    {
      ...text('External partners', 'externalPartners', 14, 500),
      prompt: 'Organisations outside the councils taking part, if any.',
    },
    {
      ...choice('Phase', 'phase', 'phases', 9),
      prompt: 'Where the project is: Concept, Discovery, Alpha, Beta, Live or Retired.',
    },
    { ...choice('RAG', 'rag', 'rags', 7), prompt: "The project's status: Red, Amber or Green." },
    { ...date('Start', 'start'), prompt: 'The date the project started or starts.' },
    {
      ...date('Due', 'due'),
      prompt: 'The date the project is due to finish; it is overdue after this date.',
    },
    { ...money('Budget (£)', 'budgetPence'), prompt: "The project's budget in pounds." },
    { ...money('Spent to date (£)', 'spentPence'), prompt: 'What the project has spent so far, in pounds.' },
    {
      ...money('Savings target (£/yr)', 'savingsTargetPence'),
      prompt: 'The savings a year the project aims for, in pounds.',
    },
    {
      ...money('Savings realised (£)', 'savingsRealisedPence'),
      prompt: 'The savings the project has made so far, in pounds.',
    },
    {
      ...money('Investment secured (£)', 'investmentPence'),
      prompt: 'Outside funding the project has secured, in pounds.',
    },
    { ...text('Owner', 'owner', 14, 200), prompt: 'The name of the person who owns the project.' },
    {
      ...text('Update', 'update', 30, 1000),
      prompt: "This month's progress in a sentence or two (up to 1,000 characters).",
    },
  ],
};

/** The three data sheets of a council workbook, in workbook order. */
export const COUNCIL_LAYOUTS = [CONTRIBUTIONS_LAYOUT, SKILLS_LAYOUT, PROJECTS_LAYOUT] as const;

/** Which submission array each council sheet fills. */
export const COUNCIL_SHEET_KEYS = {
  Contributions: 'contributions',
  Skills: 'skills',
  Projects: 'projects',
} as const;

// ---- Partnership workbook (DESIGN §3.2) -----------------------------------------------------------

export const SETTINGS_SHEET = 'Settings';
const financialYear: ColumnLayout = {
  ...text('Financial year', 'financialYear', 12, 7, true),
  format: 'financialYear',
};
export const SETTINGS_LABELS = {
  name: 'Partnership name',
  costShareMethod: 'Cost-share method',
  hybridEqualPercent: 'Hybrid equal part (%)',
  submissionDeadlineDay: 'Submission deadline (day of month)',
  rollupRecipients: 'Roll-up recipients',
  reminderDaysBeforeDeadline: 'Reminder days before deadline',
} as const;

export const COUNCILS_LAYOUT: SheetLayout = {
  sheet: 'Councils',
  table: 'Councils',
  rowKey: ['id'],
  columns: [
    {
      ...text('Council ID', 'id', 22, 60, true),
      format: 'councilId',
      prompt: 'A short ID for the council in lower-case letters and hyphens, such as cherwell.',
    },
    {
      ...text('Council name', 'name', 28, 200, true),
      prompt: "The council's full name, as e-mails and the roll-up show it.",
    },
    {
      ...choice('Membership', 'membership', 'memberships', 12),
      prompt: 'Members share the cost of the partnership; Observers take part without paying.',
    },
    {
      header: 'Population',
      key: 'population',
      type: 'integer',
      required: false,
      min: 0,
      numberFormat: INTEGER_FORMAT,
      width: 12,
      prompt: "The council's population, for the Population and Hybrid cost shares.",
    },
    {
      header: 'Contact email',
      key: 'contactEmail',
      type: 'email',
      required: false,
      maxLength: 254,
      width: 28,
      prompt: "Where the council's statements and reminders go.",
    },
    {
      ...date('Joined', 'joined'),
      prompt: 'The date the council joined the partnership; blank if from the start.',
    },
    {
      ...date('Left', 'left'),
      prompt: 'The date the council left the partnership; blank if still a member.',
    },
  ],
};

export const BUDGET_LAYOUT: SheetLayout = {
  sheet: 'Budget',
  table: 'Budget',
  rowKey: ['financialYear', 'budgetLine'],
  columns: [
    { ...financialYear, prompt: 'The financial year, written like 2026-27.' },
    {
      ...text('Budget line', 'budgetLine', 28, 200, true),
      prompt: 'The name of the budget line, such as CDO salary.',
    },
    {
      ...money('Amount (£)', 'amountPence', true),
      prompt: "The budget line's amount for the year, in pounds.",
    },
    {
      ...text('Notes', 'notes', 30, 500),
      prompt: 'Anything to note about this budget line (up to 500 characters).',
    },
  ],
};

export const FUNDING_LAYOUT: SheetLayout = {
  sheet: 'Funding',
  table: 'Funding',
  rowKey: ['financialYear', 'funder'],
  columns: [
    { ...financialYear, prompt: 'The financial year, written like 2026-27.' },
    {
      ...text('Funder', 'funder', 28, 200, true),
      prompt: 'Who gives the funding, such as a government grant.',
    },
    { ...money('Amount (£)', 'amountPence', true), prompt: 'The funding for the year, in pounds.' },
    {
      ...choice('Status', 'status', 'fundingStatuses', 12),
      prompt: 'Confirmed funding reduces the net cost councils share; Expected funding does not yet.',
    },
    {
      ...text('Notes', 'notes', 30, 500),
      prompt: 'Anything to note about this funding (up to 500 characters).',
    },
  ],
};

export const CDO_TIME_LAYOUT: SheetLayout = {
  sheet: 'CDO time',
  table: 'CdoTime',
  rowKey: ['month', 'council'],
  columns: [
    { ...month('Month', 'month'), prompt: 'The month the CDO worked for the council, such as Apr 2026.' },
    {
      ...choice('Council ID', 'council', 'councils', 22),
      prompt: "The council ID the CDO's time was spent on.",
    },
    {
      header: 'Days',
      key: 'days',
      type: 'number',
      required: true,
      min: 0,
      max: 31,
      numberFormat: DECIMAL_FORMAT,
      width: 8,
      prompt: "The CDO's days for that council in the month, from 0 to 31.",
    },
    {
      ...text('Notes', 'notes', 30, 500),
      prompt: 'Anything to note about this time (up to 500 characters).',
    },
  ],
};

export const COST_SHARES_LAYOUT: SheetLayout = {
  sheet: 'Cost shares',
  table: 'CostShares',
  rowKey: ['financialYear', 'council'],
  columns: [
    { ...financialYear, prompt: 'The financial year, written like 2026-27.' },
    {
      ...choice('Council ID', 'council', 'councils', 22),
      prompt: 'The council ID whose fixed share this is.',
    },
    {
      header: 'Share (%)',
      key: 'sharePercent',
      type: 'percent',
      required: true,
      min: 0,
      max: 100,
      numberFormat: '0.00',
      width: 10,
      prompt: "The council's share of the net cost in per cent, for the Fixed cost share.",
    },
  ],
};

export const PARTNERSHIP_LAYOUTS = [
  COUNCILS_LAYOUT,
  BUDGET_LAYOUT,
  FUNDING_LAYOUT,
  CDO_TIME_LAYOUT,
  COST_SHARES_LAYOUT,
] as const;

export const PARTNERSHIP_SHEET_KEYS = {
  Councils: 'councils',
  Budget: 'budget',
  Funding: 'funding',
  'CDO time': 'cdoTime',
  'Cost shares': 'costShares',
} as const;

// ---- Consolidated workbook (written only) ---------------------------------------------------------

const pence = (header: string, key: string): ColumnLayout => ({ ...money(header, key), required: true });
const count = (header: string, key: string): ColumnLayout => ({
  header,
  key,
  type: 'integer',
  required: true,
  numberFormat: INTEGER_FORMAT,
  width: 12,
});
const fte = (header: string, key: string): ColumnLayout => ({
  header,
  key,
  type: 'number',
  required: true,
  numberFormat: '0.00',
  width: 10,
});

export const CONSOLIDATED_CONTRIBUTIONS_LAYOUT: SheetLayout = {
  sheet: 'Contributions',
  table: 'ConsolidatedContributions',
  rowKey: ['council'],
  columns: [
    text('Council ID', 'council', 18),
    text('Council name', 'name', 22),
    text('Membership', 'membership', 12),
    count('Months of membership', 'monthsOfMembership'),
    pence('Due (£)', 'duePence'),
    pence('Profiled due (£)', 'profiledDuePence'),
    pence('Cash paid (£)', 'cashPaidPence'),
    pence('In-kind (£)', 'inKindPence'),
    pence('Contributed (£)', 'contributedPence'),
    pence('Balance (£)', 'balancePence'),
    text('Status', 'status', 10),
  ],
};

export const CONSOLIDATED_SKILLS_LAYOUT: SheetLayout = {
  sheet: 'Skills coverage',
  table: 'SkillsCoverage',
  rowKey: ['skill'],
  columns: [
    text('Skill', 'skill', 24),
    count('People (Working+)', 'people'),
    count('Practitioners+', 'practitioners'),
    fte('FTE', 'fte'),
    fte('External FTE', 'externalFte'),
    count('Councils', 'councils'),
    text('Status', 'status', 16),
  ],
};

export const CONSOLIDATED_PEOPLE_LAYOUT: SheetLayout = {
  sheet: 'People',
  table: 'People',
  rowKey: ['email'],
  columns: [
    text('Person', 'name', 18),
    text('Email', 'email', 24),
    text('Organisation type', 'organisationType', 13),
    text('Organisation', 'organisation', 18),
    text('Councils', 'councils', 20),
    fte('FTE', 'fte'),
    text('Skills', 'skills', 44),
  ],
};

export const CONSOLIDATED_PROJECTS_LAYOUT: SheetLayout = {
  sheet: 'Projects',
  table: 'ConsolidatedProjects',
  rowKey: ['id'],
  columns: [
    text('Project ID', 'id', 10),
    text('Title', 'title', 24),
    text('Theme', 'theme', 14),
    text('Lead council', 'lead', 14),
    text('Partners', 'partners', 16),
    text('Phase', 'phase', 9),
    text('RAG', 'rag', 7),
    date('Start', 'start'),
    date('Due', 'due'),
    pence('Budget (£)', 'budgetPence'),
    pence('Spent to date (£)', 'spentPence'),
    pence('Savings target (£/yr)', 'savingsTargetPence'),
    pence('Savings realised (£)', 'savingsRealisedPence'),
    pence('Investment secured (£)', 'investmentPence'),
    { header: 'Overdue', key: 'overdue', type: 'boolean', required: true, width: 9 },
    text('Reported by', 'reportedBy', 16),
    text('Update', 'update', 30),
  ],
};

export const CONSOLIDATED_DATA_QUALITY_LAYOUT: SheetLayout = {
  sheet: 'Data quality',
  table: 'DataQuality',
  rowKey: ['kind', 'council', 'project', 'message'],
  columns: [
    text('Kind', 'kind', 18),
    text('Council ID', 'council', 18),
    text('Council name', 'councilName', 22),
    text('Project ID', 'project', 10),
    text('Message', 'message', 60),
  ],
};

export const CONSOLIDATED_SUBMISSIONS_LAYOUT: SheetLayout = {
  sheet: 'Submissions',
  table: 'Submissions',
  rowKey: ['council'],
  columns: [
    text('Council ID', 'council', 18),
    text('Council name', 'name', 32),
    text('Period', 'period', 10),
    count('Version', 'version'),
    // An Excel date-time (a number of days), on the UK clock.
    {
      header: 'Submitted at (UK time)',
      key: 'submittedAt',
      type: 'number',
      required: true,
      numberFormat: DATE_TIME_FORMAT,
      width: 17,
    },
    text('Review', 'review', 16),
  ],
};

/** Month on month: one row per change since the month compared with (DESIGN §4). */
export const CONSOLIDATED_CHANGES_LAYOUT: SheetLayout = {
  sheet: 'Changes',
  table: 'Changes',
  rowKey: ['change', 'item'],
  columns: [
    text('Change', 'change', 24),
    text('Item', 'item', 24),
    text('Name', 'name', 40),
    text('From', 'from', 24),
    text('To', 'to', 24),
    money('Received (£)', 'receivedPence'),
  ],
};

/** The year's trend: the partnership's totals for each month of the FY up to the period. */
export const CONSOLIDATED_TREND_LAYOUT: SheetLayout = {
  sheet: 'Trend',
  table: 'Trend',
  rowKey: ['month'],
  columns: [
    month('Month', 'month'),
    pence('Contributed (£)', 'contributedPence'),
    pence('Profiled due (£)', 'profiledDuePence'),
    count('Red', 'red'),
    count('Amber', 'amber'),
    count('Green', 'green'),
  ],
};

/** Projects by phase and RAG: the counts the chart of that name shows. */
export const CONSOLIDATED_PHASE_RAG_LAYOUT: SheetLayout = {
  sheet: 'Projects by phase',
  table: 'ProjectsByPhase',
  rowKey: ['phase'],
  columns: [
    text('Phase', 'phase', 14),
    count('Red', 'red'),
    count('Amber', 'amber'),
    count('Green', 'green'),
  ],
};

export const CONSOLIDATED_SHEETS = {
  summary: 'Summary',
  changes: CONSOLIDATED_CHANGES_LAYOUT,
  contributions: CONSOLIDATED_CONTRIBUTIONS_LAYOUT,
  skills: CONSOLIDATED_SKILLS_LAYOUT,
  people: CONSOLIDATED_PEOPLE_LAYOUT,
  projects: CONSOLIDATED_PROJECTS_LAYOUT,
  dataQuality: CONSOLIDATED_DATA_QUALITY_LAYOUT,
  submissions: CONSOLIDATED_SUBMISSIONS_LAYOUT,
  trend: CONSOLIDATED_TREND_LAYOUT,
  phaseRag: CONSOLIDATED_PHASE_RAG_LAYOUT,
} as const;

// ---- Drop-down lists ------------------------------------------------------------------------------

const FIXED_LISTS: Record<Exclude<ListSource, 'budgetLines' | 'councils'>, readonly string[]> = {
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
};

/**
 * The values of a drop-down list. Budget lines are those of the given financial year (all years when
 * none is given); councils are the partnership's council IDs. Without a partnership those two are empty.
 */
export function listValues(source: ListSource, partnership?: Partnership, financialYear?: string): string[] {
  if (source === 'councils') return partnership ? partnership.councils.map((c) => c.id) : [];
  if (source === 'budgetLines') {
    if (!partnership) return [];
    const lines = partnership.budget
      .filter((b) => financialYear === undefined || b.financialYear === financialYear)
      .map((b) => b.budgetLine);
    return [...new Set(lines)];
  }
  return [...FIXED_LISTS[source]];
}

/** Header text as compared: case- and space-insensitive (DESIGN §3). */
export const normaliseHeader = (header: string): string => header.replace(/\s+/g, '').toLowerCase();
