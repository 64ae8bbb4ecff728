// The e2e project's test environment: vitest's node environment, plus the end of the worker. A worker runs its e2e
// files one after another (isolate: false) and keeps one Chromium for their pages (tests/e2e/harness.ts,
// WorkerProfile). vitest ends a worker with a signal and kills it half a second later, which left that Chromium
// running on after the run, writing its profile. This environment is set up once per worker and torn down when
// vitest stops the worker, before the signal: the Chromium is closed there (endWorker).
import { builtinEnvironments, type Environment } from 'vitest/runtime';
import { endWorker } from './worker-end.ts';

const node = builtinEnvironments.node;

export default {
  name: 'e2e',
  viteEnvironment: 'ssr',
  async setup(global: typeof globalThis, options: Record<string, unknown>) {
    const environment = await node.setup(global, options);
    return {
      async teardown(torn: typeof globalThis) {
        await endWorker();
        await environment.teardown(torn);
      },
    };
  },
} satisfies Environment;
