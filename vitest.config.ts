import { defineConfig } from 'vitest/config';

// Unit, property and API tests. API tests use an in-memory PGlite, or a fresh database
// on the PostgreSQL server named by DATABASE_URL when it is set (see packages/server/test/harness.ts).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
