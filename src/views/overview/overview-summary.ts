// The Overview answered in memory: once DuckDB is up, case_summary (with its figures) and the documents per province,
// year and batch are read whole once (in the background, after the landing charts are drawn from overview.json) and
// every answer of a filter change is summed from them in JS (queries/overview-sums.ts), the filter run once over the
// rows for all six — DuckDB-wasm's single worker would answer the charts' queries one at a time, 10–15 ms each, and
// each answer would be a render and a chart frame of its own. While the summaries are being read the charts ask
// nothing of DuckDB (the landing state keeps its saved rows): the summaries answer them all at once. The totals
// tile's documents under an indicator, city or level filter are distinct documents, no sum of those: for one value
// of one of them they are summed from the documents per value (documentsByRows: document_values, counted at export,
// a few thousand rows read the first time such a filter is set, the tile waiting for them); under any other such
// filter the tile asks its query. The sums are the queries' answers
// (tests/queries/overview.test.ts), so a chart's CSV and "SQL" button still say what it draws.
import { createContext, useContext, useMemo, useState } from 'react';
import { useEngineWanted } from '../../hooks/engine-start.ts';
import type { SnapshotResult } from '../../hooks/useSnapshotSql.ts';
import { useSql } from '../../hooks/useSql.ts';
import { documentsByRows, overviewFromSummary, singleDocumentDimension, type DocumentDimension, type OverviewAnswers } from '../../queries/overview-sums.ts';
import { documentSummaryRows, overviewSummaryRows } from '../../queries/summaries.ts';
import type { NamedQuery, Row } from '../../queries/types.ts';
import type { Filters } from '../../state/filters.ts';
import { useOverviewSql } from './overview-snapshot.ts';

/** The view's answers summed under its filters (null until the summaries are read), and whether they are being read. */
export interface OverviewSummary {
  answers: OverviewAnswers | null;
  /** The summaries are asked and not answered yet: the charts wait for them rather than ask DuckDB. */
  reading: boolean;
}

const SummaryContext = createContext<OverviewSummary | null>(null);

/** Provides the summary to the charts under it. */
export const OverviewSummaryProvider = SummaryContext.Provider;

/** Whether `filters` name an indicator, a city or a level (the totals' documents are then distinct documents). */
const namesCaseFilter = (f: Filters) => f.indicators.length > 0 || f.cities.length > 0 || f.levels.length > 0;

/**
 * The Overview's answers under `filters`, from the summaries read once the engine is wanted — never before: the
 * landing view draws from overview.json without waiting for DuckDB (hooks/engine-start.ts).
 */
export function useOverviewSummary(filters: Filters): OverviewSummary {
  const wanted = useEngineWanted();
  const rows = useSql(wanted ? overviewSummaryRows() : null);
  const documents = useSql(wanted ? documentSummaryRows() : null);
  // Documents per value of a dimension, asked the first time a filter names one value of it (then kept).
  const dimension = rows.data ? singleDocumentDimension(filters) : null;
  const [documentDimensions, setDocumentDimensions] = useState<ReadonlySet<DocumentDimension>>(new Set());
  // React's "state from the render" pattern: the set grows in this render, no effect and second commit.
  if (dimension && !documentDimensions.has(dimension)) setDocumentDimensions(new Set([...documentDimensions, dimension]));
  const byIndicator = useSql(documentDimensions.has('indicator') ? documentsByRows('indicator') : null);
  const byCity = useSql(documentDimensions.has('city') ? documentsByRows('city') : null);
  const byLevel = useSql(documentDimensions.has('level') ? documentsByRows('level') : null);
  const answers = useMemo(
    () =>
      rows.data
        ? overviewFromSummary({ rows: rows.data, documents: documents.data, documentsBy: { indicator: byIndicator.data, city: byCity.data, level: byLevel.data } }, filters)
        : null,
    [rows.data, documents.data, byIndicator.data, byCity.data, byLevel.data, filters],
  );
  // The documents per value of the dimension filtered are a read of a few thousand rows (document_values): the
  // totals wait for them rather than ask their own query meanwhile.
  const byDimension = { indicator: byIndicator, city: byCity, level: byLevel };
  const readingDimension = dimension !== null && byDimension[dimension].status === 'pending';
  return { answers, reading: wanted && (rows.status === 'pending' || documents.status === 'pending' || readingDimension) };
}

/**
 * A chart's result hook (QueryChart's useResult) taking its rows from the summed answers (`pick`; null: no sum, ask
 * the query), and asking its query (useOverviewSql) when the summaries are neither read nor being read. Made once per
 * chart at module level (a hook, never made in render). `needsQuery`: the filters under which its answer is never
 * summed from the rows and documents read first (the charts: none).
 */
export function summedOverviewResult<R extends Row>(pick: (answers: OverviewAnswers) => R[] | null, needsQuery: (filters: Filters) => boolean = () => false) {
  return function useSummedResult(query: NamedQuery<R> | null, filters?: Filters): SnapshotResult<R> {
    const summary = useContext(SummaryContext);
    const summed = summary?.answers ? pick(summary.answers) : null;
    const waitForSummary = Boolean(summary?.reading) && !(filters && needsQuery(filters));
    const asked = useOverviewSql(summed ? null : query, { live: !waitForSummary });
    return summed && query ? { data: summed, status: 'success', error: null, isPlaceholderData: false } : asked;
  };
}

/** The totals' answer: summed, or asked (its documents under two values or two of the indicator, city and level filters: see above). */
export const useSummedTotals = summedOverviewResult((a) => a.totals, (f) => namesCaseFilter(f) && singleDocumentDimension(f) === null);
