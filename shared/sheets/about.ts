// The About sheet of a council's return (DESIGN §3.1): which council and period the workbook is for,
// and the layout version it was made with, as "label | value" rows.
import { defineFields, labelsOf, type RowOf } from './column.js';
import { choice, integer, month } from './types/index.js';

export const ABOUT_FIELDS = defineFields({
  sheet: 'About',
  columns: [
    // None is required of the sheet itself: the council and period may be given with the upload.
    choice('Council ID', 'council', 'councils', {}),
    month('Period', 'period', {}),
    integer('Layout version', 'layoutVersion', { min: 1 }),
  ],
});

export type About = RowOf<typeof ABOUT_FIELDS>;
export const ABOUT_SHEET = ABOUT_FIELDS.sheet;
export const ABOUT_LABELS = labelsOf(ABOUT_FIELDS);
