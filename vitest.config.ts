import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: engine, integration and browser tests each start servers; keep parallelism modest.
    maxWorkers: 2,
  },
});
