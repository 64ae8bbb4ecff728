// Work the page can do later: when the browser is next idle (requestIdleCallback), at most `timeoutMs` later if
// given; where the browser has no idle callback (Safari), after `fallbackMs` in a task of its own. `run` is told the
// ms left in the idle period (null where that is unknown). Returns a cancel.

export function whenIdle(run: (msLeft: number | null) => void, options: { timeoutMs?: number; fallbackMs?: number } = {}): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((deadline) => run(deadline.timeRemaining()), options.timeoutMs === undefined ? undefined : { timeout: options.timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => run(null), options.fallbackMs ?? 0);
  return () => clearTimeout(id);
}
