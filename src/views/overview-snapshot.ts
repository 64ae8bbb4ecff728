// The landing view before DuckDB-wasm is ready (issue 5): the Overview's queries with no filter were run at
// ingest and saved with their SQL in data/overview.json (src/export/overview-snapshot.ts). Until a live
// result arrives, a query whose SQL text is exactly one of those gets the saved rows — the same numbers
// (tests/export/overview-snapshot.test.ts), so the switch to live results changes nothing on screen.
// Any other query (a filter set, another dataset without the file) simply waits for DuckDB as before.
import { useQuery } from '@tanstack/react-query';
import { dataUrl } from '../db/tables.ts';
import { useSql } from '../db/useSql.ts';
import { OVERVIEW_SNAPSHOT_FILE, type OverviewSnapshot } from '../queries/overview.ts';
import type { NamedQuery, Row } from '../queries/types.ts';

/** Saved rows by SQL text; empty when the file is missing or unreadable (the view then waits for DuckDB). */
async function fetchSnapshot(): Promise<Map<string, Row[]>> {
  try {
    const response = await fetch(dataUrl(OVERVIEW_SNAPSHOT_FILE));
    if (!response.ok) return new Map();
    const snapshot = (await response.json()) as OverviewSnapshot;
    return new Map(snapshot.queries.map((q) => [q.sql, q.rows]));
  } catch {
    return new Map(); // e.g. a dev server answering index.html for a missing file
  }
}

/** What a chart needs from a query result. */
export interface OverviewResult {
  data: Row[] | undefined;
  status: 'pending' | 'error' | 'success';
  error: Error | null;
}

/** useSql, but answered from the ingest-time snapshot while the live query has no rows yet. */
export function useOverviewSql(query: NamedQuery): OverviewResult {
  const live = useSql(query);
  const waiting = live.data === undefined && live.status === 'pending';
  const snapshot = useQuery({ queryKey: ['overview-snapshot'], queryFn: fetchSnapshot, staleTime: Infinity, gcTime: Infinity, enabled: waiting });
  const saved = waiting ? snapshot.data?.get(query.sql) : undefined;
  if (saved) return { data: saved, status: 'success', error: null };
  return { data: live.data, status: live.status, error: live.error };
}
