// One reader per column of a sheet's definition, built once per sheet by the column's type
// (shared/sheets/types/): turns a plain cell into the typed value of the row, or a CellFault.
import type { ColumnLayout } from '../sheets/layout.js';
import { COLUMN_TYPES } from '../sheets/types/index.js';
import type { CellReader, ReadContext } from './cell-reader.js';

export function columnReader(column: ColumnLayout, ctx: ReadContext): CellReader {
  return COLUMN_TYPES[column.type].reader(column, ctx);
}

/** What a blank optional cell reads as: nothing, or an empty list of councils. */
export const blankValue = (column: ColumnLayout): unknown => COLUMN_TYPES[column.type].blank?.();
