// The Settings sheet of the partnership workbook (DESIGN §3.2): the partnership's name, cost-share
// method and the settings with defaults (the language among them, DESIGN §12), as "label | value" rows.
import { defineFields, labelsOf } from './column.js';
import { choice, emailList, integer, percent, text } from './types/index.js';

export const SETTINGS_FIELDS = defineFields({
  sheet: 'Settings',
  columns: [
    text('Partnership name', 'name', { maxLength: 200, required: true, format: 'name' }),
    choice('Cost-share method', 'costShareMethod', 'costShareMethods', { required: true }),
    percent('Hybrid equal part (%)', 'hybridEqualPercent', { min: 0, max: 100, default: 50 }),
    integer('Submission deadline (day of month)', 'submissionDeadlineDay', { min: 1, max: 28, default: 10 }),
    emailList('Roll-up recipients', 'rollupRecipients', { maxLength: 5000 }),
    integer('Reminder days before deadline', 'reminderDaysBeforeDeadline', { min: 0, max: 27, default: 3 }),
    // DESIGN §12: the language of the partnership's e-mails and consolidated workbook.
    choice('Language', 'language', 'languages', { default: 'English' }),
  ],
});

export const SETTINGS_SHEET = SETTINGS_FIELDS.sheet;
export const SETTINGS_LABELS = labelsOf(SETTINGS_FIELDS);
