import { defineConfig } from 'vitest/config';

// Indexer tests: a throwaway anvil, the seeded world, and Ponder itself, started once for the suite.
export default defineConfig({
  test: {
    root: __dirname,
    include: ['test/**/*.test.ts'],
    exclude: ['test/unit/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
