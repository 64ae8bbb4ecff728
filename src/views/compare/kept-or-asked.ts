// Which rows a Compare list draws: the rows kept in memory (compare-cells.ts, compare-pair-cells.ts) when there are,
// else its query's answer — and while that query is asked, the rows drawn before. Rows holding what is drawn already
// keep the drawn array: when the background read lands after the query answered (a new indicator), or a filter
// change leaves a column as it was, the columns and the pairs table (memo) are not re-rendered for the same rows.
import { useState } from 'react';
import { keepIfSame } from '../../components/same-rows.ts';
import type { SnapshotResult } from '../../hooks/useSnapshotSql.ts';
import { isCurrent } from '../../hooks/useSql.ts';

type Asked<R extends object> = Pick<SnapshotResult<R>, 'data' | 'status' | 'isPlaceholderData'>;

/**
 * The rows to draw given the kept rows, the query's result and the rows drawn before: the kept ones, else the
 * query's current answer, else (asked, not answered yet) those drawn before — as the drawn array when equal to it.
 * Not the query's placeholder rows while it runs: they may be of a state before the kept ones.
 */
export function rowsToDraw<R extends object>(kept: R[] | null, asked: Asked<R>, drawn: R[] | undefined): R[] | undefined {
  const rows = kept ?? (isCurrent(asked) ? asked.data : (drawn ?? asked.data));
  return keepIfSame(drawn, rows);
}

/** rowsToDraw as a hook, with the status and error to show: the kept rows' (success) or the query's. */
export function useKeptOrAsked<R extends object>(kept: R[] | null, asked: SnapshotResult<R>) {
  const [drawn, setDrawn] = useState(kept ?? asked.data);
  const rows = rowsToDraw(kept, asked, drawn);
  // React's "state from the previous render" pattern: the next render compares with these rows.
  if (rows !== drawn) setDrawn(rows);
  return kept ? { status: 'success' as const, error: null, data: rows } : { status: asked.status, error: asked.error, data: rows };
}
