// The CDO's partnership workbook (DESIGN §3.2): the Settings sheet and the Councils, Budget, Funding,
// CDO time and Cost shares tables, and the partnership they make, as JSON carries it.
import { z } from 'zod';
import { BUDGET_LAYOUT } from './budget.js';
import { CDO_TIME_LAYOUT } from './cdo-time.js';
import type { SheetLayout } from './layout.js';
import { sheetRows } from './rows.js';
import { COST_SHARES_LAYOUT } from './cost-shares.js';
import { COUNCILS_LAYOUT } from './councils.js';
import { FUNDING_LAYOUT } from './funding.js';
import { SETTINGS_FIELDS } from './settings.js';

export const PARTNERSHIP_SHEETS = [
  COUNCILS_LAYOUT,
  BUDGET_LAYOUT,
  FUNDING_LAYOUT,
  CDO_TIME_LAYOUT,
  COST_SHARES_LAYOUT,
] as const;
export const PARTNERSHIP_LAYOUTS: readonly [SheetLayout, SheetLayout, SheetLayout, SheetLayout, SheetLayout] =
  PARTNERSHIP_SHEETS;

/** Which partnership array each sheet fills. */
export const PARTNERSHIP_SHEET_KEYS = {
  Councils: 'councils',
  Budget: 'budget',
  Funding: 'funding',
  'CDO time': 'cdoTime',
  'Cost shares': 'costShares',
} as const;

export const partnershipSchema = z.strictObject({
  ...SETTINGS_FIELDS.schema.shape,
  councils: sheetRows(COUNCILS_LAYOUT.schema).min(1),
  budget: sheetRows(BUDGET_LAYOUT.schema).default([]),
  funding: sheetRows(FUNDING_LAYOUT.schema).default([]),
  cdoTime: sheetRows(CDO_TIME_LAYOUT.schema).default([]),
  costShares: sheetRows(COST_SHARES_LAYOUT.schema).default([]),
});
export type Partnership = z.infer<typeof partnershipSchema>;
export type PartnershipInput = z.input<typeof partnershipSchema>;
