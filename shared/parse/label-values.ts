// Two-column "label | value" sheets (About, Settings): each value is read by the same column readers as
// table cells, and problems point at the value cell (the label's row, column "Value").
import type { ColumnLayout } from '../sheets/index.js';
import { normaliseHeader } from '../sheets/index.js';
import type { Problem } from '../schemas.js';
import { ExcelErrorValue, plainCell } from './cells.js';
import { CellFault, type ReadContext } from './cell-reader.js';
import { columnReader } from './columns.js';
import { problem } from './problems.js';
import type { SheetGrid } from './sheet.js';
import { say } from '../i18n/say.js';

export const VALUE_COLUMN = 'Value';

export interface LabelValues {
  /** Values by field key; a field whose cell is blank or wrong is absent. */
  values: Record<string, unknown>;
  /** The Excel row of each label found, by field key. */
  rows: Record<string, number>;
  problems: Problem[];
}

/** Reads label | value pairs; `fields` use the label as header. Unknown labels are ignored. */
export function readLabelValues(
  sheet: string,
  grid: SheetGrid,
  fields: readonly ColumnLayout[],
  ctx: ReadContext,
): LabelValues {
  const byLabel = new Map(fields.map((f) => [normaliseHeader(f.header), f]));
  const firstRow = grid.firstRow ?? 1;
  const result: LabelValues = { values: {}, rows: {}, problems: [] };
  grid.values.forEach((cells, r) => {
    const labelIndex = cells.findIndex((cell) => plainCell(cell) !== undefined);
    if (labelIndex === -1) return;
    const field = byLabel.get(normaliseHeader(String(plainCell(cells[labelIndex]))));
    if (!field || field.key in result.rows) return;
    const row = firstRow + r;
    result.rows[field.key] = row;
    const cell = plainCell(cells[labelIndex + 1]);
    let value: unknown;
    if (cell === undefined) {
      value = field.required
        ? new CellFault('required', say('problem.required', { column: field.header }))
        : undefined;
    } else if (cell instanceof ExcelErrorValue) {
      value = new CellFault(
        'cell-error',
        say('problem.cellError', { column: field.header, error: cell.text }),
      );
    } else {
      value = columnReader(field, ctx)(cell);
    }
    if (value instanceof CellFault) {
      result.problems.push(problem(sheet, row, VALUE_COLUMN, value.code, 'error', value.say));
    } else if (value !== undefined) {
      result.values[field.key] = value;
    }
  });
  for (const field of fields) {
    if (field.required && !(field.key in result.rows)) {
      result.problems.push(
        problem(
          sheet,
          null,
          VALUE_COLUMN,
          'missing-label',
          'error',
          say('problem.missingLabel', { sheet, label: field.header }),
        ),
      );
    }
  }
  return result;
}
