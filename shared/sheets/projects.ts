// The Projects sheet of a council's return (DESIGN §3.1): one row per project the council leads or
// takes part in, under the Project ID every council's return uses for it.
import { defineSheet, type RowOf } from './column.js';
import { choice, councilList, date, money, text } from './types/index.js';

export const PROJECTS_LAYOUT = defineSheet({
  sheet: 'Projects',
  table: 'Projects',
  rowKey: ['id'],
  // Seventeen columns: text wraps in narrow columns so that the sheet prints at 8 pt or more one page wide
  // on A4 landscape; money 12 characters wide holds £999,999.99 and more.
  columns: [
    text('Project ID', 'id', {
      width: 8,
      maxLength: 32,
      required: true,
      format: 'projectId',
      prompt: "The project's ID, the same in every council's return, such as OXD-001.",
    }),
    text('Title', 'title', {
      width: 16,
      maxLength: 200,
      required: true,
      prompt: "The project's name (up to 200 characters).",
    }),
    choice('Theme', 'theme', 'themes', {
      width: 12,
      required: true,
      prompt: 'The digital strategy theme the project serves, from the list.',
    }),
    choice('Lead council', 'lead', 'councils', {
      width: 11,
      required: true,
      prompt: 'The council ID of the council that leads the project.',
    }),
    councilList('Partners', 'partners', {
      width: 11,
      prompt: 'The council IDs of the other councils taking part, separated by semicolons.',
    }),
    text('External partners', 'externalPartners', {
      width: 11,
      maxLength: 500,
      prompt: 'Organisations outside the councils taking part, if any.',
    }),
    choice('Phase', 'phase', 'phases', {
      width: 9,
      required: true,
      prompt: 'Where the project is: Concept, Discovery, Alpha, Beta, Live or Retired.',
    }),
    choice('RAG', 'rag', 'rags', {
      width: 7,
      required: true,
      prompt: "The project's status: Red, Amber or Green.",
    }),
    date('Start', 'start', { width: 10, prompt: 'The date the project started or starts.' }),
    date('Due', 'due', {
      width: 10,
      prompt: 'The date the project is due to finish; it is overdue after this date.',
    }),
    money('Budget (£)', 'budgetPence', { width: 12, prompt: "The project's budget in pounds." }),
    money('Spent to date (£)', 'spentPence', {
      width: 11,
      prompt: 'What the project has spent so far, in pounds.',
    }),
    money('Savings target (£/yr)', 'savingsTargetPence', {
      width: 11,
      prompt: 'The savings a year the project aims for, in pounds.',
    }),
    money('Savings realised (£)', 'savingsRealisedPence', {
      width: 11,
      prompt: 'The savings the project has made so far, in pounds.',
    }),
    money('Investment secured (£)', 'investmentPence', {
      width: 12,
      prompt: 'Outside funding the project has secured, in pounds.',
    }),
    text('Owner', 'owner', {
      width: 11,
      maxLength: 200,
      prompt: 'The name of the person who owns the project.',
    }),
    text('Update', 'update', {
      width: 16,
      maxLength: 1000,
      prompt: "This month's progress in a sentence or two (up to 1,000 characters).",
    }),
  ],
});

export const projectRowSchema = PROJECTS_LAYOUT.schema;
export type ProjectRow = RowOf<typeof PROJECTS_LAYOUT>;
