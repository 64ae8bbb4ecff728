// The Overview's charts answered in memory: once DuckDB is up, case_summary is read whole once (in the background,
// after the landing charts are drawn from overview.json) and every chart of a filter change is summed from it in JS
// (queries/summaries.ts) — DuckDB-wasm's single worker would answer the charts' queries one at a time, 10–15 ms
// each, and each answer would be a render and a chart frame of its own. Until the rows are there, a chart asks
// its query as before. The sums are the queries' answers (tests/queries/overview-summary.test.ts), so a chart's
// CSV and "SQL" button still say what it draws. The totals tile stays a query: its documents are no sum of
// case_summary.
import { createContext, useContext, useMemo } from 'react';
import { useEngineWanted } from '../../hooks/engine-start.ts';
import type { SnapshotResult } from '../../hooks/useSnapshotSql.ts';
import { useSql } from '../../hooks/useSql.ts';
import { caseSummaryRows, type CaseSummaryRow } from '../../queries/summaries.ts';
import type { NamedQuery, Row } from '../../queries/types.ts';
import type { Filters } from '../../state/filters.ts';
import { useOverviewSql } from './overview-snapshot.ts';

/** What the charts sum: case_summary's rows (undefined until read) and the filters of the view. */
export interface OverviewSummary {
  rows: CaseSummaryRow[] | undefined;
  filters: Filters;
}

const SummaryContext = createContext<OverviewSummary | null>(null);

/** Provides the summary to the charts under it. */
export const OverviewSummaryProvider = SummaryContext.Provider;

/**
 * case_summary's rows, read once the engine is wanted — never before: the landing view draws from overview.json
 * without waiting for DuckDB (hooks/engine-start.ts). The same SQL as the Indicator view's, so one read serves both.
 */
export function useOverviewSummaryRows(): CaseSummaryRow[] | undefined {
  const wanted = useEngineWanted();
  return useSql(wanted ? caseSummaryRows() : null).data;
}

/**
 * A chart's result hook (QueryChart's useResult) summing its rows with `sum` once the summary is read, and
 * asking its query (useOverviewSql) until then. Made once per chart at module level (a hook, never made in render).
 */
export function summedOverviewResult<R extends Row>(sum: (rows: CaseSummaryRow[], filters: Filters) => R[]) {
  return function useSummedResult(query: NamedQuery<R> | null): SnapshotResult<R> {
    const summary = useContext(SummaryContext);
    const rows = summary?.rows;
    const summed = useMemo(() => (rows && summary ? sum(rows, summary.filters) : undefined), [rows, summary]);
    const asked = useOverviewSql(summed ? null : query);
    return summed && query ? { data: summed, status: 'success', error: null, isPlaceholderData: false } : asked;
  };
}
