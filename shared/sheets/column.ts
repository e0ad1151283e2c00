// A sheet is defined once (DESIGN §3, §8): each column says its header, the row property it fills, its
// cell type and bounds, its width, format and input prompt, and from those the column builders below
// derive the zod schema of its value. `defineSheet` puts the columns' schemas together into the row
// schema, so the row's TypeScript type, its OpenAPI schema, the cell readers, the Excel rules and the
// consolidated sheets all come from the same few lines.
import { z } from 'zod';
import {
  DATE_FORMAT,
  DECIMAL_FORMAT,
  INTEGER_FORMAT,
  MONEY_FORMAT,
  MONTH_FORMAT,
  TEXT_FORMAT,
  TEXT_FORMATS,
  councilIdSchema,
  emailSchema,
  isoDateSchema,
  penceSchema,
  periodSchema,
  type CellType,
  type CellValues,
  type TextFormat,
} from './cells.js';
import { isValidIsoDate } from '../dates.js';
import { PERIOD_PATTERN } from '../vocabulary.js';
import { FIXED_LISTS, type FixedList, type ListSource, type ListWord } from './lists.js';

export interface ColumnLayout<K extends string = string> {
  /** The header text users see (contract); matched case- and space-insensitively. */
  readonly header: string;
  /** The property of the typed row this column fills. */
  readonly key: K;
  readonly type: CellType;
  /** Required on every row; rules that depend on other cells live in validation. */
  readonly required: boolean;
  readonly list?: ListSource;
  readonly maxLength?: number;
  readonly format?: TextFormat;
  readonly min?: number;
  readonly max?: number;
  readonly numberFormat?: string;
  /** Column width in Excel's character units (0 for a label | value field: the sheet sets it). */
  readonly width: number;
  /** What the column wants, in one sentence: the input prompt Excel shows beside a selected cell. */
  readonly prompt?: string;
}

export interface SheetLayout<K extends string = string> {
  /** The sheet name (contract): sheets are found by name. */
  readonly sheet: string;
  /** The Excel table name the template and the add-in give the data. */
  readonly table: string;
  /** Columns whose values identify a row, for duplicate checks and change reports. */
  readonly rowKey: readonly K[];
  readonly columns: readonly ColumnLayout<K>[];
}

/** A layout whose columns are properties of `Row`: a sheet that is written from rows of that type. */
export type RowLayout<Row> = SheetLayout<Extract<keyof Row, string>>;

/** A column of a defined sheet: its layout, and the schema of its value in a row. */
export interface Column<
  K extends string = string,
  T extends CellType = CellType,
  S extends z.ZodType = z.ZodType,
> extends ColumnLayout<K> {
  readonly type: T;
  /** The value as JSON carries it and as the column's reader gives it (blank: optional or a default). */
  readonly schema: S;
  /**
   * The same rule as `schema`, as a plain test, for rows by the thousand (`quickRows`): the value as
   * `schema` gives it (undefined: left out of the row), or REFUSED where `schema` would refuse it. The
   * column builders derive both from the same options; a test holds them to agreeing.
   */
  readonly quick: (value: unknown) => unknown;
}

/** What `Column.quick` gives for a value the column's schema refuses. */
export const REFUSED: unique symbol = Symbol('refused');

/** The row schema's shape: each column's key with its value's schema. */
export type ShapeOf<C extends readonly Column[]> = { [Col in C[number] as Col['key']]: Col['schema'] };

/** A table sheet: its layout, and the zod schema of one row. */
export interface SheetDefinition<C extends readonly Column[] = readonly Column[]> {
  readonly sheet: string;
  readonly table: string;
  readonly rowKey: readonly C[number]['key'][];
  readonly columns: C;
  readonly schema: z.ZodObject<ShapeOf<C>, z.core.$strict>;
}

/** A "label | value" sheet (About, Settings): each column is a label, its value in the next cell. */
export interface FieldsDefinition<C extends readonly Column[] = readonly Column[]> {
  readonly sheet: string;
  readonly columns: C;
  readonly schema: z.ZodObject<ShapeOf<C>, z.core.$strict>;
}

/** A defined sheet's row, as its schema gives it. */
export type RowOf<D extends { schema: z.ZodType }> = z.output<D['schema']>;

function shapeOf<C extends readonly Column[]>(columns: C): z.ZodObject<ShapeOf<C>, z.core.$strict> {
  const shape = Object.fromEntries(columns.map((c) => [c.key, c.schema]));
  return z.strictObject(shape) as unknown as z.ZodObject<ShapeOf<C>, z.core.$strict>;
}

export function defineSheet<const C extends readonly Column[]>(definition: {
  sheet: string;
  table: string;
  rowKey: readonly C[number]['key'][];
  columns: C;
}): SheetDefinition<C> {
  return { ...definition, schema: shapeOf(definition.columns) };
}

export function defineFields<const C extends readonly Column[]>(definition: {
  sheet: string;
  columns: C;
}): FieldsDefinition<C> {
  return { ...definition, schema: shapeOf(definition.columns) };
}

/** Each field's label, by key. */
export const labelsOf = <C extends readonly Column[]>(fields: FieldsDefinition<C>) =>
  Object.fromEntries(fields.columns.map((c) => [c.key, c.header])) as Record<C[number]['key'], string>;

/** Header text as compared: case- and space-insensitive (DESIGN §3). */
export const normaliseHeader = (header: string): string => header.replace(/\s+/g, '').toLowerCase();

/** A layout's column by key. */
export function columnOf<K extends string>(layout: SheetLayout<K>, key: NoInfer<K>): ColumnLayout<K> {
  const column = layout.columns.find((c) => c.key === key);
  if (!column) throw new Error(`${layout.sheet} has no column for ${key}`);
  return column;
}

// ---- Column builders ------------------------------------------------------------------------------

interface Options<T extends CellType> {
  /** Column width in Excel's character units; a label | value field has none. */
  readonly width?: number;
  readonly required?: boolean;
  readonly prompt?: string;
  /**
   * A stricter schema for a JSON value than the cell's own checks, where the workbook checks the rest in
   * its row rules (In-kind Days: more than 0, in steps of 0.5).
   */
  readonly schema?: z.ZodType<CellValues[T]>;
}
interface Bounds {
  readonly min?: number;
  readonly max?: number;
}
interface Defaulted<V> {
  /** What JSON that leaves the value out gets (a blank cell is read as blank, then defaulted alike). */
  readonly default?: V;
}

type Own<S extends z.ZodType, O> = O extends { readonly schema: infer X extends z.ZodType } ? X : S;
/** A required column's value is its schema; any other is optional, or has a default. */
type Finished<S extends z.ZodType, O> = O extends { readonly required: true }
  ? Own<S, O>
  : O extends { readonly default: unknown }
    ? z.ZodDefault<Own<S, O>>
    : z.ZodOptional<Own<S, O>>;

type Facts = Omit<ColumnLayout, 'header' | 'key' | 'type' | 'required' | 'width' | 'prompt'>;

function build<
  K extends string,
  T extends CellType,
  S extends z.ZodType,
  O extends Options<T> & Defaulted<unknown>,
>(
  type: T,
  header: string,
  key: K,
  base: S,
  test: (value: unknown) => boolean,
  options: O,
  facts: Facts = {},
): Column<K, T, Finished<S, O>> {
  const own: z.ZodType = options.schema ?? base;
  const schema = options.required
    ? own
    : options.default !== undefined
      ? own.default(options.default as never)
      : own.optional();
  const accepts = options.schema ? (value: unknown) => own.safeParse(value).success : test;
  const fallback = options.default;
  const quick = (value: unknown): unknown =>
    value === undefined
      ? options.required
        ? REFUSED
        : Array.isArray(fallback)
          ? [...fallback]
          : fallback
      : accepts(value)
        ? value
        : REFUSED;
  const known = Object.entries(facts).filter(([, v]) => v !== undefined);
  return {
    header,
    key,
    type,
    required: options.required ?? false,
    width: options.width ?? 0,
    ...Object.fromEntries(known),
    ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
    schema: schema as Finished<S, O>,
    quick,
  };
}

const bounded = <S extends z.ZodNumber | z.ZodInt>(schema: S, { min, max }: Bounds): S => {
  const low = min === undefined ? schema : (schema.min(min) as S);
  return max === undefined ? low : (low.max(max) as S);
};

const withinBounds =
  ({ min, max }: Bounds) =>
  (value: number) =>
    (min === undefined || value >= min) && (max === undefined || value <= max);
const isNumber = (bounds: Bounds) => {
  const within = withinBounds(bounds);
  return (value: unknown) => typeof value === 'number' && Number.isFinite(value) && within(value);
};
const isInteger = (bounds: Bounds) => {
  const within = withinBounds(bounds);
  return (value: unknown) => Number.isSafeInteger(value) && within(value as number);
};
const passes = (schema: z.ZodType) => (value: unknown) => schema.safeParse(value).success;
const isCouncilId = (value: unknown) => typeof value === 'string' && TEXT_FORMATS.councilId.test(value);
const isListOf = (each: (value: unknown) => boolean) => (value: unknown) =>
  Array.isArray(value) && value.every(each);

/** `textSchema`'s rule as a test. */
function isText(required: boolean | undefined, maxLength?: number, format?: TextFormat) {
  const rule = format && TEXT_FORMATS[format];
  const longest = rule?.bounded ? undefined : maxLength;
  const shortest = !rule && required ? 1 : 0;
  return (value: unknown) =>
    typeof value === 'string' &&
    value.length >= shortest &&
    (longest === undefined || value.length <= longest) &&
    (!rule || rule.test(value));
}

/** Text of up to `maxLength` characters; a required column's must not be empty. */
function textSchema(required: boolean | undefined, maxLength?: number, format?: TextFormat): z.ZodString {
  if (format) {
    const rule = TEXT_FORMATS[format];
    return rule.bounded || maxLength === undefined ? rule.schema : rule.schema.max(maxLength);
  }
  const text = required ? z.string().min(1) : z.string();
  return maxLength === undefined ? text : text.max(maxLength);
}

interface TextOptions extends Options<'text'> {
  readonly maxLength?: number;
  readonly format?: TextFormat;
}
export const text = <K extends string, const O extends TextOptions>(header: string, key: K, options: O) =>
  build(
    'text',
    header,
    key,
    textSchema(options.required, options.maxLength, options.format),
    isText(options.required, options.maxLength, options.format),
    options,
    {
      numberFormat: TEXT_FORMAT,
      maxLength: options.maxLength,
      format: options.format,
    },
  );

export const email = <K extends string, const O extends Options<'email'>>(
  header: string,
  key: K,
  options: O,
) => build('email', header, key, emailSchema, passes(emailSchema), options, { maxLength: 254 });

/** Pounds in the cell, integer pence in the row; never negative. */
export const money = <K extends string, const O extends Options<'money'>>(
  header: string,
  key: K,
  options: O,
) =>
  // "£1,234,567.89"; the header wraps onto two lines rather than widening the column.
  build(
    'money',
    header,
    key,
    penceSchema,
    isInteger({ min: 0 }),
    { width: 13, ...options },
    {
      min: 0,
      numberFormat: MONEY_FORMAT,
    },
  );

interface NumberOptions<T extends CellType> extends Options<T>, Bounds, Defaulted<number> {
  readonly numberFormat?: string;
}
const numberFacts = (options: Bounds & { numberFormat?: string }, numberFormat?: string): Facts => ({
  min: options.min,
  max: options.max,
  numberFormat: options.numberFormat ?? numberFormat,
});

export const number = <K extends string, const O extends NumberOptions<'number'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'number',
    header,
    key,
    bounded(z.number(), options),
    isNumber(options),
    options,
    numberFacts(options, DECIMAL_FORMAT),
  );

export const integer = <K extends string, const O extends NumberOptions<'integer'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'integer',
    header,
    key,
    bounded(z.int(), options),
    isInteger(options),
    options,
    numberFacts(options, INTEGER_FORMAT),
  );

/** A percentage as a number of per cent (12.5, not 0.125); text may end in %. */
export const percent = <K extends string, const O extends NumberOptions<'percent'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'percent',
    header,
    key,
    bounded(z.number(), options),
    isNumber(options),
    options,
    numberFacts(options),
  );

export const date = <K extends string, const O extends Options<'date'>>(header: string, key: K, options: O) =>
  build(
    'date',
    header,
    key,
    isoDateSchema,
    (value) => typeof value === 'string' && isValidIsoDate(value),
    { width: 11, ...options },
    { numberFormat: DATE_FORMAT },
  );

export const month = <K extends string, const O extends Options<'month'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'month',
    header,
    key,
    periodSchema,
    (value) => typeof value === 'string' && PERIOD_PATTERN.test(value),
    { width: 11, ...options },
    { numberFormat: MONTH_FORMAT },
  );

type ListSchema<L extends ListSource> = L extends FixedList
  ? z.ZodEnum<{ [W in ListWord<L>]: W }>
  : L extends 'councils'
    ? typeof councilIdSchema
    : z.ZodString;

function listSchema<L extends ListSource>(list: L, required?: boolean, maxLength?: number): ListSchema<L> {
  if (list === 'councils') return councilIdSchema as ListSchema<L>;
  if (list === 'budgetLines') return textSchema(required, maxLength) as ListSchema<L>;
  return z.enum(FIXED_LISTS[list as FixedList]) as unknown as ListSchema<L>;
}

/** `listSchema`'s rule as a test. */
function isListed(list: ListSource, required?: boolean, maxLength?: number) {
  if (list === 'councils') return isCouncilId;
  if (list === 'budgetLines') return isText(required, maxLength);
  const words = new Set<unknown>(FIXED_LISTS[list]);
  return (value: unknown) => words.has(value);
}

interface ChoiceOptions extends Options<'choice'>, Defaulted<string> {
  readonly maxLength?: number;
}
/** One of a drop-down list's words; a council may also be named rather than given by its ID. */
export const choice = <K extends string, L extends ListSource, const O extends ChoiceOptions>(
  header: string,
  key: K,
  list: L,
  options: O,
): Column<K, 'choice', Finished<ListSchema<L>, O>> =>
  build(
    'choice',
    header,
    key,
    listSchema(list, options.required, options.maxLength),
    isListed(list, options.required, options.maxLength),
    options,
    { list, maxLength: options.maxLength },
  ) as Column<K, 'choice', Finished<ListSchema<L>, O>>;

/** Council IDs separated by `;` or `,`; blank is none. */
export const councilList = <K extends string, const O extends Omit<Options<'councilList'>, 'required'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'councilList',
    header,
    key,
    z.array(councilIdSchema),
    isListOf(isCouncilId),
    { ...options, default: [] as string[] },
    {
      numberFormat: TEXT_FORMAT,
    },
  );

interface EmailListOptions extends Omit<Options<'emailList'>, 'required'> {
  readonly maxLength?: number;
}
/** E-mail addresses separated by `;` or `,`; blank is none. */
export const emailList = <K extends string, const O extends EmailListOptions>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'emailList',
    header,
    key,
    z.array(emailSchema),
    isListOf(passes(emailSchema)),
    { ...options, default: [] as string[] },
    {
      maxLength: options.maxLength,
    },
  );

/** Yes or No. */
export const boolean = <K extends string, const O extends Options<'boolean'>>(
  header: string,
  key: K,
  options: O,
) => build('boolean', header, key, z.boolean(), (value) => typeof value === 'boolean', options);

// ---- Sheets of rows -------------------------------------------------------------------------------

/** Rows a sheet of a return or of the partnership may hold, whether sent as a workbook or as JSON. */
export const MAX_ROWS_PER_SHEET = 50_000;

/** A sheet's rows as JSON carries them: an array of the row schema. */
export const sheetRows = <T extends z.ZodType>(row: T) =>
  z
    .array(row, {
      error: (issue) => (issue.input === undefined ? 'required (send [] for an empty sheet)' : undefined),
    })
    .max(MAX_ROWS_PER_SHEET);

/**
 * A sheet's rows as `sheetRows(schema)` gives them, checked with each column's quick test instead of
 * the schema: a few milliseconds for the thousands of rows of a large return, where the schema takes
 * several times that. Undefined when any row would be refused; the schema, run then, says what and where.
 */
export function quickRows(
  columns: readonly Column[],
): (rows: unknown) => Record<string, unknown>[] | undefined {
  const keys = new Set<string>(columns.map((c) => c.key));
  return (rows) => {
    if (!Array.isArray(rows) || rows.length > MAX_ROWS_PER_SHEET) return undefined;
    const checked: Record<string, unknown>[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row: unknown = rows[i];
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
      const values = row as Record<string, unknown>;
      // The schema is strict: a property that is no column refuses the row.
      for (const key in values) if (!keys.has(key)) return undefined;
      const out: Record<string, unknown> = {};
      for (const column of columns) {
        const value = column.quick(values[column.key]);
        if (value === REFUSED) return undefined;
        if (value !== undefined) out[column.key] = value;
      }
      checked[i] = out;
    }
    return checked;
  };
}
