// What every column builder shares: a column's options, and `build`, which makes a column's layout, its
// value's zod schema and the same rule as a quick test from its type's base schema and test.
import type { z } from 'zod';
import type { CellType, CellValues } from '../cells.js';
import { REFUSED, type Column } from '../column.js';
import type { ColumnLayout } from '../layout.js';

export interface Options<T extends CellType> {
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
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}
export interface Defaulted<V> {
  /** What JSON that leaves the value out gets (a blank cell is read as blank, then defaulted alike). */
  readonly default?: V;
}

type Own<S extends z.ZodType, O> = O extends { readonly schema: infer X extends z.ZodType } ? X : S;
/** A required column's value is its schema; any other is optional, or has a default. */
export type Finished<S extends z.ZodType, O> = O extends { readonly required: true }
  ? Own<S, O>
  : O extends { readonly default: unknown }
    ? z.ZodDefault<Own<S, O>>
    : z.ZodOptional<Own<S, O>>;

export type Facts = Omit<ColumnLayout, 'header' | 'key' | 'type' | 'required' | 'width' | 'prompt'>;

export function build<
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

/** A schema's rule as a test. */
export const passes = (schema: z.ZodType) => (value: unknown) => schema.safeParse(value).success;

export const isListOf = (each: (value: unknown) => boolean) => (value: unknown) =>
  Array.isArray(value) && value.every(each);

/** Items separated by `;` or `,`, trimmed; blank items dropped. */
export const listItems = (text: string): string[] =>
  text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
