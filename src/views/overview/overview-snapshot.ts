// The landing view before DuckDB-wasm is ready: the Overview's queries with no filter were run at
// ingest and saved with their SQL in data/overview.json (src/export/overview-snapshot.ts). Until a live
// result arrives, a query whose SQL text is exactly one of those gets the saved rows — the same numbers
// (tests/export/overview-snapshot.test.ts), so the switch to live results changes nothing on screen.
// Any other query (a filter set, another dataset without the file) simply waits for DuckDB as before.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useEngineWanted, wantEngine } from '../../hooks/engine-start.ts';
import { dataUrl } from '../../db/data-url.ts';
import { useSql } from '../../hooks/useSql.ts';
import { OVERVIEW_SNAPSHOT_FILE, overviewSnapshotQueries, type OverviewSnapshot } from '../../queries/overview.ts';
import type { NamedQuery, Row } from '../../queries/types.ts';

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
export interface OverviewResult<R extends Row = Row> {
  data: R[] | undefined;
  status: 'pending' | 'error' | 'success';
  error: Error | null;
}

/** The SQL texts overview.json holds (the Overview with no filter): only these are worth waiting for. */
const SNAPSHOT_SQL = new Set(overviewSnapshotQueries().map((q) => q.sql));

/**
 * useSql, but answered from the ingest-time snapshot while the live query has no rows yet. A query the
 * snapshot answers does not start DuckDB before the first chart is drawn (hooks/engine-start.ts): the live run
 * waits until then. Any other query — a filter set, or a snapshot that is missing or lacks it — runs at once.
 */
export function useOverviewSql<R extends Row = Row>(query: NamedQuery<R> | null): OverviewResult<R> {
  const engineWanted = useEngineWanted();
  const asked = query !== null;
  const inSnapshot = asked && SNAPSHOT_SQL.has(query.sql);
  const snapshot = useQuery({ queryKey: ['overview-snapshot'], queryFn: fetchSnapshot, staleTime: Infinity, gcTime: Infinity, enabled: inSnapshot });
  // The saved rows are this very SQL's answer (exported from the same query), so of its row type.
  const saved = inSnapshot && query ? (snapshot.data?.get(query.sql) as R[] | undefined) : undefined;
  const holdLive = inSnapshot && !engineWanted && (snapshot.isPending || saved !== undefined);
  const live = useSql(holdLive ? null : query);
  // A query the snapshot cannot answer needs the engine now: release everything else waiting for it too.
  useEffect(() => {
    if (!holdLive && asked) wantEngine();
  }, [holdLive, asked]);
  if (saved && live.data === undefined) return { data: saved, status: 'success', error: null };
  if (holdLive) return { data: undefined, status: 'pending', error: null };
  return { data: live.data, status: live.status, error: live.error };
}
