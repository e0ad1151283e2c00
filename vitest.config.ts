import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser tests load the built task pane; build it once for the whole run.
    globalSetup: ['test/e2e/build-pane.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
