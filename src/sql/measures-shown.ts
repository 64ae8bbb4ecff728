// What the measures panel (Indicator and Compare views) shows of one indicator's dimension: a sample of at
// most MEASURES_SHOWN_PER_PROVINCE measures per province, spread evenly over MEASURE_ORDER (a national dataset
// has thousands per province), and a summary per province over all of them. Shared by the queries
// (src/queries/measures.ts) and the export, which stores both for every indicator and dimension (indexes.ts
// measure_sample, measure_province_summary) with no other filter — what every cold load of those views asks —
// and for one year, one level, and one year with one level (the filter bar's commonest choices): a filter
// change then reads a few stored rows instead of computing the sample and medians over every measure.
import { literal } from './quote.ts';

/** How many measures per province the Indicator and Compare views chart and list. */
export const MEASURES_SHOWN_PER_PROVINCE = 20;

/** The order of a province's measures: shortest after value first, then largest cut. */
export const MEASURE_ORDER = 'm.after_value NULLS LAST, m.reduction_pct DESC NULLS LAST, m.case_id, m.metric_id';

/**
 * Keeps at most `k` rows of each `partition` (the rows are one indicator's measures of one dimension: a province),
 * spread evenly over MEASURE_ORDER (every ⌈n / k⌉-th, the first included), so the charts show the range of a
 * province's values, not only its shortest.
 */
export function perProvinceSample(k: number, partition = 'm.province'): string {
  return `QUALIFY (row_number() OVER (PARTITION BY ${partition} ORDER BY ${MEASURE_ORDER}) - 1)
  % greatest(1, ceil(count(*) OVER (PARTITION BY ${partition}) / ${literal(Math.max(1, Math.floor(k)))}))::BIGINT = 0`;
}

/**
 * The filters the stored sample and summary answer: `by_year` — the rows of one year (each year's own sample and
 * summary), else of every year; `by_level` likewise. Every measure is taken once per scope.
 */
const SCOPES = `(VALUES (false, false), (true, false), (false, true), (true, true)) s(by_year, by_level)`;
const SCOPE_KEYS = 's.by_year, s.by_level, CASE WHEN s.by_year THEN m.year END, CASE WHEN s.by_level THEN m.level END';

/** Which stored rows: one year's (`by_year`) or every year's, one level's (`by_level`) or every level's. */
export interface StoredScope {
  byYear: boolean;
  byLevel: boolean;
}

/** The stored rows of the scope (alias m): with the filter bar's own clauses, exactly the rows the filters ask. */
export function scopeWhere(scope: StoredScope): string {
  return `m.by_year = ${scope.byYear} AND m.by_level = ${scope.byLevel}`;
}

/** The measures of `facts` (rows of measure_facts) the views show for each indicator, dimension, province and scope. */
export function measureSampleSelect(facts: string): string {
  return `SELECT m.*, s.by_year, s.by_level FROM ${facts} m, ${SCOPES}
${perProvinceSample(MEASURES_SHOWN_PER_PROVINCE, `m.indicator, m.dimension, m.province, ${SCOPE_KEYS}`)}`;
}

/** The per-province summary's columns over measure rows `m` (src/queries/measures.ts MeasureSummaryRow). */
export const MEASURE_SUMMARY_COLUMNS = `count(DISTINCT m.case_id) AS cases, count(*) AS measures,
  count(m.after_value) AS n_after, median(m.after_value) AS median_after, min(m.after_value) AS min_after, max(m.after_value) AS max_after,
  count(m.before_value) FILTER (WHERE m.after_value IS NOT NULL) AS n_pairs,
  median(m.before_value) FILTER (WHERE m.after_value IS NOT NULL) AS median_before,
  count(m.reduction_pct) AS n_reduction, median(m.reduction_pct) AS median_reduction_pct`;

/** The summary of `facts` (rows of measure_facts) per indicator, dimension, province and scope (year and level set in theirs). */
export function measureProvinceSummarySelect(facts: string): string {
  return `SELECT m.indicator, m.dimension, m.province, s.by_year, s.by_level,
  CASE WHEN s.by_year THEN m.year END AS year, CASE WHEN s.by_level THEN m.level END AS level, ${MEASURE_SUMMARY_COLUMNS}
FROM ${facts} m, ${SCOPES}
GROUP BY m.indicator, m.dimension, m.province, ${SCOPE_KEYS}`;
}
