// Whether the screen is a phone's: the shares chart then gives its indicator names a narrower column. Chosen here,
// not by an ECharts `media` query: a media query that moves the grid breaks the chart when it is re-optioned with
// replaceMerge (EChart.tsx) — "Cannot read properties of undefined (reading 'group')", the chart left blank.
import { useSyncExternalStore } from 'react';

/** ECharts' `maxWidth: 480` was the chart's width; the page's margins take ~40 px of the screen's. */
const NARROW = '(max-width: 520px)';

// One list for the page, not one matchMedia per render: the view reads it on each render (useSyncExternalStore).
let narrowList: MediaQueryList | null = null;
const query = () => (typeof window === 'undefined' ? null : (narrowList ??= window.matchMedia(NARROW)));

function subscribe(changed: () => void): () => void {
  const list = query();
  list?.addEventListener('change', changed);
  return () => list?.removeEventListener('change', changed);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false, () => false);
}
