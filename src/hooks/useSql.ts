// useSql(namedQuery) → TanStack Query result of rows, keyed by the SQL text: identical queries from
// several components share one in-flight run and one cached result.
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { NamedQuery, Row } from '../queries/types.ts';
import { queryClient, SQL_KEY } from './query-client.ts';
import { snapshotTrust } from './snapshot-trust.ts';
import { trackViewQuery, useViewQueriesSettled, viewQueriesSettled } from './sql-activity.ts';

export type SqlResult<R extends object = Row> = UseQueryResult<R[], Error>;

/**
 * Run a named query, leaving a measure on the performance timeline (DevTools, the benchmark): `sql:<id>` for a
 * view's query, `background:<id>` for a background read (which gives way to the views' queries while it runs).
 */
async function timedQuery<R extends object>(query: NamedQuery<R>, background = false, late = false): Promise<R[]> {
  // Imported on first use, so the engine's client code is not in the JS the landing view needs
  // (the first Overview charts draw from overview.json before any query runs).
  const { runNamedQuery, runBackgroundQuery } = await import('../db/duckdb.ts');
  const start = performance.now();
  if (!background) {
    const rows = await runNamedQuery(query);
    performance.measure(`sql:${query.id}`, { start });
    return rows;
  }
  // A background read's start is marked too, and its end even when it fails: the benchmark can wait until every
  // read started has landed.
  performance.mark(`start:background:${query.id}`);
  try {
    return await runBackgroundQuery(query, late);
  } finally {
    performance.measure(`background:${query.id}`, { start });
  }
}

/** A query's answer saved at export (useSnapshotSql.ts) and the stamp of the file it was computed from. */
export interface SavedAnswer<R extends object> {
  rows: R[];
  stamp: string;
  /**
   * Whether the view's later questions read the blocks this answer's query reads (its filter changes ask DuckDB):
   * the query is then still run once in the background when the saved rows stand (standingAnswer).
   */
  warm: boolean;
}

/**
 * `query` run for the blocks it reads, answering one row: every column of its rows is read (the row as a whole is
 * tested), but none is sent to the page and decoded there.
 */
function warmUp(query: NamedQuery<object>): NamedQuery<{ rows: number }> {
  return { id: query.id, columns: ['rows'], sql: `SELECT count(*) AS rows FROM (\n${query.sql}\n) AS answer WHERE answer IS NOT NULL` };
}

/**
 * The saved rows (`savedAnswer`, looked up once the engine is ready) if they stand as the engine's answer: the
 * attached file carries their stamp and the workspace is still the published data alone (an import or a label
 * since: the same SQL answers otherwise). Leaves a `saved:<id>` measure; null when they do not stand.
 */
async function standingAnswer<R extends object>(query: NamedQuery<R>, savedAnswer: () => SavedAnswer<R> | undefined): Promise<R[] | null> {
  const start = performance.now();
  const { publishedExportStamp } = await import('../db/duckdb.ts');
  const stamp = await publishedExportStamp();
  const saved = savedAnswer();
  if (!saved || stamp !== saved.stamp || snapshotTrust() !== 'usable') return null;
  performance.measure(`saved:${query.id}`, { start });
  // Still run once in the background, giving way to the views' queries: the file's blocks it reads are then in
  // DuckDB's cache for the filter changes that read the same columns (at national scale, seconds of HTTP reads
  // the first change would otherwise wait for). Not for a view whose changes never ask DuckDB. After the background
  // reads asked meanwhile (`late`): they are the views' reads ahead, which answer the changes without those queries.
  if (saved.warm) {
    void viewQueriesSettled()
      .then(() => timedQuery(warmUp(query), true, true))
      .catch(() => undefined);
  }
  return saved.rows;
}

/**
 * A named query's rows, typed as the query declares them (`NamedQuery<R>`). `background`: a read no one waits for
 * (rows a view sums later filter changes from): asked only while none of the views' own queries runs
 * (sql-activity.ts), and not shown as the page's "querying" sign (App.tsx QueryActivity). `saved`: the answer
 * saved at export (looked up once the engine is ready), standing as the engine's when current (standingAnswer).
 */
export function useSql<R extends object = Row>(
  query: NamedQuery<R> | null,
  { background = false, saved }: { background?: boolean; saved?: () => SavedAnswer<R> | undefined } = {},
): SqlResult<R> {
  const settled = useViewQueriesSettled(background);
  return useQuery<R[], Error>({
    queryKey: [SQL_KEY, query?.sql ?? null],
    queryFn: async () => {
      if (!background) return trackViewQuery(async () => (saved && (await standingAnswer(query!, saved))) || timedQuery(query!));
      // A background read saved at export: its rows, with nothing read on the worker.
      const standing = saved && (await standingAnswer(query!, saved));
      if (standing) return standing;
      // Asked once no view's query runs (the render that enabled it may also have asked one); the views' queries
      // asked after it are answered between its slices (runBackgroundQuery).
      await viewQueriesSettled();
      return timedQuery(query!, true);
    },
    enabled: query !== null && (!background || settled),
    // Keep the previous chart on screen while a filter change re-queries (no flash of "loading").
    placeholderData: keepPreviousData,
  });
}

/**
 * The rows of a background read (useSql with `background`), once they answer `query` as the data stands: not the
 * previous query's rows kept as a placeholder, nor rows held while a workspace change has them re-read.
 */
export function useBackgroundRows<R extends object = Row>(query: NamedQuery<R> | null, saved?: () => SavedAnswer<R> | undefined): R[] | undefined {
  const result = useSql(query, { background: true, saved });
  return isCurrent(result) && !result.isFetching ? result.data : undefined;
}

/**
 * Starts `query` now, from a render, if it has no answer and is not running: useSql's own run starts only once its
 * component has committed and the browser has painted (React's passive effects), i.e. after the charts a filter
 * change redraws — the worker would wait that long. useSql then takes up this run (the same cache key).
 */
export function startSql(query: NamedQuery<object>): void {
  const queryKey = [SQL_KEY, query.sql];
  const state = queryClient.getQueryState(queryKey);
  if (state?.fetchStatus === 'fetching' || (state?.data !== undefined && !state.isInvalidated)) return;
  void queryClient.prefetchQuery({ queryKey, queryFn: () => trackViewQuery(() => timedQuery(query)) });
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
