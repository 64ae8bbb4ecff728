// The Overview answered in memory: once DuckDB is up, case_summary (with its figures) and the documents per province,
// year and batch are read whole once (in the background, after the landing charts are drawn from overview.json) and
// every chart of a filter change is summed from them in JS (queries/summaries.ts) — DuckDB-wasm's single worker
// would answer the charts' queries one at a time, 10–15 ms each, and each answer would be a render and a chart frame
// of its own. Until the rows are there, a chart asks its query as before; so does the totals tile under an
// indicator, city or level filter (its documents are then distinct documents, no sum). The sums are the queries'
// answers (tests/queries/overview.test.ts), so a chart's CSV and "SQL" button still say what it draws.
import { createContext, useContext, useMemo } from 'react';
import { useEngineWanted } from '../../hooks/engine-start.ts';
import type { SnapshotResult } from '../../hooks/useSnapshotSql.ts';
import { useSql } from '../../hooks/useSql.ts';
import { documentSummaryRows, overviewSummaryRows, type DocumentSummaryRow, type FiguresSummaryRow } from '../../queries/summaries.ts';
import type { NamedQuery, Row } from '../../queries/types.ts';
import type { Filters } from '../../state/filters.ts';
import { useOverviewSql } from './overview-snapshot.ts';

/** What the charts sum (each undefined until read). */
export interface OverviewSummaries {
  rows: FiguresSummaryRow[] | undefined;
  documents: DocumentSummaryRow[] | undefined;
}

/** … and the filters of the view. */
export type OverviewSummary = OverviewSummaries & { filters: Filters };

/** A chart's rows from the summaries (read), or null when they do not give them. */
type Sum<R> = (summaries: { rows: FiguresSummaryRow[]; documents: DocumentSummaryRow[] | undefined }, filters: Filters) => R[] | null;

const SummaryContext = createContext<OverviewSummary | null>(null);

/** Provides the summary to the charts under it. */
export const OverviewSummaryProvider = SummaryContext.Provider;

/**
 * The summaries, read once the engine is wanted — never before: the landing view draws from overview.json without
 * waiting for DuckDB (hooks/engine-start.ts).
 */
export function useOverviewSummaries(): OverviewSummaries {
  const wanted = useEngineWanted();
  const rows = useSql(wanted ? overviewSummaryRows() : null).data;
  const documents = useSql(wanted ? documentSummaryRows() : null).data;
  return { rows, documents };
}

/**
 * A chart's result hook (QueryChart's useResult) summing its rows with `sum` once the summary is read, and
 * asking its query (useOverviewSql) until then. Made once per chart at module level (a hook, never made in render).
 */
export function summedOverviewResult<R extends Row>(sum: Sum<R>) {
  return function useSummedResult(query: NamedQuery<R> | null): SnapshotResult<R> {
    const summary = useContext(SummaryContext);
    const summed = useMemo(() => (summary?.rows ? sum({ rows: summary.rows, documents: summary.documents }, summary.filters) : null), [summary]);
    const asked = useOverviewSql(summed ? null : query);
    return summed && query ? { data: summed, status: 'success', error: null, isPlaceholderData: false } : asked;
  };
}
