// useSql(namedQuery) → TanStack Query result of rows, keyed by the SQL text: identical queries from
// several components share one in-flight run and one cached result.
import { keepPreviousData, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { NamedQuery, Row } from '../queries/types.ts';
import { SQL_KEY } from './query-client.ts';

export type SqlResult<R extends object = Row> = UseQueryResult<R[], Error>;

/** Run a named query, leaving a `sql:<id>` measure on the performance timeline (DevTools, the benchmark). */
async function timedQuery<R extends object>(query: NamedQuery<R>): Promise<R[]> {
  // Imported on first use, so the engine's client code is not in the JS the landing view needs
  // (the first Overview charts draw from overview.json before any query runs).
  const { runNamedQuery } = await import('../db/duckdb.ts');
  const start = performance.now();
  const rows = await runNamedQuery(query);
  performance.measure(`sql:${query.id}`, { start });
  return rows;
}

/** A named query's rows, typed as the query declares them (`NamedQuery<R>`). */
export function useSql<R extends object = Row>(query: NamedQuery<R> | null): SqlResult<R> {
  return useQuery<R[], Error>({
    queryKey: [SQL_KEY, query?.sql ?? null],
    queryFn: () => timedQuery(query!),
    enabled: query !== null,
    // Keep the previous chart on screen while a filter change re-queries (no flash of "loading").
    placeholderData: keepPreviousData,
  });
}

/**
 * Start `query` now, in the render of the component that will show it (fetch as you render): useSql's own run
 * starts only once its component has rendered and committed, and a filter change may render and commit a whole
 * view (charts re-optioned in the commit) first. Cheap to call on every render: a query with any cached state,
 * answered or running, is not asked again (TanStack's usePrefetchQuery, which cannot be skipped for a null query).
 */
export function usePrefetchSql(query: NamedQuery<object> | null): void {
  const client = useQueryClient();
  if (query && !client.getQueryState([SQL_KEY, query.sql])) client.prefetchQuery({ queryKey: [SQL_KEY, query.sql], queryFn: () => timedQuery(query) }).catch(() => undefined);
}

/**
 * True once `result` is about its current query — answered (or failed) — rather than the previous state's rows
 * kept on screen (keepPreviousData) while a filter change re-queries. A query built from rows (an indicator picked
 * from the shares) waits for this: built from the previous rows it would be asked for nothing, queued in DuckDB's
 * single worker ahead of the real one, while its chart keeps its previous rows anyway.
 */
export function isCurrent(result: Pick<SqlResult<object>, 'status' | 'isPlaceholderData'>): boolean {
  return result.status !== 'pending' && !result.isPlaceholderData;
}
