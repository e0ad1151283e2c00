// Each column's quick test (what large returns are checked with) agrees with the column's schema (what
// the OpenAPI document, the types and every refusal's message come from): for every column of every
// sheet and a catalogue of awkward values, both accept the same values and give the same value; and a
// whole submission is accepted, and read, exactly as the schema would.
import { describe, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import {
  ABOUT_FIELDS,
  COUNCIL_LAYOUTS,
  councilSubmissionSchema,
  FIXED_LISTS,
  parseCouncilSubmission,
  PARTNERSHIP_LAYOUTS,
  REFUSED,
  SETTINGS_FIELDS,
  type Column,
} from '../../shared/sheets/index.js';

const COLUMNS: readonly Column[] = [
  ...[...COUNCIL_LAYOUTS, ...PARTNERSHIP_LAYOUTS].flatMap((l) => l.columns as readonly Column[]),
  ...ABOUT_FIELDS.columns,
  ...SETTINGS_FIELDS.columns,
];

const text = (length: number) => 'x'.repeat(length);
const AWKWARD: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  0.5,
  1.25,
  31,
  31.5,
  32,
  100,
  100.5,
  1e21,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  'a',
  '12',
  'cherwell',
  'Cherwell',
  'vale-of-white-horse',
  'a--b',
  '-a',
  'OXD-001',
  'oxd.001_x',
  '.oxd',
  text(32),
  text(33),
  '2026-04-01',
  '2028-02-29',
  '2026-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-4-1',
  '2026-04',
  '2026-13',
  '2026-00',
  '2026-27',
  '2026-28',
  '1999-00',
  'jo@cherwell.gov.uk',
  'not an address',
  'jo@',
  [],
  ['cherwell'],
  ['cherwell', 'oxford'],
  ['Cherwell'],
  [1],
  ['jo@cherwell.gov.uk'],
  ['jo@'],
  {},
  { id: 'x' },
];

/** Values at and around a column's own limits, and its list's words. */
function valuesFor(column: Column): unknown[] {
  const values = [...AWKWARD];
  if (column.maxLength !== undefined)
    values.push(text(column.maxLength - 1), text(column.maxLength), text(column.maxLength + 1));
  for (const bound of [column.min, column.max])
    if (bound !== undefined) values.push(bound, bound - 0.5, bound + 0.5, bound - 1, bound + 1);
  if (column.list && column.list in FIXED_LISTS) {
    const words = FIXED_LISTS[column.list as keyof typeof FIXED_LISTS] as readonly string[];
    values.push(...words, words[0]!.toUpperCase(), `${words[0]} `);
  }
  return values;
}

describe("each column's quick test", () => {
  it.each(COLUMNS.map((c) => [`${c.header} (${c.key}, ${c.type})`, c] as const))(
    'agrees with its schema: %s',
    (_name, column) => {
      for (const value of valuesFor(column)) {
        const parsed = column.schema.safeParse(value);
        const quick = column.quick(value);
        const label = `${column.key} ← ${JSON.stringify(value) ?? String(value)}`;
        if (parsed.success) expect(quick, label).toEqual(parsed.data);
        else expect(quick, label).toBe(REFUSED);
      }
    },
  );
});

describe('parseCouncilSubmission', () => {
  const demo = demoCouncilSubmission('cherwell', '2026-10');
  const project = demo.projects[0]!;
  const bodies: [string, unknown][] = [
    ['the demo return', demo],
    [
      'rows with their keys in another order, optional values left out',
      {
        projects: demo.projects.map(({ id, title, ...rest }) => ({
          ...rest,
          title,
          id,
          partners: undefined,
        })),
        skills: demo.skills,
        contributions: demo.contributions,
        period: demo.period,
      },
    ],
    ['an unknown property on the body', { ...demo, notes: 'x' }],
    ['an unknown property on a row', { ...demo, projects: [{ ...project, colour: 'blue' }] }],
    ['a row that is a list', { ...demo, projects: [[project]] }],
    ['a row that is null', { ...demo, projects: [null] }],
    ['a sheet left out', { period: demo.period, contributions: [], skills: [] }],
    ['a sheet that is not a list', { ...demo, skills: {} }],
    ['a bad period', { ...demo, period: '2026-13' }],
    ['a bad value in the last row', { ...demo, projects: [...demo.projects, { ...project, rag: 'Blue' }] }],
    ['a body that is a list', [demo]],
    ['no body', undefined],
  ];

  it.each(bodies)('accepts and reads %s exactly as the schema does', (_name, body) => {
    const expected = councilSubmissionSchema.safeParse(body);
    const actual = parseCouncilSubmission(body);
    expect(actual.success).toBe(expected.success);
    if (expected.success) expect(JSON.stringify(actual.data)).toBe(JSON.stringify(expected.data));
    else expect(actual.error?.issues).toEqual(expected.error.issues);
  });
});
