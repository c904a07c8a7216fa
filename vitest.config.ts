import { defineConfig } from 'vitest/config';

/**
 * Tests by where they run (STYLE.md): pure unit tests, integration tests on
 * fake-indexeddb / SQLite / PostgreSQL, and end-to-end tests in Chromium
 * against the built app served by the real server.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The key scenarios once more in each engine: Chromium, Firefox ESR and WebKitGTK (tests/engines/drivers.ts).
          name: 'engines',
          include: ['tests/engines/**/*.test.ts'],
          environment: 'node',
          // After the other projects, not beside them: three browsers next to the Chromium e2e files on 2 cores make both slow and flaky.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
