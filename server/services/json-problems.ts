// A JSON body that fails its zod schema gets the same 422 shape as a workbook: each problem names the
// sheet, the row as it would be in Excel (index + 2, under the header) and the column header.
import type { z } from 'zod';
import { InvalidInput } from '../errors.js';
import {
  ABOUT_LABELS,
  ABOUT_SHEET,
  COUNCIL_LAYOUTS,
  COUNCIL_SHEET_KEYS,
  PARTNERSHIP_LAYOUTS,
  PARTNERSHIP_SHEET_KEYS,
  SETTINGS_LABELS,
  SETTINGS_SHEET,
  type SheetLayout,
} from '../../shared/sheets/index.js';
import { MAX_LISTED_PROBLEMS, problem } from '../../shared/parse/problems.js';
import { message, type PlainKey } from '../../shared/i18n/index.js';
import { phrase, say, spoken, type Phrase, type Say } from '../../shared/i18n/say.js';
import { MAX_ROWS_PER_SHEET, type Problem } from '../../shared/schemas.js';
import { HttpError } from '../errors.js';

interface SheetMap {
  /** Array property → its sheet layout. */
  tables: Record<string, SheetLayout>;
  /** Scalar property → [sheet, label]. */
  settings: Record<string, [string, string]>;
}

function tablesOf(
  keys: Record<string, string>,
  layouts: readonly SheetLayout[],
): Record<string, SheetLayout> {
  return Object.fromEntries(
    Object.entries(keys).map(([sheet, key]) => [key, layouts.find((l) => l.sheet === sheet)!]),
  );
}

export const COUNCIL_JSON: SheetMap = {
  tables: tablesOf(COUNCIL_SHEET_KEYS, COUNCIL_LAYOUTS),
  settings: { period: [ABOUT_SHEET, ABOUT_LABELS.period] },
};

export const PARTNERSHIP_JSON: SheetMap = {
  tables: tablesOf(PARTNERSHIP_SHEET_KEYS, PARTNERSHIP_LAYOUTS),
  settings: Object.fromEntries(
    Object.entries(SETTINGS_LABELS).map(([key, label]) => [key, [SETTINGS_SHEET, label] as [string, string]]),
  ),
};

/**
 * A sheet sent as JSON holds no more rows than the same sheet of a workbook (413 too-many-rows), checked
 * before the rows are validated one by one.
 */
export function refuseTooManyRows(body: unknown, map: SheetMap): void {
  if (typeof body !== 'object' || body === null) return;
  for (const [key, layout] of Object.entries(map.tables)) {
    const rows = (body as Record<string, unknown>)[key];
    if (Array.isArray(rows) && rows.length > MAX_ROWS_PER_SHEET) {
      throw new HttpError(
        413,
        'too-many-rows',
        `${key} (the ${layout.sheet} sheet) has ${rows.length.toLocaleString('en-GB')} rows; a sheet may hold at most ${MAX_ROWS_PER_SHEET.toLocaleString('en-GB')}.`,
      );
    }
  }
}

/**
 * The 422 for a body that fails its schema: the first MAX_LISTED_PROBLEMS problems, and how many there
 * are in all (50,000 rows of ten wrong fields would otherwise make an answer of half a million).
 */
export function zodRefusal(issues: readonly z.core.$ZodIssue[], map: SheetMap): InvalidInput {
  const problems: Problem[] = [];
  let count = 0;
  for (const whole of issues) {
    for (const issue of unknownKeysApart(whole)) {
      count += 1;
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push(zodProblem(issue, map));
    }
  }
  return new InvalidInput(problems, count);
}

function zodProblem(issue: z.core.$ZodIssue, map: SheetMap): Problem {
  const [first, index, field] = issue.path;
  const detail = zodDetail(issue);
  const layout = typeof first === 'string' ? map.tables[first] : undefined;
  if (layout) {
    const column = layout.columns.find((c) => c.key === field);
    const row = typeof index === 'number' ? index + 2 : null;
    const name =
      column?.header ?? (typeof field === 'string' ? field : index === undefined ? String(first) : null);
    const said =
      name === null
        ? say('problem.json.row', { detail })
        : say('problem.json.field', { field: name, detail });
    return invalid(layout.sheet, row, name, said);
  }
  const setting = typeof first === 'string' ? map.settings[first] : undefined;
  if (setting)
    return invalid(setting[0], null, setting[1], say('problem.json.field', { field: setting[1], detail }));
  const name = issue.path.length ? issue.path.join('.') : phrase('problem.json.body');
  return invalid('Request', null, null, say('problem.json.field', { field: name, detail }));
}

/** The messages the schemas give in their own words (shared/sheets, shared/api), from the catalogue. */
const SCHEMA_MESSAGES: readonly Extract<PlainKey, `problem.json.${string}`>[] = [
  'problem.json.unknownField',
  'problem.json.sheetRequired',
  'problem.json.councilId',
  'problem.json.period',
  'problem.json.periodRequired',
  'problem.json.financialYear',
  'problem.json.financialYearYears',
  'problem.json.isoDate',
  'problem.json.projectId',
  'problem.json.name',
  'problem.json.declineComment',
  'problem.json.rectifyPerson',
];

/** zod's way of writing a value it expected. */
const zodValue = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

/** The catalogue's phrase for what zod says of an issue, from the issue's own fields. */
function zodPhrase(issue: z.core.$ZodIssue): Phrase | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      // zod keeps no input in an issue, only the type it found in the words after this.
      const head = `Invalid input: expected ${issue.expected}, received `;
      return issue.message.startsWith(head)
        ? phrase('problem.json.invalidType', {
            expected: issue.expected,
            received: issue.message.slice(head.length),
          })
        : undefined;
    }
    case 'invalid_value':
      return phrase('problem.json.invalidOption', { values: issue.values.map(zodValue).join('|') });
    case 'too_small': {
      const minimum = String(issue.minimum);
      if (issue.origin === 'string') return phrase('problem.json.tooShort', { minimum });
      if (issue.origin === 'array') return phrase('problem.json.tooFew', { minimum });
      return phrase('problem.json.tooLow', { minimum });
    }
    case 'too_big': {
      // Arrays are held to their bound before their schema (413 too-many-rows).
      const maximum = String(issue.maximum);
      return phrase(issue.origin === 'string' ? 'problem.json.tooLong' : 'problem.json.tooHigh', { maximum });
    }
    case 'invalid_format':
      if (issue.format === 'email') return phrase('problem.json.invalidEmail');
      return undefined;
    default:
      return undefined;
  }
}

/**
 * What is wrong with a value, as a phrase of the catalogue whose English is word for word what zod or
 * the schema said; any other wording (a bound that is not inclusive, a format no phrase covers) is kept
 * as zod wrote it.
 */
function zodDetail(issue: z.core.$ZodIssue): Phrase | string {
  const candidates = [zodPhrase(issue), ...SCHEMA_MESSAGES.map((key): Phrase => ({ key }))];
  return candidates.find((p) => p !== undefined && spoken('en', p) === issue.message) ?? issue.message;
}

/** An object with unknown keys is one issue; each key is its own problem, named where it is. */
function unknownKeysApart(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'unrecognized_keys') return [issue];
  return issue.keys.map((key) => ({
    ...issue,
    path: [...issue.path, key],
    message: message('en', 'problem.json.unknownField'),
  }));
}

const invalid = (sheet: string, row: number | null, column: string | null, said: Say): Problem =>
  problem(sheet, row, column, 'invalid-value', 'error', said);

/** A plain request body (a review, a token, a user): problems name its fields, under sheet "Request". */
export function parseRequestBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw zodRefusal(parsed.error.issues, { tables: {}, settings: {} });
  return parsed.data;
}

/** One problem with a request body's field, found after its schema passed (e.g. an unknown council). */
export const requestFieldProblem = (field: string, detail: Phrase): InvalidInput =>
  new InvalidInput([invalid('Request', null, null, say('problem.json.field', { field, detail }))]);
