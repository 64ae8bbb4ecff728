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
        // e2e files share one build, one server and one Chromium (tests/setup/e2e-app.ts), after the unit files;
        // three at a time: each has its own browser contexts, and a file mostly waits on its pages (docs/performance.md,
        // "The test suite's wall time"). Not isolated: a worker imports the harness (playwright, DuckDB for Node, the
        // app's modules) once for all its files.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/e2e-app.ts'],
          // Node's environment, ended with the worker: the worker's Chromium is closed before vitest stops it.
          environment: './tests/setup/e2e-environment.ts',
          // Each test starts from empty storage in the worker's Chromium profile; its pages are closed after it.
          setupFiles: ['tests/setup/word-list.ts', 'tests/setup/e2e-pages.ts'],
          maxWorkers: 3,
          isolate: false,
          // A guard against a hung test, not a speed check: three files at a time on a busy machine take longer.
          testTimeout: 180_000,
          // expect.poll waits for a condition of the page; its default of 1 s was a speed check in disguise
          // (a relabel's round trip through DuckDB took longer on a loaded machine and failed the test).
          expect: { poll: { timeout: 60_000 } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
