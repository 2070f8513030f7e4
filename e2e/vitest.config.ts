import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    // One server, one browser at a time: files run one after another.
    fileParallelism: false,
    maxWorkers: 1,
    maxConcurrency: 3,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    env: { NODE_ENV: 'test' },
  },
});
