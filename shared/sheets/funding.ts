// The Funding sheet of the partnership workbook (DESIGN §3.2): funding from outside the councils for
// each financial year; what is confirmed reduces the net cost the councils share.
import { defineSheet, type RowOf } from './column.js';
import { choice, money, text } from './types/index.js';
import { financialYearColumn } from './financial-year.js';

export const FUNDING_LAYOUT = defineSheet({
  sheet: 'Funding',
  table: 'Funding',
  rowKey: ['financialYear', 'funder'],
  columns: [
    financialYearColumn,
    text('Funder', 'funder', {
      width: 28,
      maxLength: 200,
      required: true,
      prompt: 'Who gives the funding, such as a government grant.',
    }),
    money('Amount (£)', 'amountPence', { required: true, prompt: 'The funding for the year, in pounds.' }),
    choice('Status', 'status', 'fundingStatuses', {
      width: 12,
      required: true,
      prompt: 'Confirmed funding reduces the net cost councils share; Expected funding does not yet.',
    }),
    text('Notes', 'notes', {
      width: 30,
      maxLength: 500,
      prompt: 'Anything to note about this funding (up to 500 characters).',
    }),
  ],
});

export const fundingSchema = FUNDING_LAYOUT.schema;
export type Funding = RowOf<typeof FUNDING_LAYOUT>;
