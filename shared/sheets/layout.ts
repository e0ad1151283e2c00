// What a sheet's layout says, for every surface that reads or writes one: each column's header, the row
// property it fills, its cell type and bounds, width, format and input prompt. The sheets of shared/sheets/
// and the consolidated sheets of shared/report/ are layouts.
import type { CellType, TextFormat } from './cells.js';
import type { ListSource } from './lists.js';

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

/** Header text as compared: case- and space-insensitive (DESIGN §3). */
export const normaliseHeader = (header: string): string => header.replace(/\s+/g, '').toLowerCase();

/** A layout's column by key. */
export function columnOf<K extends string>(layout: SheetLayout<K>, key: NoInfer<K>): ColumnLayout<K> {
  const column = layout.columns.find((c) => c.key === key);
  if (!column) throw new Error(`${layout.sheet} has no column for ${key}`);
  return column;
}
