// Which indicators Compare would show after the next year or level change. With no indicator in the filter bar the
// view shows the chosen one only while the two provinces have cases of it, else the one both cover most under the
// filters (defaultIndicator): a year change may show another indicator (at 100k cases, 4 of the 12 year / level
// states of the bench do), whose rows were then asked one query after another on DuckDB-wasm's single worker
// (the columns, the page of pairs, the measures' dimensions and sample). The shares of every such state are summed
// from the two provinces' summary rows the view holds, so the indicators those states show are known in advance and
// their rows can be read in the background before the analyst gets there.
import { defaultIndicator } from './compare.ts';
import { cellsAnswer } from './compare-cells.ts';
import type { CaseSummaryRow } from './summaries.ts';
import { sharesFromSummary } from './view-summaries.ts';
import { yearAndLevelStatesOf } from './next-states.ts';
import type { Filters } from '../state/filters.ts';

/**
 * The indicators the view shows under `filters` with their years and levels replaced by: none, each one year (latest
 * first), each one level, each year with one level — the states the rows kept in memory answer (compare-cells.ts,
 * measures-stored.ts) — each once, in that order of first appearance. None when the filter bar names indicators (the
 * view shows those whatever the years) or a city or a batch (the kept rows do not answer those filters).
 */
export function likelyIndicators(rows: CaseSummaryRow[], filters: Filters, a: string, b: string, chosen: string | null): string[] {
  if (filters.indicators.length > 0 || !cellsAnswer(filters)) return [];
  const out = new Set<string>();
  for (const state of yearAndLevelStates(rows, a, b)) {
    const shown = defaultIndicator(sharesFromSummary(rows, { ...filters, ...state }, a, b), chosen);
    if (shown !== null) out.add(shown);
  }
  return [...out];
}

/**
 * The year and level states of A's and B's summary rows, in the order a next change likely picks them: none, each
 * one year (latest first), each one level, each year with one level.
 */
export function yearAndLevelStates(rows: CaseSummaryRow[], a: string, b: string): Pick<Filters, 'years' | 'levels'>[] {
  return yearAndLevelStatesOf(rows.filter((r) => r.sort === null && (r.province === a || r.province === b)));
}
