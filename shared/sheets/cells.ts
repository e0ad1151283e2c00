// What a cell of a sheet can hold (DESIGN §2, §3): the cell types, the identifier formats and the zod
// schema of each kind of value, which the sheet definitions build their row schemas from.
import { z } from 'zod';
import { isValidFinancialYear, isValidIsoDate, type IsoDate, type Period } from '../dates.js';
import { message } from '../i18n/index.js';
import type { ExpectedKey } from '../i18n/problems.js';
import {
  COUNCIL_ID_PATTERN,
  FINANCIAL_YEAR_PATTERN,
  PERIOD_PATTERN,
  PROJECT_ID_PATTERN,
} from '../vocabulary.js';

/**
 * How a cell is read and written. `money` cells hold pounds and map to integer pence keys;
 * `councilList` is council IDs separated by `,` or `;`, `emailList` e-mail addresses likewise.
 */
export type CellType =
  | 'text'
  | 'email'
  | 'money'
  | 'number'
  | 'integer'
  | 'percent'
  | 'date'
  | 'month'
  | 'choice'
  | 'councilList'
  | 'emailList'
  | 'boolean';

/** The value a cell of each type is read as and written from (a choice: one of its list's words). */
export interface CellValues {
  text: string;
  email: string;
  money: number;
  number: number;
  integer: number;
  percent: number;
  date: IsoDate;
  month: Period;
  choice: string;
  councilList: string[];
  emailList: string[];
  boolean: boolean;
}

export const MONEY_FORMAT = '£#,##0.00';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const MONTH_FORMAT = 'mmm yyyy';
export const DECIMAL_FORMAT = '0.0';
export const INTEGER_FORMAT = '#,##0';
export const TEXT_FORMAT = '@';

// ---- Values ---------------------------------------------------------------------------------------

export const councilIdSchema = z.string().regex(COUNCIL_ID_PATTERN, message('en', 'problem.json.councilId'));

/**
 * A period in what the service builds itself (stored records, views, responses): the same check as
 * `periodSchema`, but typed as the text it is stored as.
 */
export const periodTextSchema = z
  .string({
    error: (issue) =>
      message('en', issue.input === undefined ? 'problem.json.periodRequired' : 'problem.json.period'),
  })
  .regex(PERIOD_PATTERN, message('en', 'problem.json.period'));
/** A period in what is parsed (a return's period and months, a query): a checked `Period`. */
export const periodSchema = periodTextSchema.brand<'Period'>();
export const financialYearSchema = z
  .string()
  .regex(FINANCIAL_YEAR_PATTERN, message('en', 'problem.json.financialYear'))
  .refine(isValidFinancialYear, message('en', 'problem.json.financialYearYears'));
export const isoDateSchema = z.string().refine(isValidIsoDate, message('en', 'problem.json.isoDate'));
/** Integer pence; never floating-point pounds. */
export const penceSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
export const emailSchema = z.email().max(254);

/** A text column whose values follow an identifier pattern of DESIGN §2 / §3. */
export type TextFormat = 'councilId' | 'projectId' | 'financialYear' | 'name';

/** A name shown in e-mails' subjects and bodies is one line: no line breaks, tabs or other control characters. */
const ONE_LINE_NAME = /^[^\p{Cc}]+$/u;

export interface TextFormatRule {
  /** The problem code of a cell that does not follow it. */
  readonly code: string;
  readonly test: (text: string) => boolean;
  /** What a cell must be, after "<Header> must be ". */
  readonly expected: ExpectedKey;
  /** The same rule for a JSON value. */
  readonly schema: z.ZodString;
  /** The pattern itself limits the length, so a column's maxLength adds nothing to the schema. */
  readonly bounded: boolean;
}

export const TEXT_FORMATS: Readonly<Record<TextFormat, TextFormatRule>> = {
  councilId: {
    code: 'invalid-id',
    test: (t) => COUNCIL_ID_PATTERN.test(t),
    expected: 'problem.expected.councilIdFormat',
    schema: councilIdSchema,
    bounded: false,
  },
  projectId: {
    code: 'invalid-id',
    test: (t) => PROJECT_ID_PATTERN.test(t),
    expected: 'problem.expected.projectId',
    schema: z.string().regex(PROJECT_ID_PATTERN, message('en', 'problem.json.projectId')),
    bounded: true,
  },
  name: {
    code: 'invalid-name',
    test: (t) => ONE_LINE_NAME.test(t),
    expected: 'problem.expected.name',
    schema: z.string().regex(ONE_LINE_NAME, message('en', 'problem.json.name')),
    bounded: false,
  },
  financialYear: {
    code: 'invalid-financial-year',
    test: isValidFinancialYear,
    expected: 'problem.expected.financialYear',
    schema: financialYearSchema,
    bounded: true,
  },
};
