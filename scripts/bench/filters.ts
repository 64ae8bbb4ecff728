// Filter states for the interaction benchmark: distinct ones (TanStack Query caches by SQL text, so a
// repeated filter would measure the cache), each leaving every Overview chart non-empty (so "every chart
// updated" means every chart drew new data). Checked by running the view's own named queries in DuckDB
// (Node) over the same dashboard.duckdb the browser is served.
import { openAppTables } from '../../src/export/app-tables.ts';
import { byBatchQuery, byCityQuery, byIndicatorQuery, byLevelQuery, heatmapQuery } from '../../src/queries/overview.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';

/** The Overview charts' queries (the totals tile is text, not a chart). */
export const OVERVIEW_CHART_QUERIES = [heatmapQuery, byIndicatorQuery, byCityQuery, byLevelQuery, byBatchQuery];

/** Up to `count` distinct filter states over `dataDir`, each with rows in every Overview chart. */
export async function interactionFilters(dataDir: string, count: number): Promise<Filters[]> {
  const tables = await openAppTables(dataDir);
  const conn = tables.connection;
  try {
    const values = async (sql: string) => (await conn.runAndReadAll(sql)).getRows().map((r) => r[0]);
    const indicators = (await values(`SELECT indicator FROM cases WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY count(*) DESC`)).map(String);
    const provinces = (await values(`SELECT province FROM cases WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY count(*) DESC`)).map(String);
    const years = (await values(`SELECT DISTINCT year FROM cases WHERE year IS NOT NULL ORDER BY 1`)).map(Number);
    // Alternate kinds of change, as an analyst clicks: one indicator, one province, a year, province + indicator.
    const candidates: Filters[] = [];
    for (let i = 0; i < Math.max(indicators.length, provinces.length); i++) {
      if (indicators[i]) candidates.push({ ...EMPTY_FILTERS, indicators: [indicators[i]] });
      if (provinces[i]) candidates.push({ ...EMPTY_FILTERS, provinces: [provinces[i]] });
      if (years[i] !== undefined) candidates.push({ ...EMPTY_FILTERS, years: [years[i]] });
    }
    for (const p of provinces.slice(0, 3)) for (const ind of indicators) candidates.push({ ...EMPTY_FILTERS, provinces: [p], indicators: [ind] });
    const chosen: Filters[] = [];
    for (const filters of candidates) {
      if (chosen.length >= count) break;
      let ok = true;
      for (const query of OVERVIEW_CHART_QUERIES) {
        const n = (await conn.runAndReadAll(`SELECT count(*) FROM (${query(filters).sql})`)).getRows()[0][0];
        if (Number(n) === 0) {
          ok = false;
          break;
        }
      }
      if (ok) chosen.push(filters);
    }
    return chosen;
  } finally {
    tables.close();
  }
}

/**
 * Filter states every other view answers (Compare and Indicator choose their own provinces and indicator, the
 * filter bar's year and level apply everywhere): each year, each level, then each year with each level.
 */
export async function viewFilters(dataDir: string, count: number): Promise<Filters[]> {
  const tables = await openAppTables(dataDir);
  try {
    const values = async (sql: string) => (await tables.connection.runAndReadAll(sql)).getRows().map((r) => r[0]);
    const years = (await values(`SELECT DISTINCT year FROM case_summary WHERE year IS NOT NULL ORDER BY 1 DESC`)).map(Number);
    const levels = (await values(`SELECT level FROM case_summary GROUP BY 1 ORDER BY sum(cases) DESC`)).map(String) as Filters['levels'];
    const states: Filters[] = [
      ...years.map((y) => ({ ...EMPTY_FILTERS, years: [y] })),
      ...levels.map((l) => ({ ...EMPTY_FILTERS, levels: [l] })),
      ...years.flatMap((y) => levels.map((l) => ({ ...EMPTY_FILTERS, years: [y], levels: [l] }))),
    ];
    return states.slice(0, count);
  } finally {
    tables.close();
  }
}

/** The indicator the bench's Indicator view is measured on: the first of the interaction's states filters on. */
export function firstIndicator(filters: Filters[]): string | null {
  return filters.find((f) => f.indicators.length > 0)?.indicators[0] ?? null;
}
