// A chart's rows kept as the same array while a new answer reads the same: ChartCard re-options a chart (a full
// layout and redraw on the next frame) whenever its rows array changes, and a filter change often leaves a chart's
// rows as they were (the provinces of a year with one level, the largest figures of an indicator) — re-drawing
// them costs the main thread a chart's time for nothing.
import { useState } from 'react';

/** Whether two values read the same: primitives by value, anything else (a list of key figures) by its JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false; // a value JSON cannot write (a BigInt): treat as changed
  }
}

/** Whether two row lists read the same, row by row and column by column (no text built for the whole list). */
export function sameRows(a: object[] | undefined, b: object[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((row, i) => {
    const other = b[i] as Record<string, unknown>;
    const keys = Object.keys(row);
    return keys.length === Object.keys(other).length && keys.every((k) => sameValue((row as Record<string, unknown>)[k], other[k]));
  });
}

/** `rows`, or the rows returned before when these read the same. */
export function useSameRows<R extends object>(rows: R[] | undefined): R[] | undefined {
  const [kept, setKept] = useState(rows);
  const same = sameRows(rows, kept);
  // Set during render: React re-renders this component at once, before its children see the new rows.
  if (!same) setKept(rows);
  return same ? kept : rows;
}
