// Named queries of reform measures (metrics.dimension, docs/data-contract.md): what reforms did to a
// procedure's time, steps, documents, visits and cost, per case and per province. Used by the Indicator
// view (all provinces), the Compare view (two provinces) and the case page.
// Every row carries the phrase its numbers came from (`text`), so a chart's CSV shows where each mark is from.
import type { Filters } from '../state/filters.ts';
import { MEASURE_ORDER, MEASURE_SUMMARY_COLUMNS, MEASURES_SHOWN_PER_PROVINCE, perProvinceSample, scopeWhere, type StoredScope } from '../sql/measures-shown.ts';
import { literal, summaryWhere } from './sql.ts';
import { pickColumns, type NamedQuery } from './types.ts';

/** Dimensions of metrics.dimension, in the order the views offer them. */
/** Whether the stored rows answer these filters (besides indicator and provinces), and which scope does. */
export function storedScope(filters: Filters): StoredScope | null {
  const { provinces: _p, indicators: _i, years, levels, ...others } = filters;
  if (years.length > 1 || levels.length > 1 || Object.values(others).some((values) => values.length > 0)) return null;
  return { byYear: years.length === 1, byLevel: levels.length === 1 };
}

export const DIMENSIONS = ['time', 'steps', 'documents', 'visits', 'cost', 'cost_saving', 'other_reduction'] as const;
export type DimensionCode = (typeof DIMENSIONS)[number];

/** Dimensions whose before/after values share one unit across cases (days, or a number of steps/documents/visits), so they chart on one axis. */
export const CHARTED_DIMENSIONS: DimensionCode[] = ['time', 'steps', 'documents', 'visits'];

export interface MeasureParams {
  filters: Filters;
  indicator: string;
  dimension: string;
  /** Only these provinces (Compare view); the filter bar's provinces otherwise. */
  provinces?: string[];
}

/** The filter bar, the indicator and the provinces over measure_facts (indexes.ts: canonical cases' measures, alias m). */
function measureWhere({ filters, indicator, provinces }: Omit<MeasureParams, 'dimension'>): string {
  const scoped = provinces ? { ...filters, provinces: [], indicators: [indicator] } : { ...filters, indicators: [indicator] };
  const where = summaryWhere(scoped, { alias: 'm' });
  return provinces ? `${where} AND m.province IN (${provinces.map(literal).join(', ') || 'NULL'})` : where;
}

/** Which dimensions the indicator's cases report, with how many cases and how many after values / before → after pairs. */
/** A dimension with how many cases and measures state it, and how many give an after value, a pair, a reduction. */
export type MeasureDimensionRow = { dimension: string; cases: number; measures: number; with_after: number; with_before_after: number; with_reduction: number };

export function measureDimensions(params: Omit<MeasureParams, 'dimension'>): NamedQuery<MeasureDimensionRow> {
  return {
    columns: ['dimension', 'cases', 'measures', 'with_after', 'with_before_after', 'with_reduction'],
    id: params.provinces ? 'compare.measureDimensions' : 'indicator.measureDimensions',
    // measure_summary (indexes.ts): counted per combination of the filter dimensions, so sums are exact; the
    // workspace's rows may take a dimension's count to 0.
    sql: `SELECT m.dimension, sum(m.cases)::BIGINT AS cases, sum(m.measures)::BIGINT AS measures,
  sum(m.with_after)::BIGINT AS with_after, sum(m.with_before_after)::BIGINT AS with_before_after,
  sum(m.with_reduction)::BIGINT AS with_reduction
FROM measure_summary m
WHERE ${measureWhere(params)}
GROUP BY m.dimension
HAVING sum(m.measures) > 0
ORDER BY ${orderOfDimension('m.dimension')}`,
  };
}

/** The dimension a view shows: the chosen one if the cases report it, else time, else the first reported. */
export function pickDimension(available: MeasureDimensionRow[], chosen: string | null): string | null {
  const codes = available.map((r) => r.dimension);
  if (chosen && codes.includes(chosen)) return chosen;
  return codes.includes('time') ? 'time' : (codes[0] ?? null);
}

const orderOfDimension = (column: string) => `CASE ${column} ${DIMENSIONS.map((d, i) => `WHEN ${literal(d)} THEN ${i}`).join(' ')} ELSE 99 END`;

export { MEASURE_ORDER, MEASURES_SHOWN_PER_PROVINCE, perProvinceSample };

/** A measure as a case states it: the phrase, before / after in unit_norm and the reduction in percent. */
export type CaseMeasureRow = {
  metric_id: string;
  section: string;
  dimension: string;
  text: string;
  kind: string;
  unit_norm: string | null;
  before_value: number | null;
  after_value: number | null;
  reduction_pct: number | null;
};

/** A measure with the case it is from. */
export type MeasureRow = { case_id: string; province: string | null; city: string | null; county: string | null; title: string } & CaseMeasureRow;

export const MEASURE_COLUMNS: (keyof MeasureRow)[] = [
  'case_id', 'province', 'city', 'county', 'title', 'metric_id', 'dimension', 'section', 'text',
  'kind', 'unit_norm', 'before_value', 'after_value', 'reduction_pct',
];

/**
 * One row per measure of the dimension: the case (place, title), the phrase, before / after in unit_norm
 * (days for time) and the reduction in percent. Ordered by province, then after value (shortest first).
 * `perProvince`: at most that many per province (perProvinceSample); all of them without it (the brief).
 */
export function measureRows(params: MeasureParams & { perProvince?: number }): NamedQuery<MeasureRow> {
  // Stored at export (measure_sample) for no filter but indicator and provinces, or one year and/or one level:
  // otherwise computed over measure_facts, reading every measure of the indicator's dimension.
  const scope = params.perProvince === MEASURES_SHOWN_PER_PROVINCE ? storedScope(params.filters) : null;
  return {
    columns: MEASURE_COLUMNS,
    id: params.provinces ? 'compare.measures' : 'indicator.measures',
    sql: `SELECT m.case_id, m.province, m.city, m.county, m.title, m.metric_id, m.dimension, m.section, m.text,
  m.kind, m.unit_norm, m.before_value, m.after_value, m.reduction_pct
FROM ${scope ? 'measure_sample' : 'measure_facts'} m
WHERE ${measureWhere(params)} AND m.dimension = ${literal(params.dimension)}${scope ? ` AND ${scopeWhere(scope)}` : ''}${params.perProvince && !scope ? `\n${perProvinceSample(params.perProvince)}` : ''}
ORDER BY m.province, ${MEASURE_ORDER}`,
  };
}

/**
 * Per province, for the dimension: cases and measures, the after values (median, lowest, highest),
 * the before values of stated before → after pairs (median), and the reductions in percent (median) —
 * stated ones and those computed from before → after alike (metrics.reduction_pct).
 */
export type MeasureSummaryRow = {
  province: string;
  cases: number;
  measures: number;
  n_after: number;
  median_after: number | null;
  min_after: number | null;
  max_after: number | null;
  n_pairs: number;
  median_before: number | null;
  n_reduction: number;
  median_reduction_pct: number | null;
};

export const SUMMARY_COLUMNS: (keyof MeasureSummaryRow)[] = [
  'province', 'cases', 'measures', 'n_after', 'median_after', 'min_after', 'max_after', 'n_pairs', 'median_before',
  'n_reduction', 'median_reduction_pct',
];

/** The summary's first order, as [expression, direction]: the Compare view's two provinces in its order, else most cases first. */
function summaryOrder({ provinces }: MeasureParams, prefix: string): [string, string] {
  return provinces ? [`CASE ${prefix}province ${provinces.map((p, i) => `WHEN ${literal(p)} THEN ${i}`).join(' ')} END`, ''] : ['cases', ' DESC'];
}

export function measureSummary(params: MeasureParams): NamedQuery<MeasureSummaryRow> {
  // Stored at export like the sample (measure_province_summary), for the same filters.
  const scope = storedScope(params.filters);
  return {
    columns: SUMMARY_COLUMNS,
    id: params.provinces ? 'compare.measureSummary' : 'indicator.measureSummary',
    sql: `${
      scope
        ? `SELECT ${SUMMARY_COLUMNS.map((c) => `m.${c}`).join(', ')}
FROM measure_province_summary m
WHERE ${measureWhere(params)} AND m.dimension = ${literal(params.dimension)} AND ${scopeWhere(scope)} AND m.province IS NOT NULL`
        : `SELECT m.province, ${MEASURE_SUMMARY_COLUMNS}
FROM measure_facts m
WHERE ${measureWhere(params)} AND m.dimension = ${literal(params.dimension)} AND m.province IS NOT NULL
GROUP BY m.province`
    }
ORDER BY ${summaryOrder(params, 'm.').join('')}, m.province`,
  };
}

/** A row of measuresShown: a measure of the sample or a province's summary (`part`), the other part's columns NULL. */
export type MeasuresShownRow = { part: 'sample' | 'summary' } & { [K in keyof MeasureRow | keyof MeasureSummaryRow]: unknown };

/**
 * What the measures panel shows of a dimension as one request: the sample it charts and lists (measureRows with
 * MEASURES_SHOWN_PER_PROVINCE) and the per-province summary (measureSummary). DuckDB-wasm answers one query at a
 * time and each costs 10–15 ms however small, so two per filter change cost that twice. The outer order is each
 * part's own (every column it orders by is in the rows); splitMeasuresShown gives back the two answers.
 */
export function measuresShown(params: MeasureParams): NamedQuery<MeasuresShownRow> {
  const sample = measureRows({ ...params, perProvince: MEASURES_SHOWN_PER_PROVINCE });
  const [summaryFirst, direction] = summaryOrder(params, '');
  return {
    id: params.provinces ? 'compare.measuresShown' : 'indicator.measuresShown',
    columns: ['part', ...new Set([...MEASURE_COLUMNS, ...SUMMARY_COLUMNS])] as (keyof MeasuresShownRow)[],
    sql: `SELECT * FROM (
SELECT 'sample' AS part, * FROM (${sample.sql})
UNION ALL BY NAME
SELECT 'summary' AS part, * FROM (${measureSummary(params).sql})
)
ORDER BY part, CASE WHEN part = 'summary' THEN ${summaryFirst} END${direction}, province, ${MEASURE_ORDER.replaceAll('m.', '')}`,
  };
}

/** measuresShown's rows as the answers of measureRows (the sample) and measureSummary. */
export function splitMeasuresShown(rows: MeasuresShownRow[]): { sample: MeasureRow[]; summary: MeasureSummaryRow[] } {
  return {
    sample: rows.filter((r) => r.part === 'sample').map((r) => pickColumns<MeasureRow>(r, MEASURE_COLUMNS)),
    summary: rows.filter((r) => r.part === 'summary').map((r) => pickColumns<MeasureSummaryRow>(r, SUMMARY_COLUMNS)),
  };
}

/** The reform measures of one case, in text order per section. */
export function caseMeasures(caseId: string): NamedQuery<CaseMeasureRow> {
  return {
    columns: ['metric_id', 'section', 'dimension', 'text', 'kind', 'unit_norm', 'before_value', 'after_value', 'reduction_pct'],
    id: 'case.measures',
    sql: `SELECT metric_id, section, dimension, text, kind, unit_norm, before_value, after_value, reduction_pct
FROM metrics WHERE case_id = ${literal(caseId)} AND dimension IS NOT NULL
ORDER BY CASE section WHEN 'background' THEN 0 WHEN 'measures' THEN 1 ELSE 2 END, metric_id`,
  };
}
