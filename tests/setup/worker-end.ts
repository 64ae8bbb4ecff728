// What an e2e worker does when it ends: tests/e2e/harness.ts leaves it here, the e2e environment's teardown
// (tests/setup/e2e-environment.ts) runs it. The environment loads its own copy of the modules it imports, so the
// hand-over is on the worker's global object, not in a module's variable.
const AT_WORKER_END = Symbol.for('e2e:at-worker-end');

type WorkerGlobal = typeof globalThis & { [AT_WORKER_END]?: () => Promise<void> };

/** Run `end` when the worker ends (replacing what was set before). */
export function atWorkerEnd(end: () => Promise<void>): void {
  (globalThis as WorkerGlobal)[AT_WORKER_END] = end;
}

/** Run what the worker set to run at its end, if anything. */
export async function endWorker(): Promise<void> {
  const global = globalThis as WorkerGlobal;
  const end = global[AT_WORKER_END];
  delete global[AT_WORKER_END];
  await end?.();
}
