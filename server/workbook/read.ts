// Reads an uploaded .xlsx into plain cell grids for the parser: the xlsx library's guarded reader
// (server/xlsx/read/) with the limits of a return and the one rule the pane applies too to a number a
// cell shows as a percentage.
import { isPercentFormat, percentText } from '../../shared/parse/cells.js';
import type { WorkbookGrids } from '../../shared/parse/index.js';
import { MAX_ROWS_PER_SHEET } from '../../shared/schemas.js';
import { readXlsx, type ReadLimits } from '../xlsx/read/index.js';

export { WorkbookRejected } from '../xlsx/read/index.js';
export type { WorkbookGrids } from '../../shared/parse/index.js';

const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRowsPerSheet: MAX_ROWS_PER_SHEET,
  /** Excel's own limit for one cell. */
  maxCellChars: 32_767,
};

const PERCENT = { isPercentFormat, value: percentText };

/** Safely reads an .xlsx (server/xlsx/read/) into grids for the parser. */
export function readWorkbookGrids(input: Buffer, limits?: Partial<ReadLimits>): Promise<WorkbookGrids> {
  return readXlsx(input, { ...DEFAULT_READ_LIMITS, ...limits }, PERCENT);
}
