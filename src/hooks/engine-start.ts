// When DuckDB-wasm starts. The landing view is drawn from overview.json, so the engine (its
// 184 KB worker script, then the wasm) is not fetched before the first chart is on screen: it is "wanted"
// when the page is idle after the app:first-chart mark, or after FALLBACK_MS whatever happens (no chart drawn: empty
// data, an error, a hidden tab), so it never waits forever. Anything that needs a query the snapshot
// cannot answer does not wait for this at all: runQuery starts the engine itself (db/duckdb.ts). A page that opens
// on any other view wants the engine at once, from main.tsx, before React's first render.
// The first chart's mark is handed in (main.tsx), so this module knows nothing of the charts.
import { useSyncExternalStore } from 'react';
import { whenIdle } from './when-idle.ts';

/** Start the engine this long after the page started if no chart has been drawn by then. */
export const FALLBACK_MS = 3000;

let wanted = false;
const listeners = new Set<() => void>();

/** Whether the engine may start now (the first chart is drawn, or the fallback time has passed). */
export function isEngineWanted(): boolean {
  return wanted;
}

/** Mark the engine as wanted (idempotent) and tell every subscriber. */
export function wantEngine(): void {
  if (wanted) return;
  wanted = true;
  for (const listener of [...listeners]) listener();
}

export function subscribeEngineWanted(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** React: re-renders when the engine becomes wanted. */
export function useEngineWanted(): boolean {
  return useSyncExternalStore(subscribeEngineWanted, isEngineWanted);
}

/**
 * After the first chart, the rest of the landing view is still being drawn in the same moment: start the
 * engine when the page is next idle (at most IDLE_MAX_MS later), so its worker does not compete with it.
 */
const IDLE_MAX_MS = 300;

/**
 * Called once at start-up: wants the engine at the performance mark `firstChartMark` (observed, so the
 * chart code stays unaware of this) or after `fallbackMs`, whichever comes first, and then runs `start` once
 * (main.tsx: tablesReady). Returns a function that cancels it (tests).
 */
export function startEngineAfterFirstChart(start: () => void, firstChartMark: string, fallbackMs = FALLBACK_MS): () => void {
  const timer = setTimeout(wantEngine, fallbackMs);
  const observer =
    typeof PerformanceObserver === 'undefined'
      ? null
      : new PerformanceObserver((list) => {
          if (list.getEntriesByName(firstChartMark).length > 0) whenIdle(() => wantEngine(), { timeoutMs: IDLE_MAX_MS });
        });
  observer?.observe({ type: 'mark' });
  const cancel = () => {
    clearTimeout(timer);
    observer?.disconnect();
    stopListening();
  };
  const stopListening = subscribeEngineWanted(() => {
    cancel();
    start();
  });
  // The mark may already be set (a chart drawn before this ran).
  if (performance.getEntriesByName(firstChartMark, 'mark').length > 0) whenIdle(() => wantEngine(), { timeoutMs: IDLE_MAX_MS });
  else if (wanted) {
    cancel();
    start();
  }
  return cancel;
}
