// Load progress of the database, as a tiny external store React can subscribe to
// (useSyncExternalStore), so the page shows what is happening instead of a blank screen.
export type LoadStep =
  | { phase: 'idle' }
  | { phase: 'engine' }
  | { phase: 'data'; done: string[]; total: number }
  | { phase: 'ready' }
  | { phase: 'error'; message: string };

let current: LoadStep = { phase: 'idle' };
const listeners = new Set<() => void>();

export function emitLoad(step: LoadStep): void {
  // A data step never replaces a final state (files may finish after an error).
  if (current.phase === 'error') return;
  current = step;
  for (const listener of listeners) listener();
}

export function getLoadStep(): LoadStep {
  return current;
}

export function subscribeLoad(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
