// A view drawn before DuckDB-wasm is ready: its queries in the default URL state were run at export and saved
// with their SQL text (src/export/snapshots.ts, src/queries/snapshot.ts). Until a live result arrives, a query
// whose SQL text is exactly one of the view's file gets the saved rows — the same rows (tests/export/
// snapshots.test.ts), so the switch to live results changes nothing on screen. Any other query (a filter,
// another page, a search) simply waits for DuckDB; so does every query while the analyst's workspace holds
// anything (hooks/snapshot-trust.ts: the saved rows are the published data's alone).
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo } from 'react';
import { dataUrl } from '../db/data-url.ts';
import { macrotaskQueue } from '../db/pending-query-relay.ts';
import { decodeSnapshotInSlices, SnapshotFormatError } from '../queries/snapshot-format.ts';
import type { NamedQuery, Row } from '../queries/types.ts';
import { useEngineWanted, wantEngine } from './engine-start.ts';
import { queryClient } from './query-client.ts';
import { snapshotTrustKnown, useSnapshotTrust } from './snapshot-trust.ts';
import { useBackgroundRows, useSql, type SavedAnswer } from './useSql.ts';

/** A snapshot file read: saved rows by SQL text, and the stamp of the file they were computed from. */
interface SavedAnswers {
  rows: Map<string, Row[]>;
  stamp: string | null;
}

const NONE: SavedAnswers = { rows: new Map(), stamp: null };

/** Between two slices of a large file's reading: a task of its own, after the events already waiting (a click). */
const nextTask = macrotaskQueue();

/**
 * The file's saved answers; none when it is missing or not a snapshot of this app's format (the view then waits for
 * DuckDB). Read in short slices (snapshot-format.ts): the measures panel's file is a few MB at national scale.
 */
async function fetchSnapshot(file: string): Promise<SavedAnswers> {
  let text: string;
  try {
    const response = await fetch(dataUrl(file));
    if (!response.ok) return NONE;
    text = await response.text();
  } catch {
    return NONE; // offline, or the server went away: as a missing file
  }
  try {
    const snapshot = await decodeSnapshotInSlices(text, () => new Promise((resolve) => nextTask(resolve)));
    return { rows: new Map(snapshot.queries.map((q) => [q.sql, q.rows])), stamp: snapshot.stamp ?? null };
  } catch (error) {
    // e.g. a file of an older export, a truncated one, or a dev server's index.html for a missing file
    console.warn(`saved answers ${file} not used (DuckDB answers instead): ${error instanceof SnapshotFormatError ? error.message : String(error)}`);
    return NONE;
  }
}

const snapshotQuery = (file: string) => ({ queryKey: ['snapshot', file], queryFn: () => fetchSnapshot(file), staleTime: Infinity, gcTime: Infinity });

/** The saved answer to `sql` in `file`, if the file has arrived and holds it with its export's stamp. */
function savedAnswer<R extends object>(file: string, sql: string, warm: boolean): SavedAnswer<R> | undefined {
  const answers = queryClient.getQueryData<SavedAnswers>(snapshotQuery(file).queryKey);
  const rows = answers?.rows.get(sql);
  return rows && answers?.stamp ? { rows: rows as R[], stamp: answers.stamp, warm } : undefined;
}

/** Fetch `file` now, if saved answers may be shown (the view that reads it shares the fetch). */
export async function prefetchSnapshot(file: string): Promise<void> {
  if ((await snapshotTrustKnown()) === 'usable') await queryClient.prefetchQuery(snapshotQuery(file));
}

/** Whether two row lists read the same (a value JSON cannot write, e.g. a BigInt, counts as different). */
function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** Where a view's saved answers are: its file and, when known in advance, the SQL texts it holds. */
export interface SnapshotSource {
  file: string;
  /** Only these SQL texts are looked up (the others run at once, without waiting for the file). */
  holds?: ReadonlySet<string>;
  /**
   * False for a view whose later questions never read what its saved queries read (the Data view: no filter): a
   * saved answer that stands is then not run again in the background to warm DuckDB's cache (useSql).
   */
  warm?: boolean;
}

/** What a chart or table needs from a query result. */
export interface SnapshotResult<R extends object = Row> {
  data: R[] | undefined;
  status: 'pending' | 'error' | 'success';
  error: Error | null;
  /** As useSql's: true while the previous query's rows are kept on screen. */
  isPlaceholderData: boolean;
}

/**
 * useSql, but answered from `source` (a file name, or null: no saved answers for this state) while the live
 * query has no rows yet. On the landing view a query the file answers does not start DuckDB before the first
 * chart is drawn (hooks/engine-start.ts): its live run waits until then. The other views want DuckDB from the
 * start (App.tsx), so their live runs start at once, alongside. A query the file lacks starts the engine.
 * `live: false`: ask DuckDB nothing now (the saved rows, else pending) — another answer is on its way (the
 * Overview's summaries, which answer every chart at once).
 */
export function useSnapshotSql<R extends object = Row>(
  query: NamedQuery<R> | null,
  source: SnapshotSource | string | null,
  { live: mayAsk = true }: { live?: boolean } = {},
): SnapshotResult<R> {
  const engineWanted = useEngineWanted();
  const trust = useSnapshotTrust();
  const { file, holds, warm = true }: Partial<SnapshotSource> = typeof source === 'string' ? { file: source } : (source ?? {});
  const asked = query !== null;
  const lookedUp = asked && file !== undefined && trust !== 'outdated' && (!holds || holds.has(query.sql));
  const snapshot = useQuery({
    ...snapshotQuery(file ?? ''),
    // Not fetched at all for a workspace that is not empty (read from the browser's storage first: a few ms).
    enabled: lookedUp && trust === 'usable',
  });
  // The saved rows are this very SQL's answer (exported from the same query), so of its row type.
  const saved = lookedUp && query ? (snapshot.data?.rows.get(query.sql) as R[] | undefined) : undefined;
  const holdLive = (lookedUp && !engineWanted && (trust === 'checking' || snapshot.isPending || saved !== undefined)) || (asked && !mayAsk);
  // Once the engine is ready, the saved rows stand as the live answer if the attached file is the one they were
  // computed from (the same stamp): DuckDB is not asked the same question again. Looked up then, not now: the
  // live run of a view other than the landing one starts before its file has arrived.
  const live = useSql(holdLive ? null : query, { saved: lookedUp && file ? () => savedAnswer<R>(file, query.sql, warm) : undefined });
  // A query no saved answer holds needs the engine now: release everything else waiting for it too.
  useEffect(() => {
    if (!holdLive && asked) wantEngine();
  }, [holdLive, asked]);
  // Live rows equal to the saved ones (they are, tests/export/snapshots.test.ts) keep the saved array: the
  // charts and tables are not re-drawn for nothing. Rows kept from another query (a placeholder) never hide them.
  const liveIsSaved = useMemo(() => saved !== undefined && live.data !== undefined && sameJson(saved, live.data), [saved, live.data]);
  if (saved && (live.data === undefined || live.isPlaceholderData || liveIsSaved)) return { data: saved, status: 'success', error: null, isPlaceholderData: false };
  if (holdLive) return { data: undefined, status: 'pending', error: null, isPlaceholderData: false };
  return { data: live.data, status: live.status, error: live.error, isPlaceholderData: live.isPlaceholderData };
}

/**
 * Whether `file` (null: none) holds a saved answer to `query` that may stand (the workspace is the published data
 * alone): a background read it holds costs DuckDB nothing when the attached file is the one it was computed from.
 */
export function useSnapshotHolds(query: NamedQuery<object>, file: string | null): boolean {
  return useSnapshotLookup(query, file) === 'holds';
}

/**
 * useSnapshotHolds, and 'pending' while that is not known yet (the storage or the file not read): a background read
 * that waits for it is then not asked of DuckDB only because its saved answer had not arrived.
 */
function useSnapshotLookup(query: NamedQuery<object> | null, file: string | null): 'holds' | 'lacks' | 'pending' {
  const trust = useSnapshotTrust();
  const snapshot = useQuery({ ...snapshotQuery(file ?? ''), enabled: trust === 'usable' && file !== null });
  if (trust === 'outdated' || file === null || query === null) return 'lacks';
  if (trust === 'checking' || snapshot.isPending) return 'pending';
  return snapshot.data?.rows.has(query.sql) === true ? 'holds' : 'lacks';
}

/**
 * useBackgroundRows (useSql.ts), answered from `file`'s saved rows when they stand — nothing read on DuckDB's
 * worker — else asked in the background as usual (`file` null: always asked). The file is fetched here and the read
 * waits for it, rather than ask DuckDB only because the saved answer had not arrived. Not warmed: its rows are what
 * later changes need, not its blocks.
 */
export function useSavedBackgroundRows<R extends object>(query: NamedQuery<R> | null, file: string | null): R[] | undefined {
  const lookup = useSnapshotLookup(query, file);
  return useBackgroundRows(lookup === 'pending' ? null : query, query && file ? () => savedAnswer<R>(file, query.sql, false) : undefined);
}

const ViewSnapshot = createContext<string | null>(null);

/** Names the snapshot file for the components under it (null: none, e.g. a filter is set). */
export const ViewSnapshotFile = ViewSnapshot.Provider;

/** useSnapshotSql with the file the nearest ViewSnapshotFile names (a chart's or a panel's own queries). */
export function useViewSql<R extends object = Row>(query: NamedQuery<R> | null): SnapshotResult<R> {
  return useSnapshotSql(query, useContext(ViewSnapshot));
}
