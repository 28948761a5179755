import { defineConfig } from 'vitest/config';

// Real-browser tests: one Chromium at a time (the machine has 2 cores), generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
