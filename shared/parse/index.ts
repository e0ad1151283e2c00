// Parsing and validation of the council and partnership workbooks (DESIGN §3): grids of cells to typed
// rows and problems, the same rules for JSON, and typed rows back to cells.
export type { SheetGrid, WorkbookGrids } from './sheet.js';
export type { CouncilContext, ParsedCouncilWorkbook } from './council.js';
export { parseCouncilWorkbook, validateCouncilSubmission } from './council.js';
export { parsePartnershipWorkbook } from './partnership.js';
export { validatePartnership } from './partnership-rules.js';
export { rowsToGrid } from './to-grid.js';
