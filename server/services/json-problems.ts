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
import { MAX_LISTED_PROBLEMS } from '../../shared/parse/problems.js';
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
  const layout = typeof first === 'string' ? map.tables[first] : undefined;
  if (layout) {
    const column = layout.columns.find((c) => c.key === field);
    const row = typeof index === 'number' ? index + 2 : null;
    const name =
      column?.header ?? (typeof field === 'string' ? field : index === undefined ? String(first) : null);
    return problem(layout.sheet, row, name, `${name === null ? '' : `${name}: `}${issue.message}`);
  }
  const setting = typeof first === 'string' ? map.settings[first] : undefined;
  if (setting) return problem(setting[0], null, setting[1], `${setting[1]}: ${issue.message}`);
  const name = issue.path.length ? issue.path.join('.') : 'the request body';
  return problem('Request', null, null, `${name}: ${issue.message}`);
}

/** An object with unknown keys is one issue; each key is its own problem, named where it is. */
function unknownKeysApart(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'unrecognized_keys') return [issue];
  return issue.keys.map((key) => ({
    ...issue,
    path: [...issue.path, key],
    message: 'not a field the service knows; remove it (field names are case-sensitive)',
  }));
}

const problem = (sheet: string, row: number | null, column: string | null, message: string): Problem => ({
  sheet,
  row,
  column,
  code: 'invalid-value',
  severity: 'error',
  message,
});

/** A plain request body (a review, a token, a user): problems name its fields, under sheet "Request". */
export function parseRequestBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw zodRefusal(parsed.error.issues, { tables: {}, settings: {} });
  return parsed.data;
}

/** One problem with a request body's field, found after its schema passed (e.g. an unknown council). */
export const requestFieldProblem = (field: string, message: string): InvalidInput =>
  new InvalidInput([problem('Request', null, null, `${field}: ${message}`)]);
