import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['tests/setup/word-list.ts'],
    // The exported dataset the tests read (public/data), made once before any file runs.
    globalSetup: ['tests/setup/dataset.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        // Ingest, export, SQL and component tests: independent files, run two at a time.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        // e2e files share one build, one server and one Chromium (tests/setup/e2e-app.ts), after the unit files.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/dataset.ts', 'tests/setup/e2e-app.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
