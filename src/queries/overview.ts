// Named queries of the Overview view. Each is (filters) → { id, sql }; all read the `cases` view.
import { EMPTY_FILTERS, type Filters } from '../state/filters.ts';
import { caseWhere, inList } from './sql.ts';
import type { NamedQuery, Row } from './types.ts';

/** Filters that apply to documents themselves (a document has a province, year and batch). */
function documentWhere(filters: Filters): string {
  const clauses = ['TRUE'];
  if (filters.provinces.length) clauses.push(inList('province', filters.provinces));
  if (filters.years.length) clauses.push(inList('year', filters.years));
  if (filters.batches.length) clauses.push(inList('batch', filters.batches));
  return clauses.join(' AND ');
}

/** One row: documents, cases, provinces, cities, indicators, figures under the filters. */
export function totalsQuery(filters: Filters): NamedQuery {
  return {
    id: 'overview.totals',
    sql: `WITH c AS (SELECT * FROM cases WHERE ${caseWhere(filters)})
SELECT
  (SELECT count(*) FROM documents WHERE ${documentWhere(filters)})::INTEGER AS documents,
  (SELECT count(*) FROM c)::INTEGER AS cases,
  (SELECT count(DISTINCT province) FROM c)::INTEGER AS provinces,
  (SELECT count(DISTINCT city) FROM c)::INTEGER AS cities,
  (SELECT count(DISTINCT indicator) FROM c)::INTEGER AS indicators,
  (SELECT count(*) FROM metrics m JOIN c ON m.case_id = c.case_id)::INTEGER AS figures`,
  };
}

/**
 * Province × indicator: case count and share of the province's cases. The share's denominator
 * ignores the indicator filter, so picking one indicator shows its real share, not 100 %.
 */
export function heatmapQuery(filters: Filters): NamedQuery {
  return {
    id: 'overview.heatmap',
    sql: `WITH c AS (SELECT province, indicator FROM cases WHERE ${caseWhere(filters)} AND province IS NOT NULL),
totals AS (
  SELECT province, count(*) AS total FROM cases
  WHERE ${caseWhere(filters, { omit: 'indicators' })} AND province IS NOT NULL
  GROUP BY province
)
SELECT c.province, c.indicator, i.name_zh, i.name_en, coalesce(i.sort, 999)::INTEGER AS sort,
  count(*)::INTEGER AS cases,
  totals.total::INTEGER AS province_cases,
  round(count(*) / totals.total, 4)::DOUBLE AS share
FROM c
JOIN totals USING (province)
LEFT JOIN indicators i ON i.code = c.indicator
GROUP BY c.province, c.indicator, i.name_zh, i.name_en, i.sort, totals.total
ORDER BY sort, c.indicator, c.province`,
  };
}

/** Cases by indicator, one row per (indicator, province). */
export function byIndicatorQuery(filters: Filters): NamedQuery {
  return {
    id: 'overview.byIndicator',
    sql: `SELECT c.indicator, i.name_zh, i.name_en, coalesce(i.sort, 999)::INTEGER AS sort, c.province,
  count(*)::INTEGER AS cases
FROM cases c
LEFT JOIN indicators i ON i.code = c.indicator
WHERE ${caseWhere(filters, { alias: 'c' })}
GROUP BY c.indicator, i.name_zh, i.name_en, i.sort, c.province
ORDER BY sort, c.indicator, c.province`,
  };
}

/** Cases by city (null city = province-level bodies), one row per (province, city). */
export function byCityQuery(filters: Filters): NamedQuery {
  return {
    id: 'overview.byCity',
    sql: `SELECT province, city, count(*)::INTEGER AS cases
FROM cases
WHERE ${caseWhere(filters)}
GROUP BY province, city
ORDER BY cases DESC, province, city NULLS LAST`,
  };
}

/** Cases by level (province / city / county), one row per (level, province). */
export function byLevelQuery(filters: Filters): NamedQuery {
  return {
    id: 'overview.byLevel',
    sql: `SELECT level, province, count(*)::INTEGER AS cases
FROM cases
WHERE ${caseWhere(filters)}
GROUP BY level, province
ORDER BY CASE level WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 4 END, province`,
  };
}

/** Cases by year and batch, one row per (year, batch, province). */
export function byBatchQuery(filters: Filters): NamedQuery {
  return {
    id: 'overview.byBatch',
    sql: `SELECT year, batch, province, count(*)::INTEGER AS cases
FROM cases
WHERE ${caseWhere(filters)}
GROUP BY year, batch, province
ORDER BY year NULLS LAST, batch NULLS LAST, province`,
  };
}

/** Every named query of the view (used by the query tests). */
export const OVERVIEW_QUERIES = [totalsQuery, heatmapQuery, byIndicatorQuery, byCityQuery, byLevelQuery, byBatchQuery];

/** The landing view's numbers exported at ingest (public/data/overview.json): each query with its rows. */
export interface OverviewSnapshot {
  queries: { id: string; sql: string; rows: Row[] }[];
}

export const OVERVIEW_SNAPSHOT_FILE = 'overview.json';

/** The queries exported in the snapshot: every Overview query with no filter (the landing state). */
export function overviewSnapshotQueries(): NamedQuery[] {
  return OVERVIEW_QUERIES.map((make) => make(EMPTY_FILTERS));
}
