// The consolidated workbook's sheets (DESIGN §4), written only: each is defined over the rows it is
// written from (consolidatedSheetRows, beside it in shared/report/), so a column can only name a property
// those rows have. The add-in's consolidated tables and the workbook the service writes both use these.
import type {
  ConsolidatedProject,
  CouncilContribution,
  MonthView,
  Person,
  SkillCoverage,
} from '../schemas.js';
import type { Phase } from '../vocabulary.js';
import { FIGURES } from '../glossary.js';
import { DATE_TIME_FORMAT } from '../sheets/cells.js';
import { type RowLayout } from '../sheets/layout.js';
import { boolean, date, integer, money, month, number, text } from '../sheets/types/index.js';
import type { ChangeRow, TrendRow } from './changes.js';
import type { DataQualityLine } from './data-quality.js';

const label = <K extends string>(header: string, key: K, width: number) => text(header, key, { width });
// Widths are kept so that every sheet prints at 8 pt or more one page wide on A4 landscape (test/server/
// workbook/print-scale.test.ts): money 12 characters holds £999,999.99 and more; long text wraps.
const pence = <K extends string>(header: string, key: K, width = 12) =>
  money(header, key, { width, required: true });
const count = <K extends string>(header: string, key: K, width = 12) =>
  integer(header, key, { width, required: true });
const fte = <K extends string>(header: string, key: K) =>
  number(header, key, { width: 10, numberFormat: '0.00', required: true });

export const CONSOLIDATED_CONTRIBUTIONS_LAYOUT: RowLayout<CouncilContribution> = {
  sheet: 'Contributions',
  table: 'ConsolidatedContributions',
  rowKey: ['council'],
  columns: [
    label('Council ID', 'council', 16),
    label('Council name', 'name', 20),
    label('Membership', 'membership', 12),
    count('Months of membership', 'monthsOfMembership'),
    pence(`${FIGURES.duePence.label} (£)`, 'duePence'),
    pence(`${FIGURES.profiledDuePence.label} (£)`, 'profiledDuePence'),
    pence('Cash paid (£)', 'cashPaidPence'),
    pence('In-kind (£)', 'inKindPence'),
    pence(`${FIGURES.contributedPence.label} (£)`, 'contributedPence'),
    pence('Balance (£)', 'balancePence'),
    label('Status', 'status', 17),
  ],
};

export const CONSOLIDATED_SKILLS_LAYOUT: RowLayout<SkillCoverage> = {
  sheet: 'Skills coverage',
  table: 'SkillsCoverage',
  rowKey: ['skill'],
  columns: [
    label('Skill', 'skill', 24),
    count('People (Working+)', 'people'),
    count('Practitioners+', 'practitioners'),
    fte('FTE', 'fte'),
    fte('External FTE', 'externalFte'),
    count('Councils', 'councils'),
    label('Status', 'status', 16),
  ],
};

export const CONSOLIDATED_PEOPLE_LAYOUT: RowLayout<Person> = {
  sheet: 'People',
  table: 'People',
  rowKey: ['email'],
  columns: [
    label('Person', 'name', 18),
    // Fits an address of 41 characters whole (the demo's longest) in Calibri 11.
    label('Email', 'email', 40),
    label('Organisation type', 'organisationType', 13),
    label('Organisation', 'organisation', 18),
    label('Councils', 'councils', 16),
    fte('FTE', 'fte'),
    label('Skills', 'skills', 36),
  ],
};

export const CONSOLIDATED_PROJECTS_LAYOUT: RowLayout<ConsolidatedProject> = {
  sheet: 'Projects',
  table: 'ConsolidatedProjects',
  rowKey: ['id'],
  columns: [
    // Seventeen columns: titles, partners and updates wrap in narrow columns so that the sheet prints
    // at 8 pt or more; a project's own spend and savings are narrower than its budget and investment.
    label('Project ID', 'id', 8),
    label('Title', 'title', 17),
    label('Theme', 'theme', 12),
    label('Lead council', 'lead', 11),
    label('Partners', 'partners', 11),
    label('Phase', 'phase', 9),
    label('RAG', 'rag', 7),
    date('Start', 'start', { width: 10 }),
    date('Due', 'due', { width: 10 }),
    pence('Budget (£)', 'budgetPence'),
    pence('Spent to date (£)', 'spentPence', 11),
    pence('Savings target (£/yr)', 'savingsTargetPence', 11),
    pence('Savings realised (£)', 'savingsRealisedPence', 11),
    pence('Investment secured (£)', 'investmentPence'),
    boolean('Overdue', 'overdue', { width: 8, required: true }),
    label('Reported by', 'reportedBy', 11),
    label('Update', 'update', 16),
  ],
};

export const CONSOLIDATED_DATA_QUALITY_LAYOUT: RowLayout<DataQualityLine & { councilName?: string }> = {
  sheet: 'Data quality',
  table: 'DataQuality',
  rowKey: ['kind', 'council', 'project', 'message'],
  columns: [
    label('Kind', 'kind', 18),
    label('Council ID', 'council', 18),
    label('Council name', 'councilName', 22),
    label('Project ID', 'project', 10),
    label('Message', 'message', 60),
  ],
};

type SubmissionSheetRow = MonthView['submissions'][number] & { name: string };

export const CONSOLIDATED_SUBMISSIONS_LAYOUT: RowLayout<SubmissionSheetRow> = {
  sheet: 'Submissions',
  table: 'Submissions',
  rowKey: ['council'],
  columns: [
    label('Council ID', 'council', 18),
    label('Council name', 'name', 32),
    label('Period', 'period', 10),
    count('Version', 'version'),
    // An Excel date-time (a number of days), on the UK clock.
    number('Submitted at (UK time)', 'submittedAt', {
      width: 17,
      numberFormat: DATE_TIME_FORMAT,
      required: true,
    }),
    label('Review', 'review', 16),
  ],
};

/** Month on month: one row per change since the month compared with (DESIGN §4). */
export const CONSOLIDATED_CHANGES_LAYOUT: RowLayout<ChangeRow> = {
  sheet: 'Changes',
  table: 'Changes',
  rowKey: ['change', 'item'],
  columns: [
    label('Change', 'change', 22),
    label('Item', 'item', 20),
    label('Name', 'name', 32),
    label('From', 'from', 20),
    label('To', 'to', 20),
    money(`${FIGURES.receivedPence.label} (£)`, 'receivedPence', { width: 12 }),
    // Earlier months changed in the council's return since the last one counted.
    money('Earlier months restated (£)', 'restatedPence', { width: 12 }),
  ],
};

/** The year's trend: the partnership's totals for each month of the FY up to the period. */
export const CONSOLIDATED_TREND_LAYOUT: RowLayout<TrendRow> = {
  sheet: 'Trend',
  table: 'Trend',
  rowKey: ['month'],
  columns: [
    month('Month', 'month', { required: true }),
    count('Returns', 'returns'),
    pence(`${FIGURES.contributedPence.label} (£)`, 'contributedPence'),
    pence(`${FIGURES.profiledDuePence.label} (£)`, 'profiledDuePence'),
    // Blank where no return counts for the month: no data, never a zero.
    integer('Red', 'red', { width: 12 }),
    integer('Amber', 'amber', { width: 12 }),
    integer('Green', 'green', { width: 12 }),
  ],
};

/** Projects by phase and RAG: the counts the chart of that name shows (formulas over Projects). */
export const CONSOLIDATED_PHASE_RAG_LAYOUT: RowLayout<{
  phase: Phase;
  red: number;
  amber: number;
  green: number;
}> = {
  sheet: 'Projects by phase',
  table: 'ProjectsByPhase',
  rowKey: ['phase'],
  columns: [
    label('Phase', 'phase', 14),
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
