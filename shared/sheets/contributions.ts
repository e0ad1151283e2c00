// The Contributions sheet of a council's return (DESIGN §3.1): one row per cash payment or in-kind
// allocation of staff time, for months of the return's financial year up to its period.
import { z } from 'zod';
import { defineSheet, type RowOf } from './column.js';
import { choice, email, money, month, number, text } from './types/index.js';

export const CONTRIBUTIONS_LAYOUT = defineSheet({
  sheet: 'Contributions',
  table: 'Contributions',
  rowKey: ['month', 'type', 'budgetLine', 'personEmail', 'reference'],
  columns: [
    month('Month', 'month', {
      required: true,
      prompt:
        "The month the payment or time is for, such as Apr 2026; months of this financial year up to the return's month.",
    }),
    choice('Type', 'type', 'contributionTypes', {
      width: 10,
      required: true,
      prompt: 'Cash for a payment, or In-kind for staff time given to the partnership.',
    }),
    choice('Budget line', 'budgetLine', 'budgetLines', {
      width: 20,
      required: true,
      maxLength: 200,
      prompt: 'The budget line of the partnership budget this contribution goes to, from the list.',
    }),
    // Cash: the payment. In-kind: Days × Day rate, computed when the cell is blank.
    money('Amount (£)', 'amountPence', {
      prompt: 'Cash: the amount paid, in pounds; In-kind: leave blank, or give Days × Day rate.',
    }),
    number('Days', 'days', {
      min: 0,
      max: 31,
      width: 8,
      // In a workbook, more than 0 in steps of 0.5 is a row rule (days-not-half-steps).
      schema: z.number().positive().multipleOf(0.5).max(31),
      prompt: 'In-kind: the days given in the month, in steps of 0.5, up to 31.',
    }),
    money('Day rate (£)', 'dayRatePence', {
      prompt: 'In-kind: the day rate in pounds that the days are valued at, more than £0.',
    }),
    email('Person email', 'personEmail', {
      // An address of 41 characters shows whole in Calibri 11.
      width: 40,
      prompt: 'In-kind: the e-mail of the person whose time this is, as on the Skills sheet.',
    }),
    text('Reference', 'reference', {
      width: 14,
      maxLength: 100,
      prompt: 'Your own reference, such as a purchase order or invoice number (up to 100 characters).',
    }),
    text('Notes', 'notes', {
      width: 30,
      maxLength: 500,
      prompt: 'Anything the CDO should know about this row (up to 500 characters).',
    }),
  ],
});

export const contributionRowSchema = CONTRIBUTIONS_LAYOUT.schema;
export type ContributionRow = RowOf<typeof CONTRIBUTIONS_LAYOUT>;
