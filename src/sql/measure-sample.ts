// Which reform measures the Indicator and Compare views chart and list. A national dataset has thousands of
// measures per province and dimension: the views show at most MEASURES_SHOWN_PER_PROVINCE of each province,
// spread evenly over MEASURE_ORDER. Shared by the queries (src/queries/measures.ts) and the export, which
// stores the sample of every indicator and dimension with no other filter (indexes.ts measure_sample).
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

/** The measures of `facts` (rows of measure_facts) the views show for each indicator, dimension and province. */
export function measureSampleSelect(facts: string): string {
  return `SELECT * FROM ${facts} m
${perProvinceSample(MEASURES_SHOWN_PER_PROVINCE, 'm.indicator, m.dimension, m.province')}`;
}
