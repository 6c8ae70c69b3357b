import { defineConfig } from 'vitest/config';

// Unit tests of the app's pure modules; the browser flows are Playwright's (e2e/*.spec.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    unstubGlobals: true,
  },
});
