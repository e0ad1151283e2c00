// The partnership workbook (DESIGN §3.2): Settings (label | value, with defaults) and the data sheets.
import type { ColumnLayout, SheetLayout } from '../layouts.js';
import {
  BUDGET_LAYOUT,
  CDO_TIME_LAYOUT,
  COST_SHARES_LAYOUT,
  COUNCILS_LAYOUT,
  FUNDING_LAYOUT,
  SETTINGS_LABELS,
  SETTINGS_SHEET,
} from '../layouts.js';
import type { BudgetLine, CdoTime, CostShare, Council, Funding, Partnership, Problem } from '../schemas.js';
import { partnershipSchema } from '../schemas.js';
import { z } from 'zod';
import type { ReadContext } from './columns.js';
import { readLabelValues, VALUE_COLUMN } from './label-values.js';
import type { PartnershipRows } from './partnership-rules.js';
import { PARTNERSHIP_SHEET_ORDER, partnershipRowProblems } from './partnership-rules.js';
import { describeFound, problem, sortProblems } from './problems.js';
import type { Located, WorkbookGrids } from './sheet.js';
import { findGrid, readWorkbookSheet } from './sheet.js';

const setting = (
  key: keyof typeof SETTINGS_LABELS,
  column: Omit<ColumnLayout, 'header' | 'key' | 'width'>,
) => ({
  header: SETTINGS_LABELS[key],
  key,
  width: 0,
  ...column,
});
const SETTINGS_FIELDS: ColumnLayout[] = [
  setting('name', { type: 'text', required: true, maxLength: 200 }),
  setting('costShareMethod', { type: 'choice', list: 'costShareMethods', required: true }),
  setting('hybridEqualPercent', { type: 'percent', required: false, min: 0, max: 100 }),
  setting('submissionDeadlineDay', { type: 'integer', required: false, min: 1, max: 28 }),
  setting('rollupRecipients', { type: 'text', required: false, maxLength: 5000 }),
  setting('reminderDaysBeforeDeadline', { type: 'integer', required: false, min: 0, max: 27 }),
];

const emailPattern = z.regexes.email;

/** Reads the CDO's partnership workbook. The partnership is given only when nothing is in error. */
export function parsePartnershipWorkbook(grids: WorkbookGrids): {
  partnership?: Partnership;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const settingsGrid = findGrid(grids, SETTINGS_SHEET);
  const settings: Record<string, unknown> = {};
  if (settingsGrid) {
    const read = readLabelValues(SETTINGS_SHEET, settingsGrid, SETTINGS_FIELDS, {});
    problems.push(...read.problems);
    Object.assign(settings, read.values);
    const recipients = read.values.rollupRecipients as string | undefined;
    if (recipients !== undefined) {
      const list = recipients
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const bad = list.find((address) => address.length > 254 || !emailPattern.test(address));
      if (bad === undefined) settings.rollupRecipients = list;
      else {
        delete settings.rollupRecipients;
        problems.push(
          problem(
            SETTINGS_SHEET,
            read.rows.rollupRecipients ?? null,
            VALUE_COLUMN,
            'invalid-email',
            'error',
            `${SETTINGS_LABELS.rollupRecipients} must be email addresses separated by ; — found ${describeFound(bad)}.`,
          ),
        );
      }
    }
  } else {
    problems.push(
      problem(
        SETTINGS_SHEET,
        null,
        null,
        'missing-sheet',
        'error',
        `The workbook has no sheet named "${SETTINGS_SHEET}"; it holds the partnership name and cost-share method.`,
      ),
    );
  }

  const councils = readPartnershipSheet<Council>(grids, COUNCILS_LAYOUT, {}, true, problems);
  const ctx: ReadContext = { councils: councils.map((r) => r.value) };
  const rows: PartnershipRows = {
    councils,
    budget: readPartnershipSheet<BudgetLine>(grids, BUDGET_LAYOUT, ctx, false, problems),
    funding: readPartnershipSheet<Funding>(grids, FUNDING_LAYOUT, ctx, false, problems),
    cdoTime: readPartnershipSheet<CdoTime>(grids, CDO_TIME_LAYOUT, ctx, false, problems),
    costShares: readPartnershipSheet<CostShare>(grids, COST_SHARES_LAYOUT, ctx, false, problems),
  };
  problems.push(...partnershipRowProblems(settings.costShareMethod as Partnership['costShareMethod'], rows));

  const sorted = sortProblems(problems, PARTNERSHIP_SHEET_ORDER);
  if (sorted.some((p) => p.severity === 'error')) return { problems: sorted };
  // The schema fills the defaults (hybrid 50%, deadline day 10, reminder 3 days, population 0).
  const parsed = partnershipSchema.safeParse({
    ...settings,
    councils: rows.councils.map((r) => r.value),
    budget: rows.budget.map((r) => r.value),
    funding: rows.funding.map((r) => r.value),
    cdoTime: rows.cdoTime.map((r) => r.value),
    costShares: rows.costShares.map((r) => r.value),
  });
  if (!parsed.success) {
    // The readers check everything the schema does; reaching here is a bug, reported rather than hidden.
    sorted.push(problem(SETTINGS_SHEET, null, null, 'invalid-partnership', 'error', parsed.error.message));
    return { problems: sorted };
  }
  return { partnership: parsed.data, problems: sorted };
}

function readPartnershipSheet<T>(
  grids: WorkbookGrids,
  layout: SheetLayout,
  ctx: ReadContext,
  required: boolean,
  problems: Problem[],
): Located<T>[] {
  const missing = required
    ? {
        severity: 'error' as const,
        advice: `add it with the columns ${layout.columns.map((c) => c.header).join(', ')}`,
      }
    : { severity: 'note' as const, advice: 'it is read as empty' };
  return readWorkbookSheet<T>(grids, layout, ctx, problems, missing) ?? [];
}
