import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The example is built once (site and PDF) for the tests that assert on real outputs.
    globalSetup: ['tests/support/example-build.ts'],
    // Browser and PDF tests share one Chromium per file; two cores, so two workers.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
