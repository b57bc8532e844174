import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: the suite must pass on a 2-core machine shared with other builds.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/compile-lib.ts'],
  },
});
