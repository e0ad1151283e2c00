// What a column type knows beyond its builder's schema and quick test: how a cell of it is read, what a
// blank cell reads as, how a row's value is written back to a cell, and Excel's rule for it. Each type's
// file (shared/sheets/types/<type>.ts) holds all of it; the registry (index.ts) keys them by cell type.
import type { CellReader, ReadContext } from '../../parse/cell-reader.js';
import type { ColumnLayout } from '../layout.js';

/** How dates are written to cells: as JS `Date`s at UTC midnight, or as Excel serial numbers. */
export type DateCells = 'Date' | 'serial';

/** Writes a row's (non-blank) value as the cell that holds it. */
export type CellWriter = (value: unknown) => unknown;

/** Excel's data validation of a number column with a lower bound (DESIGN §3). */
export interface ExcelNumberRule {
  /** What the alert calls a value: "must be a whole number …". */
  readonly kind: string;
  /** Whole numbers only. */
  readonly whole: boolean;
  /** The bounds as the alert says them, where the usual "of 0 or more" / "between 0 and 1" does not fit. */
  readonly bounds?: (min: number, max: number | undefined) => string;
}

export interface ColumnType {
  /** The reader of a column's non-blank, non-error cells, built once per sheet. */
  readonly reader: (column: ColumnLayout, ctx: ReadContext) => CellReader;
  /** What a blank optional cell reads as; without it, nothing. */
  readonly blank?: () => unknown;
  readonly writer: (dates: DateCells) => CellWriter;
  /** Excel's rule for a number column; a list rule comes from the column's drop-down list. */
  readonly excel?: ExcelNumberRule;
}

/** A value written as it is, a list as its items separated by "; ". */
export const asCell: CellWriter = (value) => (Array.isArray(value) ? value.map(String).join('; ') : value);
