// Named queries of the Compare view: two provinces (A, B) side by side.
// The view chooses its own provinces and indicator, so the filter bar's province and indicator
// clauses are dropped here; city, level, year and batch still apply.
import { UNCLASSIFIED } from '../ingest/indicators.ts';
import type { Filters } from '../state/filters.ts';
import { CASE_LIST_COLUMNS, caseListSql, type CaseListRow } from './cases.ts';
import { literal, summaryWhere } from './sql.ts';
import type { NamedQuery } from './types.ts';

export interface CompareParams {
  filters: Filters;
  a: string;
  b: string;
}

/** The filter bar but its provinces and indicators, over the indexes (case_summary, case_list: indexes.ts). */
function listWhere(filters: Filters): string {
  return summaryWhere({ ...filters, provinces: [], indicators: [] });
}

/** Provinces that have cases (for the two pickers), largest first. */
export type CompareProvinceRow = { province: string; cases: number };

export function compareProvinces(): NamedQuery<CompareProvinceRow> {
  return {
    id: 'compare.provinces',
    columns: ['province', 'cases'],
    sql: `SELECT province, sum(cases)::BIGINT AS cases FROM case_summary
WHERE province IS NOT NULL
GROUP BY province ORDER BY cases DESC, province`,
  };
}

/**
 * One row per indicator of the taxonomy (plus any code found in the cases but not in it): each
 * province's case count and its share of that province's cases in percent (1 decimal, as charted).
 * Indicators neither province covers are kept (with zeros) so gaps are visible.
 */
export type CompareShareRow = {
  indicator: string;
  name_zh: string;
  name_en: string;
  a_cases: number;
  a_total: number;
  a_pct: number;
  b_cases: number;
  b_total: number;
  b_pct: number;
};

export function compareShares({ filters, a, b }: CompareParams): NamedQuery<CompareShareRow> {
  const A = literal(a);
  const B = literal(b);
  return {
    id: 'compare.shares',
    columns: ['indicator', 'name_zh', 'name_en', 'a_cases', 'a_total', 'a_pct', 'b_cases', 'b_total', 'b_pct'],
    sql: `WITH base AS (
  SELECT province, indicator, cases FROM case_summary WHERE ${listWhere(filters)} AND province IN (${A}, ${B})
), totals AS (
  SELECT coalesce(sum(cases) FILTER (WHERE province = ${A}), 0)::BIGINT AS a_total,
    coalesce(sum(cases) FILTER (WHERE province = ${B}), 0)::BIGINT AS b_total FROM base
), counts AS (
  SELECT indicator, coalesce(sum(cases) FILTER (WHERE province = ${A}), 0)::BIGINT AS a_cases,
    coalesce(sum(cases) FILTER (WHERE province = ${B}), 0)::BIGINT AS b_cases
  FROM base GROUP BY indicator
), codes AS (
  SELECT code AS indicator FROM indicators UNION SELECT indicator FROM counts
)
SELECT k.indicator, coalesce(i.name_zh, k.indicator) AS name_zh, coalesce(i.name_en, k.indicator) AS name_en,
  coalesce(c.a_cases, 0) AS a_cases, t.a_total,
  CASE WHEN t.a_total > 0 THEN round(100.0 * coalesce(c.a_cases, 0) / t.a_total, 1) ELSE 0 END AS a_pct,
  coalesce(c.b_cases, 0) AS b_cases, t.b_total,
  CASE WHEN t.b_total > 0 THEN round(100.0 * coalesce(c.b_cases, 0) / t.b_total, 1) ELSE 0 END AS b_pct
FROM codes k
CROSS JOIN totals t
LEFT JOIN counts c ON c.indicator = k.indicator
LEFT JOIN indicators i ON i.code = k.indicator
ORDER BY coalesce(i.sort, 999), k.indicator`,
  };
}

/** What the choice reads of a share row. */
type Coverage = Pick<CompareShareRow, 'indicator' | 'a_cases' | 'b_cases'>;

/**
 * The indicator the view shows cases for: the chosen one if either province has cases of it; else the one both
 * cover most; else the largest. Unclassified cases (`other`) are shown when chosen, never picked by default while
 * an indicator has cases.
 */
export function defaultIndicator(shares: Coverage[], chosen: string | null): string | null {
  const total = (r: Coverage) => r.a_cases + r.b_cases;
  const anyCovered = shares.filter((r) => total(r) > 0);
  if (chosen && anyCovered.some((r) => r.indicator === chosen)) return chosen;
  const classified = anyCovered.filter((r) => r.indicator !== UNCLASSIFIED);
  const covered = classified.length > 0 ? classified : anyCovered;
  const both = covered.filter((r) => r.a_cases > 0 && r.b_cases > 0);
  const pool = both.length > 0 ? both : covered;
  let best: Coverage | null = null;
  for (const r of pool) if (!best || total(r) > total(best)) best = r;
  return best ? best.indicator : null;
}

export interface CompareIndicatorParams extends CompareParams {
  indicator: string;
}

/** How many cases each compare column lists (the most recent first); the column says how many there are in all. */
export const COMPARE_CASES_PER_PROVINCE = 30;

/**
 * The cases of the chosen indicator in A and in B, with place, year and key figures: all of them, or the first
 * `perProvince` of each (the view; their counts are compareShares' a_cases / b_cases).
 */
export function compareCases({ filters, a, b, indicator, perProvince }: CompareIndicatorParams & { perProvince?: number }): NamedQuery<CaseListRow> {
  return {
    id: 'compare.cases',
    columns: CASE_LIST_COLUMNS,
    sql: caseListSql({ filters: { ...filters, provinces: [] }, indicator, provinces: [a, b], perProvince }),
  };
}

/**
 * A case of A and one counterpart in B with the evidence (the B side and the evidence are null when A's case
 * has no similar case in B).
 */
export type ComparePairRow = {
  a_case_id: string;
  a_title: string;
  a_city: string | null;
  a_county: string | null;
  b_case_id: string | null;
  b_title: string | null;
  b_city: string | null;
  b_county: string | null;
  b_indicator: string | null;
  b_indicator_zh: string | null;
  b_indicator_en: string | null;
  strength: 'strong' | 'related' | 'weak' | null;
  title_terms: string[] | null;
  shared_terms: string[] | null;
  shared_dimensions: string[] | null;
  same_indicator: boolean | null;
  score: number | null;
  has_counterpart: boolean;
  pair_rank: number | null;
};

/** How many cases of A the pairs table shows at a time (its rows carry how many there are in all). */
export const COMPARE_PAIRS_PER_PAGE = 10;

/** A pairs row of one page: with the number of A's cases in all pages. */
export type ComparePairPageRow = ComparePairRow & { a_cases: number };

const PAIR_COLUMNS: (keyof ComparePairRow)[] = [
  'a_case_id', 'a_title', 'a_city', 'a_county', 'b_case_id', 'b_title', 'b_city', 'b_county', 'b_indicator', 'b_indicator_zh',
  'b_indicator_en', 'strength', 'title_terms', 'shared_terms', 'shared_dimensions', 'same_indicator', 'score', 'has_counterpart', 'pair_rank',
];

/**
 * For each case of A under the chosen indicator, its counterparts in B (any indicator): one row per pair.
 * `similar` is read in both directions (a top-k list per case need not be symmetric; a pair listed both
 * ways keeps its higher score): pair_facts holds it so, built at export (indexes.ts). A case of A with strong or related counterparts gets only those; one with
 * neither gets its three nearest weak ones (`has_counterpart` false: the UI says "no counterpart in B" and
 * shows them on request). A case of A with no similar case of B at all is one row with nulls.
 * Order: cases of A with counterparts first (strongest, then best score), then `pair_rank` within a case.
 * Every case of A (the brief; the view reads a page at a time, comparePairsPage).
 */
export function comparePairs(params: CompareIndicatorParams): NamedQuery<ComparePairRow> {
  return { id: 'compare.pairs', columns: PAIR_COLUMNS, sql: pairsSql(params, null) };
}

/**
 * The pairs of the page-th `COMPARE_PAIRS_PER_PAGE` cases of A in comparePairs' order (the view): the same rows as
 * that slice of comparePairs, so a filter change reads and draws one page, not every case of the province.
 */
export function comparePairsPage(
  params: CompareIndicatorParams & { page: number; perPage?: number },
): NamedQuery<ComparePairPageRow> {
  const perPage = params.perPage ?? COMPARE_PAIRS_PER_PAGE;
  return { id: 'compare.pairsPage', columns: [...PAIR_COLUMNS, 'a_cases'], sql: pairsSql(params, { page: params.page, perPage }) };
}

function pairsSql({ filters, a, b, indicator }: CompareIndicatorParams, paged: { page: number; perPage: number } | null): string {
  const size = paged ? Math.max(1, Math.floor(paged.perPage)) : 0;
  const first = paged ? Math.max(0, Math.floor(paged.page)) * size : 0;
  // Each case of A ranked once (strongest counterpart, then best score, then id): a page is a range of ranks.
  const onPage = paged ? `\nWHERE o.a_rank > ${first} AND o.a_rank <= ${first + size}` : '';
  return `WITH a AS (
  SELECT case_id, title, city, county FROM indicator_case_list
  WHERE ${listWhere(filters)} AND province = ${literal(a)} AND indicator = ${literal(indicator)}
), b AS (
  SELECT case_id, title, city, county, indicator FROM case_list WHERE ${listWhere(filters)} AND province = ${literal(b)}
), best AS (
  SELECT p.case_id, p.other_case_id, p.score, p.shared_terms, p.strength, p.title_terms, p.shared_dimensions, p.same_indicator
  FROM pair_facts p JOIN a ON a.case_id = p.case_id JOIN b ON b.case_id = p.other_case_id
  WHERE p.province = ${literal(a)} AND p.indicator = ${literal(indicator)} AND p.other_province = ${literal(b)}
), ranked AS (
  SELECT *,
    CASE strength WHEN 'strong' THEN 0 WHEN 'related' THEN 1 ELSE 2 END AS strength_rank,
    row_number() OVER (PARTITION BY case_id
      ORDER BY CASE strength WHEN 'strong' THEN 0 WHEN 'related' THEN 1 ELSE 2 END, score DESC, other_case_id) AS pair_rank,
    bool_or(strength <> 'weak') OVER (PARTITION BY case_id) AS has_counterpart
  FROM best
), ordered AS (
  SELECT a.case_id, row_number() OVER (ORDER BY coalesce(s.best_strength, 3), s.best_score DESC NULLS LAST, a.case_id) AS a_rank,
    count(*) OVER () AS a_cases
  FROM a LEFT JOIN (SELECT case_id, min(strength_rank) AS best_strength, max(score) AS best_score FROM ranked GROUP BY case_id) s
    ON s.case_id = a.case_id
)
SELECT a.case_id AS a_case_id, a.title AS a_title, a.city AS a_city, a.county AS a_county,
  b.case_id AS b_case_id, b.title AS b_title, b.city AS b_city, b.county AS b_county,
  b.indicator AS b_indicator, i.name_zh AS b_indicator_zh, i.name_en AS b_indicator_en,
  r.strength, r.title_terms, r.shared_terms, r.shared_dimensions, r.same_indicator, r.score,
  coalesce(r.has_counterpart, false) AS has_counterpart, r.pair_rank${paged ? ', o.a_cases::BIGINT AS a_cases' : ''}
FROM ordered o
JOIN a ON a.case_id = o.case_id
LEFT JOIN ranked r ON r.case_id = a.case_id AND (r.strength <> 'weak' OR (NOT r.has_counterpart AND r.pair_rank <= 3))
LEFT JOIN b ON b.case_id = r.other_case_id
LEFT JOIN indicators i ON i.code = b.indicator${onPage}
ORDER BY o.a_rank, r.pair_rank`;
}
