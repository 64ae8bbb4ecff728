// A chart's rows kept as the same array while a new answer reads the same: ChartCard re-options a chart (a full
// layout and redraw on the next frame) whenever its rows array changes, and a filter change often leaves a chart's
// rows as they were (the provinces of a year with one level, the largest figures of an indicator) — re-drawing
// them costs the main thread a chart's time for nothing.
import { useState } from 'react';

/** Whether two row lists read the same (JSON: the rows are plain values from DuckDB or sums). */
function sameRows(a: unknown[] | undefined, b: unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false; // a value JSON cannot write (a BigInt): treat as changed
  }
}

/** `rows`, or the rows returned before when these read the same. */
export function useSameRows<R>(rows: R[] | undefined): R[] | undefined {
  const [kept, setKept] = useState(rows);
  const same = sameRows(rows, kept);
  // Set during render: React re-renders this component at once, before its children see the new rows.
  if (!same) setKept(rows);
  return same ? kept : rows;
}
