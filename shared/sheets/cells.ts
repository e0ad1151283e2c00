// What a cell of a sheet can hold (DESIGN §2, §3): the cell types, the identifier formats and the zod
// schema of each kind of value, which the sheet definitions build their row schemas from.
import { z } from 'zod';
import { isValidFinancialYear, isValidIsoDate, type IsoDate, type Period } from '../dates.js';
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

export const councilIdSchema = z
  .string()
  .regex(COUNCIL_ID_PATTERN, 'a council ID is lower-case letters and digits joined by hyphens');
const PERIOD_FORM = 'a period is a month written YYYY-MM';
/**
 * A period in what the service builds itself (stored records, views, responses): the same check as
 * `periodSchema`, but typed as the text it is stored as.
 */
export const periodTextSchema = z
  .string({ error: (issue) => (issue.input === undefined ? `required: ${PERIOD_FORM}` : PERIOD_FORM) })
  .regex(PERIOD_PATTERN, PERIOD_FORM);
/** A period in what is parsed (a return's period and months, a query): a checked `Period`. */
export const periodSchema = periodTextSchema.brand<'Period'>();
export const financialYearSchema = z
  .string()
  .regex(FINANCIAL_YEAR_PATTERN, 'a financial year is written like 2026-27')
  .refine(isValidFinancialYear, 'a financial year names two consecutive years, like 2026-27');
export const isoDateSchema = z.string().refine(isValidIsoDate, 'a date is written YYYY-MM-DD');
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
  readonly rule: string;
  /** The same rule for a JSON value. */
  readonly schema: z.ZodString;
  /** The pattern itself limits the length, so a column's maxLength adds nothing to the schema. */
  readonly bounded: boolean;
}

export const TEXT_FORMATS: Readonly<Record<TextFormat, TextFormatRule>> = {
  councilId: {
    code: 'invalid-id',
    test: (t) => COUNCIL_ID_PATTERN.test(t),
    rule: 'a council ID: lower-case letters and digits joined by hyphens, like vale-of-white-horse',
    schema: councilIdSchema,
    bounded: false,
  },
  projectId: {
    code: 'invalid-id',
    test: (t) => PROJECT_ID_PATTERN.test(t),
    rule: 'up to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit',
    schema: z
      .string()
      .regex(PROJECT_ID_PATTERN, 'a Project ID is up to 32 letters, digits, dots, dashes or underscores'),
    bounded: true,
  },
  name: {
    code: 'invalid-name',
    test: (t) => ONE_LINE_NAME.test(t),
    rule: 'a name on one line, without line breaks, tabs or other control characters',
    schema: z
      .string()
      .regex(ONE_LINE_NAME, 'a name is one line, without line breaks, tabs or other control characters'),
    bounded: false,
  },
  financialYear: {
    code: 'invalid-financial-year',
    test: isValidFinancialYear,
    rule: 'a financial year, like 2026-27',
    schema: financialYearSchema,
    bounded: true,
  },
};
