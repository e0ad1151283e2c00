// Rules over a whole partnership (DESIGN §3.2, §4): run on the CDO's workbook and on a partnership that
// arrives as JSON.
import type { Problem } from '../schemas.js';
import {
  BUDGET_LAYOUT,
  CDO_TIME_LAYOUT,
  COST_SHARES_LAYOUT,
  COUNCILS_LAYOUT,
  FUNDING_LAYOUT,
  SETTINGS_SHEET,
  type BudgetLine,
  type CdoTime,
  type CostShare,
  type Council,
  type Funding,
  type Partnership,
} from '../sheets/index.js';
import { plainNumber } from '../sheets/bounds.js';
import { say } from '../i18n/say.js';
import { unknownCouncilSay } from './cell-reader.js';
import { problem, sortProblems } from './problems.js';
import { datesOutOfOrder, duplicateRowProblems, header, locate, wasRead } from './row-rules.js';
import type { Located } from './sheet.js';

export interface PartnershipRows {
  councils: readonly Located<Council>[];
  budget: readonly Located<BudgetLine>[];
  funding: readonly Located<Funding>[];
  cdoTime: readonly Located<CdoTime>[];
  costShares: readonly Located<CostShare>[];
}

export const PARTNERSHIP_SHEET_ORDER = [
  SETTINGS_SHEET,
  COUNCILS_LAYOUT.sheet,
  BUDGET_LAYOUT.sheet,
  FUNDING_LAYOUT.sheet,
  CDO_TIME_LAYOUT.sheet,
  COST_SHARES_LAYOUT.sheet,
];

/** Fixed shares may be off by this much (percentage points) from 100, for rounding in the sheet. */
const SHARE_TOLERANCE = 0.01;
const SHARE = header(COST_SHARES_LAYOUT, 'sharePercent');

export function partnershipRowProblems(
  method: Partnership['costShareMethod'] | undefined,
  rows: PartnershipRows,
): Problem[] {
  const problems: Problem[] = [];
  if (rows.councils.length === 0) {
    problems.push(
      problem(
        COUNCILS_LAYOUT.sheet,
        null,
        null,
        'no-councils',
        'error',
        say('problem.noCouncils', { sheet: COUNCILS_LAYOUT.sheet }),
      ),
    );
  }
  for (const located of rows.councils) {
    if (!wasRead(located, 'joined', 'left')) continue;
    const { row, value: c } = located;
    problems.push(
      ...datesOutOfOrder(COUNCILS_LAYOUT, row, 'left-before-joined', ['joined', c.joined], ['left', c.left]),
    );
  }
  // Councils whose ID was read, for the IDs the message lists and the lookups.
  const councils = rows.councils.filter((r) => wasRead(r, 'id')).map((r) => r.value);
  const ids = new Set(councils.map((c) => c.id));
  for (const layout of [CDO_TIME_LAYOUT, COST_SHARES_LAYOUT]) {
    const column = header(layout, 'council');
    const located = layout === CDO_TIME_LAYOUT ? rows.cdoTime : rows.costShares;
    for (const r of located) {
      const { row, value } = r;
      if (!wasRead(r, 'council') || ids.has(value.council)) continue;
      problems.push(
        problem(
          layout.sheet,
          row,
          column,
          'unknown-council',
          'error',
          unknownCouncilSay(column, `"${value.council}"`, councils),
        ),
      );
    }
  }
  problems.push(
    ...duplicateRowProblems(COUNCILS_LAYOUT, rows.councils, 'error'),
    ...duplicateRowProblems(BUDGET_LAYOUT, rows.budget, 'error'),
    ...duplicateRowProblems(FUNDING_LAYOUT, rows.funding, 'warning'),
    ...duplicateRowProblems(CDO_TIME_LAYOUT, rows.cdoTime, 'warning'),
    ...duplicateRowProblems(COST_SHARES_LAYOUT, rows.costShares, 'error'),
  );
  if (method === 'Fixed') problems.push(...fixedShareProblems(rows));
  return problems;
}

/**
 * With the Fixed method, every financial year budgeted or shared must have shares totalling 100%. A year
 * with a share that could not be read has no known total, so is not checked; nor is any year when a
 * share's Financial year could not be read, as that share could belong to any of them.
 */
function fixedShareProblems(rows: PartnershipRows): Problem[] {
  if (rows.costShares.some((r) => !wasRead(r, 'financialYear'))) return [];
  const totals = new Map<string, number>();
  for (const r of rows.budget) {
    if (wasRead(r, 'financialYear') && !totals.has(r.value.financialYear))
      totals.set(r.value.financialYear, 0);
  }
  const unknownTotal = new Set<string>();
  for (const r of rows.costShares) {
    const { financialYear, sharePercent } = r.value;
    if (!wasRead(r, 'sharePercent')) unknownTotal.add(financialYear);
    else totals.set(financialYear, (totals.get(financialYear) ?? 0) + sharePercent);
  }
  const shared = new Set(rows.costShares.map((r) => r.value.financialYear));
  const problems: Problem[] = [];
  for (const [year, total] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
    if (unknownTotal.has(year)) continue;
    const sheet = COST_SHARES_LAYOUT.sheet;
    if (!shared.has(year)) {
      problems.push(
        problem(sheet, null, SHARE, 'shares-missing', 'error', say('problem.sharesMissing', { sheet, year })),
      );
    } else if (Math.abs(total - 100) > SHARE_TOLERANCE + 1e-9) {
      problems.push(
        problem(
          sheet,
          null,
          SHARE,
          'shares-not-100',
          'error',
          say('problem.sharesNot100', { sheet, year, total: plainNumber(total) }),
        ),
      );
    }
  }
  return problems;
}

/** Rules over a whole partnership (Fixed shares total 100 ± 0.01 per FY, unique council IDs, ...). */
export function validatePartnership(p: Partnership): Problem[] {
  const rows: PartnershipRows = {
    councils: locate(p.councils),
    budget: locate(p.budget),
    funding: locate(p.funding),
    cdoTime: locate(p.cdoTime),
    costShares: locate(p.costShares),
  };
  return sortProblems(partnershipRowProblems(p.costShareMethod, rows), PARTNERSHIP_SHEET_ORDER);
}
