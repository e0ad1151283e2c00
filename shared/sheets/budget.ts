// The Budget sheet of the partnership workbook (DESIGN §3.2): the partnership's budget lines for each
// financial year, which councils' contributions go to.
import { defineSheet, type RowOf } from './column.js';
import { money, text } from './types/index.js';
import { financialYearColumn } from './financial-year.js';

export const BUDGET_LAYOUT = defineSheet({
  sheet: 'Budget',
  table: 'Budget',
  rowKey: ['financialYear', 'budgetLine'],
  columns: [
    financialYearColumn,
    text('Budget line', 'budgetLine', {
      width: 28,
      maxLength: 200,
      required: true,
      prompt: 'The name of the budget line, such as CDO salary.',
    }),
    money('Amount (£)', 'amountPence', {
      required: true,
      prompt: "The budget line's amount for the year, in pounds.",
    }),
    text('Notes', 'notes', {
      width: 30,
      maxLength: 500,
      prompt: 'Anything to note about this budget line (up to 500 characters).',
    }),
  ],
});

export const budgetLineSchema = BUDGET_LAYOUT.schema;
export type BudgetLine = RowOf<typeof BUDGET_LAYOUT>;
