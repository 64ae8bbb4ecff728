// When the analyst last changed what the page shows (a filter, a view: the address). Work no one waits for — a
// background read that only warms DuckDB's cache — starts once the page has been quiet a moment, so that on a
// two-core machine it does not take a core from the frames of a run of changes (docs/performance.md, "Compare back
// to back at 1M").

let lastChange = Number.NEGATIVE_INFINITY;

/** The address changed now (a click, back or forward). */
export function noteChange(now = performance.now()): void {
  lastChange = now;
}

/** ms until the page will have been quiet for `quietMs` since the last change (0: it has). */
export function msUntilQuiet(quietMs: number, now = performance.now()): number {
  return Math.max(0, lastChange + quietMs - now);
}
