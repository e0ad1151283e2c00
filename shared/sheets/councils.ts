// The Councils sheet of the partnership workbook (DESIGN §3.2): every council of the partnership, its
// membership, population and contact, and when it joined or left.
import { defineSheet, type RowOf } from './column.js';
import { choice, date, email, integer, text } from './types/index.js';

export const COUNCILS_LAYOUT = defineSheet({
  sheet: 'Councils',
  table: 'Councils',
  rowKey: ['id'],
  columns: [
    text('Council ID', 'id', {
      width: 22,
      maxLength: 60,
      required: true,
      format: 'councilId',
      prompt: 'A short ID for the council in lower-case letters and hyphens, such as cherwell.',
    }),
    text('Council name', 'name', {
      width: 28,
      maxLength: 200,
      required: true,
      format: 'name',
      prompt: "The council's full name, as e-mails and the roll-up show it.",
    }),
    choice('Membership', 'membership', 'memberships', {
      width: 12,
      required: true,
      prompt: 'Members share the cost of the partnership; Observers take part without paying.',
    }),
    integer('Population', 'population', {
      min: 0,
      width: 12,
      default: 0,
      prompt: "The council's population, for the Population and Hybrid cost shares.",
    }),
    email('Contact email', 'contactEmail', {
      width: 28,
      prompt: "Where the council's statements and reminders go.",
    }),
    // Blank: a member since before the partnership's records begin.
    date('Joined', 'joined', {
      prompt: 'The date the council joined the partnership; blank if from the start.',
    }),
    date('Left', 'left', { prompt: 'The date the council left the partnership; blank if still a member.' }),
  ],
});

export const councilSchema = COUNCILS_LAYOUT.schema;
export type Council = RowOf<typeof COUNCILS_LAYOUT>;
