export { openStore, StoreOpenError } from './open.js';
export { migrations, migrate, type Migration } from './migrations.js';
export type * from './store.js';
export type { SubmissionSource } from './schema.js';
