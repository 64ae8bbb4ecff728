// Charts that appear together make their first drawing one after another, each in a task of its own, instead
// of all in one. A chart's first drawing measures its labels' text (and, the first time on a page, loads the
// CJK font's glyphs): five charts drawn in one task made a main-thread task of over 200 ms at load (the target:
// none over 200 ms). Only first drawings take turns; updates of a drawn chart never wait.

/** How long a turn may last before the next chart goes anyway (a chart that never reports back). */
export const MAX_TURN_MS = 1000;

const waiting: (() => void)[] = [];
let current: (() => void) | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function startNext(): void {
  clearTimeout(timer);
  const start = waiting.shift();
  current = start ?? null;
  if (!start) return;
  timer = setTimeout(() => finish(start), MAX_TURN_MS);
  start();
}

function finish(start: () => void): void {
  if (current !== start) return;
  current = null;
  clearTimeout(timer);
  // A macrotask in between: the browser paints and handles input before the next chart draws.
  setTimeout(() => {
    if (current === null) startNext();
  }, 0);
}

/**
 * Ask for a turn to draw a chart for the first time: `start` runs when no other first drawing is under way
 * (at once if none is). Returns `release`, to call when the chart has drawn — or is gone, or no longer
 * wants to draw; calling it again does nothing.
 */
export function requestDrawTurn(start: () => void): () => void {
  const entry = () => start();
  waiting.push(entry);
  if (current === null) startNext();
  return () => {
    const index = waiting.indexOf(entry);
    if (index >= 0) waiting.splice(index, 1);
    else finish(entry);
  };
}
