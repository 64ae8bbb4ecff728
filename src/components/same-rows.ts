// A chart is redrawn when its rows change — by value, not by identity. A filter change gives every chart a new row
// list, often holding what the chart already draws (a year filtered that changes nothing in the level chart; a
// result asked again): such a chart keeps its rows object, so its option and its drawing are left alone and the
// change costs only the charts whose numbers moved.
import isEqual from 'fast-deep-equal';
import { useState } from 'react';

/** `kept` when `rows` holds the same values in the same order (rows are a query's plain records), else `rows`. */
export function keepIfSame<R>(kept: R[] | undefined, rows: R[] | undefined): R[] | undefined {
  return rows === kept || (rows !== undefined && kept !== undefined && isEqual(rows, kept)) ? kept : rows;
}

/** `rows`, or the list seen before when `rows` holds the same values. */
export function useSameRows<R>(rows: R[] | undefined): R[] | undefined {
  const [kept, keep] = useState(rows);
  const shown = keepIfSame(kept, rows);
  // React's "state from the previous render" pattern: this render draws `rows`, the next ones compare with them.
  if (shown !== kept) keep(shown);
  return shown;
}
