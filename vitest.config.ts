import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup/word-list.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // e2e tests start their own server and browser; keep files sequential on a 2-core machine.
    fileParallelism: false,
  },
});
