// The partnership workbook (DESIGN §3.2): Settings (label | value, with defaults) and the data sheets.
import type { Problem } from '../schemas.js';
import {
  BUDGET_LAYOUT,
  CDO_TIME_LAYOUT,
  COST_SHARES_LAYOUT,
  COUNCILS_LAYOUT,
  FUNDING_LAYOUT,
  partnershipSchema,
  SETTINGS_FIELDS,
  SETTINGS_SHEET,
  type Partnership,
  type RowOf,
  type SheetDefinition,
} from '../sheets/index.js';
import { say } from '../i18n/say.js';
import type { ReadContext } from './cell-reader.js';
import { readLabelValues } from './label-values.js';
import type { PartnershipRows } from './partnership-rules.js';
import { PARTNERSHIP_SHEET_ORDER, partnershipRowProblems } from './partnership-rules.js';
import { problem, ProblemList, sortProblems } from './problems.js';
import { wasRead } from './row-rules.js';
import type { Located, WorkbookGrids } from './sheet.js';
import { findGrid, readWorkbookSheet } from './sheet.js';

/** Reads the CDO's partnership workbook. The partnership is given only when nothing is in error. */
export function parsePartnershipWorkbook(grids: WorkbookGrids): {
  partnership?: Partnership;
  problems: Problem[];
  /** Every error found, listed or not. */
  errorCount: number;
} {
  const problems = new ProblemList();
  const settingsGrid = findGrid(grids, SETTINGS_SHEET);
  const settings: Record<string, unknown> = {};
  if (settingsGrid) {
    const read = readLabelValues(SETTINGS_SHEET, settingsGrid, SETTINGS_FIELDS.columns, {});
    problems.addAll(read.problems);
    Object.assign(settings, read.values);
  } else {
    problems.push(
      problem(
        SETTINGS_SHEET,
        null,
        null,
        'missing-sheet',
        'error',
        say('problem.missingSheet.settings', { sheet: SETTINGS_SHEET }),
      ),
    );
  }

  const councils = readPartnershipSheet(grids, COUNCILS_LAYOUT, {}, true, problems);
  // A council whose ID and name were read may be named on the other sheets, though another of its
  // cells is faulty: that fault is reported once, on the Councils sheet, not again wherever it is named.
  const ctx: ReadContext = {
    councils: councils.filter((r) => wasRead(r, 'id', 'name')).map((r) => r.value),
  };
  const rows: PartnershipRows = {
    councils,
    budget: readPartnershipSheet(grids, BUDGET_LAYOUT, ctx, false, problems),
    funding: readPartnershipSheet(grids, FUNDING_LAYOUT, ctx, false, problems),
    cdoTime: readPartnershipSheet(grids, CDO_TIME_LAYOUT, ctx, false, problems),
    costShares: readPartnershipSheet(grids, COST_SHARES_LAYOUT, ctx, false, problems),
  };
  problems.addAll(partnershipRowProblems(settings.costShareMethod as Partnership['costShareMethod'], rows));

  const sorted = sortProblems(problems.listed, PARTNERSHIP_SHEET_ORDER);
  const { errorCount } = problems;
  if (errorCount > 0) return { problems: sorted, errorCount };
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
    const said = say('problem.invalidPartnership', { detail: parsed.error.message });
    sorted.push(problem(SETTINGS_SHEET, null, null, 'invalid-partnership', 'error', said));
    return { problems: sorted, errorCount: 1 };
  }
  return { partnership: parsed.data, problems: sorted, errorCount: 0 };
}

function readPartnershipSheet<D extends SheetDefinition>(
  grids: WorkbookGrids,
  layout: D,
  ctx: ReadContext,
  required: boolean,
  problems: ProblemList,
): Located<RowOf<D>>[] {
  const { sheet } = layout;
  const missing = required
    ? {
        severity: 'error' as const,
        say: say('problem.missingSheet.required', {
          sheet,
          columns: layout.columns.map((c) => c.header).join(', '),
        }),
      }
    : { severity: 'note' as const, say: say('problem.missingSheet.optional', { sheet }) };
  return readWorkbookSheet<RowOf<D>>(grids, layout, ctx, problems, missing) ?? [];
}
