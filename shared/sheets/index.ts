// Every sheet, defined once (DESIGN §3, §4, §8): the council return, the partnership workbook and the
// consolidated workbook. From each definition come the row's zod schema (and so its TypeScript type and
// OpenAPI schema), the cell readers of shared/parse/, the Excel rules and input prompts, the Lists sheet
// and the tables the service writes and the add-in sets up.
export * from './cells.js';
export * from './column.js';
export * from './lists.js';
export * from './validation.js';
export * from './about.js';
export * from './contributions.js';
export * from './skills.js';
export * from './projects.js';
export * from './council-workbook.js';
export * from './settings.js';
export * from './councils.js';
export * from './budget.js';
export * from './funding.js';
export * from './cdo-time.js';
export * from './cost-shares.js';
export * from './partnership-workbook.js';
export * from './consolidated.js';
