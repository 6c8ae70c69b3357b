import { defineConfig } from 'vitest/config';

// `pnpm test:reliability`: heavy proofs run one file at a time, then one table of figures.
export default defineConfig({
  test: {
    globalSetup: ['@pilar/provisioning/testing/embedded-server'],
    include: ['reliability/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
    reporters: ['./reliability/support/table-reporter.ts', 'default'],
  },
});
