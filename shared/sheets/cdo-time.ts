// The CDO time sheet of the partnership workbook (DESIGN §3.2): the CDO's days for each council and
// month, for the Usage cost share.
import { defineSheet, type RowOf } from './column.js';
import { choice, month, number, text } from './types/index.js';

export const CDO_TIME_LAYOUT = defineSheet({
  sheet: 'CDO time',
  table: 'CdoTime',
  rowKey: ['month', 'council'],
  columns: [
    month('Month', 'month', {
      required: true,
      prompt: 'The month the CDO worked for the council, such as Apr 2026.',
    }),
    choice('Council ID', 'council', 'councils', {
      width: 22,
      required: true,
      prompt: "The council ID the CDO's time was spent on.",
    }),
    number('Days', 'days', {
      min: 0,
      max: 31,
      width: 8,
      required: true,
      prompt: "The CDO's days for that council in the month, from 0 to 31.",
    }),
    text('Notes', 'notes', {
      width: 30,
      maxLength: 500,
      prompt: 'Anything to note about this time (up to 500 characters).',
    }),
  ],
});

export const cdoTimeSchema = CDO_TIME_LAYOUT.schema;
export type CdoTime = RowOf<typeof CDO_TIME_LAYOUT>;
