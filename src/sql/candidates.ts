// The rows the Indicator view reads once per indicator so that a year or level change is answered in memory
// (src/queries/figure-candidates.ts, case-page-candidates.ts): each cell's largest figures, and each cell's first
// cases of the list. The SQL is shared by the browser's own reads and the export, which stores both for every
// indicator (indexes.ts figure_candidates, case_page_candidates) so that the browser reads one indicator's few
// thousand sorted rows instead of finding them among every figure and case of the indicator (at national scale a
// read of seconds, mostly HTTP reads of the wide columns). Once the workspace changed, the same questions are asked
// of the layered tables instead (the *_of macros, INDEX_VIEWS_SQL / REFRESH_SUMMARY_SQL).
import { literal } from './quote.ts';

/** How many of the largest figures a figure chart draws. */
export const FIGURE_LIMIT = 40;
/** Rows per page of a case list. */
export const PAGE_SIZE = 20;

/** A province's cases in a case list's order: newest first. Ends with the case id, unique in a list, so the order is total. */
export const CASE_LIST_ORDER = 'c.year DESC, c.batch DESC, c.seq, c.case_id';

/** A case list's ORDER BY over `c` (indicator_case_list): by province, then CASE_LIST_ORDER. */
export const CASE_LIST_ORDER_SQL = `c.province, ${CASE_LIST_ORDER}`;

/** The chartable figures (alias f) of the indicators `indicatorTest` keeps: what the figure charts select from. */
function chartedWhere(indicatorTest: string): string {
  return `${indicatorTest} AND f.kind IN ('money', 'count') AND f.value_norm IS NOT NULL
  AND (f.kind = 'money' OR f.unit_norm IS NOT NULL)`;
}

/**
 * Each cell's (indicator, kind, the count's unit, level, year) `limit` largest figures of `facts` (figure_facts'
 * columns) among the indicators `indicatorTest` keeps (a condition on f.indicator), in the charts' order (value,
 * case, figure). The cells' firsts are found on the narrow columns alone: `min(key, n)` keeps each cell's n smallest
 * keys (value negated, then case_id, then metric_id, compared field by field as ORDER BY does) in a heap of n per
 * cell, instead of sorting every figure with its title and text; the wide columns are then read for those figures
 * only (metric_id is unique in figure_facts).
 */
export function figureCandidatesSql(facts: string, indicatorTest: string, limit = FIGURE_LIMIT): string {
  const where = chartedWhere(indicatorTest);
  return `WITH firsts AS MATERIALIZED (
  SELECT unnest(min({'value': -f.value_norm, 'case_id': f.case_id, 'metric_id': f.metric_id}, ${literal(Math.floor(limit))})).metric_id AS metric_id
  FROM ${facts} f
  WHERE ${where}
  GROUP BY f.indicator, f.kind, CASE WHEN f.kind = 'count' THEN f.unit_norm END, f.level, f.year
)
SELECT f.indicator, f.kind AS part, f.metric_id, f.case_id, f.province, f.city, f.title, f.text, f.level, f.year,
  CASE WHEN f.kind = 'money' THEN f.value_norm END AS wan_yuan, CASE WHEN f.kind = 'count' THEN f.value_norm END AS value,
  CASE WHEN f.kind = 'count' THEN f.unit_norm END AS unit
FROM ${facts} f SEMI JOIN firsts t ON t.metric_id = f.metric_id
WHERE ${where}`;
}

/**
 * A case list's order as a key `min(key, n)` keeps the n smallest of: province, year and batch descending (negated),
 * seq, case_id — compared field by field with NULLs last, as ORDER BY's default puts them.
 */
const CASE_LIST_KEY = "{'province': c.province, 'year': -c.year, 'batch': -c.batch, 'seq': c.seq, 'case_id': c.case_id}";

/**
 * Each (indicator, level, year) cell's first `limit` cases of `list` (indicator_case_list's columns) among the
 * indicators `indicatorTest` keeps (a condition on c.indicator), each ranked among its indicator's candidates in the
 * list's order (1 = first). Each cell's firsts are kept on the order's narrow columns (a heap of `limit` per cell,
 * not a sort of an indicator's ~10^5 cases at national scale); the wide ones (title, key figures) are read for
 * those only.
 */
export function casePageCandidatesSql(list: string, indicatorTest: string, limit = PAGE_SIZE): string {
  return `WITH firsts AS MATERIALIZED (
  SELECT unnest(min(${CASE_LIST_KEY}, ${literal(Math.floor(limit))})).case_id AS case_id
  FROM ${list} c
  WHERE ${indicatorTest}
  GROUP BY c.indicator, c.level, c.year
)
SELECT c.indicator, c.case_id, c.province, c.city, c.county, c.level, c.agency, c.title, c.year, c.batch, c.has_body,
  c.key_figures AS figures, (row_number() OVER (PARTITION BY c.indicator ORDER BY ${CASE_LIST_ORDER_SQL}))::INTEGER AS rank
FROM ${list} c SEMI JOIN firsts f ON f.case_id = c.case_id
WHERE ${indicatorTest}`;
}

/** The table macros the browser's reads go through: one indicator's stored candidates, or asked of the layered tables. */
export const CANDIDATE_MACROS = [
  { macro: 'figure_candidates_of', base: 'base_figure_candidates', layered: (ind: string) => figureCandidatesSql('figure_facts', `f.indicator = ${ind}`) },
  { macro: 'case_page_candidates_of', base: 'base_case_page_candidates', layered: (ind: string) => casePageCandidatesSql('indicator_case_list', `c.indicator = ${ind}`) },
];
