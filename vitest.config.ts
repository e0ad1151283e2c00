import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser tests load the built task pane; build it once for the whole run.
    globalSetup: ['test/e2e/build-pane.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One test file per core at once, not Vitest's one fewer: most files spend their time waiting for a
    // child process (the command line, a second service), PostgreSQL or the browser, so on a 2-core
    // machine one file at a time left a core idle for much of the run. Each file has its own databases
    // and folders (test/helpers/databases.ts), so files side by side never see each other's rows.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
