// How many of the views' own queries (not background reads) are running now, and hooks on it. DuckDB-wasm answers
// one query at a time, in the order asked: a background read (rows later filter changes are summed from) asked
// while a view's queries are still coming would hold them up, so it waits until none has run for a frame.
import { useSyncExternalStore } from 'react';

let running = 0;
/** No view's query has run since the last frame: a view often asks its next query in the render after an answer
 * (a case page after the shares that pick its indicator), and the frame lets it be asked first. */
let settled = false;
let frame: number | null = null;
const listeners = new Set<() => void>();
/** Background reads waiting for `settled`. */
let waiting: (() => void)[] = [];

const notify = () => {
  for (const listener of listeners) listener();
};

function settleNextFrame(): void {
  if (frame !== null || typeof requestAnimationFrame === 'undefined') return;
  frame = requestAnimationFrame(() => {
    frame = null;
    if (running === 0 && !settled) {
      settled = true;
      notify();
      const ready = waiting;
      waiting = [];
      for (const resolve of ready) resolve();
    }
  });
}

function changed(by: number): void {
  running += by;
  settled = false;
  if (running === 0) settleNextFrame();
  notify();
}

/** Counts `work` as a view's query while it runs. */
export function trackViewQuery<T>(work: () => Promise<T>): Promise<T> {
  changed(1);
  return work().finally(() => changed(-1));
}

/**
 * Resolves when no view's query has run for a frame. A background read awaits it before it goes to the worker: a
 * render that enabled it may also have asked a view's query (both start in the same commit).
 */
export function viewQueriesSettled(): Promise<void> {
  if (settled && running === 0) return Promise.resolve();
  settleNextFrame();
  return new Promise((resolve) => waiting.push(resolve));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  settleNextFrame();
  return () => listeners.delete(listener);
}

/** Whether any view's query is running (the page's "querying" sign). */
export function useViewQueriesRunning(): boolean {
  return useSyncExternalStore(subscribe, () => running > 0);
}

/** Whether no view's query has run for a frame (background reads may be asked); `watch` false: always true. */
export function useViewQueriesSettled(watch = true): boolean {
  // A component that does not watch (a view's own query: useSql without `background`) is not re-rendered each
  // time the views' queries start and settle.
  return useSyncExternalStore(watch ? subscribe : ignore, () => (watch ? settled : true));
}

const ignore = () => () => undefined;
