import { defineConfig } from 'vitest/config';

// Two projects: every test on the embedded database, and the data-layer tests (`*.db.test.ts`)
// again on the PostgreSQL server. The server suite is required: it fails when no server answers.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
          env: { CHHAVI_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          env: { CHHAVI_TEST_DB: 'postgres' },
          globalSetup: ['src/test-support/global-setup-postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
