// A chart whose rows some filters leave empty is hidden then, not unmounted: when rows come back it is re-optioned —
// far off screen, only once it comes near (EChart.tsx whenNear) — instead of made anew: an ECharts init and a first
// drawing, which no chart defers, on the filter change that brings it back (the measures panel's charts, below the
// fold on Compare, came and went with the year or level).
import { useState } from 'react';

export interface HiddenWhenEmpty<R> {
  /** The chart was drawn once: it stays mounted (hidden while it has no rows). */
  mounted: boolean;
  hidden: boolean;
  /** The rows shown, or while hidden the last rows shown (the chart keeps its option: nothing to draw). */
  rows: R[];
}

/** `rows` while `shown` and not empty; otherwise hidden, holding the last rows shown. */
export function useHiddenWhenEmpty<R>(rows: R[], shown = true): HiddenWhenEmpty<R> {
  const visible = shown && rows.length > 0;
  const [last, setLast] = useState<R[]>(visible ? rows : []);
  // React's "state from the previous render" pattern: kept in this render, no effect and second commit.
  if (visible && rows !== last) setLast(rows);
  return visible ? { mounted: true, hidden: false, rows } : { mounted: last.length > 0, hidden: true, rows: last };
}
