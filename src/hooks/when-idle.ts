// Work the page can do later: when the browser is next idle (requestIdleCallback), at most `timeoutMs` later; where
// the browser has no idle callback, in a task of its own.

export function whenIdle(run: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
  else setTimeout(run, 0);
}
