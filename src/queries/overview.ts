// Named queries of the Overview view. Each is (filters) → { id, sql }. They read `case_summary`
// (sql/workspace-views.ts): the cases counted per combination of the filter dimensions, so a filter change costs
// the same at 123 or 1M cases. tests/queries/overview.test.ts checks each answer against the `cases` view.
// Once case_summary is read whole, the view sums these answers in JS instead (overview-sums.ts, views/overview/
// overview-summary.ts); the queries stay what the "SQL" button shows, what is asked until then, and the totals'
// answer under two indicators, cities or levels, or two of those filters (distinct documents, no sum).
import { EMPTY_FILTERS, type Filters } from '../state/filters.ts';
import { inList, summaryWhere } from './sql.ts';
import type { NamedQuery, Row } from './types.ts';

/** Filters that apply to documents themselves (a document has a province, year and batch). */
function documentWhere(filters: Filters): string {
  const clauses = ['TRUE'];
  if (filters.provinces.length) clauses.push(inList('province', filters.provinces));
  if (filters.years.length) clauses.push(inList('year', filters.years));
  if (filters.batches.length) clauses.push(inList('batch', filters.batches));
  return clauses.join(' AND ');
}

/**
 * Documents under the filters. Province, year and batch belong to the document itself; an indicator, city or
 * level filter counts the documents that have a case under the filters (a notice with no 办理破产 case is
 * no source of what the bar shows).
 */
function documentCount(filters: Filters): string {
  if (filters.indicators.length || filters.cities.length || filters.levels.length) {
    // The case lists (indexes.ts) rather than the cases: an indicator's cases lie together in indicator_case_list.
    const list = filters.indicators.length ? 'indicator_case_list' : 'case_list';
    return `(SELECT count(DISTINCT doc_id) FROM ${list} WHERE ${summaryWhere(filters)})`;
  }
  return `(SELECT count(*) FROM documents WHERE ${documentWhere(filters)})`;
}

export type TotalsRow = { documents: number; cases: number; provinces: number; cities: number; indicators: number; figures: number };

/** One row: documents, cases, provinces, cities, indicators, figures under the filters (one pass over the summary). */
export function totalsQuery(filters: Filters): NamedQuery<TotalsRow> {
  return {
    id: 'overview.totals',
    columns: ['documents', 'cases', 'provinces', 'cities', 'indicators', 'figures'],
    sql: `SELECT
  ${documentCount(filters)}::INTEGER AS documents,
  coalesce(sum(cases), 0)::INTEGER AS cases,
  count(DISTINCT province)::INTEGER AS provinces,
  count(DISTINCT city)::INTEGER AS cities,
  count(DISTINCT indicator)::INTEGER AS indicators,
  coalesce(sum(figures), 0)::INTEGER AS figures
FROM case_summary
WHERE ${summaryWhere(filters)}`,
  };
}

/**
 * Province × indicator: case count and share of the province's cases. The share's denominator
 * ignores the indicator filter, so picking one indicator shows its real share, not 100 %: the province
 * totals are taken (window sum) before the indicator filter applies.
 */
export type HeatmapRow = {
  province: string;
  indicator: string;
  name_zh: string | null;
  name_en: string | null;
  sort: number;
  cases: number;
  province_cases: number;
  share: number;
};

export function heatmapQuery(filters: Filters): NamedQuery<HeatmapRow> {
  return {
    id: 'overview.heatmap',
    columns: ['province', 'indicator', 'name_zh', 'name_en', 'sort', 'cases', 'province_cases', 'share'],
    sql: `WITH cells AS (
  SELECT province, indicator, sum(cases) AS cases FROM case_summary
  WHERE ${summaryWhere(filters, { omit: 'indicators' })} AND province IS NOT NULL
  GROUP BY province, indicator
),
shares AS (SELECT *, sum(cases) OVER (PARTITION BY province) AS total FROM cells)
SELECT s.province, s.indicator, i.name_zh, i.name_en, coalesce(i.sort, 999)::INTEGER AS sort,
  s.cases::INTEGER AS cases,
  s.total::INTEGER AS province_cases,
  round(s.cases / s.total, 4)::DOUBLE AS share
FROM shares s
LEFT JOIN indicators i ON i.code = s.indicator
WHERE ${filters.indicators.length ? inList('s.indicator', filters.indicators) : 'TRUE'}
ORDER BY sort, s.indicator, s.province`,
  };
}

export type ByIndicatorRow = { indicator: string; name_zh: string | null; name_en: string | null; sort: number; province: string | null; cases: number };

/** Cases by indicator, one row per (indicator, province). */
export function byIndicatorQuery(filters: Filters): NamedQuery<ByIndicatorRow> {
  return {
    id: 'overview.byIndicator',
    columns: ['indicator', 'name_zh', 'name_en', 'sort', 'province', 'cases'],
    sql: `SELECT s.indicator, i.name_zh, i.name_en, coalesce(i.sort, 999)::INTEGER AS sort, s.province,
  sum(s.cases)::INTEGER AS cases
FROM case_summary s
LEFT JOIN indicators i ON i.code = s.indicator
WHERE ${summaryWhere(filters)}
GROUP BY s.indicator, i.name_zh, i.name_en, i.sort, s.province
ORDER BY sort, s.indicator, s.province`,
  };
}

export type ByCityRow = { province: string | null; city: string | null; cases: number };

/** Cases by city (null city = province-level bodies), one row per (province, city). */
export function byCityQuery(filters: Filters): NamedQuery<ByCityRow> {
  return {
    id: 'overview.byCity',
    columns: ['province', 'city', 'cases'],
    sql: `SELECT province, city, sum(cases)::INTEGER AS cases
FROM case_summary
WHERE ${summaryWhere(filters)}
GROUP BY province, city
ORDER BY cases DESC, province, city NULLS LAST`,
  };
}

export type ByLevelRow = { level: string | null; province: string | null; cases: number };

/** Cases by level (province / city / county), one row per (level, province). */
export function byLevelQuery(filters: Filters): NamedQuery<ByLevelRow> {
  return {
    id: 'overview.byLevel',
    columns: ['level', 'province', 'cases'],
    sql: `SELECT level, province, sum(cases)::INTEGER AS cases
FROM case_summary
WHERE ${summaryWhere(filters)}
GROUP BY level, province
ORDER BY CASE level WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 4 END, province`,
  };
}

export type ByBatchRow = { year: number | null; batch: number | null; province: string | null; cases: number };

/** Cases by year and batch, one row per (year, batch, province). */
export function byBatchQuery(filters: Filters): NamedQuery<ByBatchRow> {
  return {
    id: 'overview.byBatch',
    columns: ['year', 'batch', 'province', 'cases'],
    sql: `SELECT year, batch, province, sum(cases)::INTEGER AS cases
FROM case_summary
WHERE ${summaryWhere(filters)}
GROUP BY year, batch, province
ORDER BY year NULLS LAST, batch NULLS LAST, province`,
  };
}

/** Every named query of the view (used by the query tests). */
export const OVERVIEW_QUERIES = [totalsQuery, heatmapQuery, byIndicatorQuery, byCityQuery, byLevelQuery, byBatchQuery];

/** The queries exported in the snapshot: every Overview query with no filter (the landing state). */
export function overviewSnapshotQueries(): NamedQuery<Row>[] {
  return OVERVIEW_QUERIES.map((make) => make(EMPTY_FILTERS));
}
