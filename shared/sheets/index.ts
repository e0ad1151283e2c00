// Every sheet of a workbook a council or the partnership fills in, defined once (DESIGN §3, §8): the
// council return and the partnership workbook (the consolidated workbook's sheets are beside the report
// that feeds them, in shared/report/). From each definition come the row's zod schema (and so its
// TypeScript type and OpenAPI schema), the cell readers, the Excel rules and input prompts, the Lists
// sheet and the tables the service writes and the add-in sets up.
export * from './bounds.js';
export * from './cells.js';
export * from './layout.js';
export * from './column.js';
export * from './rows.js';
export * from './types/index.js';
export * from './lists.js';
export * from './drop-down-lists.js';
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
