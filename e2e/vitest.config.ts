import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests against the real server and the built web client (npm run test:e2e builds it first).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/server.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A page under a loaded CI machine can take seconds to refetch and re-render; the default
    // 1 s poll made waits flaky. A poll still fails when the page never shows the value.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // One server, one browser, tests that change shared data: run them one at a time.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
