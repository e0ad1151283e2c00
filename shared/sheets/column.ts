// A sheet is defined once (DESIGN §3, §8): each column says its header, the row property it fills, its
// cell type and bounds, its width, format and input prompt, and from those its type's builder
// (shared/sheets/types/) derives the zod schema of its value. `defineSheet` puts the columns' schemas
// together into the row schema, so the row's TypeScript type, its OpenAPI schema, the cell readers, the
// Excel rules and the consolidated sheets all come from the same few lines.
import { z } from 'zod';
import type { CellType } from './cells.js';
import type { ColumnLayout } from './layout.js';

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
