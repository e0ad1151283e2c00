// Parsing and validation of the council and partnership workbooks (DESIGN §3): grids of cells to typed
// rows and problems, the same rules for JSON, and typed rows back to cells. Each problem's message is
// English, written from a key of shared/i18n/en-problems.ts that the problem carries as `say`
// (shared/parse/problems.ts `problem()`), so every reader can be told it in their own language.
//
// Problem codes, stable for callers that act on them:
// - sheet and header: missing-sheet, missing-header, missing-column, duplicate-column (errors);
//   extra-columns, missing-optional-columns (notes, one per sheet).
// - a cell: required, invalid-number, out-of-range, invalid-date, invalid-month, not-in-list,
//   invalid-email, invalid-id, invalid-financial-year, invalid-boolean, too-long, cell-error,
//   unknown-council.
// - rows: duplicate-row, month-outside-year, month-after-period, unknown-budget-line, days-not-half-steps,
//   day-rate-missing, in-kind-amount-mismatch, person-not-on-skills, in-kind-days-exceed, to-before-from,
//   due-before-start, left-before-joined.
// - About / Settings: about-missing, about-council-mismatch, about-period-mismatch, about-layout-version,
//   missing-label. Partnership: no-councils, shares-missing, shares-not-100.
export type { SheetGrid, WorkbookGrids } from './sheet.js';
export type { CouncilContext, ParsedCouncilWorkbook } from './council.js';
export { parseCouncilWorkbook, validateCouncilSubmission } from './council.js';
export { parsePartnershipWorkbook } from './partnership.js';
export { validatePartnership } from './partnership-rules.js';
export { rowsToGrid } from './to-grid.js';
