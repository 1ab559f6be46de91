import { defineConfig } from 'vitest/config';

// Two projects: every test on the embedded database, and the data-layer tests (`*.db.test.ts`)
// again on the PostgreSQL server, with the multi-process tests (`*.pg.test.ts`) that only a server
// can run. The server suite is required: it fails when no server answers.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
          // Several processes on one database need the server: `*.pg.test.ts` run in the postgres project only.
          exclude: ['**/*.pg.test.ts', '**/node_modules/**'],
          env: { CHHAVI_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts', 'src/**/*.pg.test.ts', 'test/**/*.pg.test.ts'],
          env: { CHHAVI_TEST_DB: 'postgres' },
          globalSetup: ['src/test-support/global-setup-postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
