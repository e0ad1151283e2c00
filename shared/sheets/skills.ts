// The Skills sheet of a council's return (DESIGN §3.1): one row per person and skill, with their level
// and the days a month they give the partnership.
import { defineSheet, type RowOf } from './column.js';
import { choice, date, email, money, number, text } from './types/index.js';

export const SKILLS_LAYOUT = defineSheet({
  sheet: 'Skills',
  table: 'Skills',
  rowKey: ['email', 'skill'],
  columns: [
    text('Person', 'person', {
      width: 18,
      maxLength: 200,
      required: true,
      prompt: "The person's full name.",
    }),
    email('Email', 'email', {
      // An address of 41 characters shows whole in Calibri 11; Organisation and Notes wrap, narrower, so
      // that the sheet still prints at 8 pt or more one page wide.
      width: 40,
      required: true,
      prompt: "The person's work e-mail address; one row per person and skill.",
    }),
    choice('Organisation type', 'organisationType', 'organisationTypes', {
      width: 13,
      required: true,
      prompt: 'Who employs the person: Council, SME, Freelancer or Partner.',
    }),
    text('Organisation', 'organisation', {
      width: 16,
      maxLength: 200,
      required: true,
      prompt: 'The name of the organisation that employs the person.',
    }),
    choice('Skill', 'skill', 'skills', {
      width: 20,
      required: true,
      prompt: 'One skill from the list; add a row for each further skill.',
    }),
    choice('Level', 'level', 'skillLevels', {
      width: 12,
      required: true,
      prompt: "The person's level in this skill: Awareness, Working, Practitioner or Expert.",
    }),
    number('Days per month', 'daysPerMonth', {
      min: 0,
      max: 23,
      width: 10,
      required: true,
      prompt: 'The days a month the person gives the partnership, from 0 to 23.',
    }),
    money('Day rate (£)', 'dayRatePence', {
      prompt: "The person's day rate in pounds, if the partnership pays for their time.",
    }),
    date('From', 'from', {
      prompt: 'The first day the person works with the partnership, as a date; blank if always.',
    }),
    date('To', 'to', {
      prompt: 'The last day the person works with the partnership, as a date; blank if still working.',
    }),
    text('Notes', 'notes', {
      width: 24,
      maxLength: 1000,
      prompt: 'Anything the CDO should know about this person or skill (up to 1,000 characters).',
    }),
  ],
});

export const skillRowSchema = SKILLS_LAYOUT.schema;
export type SkillRow = RowOf<typeof SKILLS_LAYOUT>;
