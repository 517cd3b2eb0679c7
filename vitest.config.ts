import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/temp-folder.ts'],
    // Build and browser tests start Eleventy and Chromium; a slow CI machine must not fail them.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
