// The Cost shares sheet of the partnership workbook (DESIGN §3.2): each council's fixed share of the
// net cost per financial year, for the Fixed cost share.
import { defineSheet, type RowOf } from './column.js';
import { choice, percent } from './types/index.js';
import { financialYearColumn } from './financial-year.js';

export const COST_SHARES_LAYOUT = defineSheet({
  sheet: 'Cost shares',
  table: 'CostShares',
  rowKey: ['financialYear', 'council'],
  columns: [
    financialYearColumn,
    choice('Council ID', 'council', 'councils', {
      width: 22,
      required: true,
      prompt: 'The council ID whose fixed share this is.',
    }),
    percent('Share (%)', 'sharePercent', {
      min: 0,
      max: 100,
      numberFormat: '0.00',
      width: 10,
      required: true,
      prompt: "The council's share of the net cost in per cent, for the Fixed cost share.",
    }),
  ],
});

export const costShareSchema = COST_SHARES_LAYOUT.schema;
export type CostShare = RowOf<typeof COST_SHARES_LAYOUT>;
