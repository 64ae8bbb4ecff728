// The measures panel answered in memory. For the filters the export stores the panel's answers for (storedScope:
// no filter, one year, one level, one year with one level — besides indicator and provinces), measuresShown reads
// a few stored rows (measure_sample, measure_province_summary); here every scope's stored rows of one indicator's
// dimension (of Compare's two provinces only, on that view) are read once, in the background, and a filter change
// keeps those of its scope and provinces in JS — the same rows in the same order as measureRows' sample and
// measureSummary (tests/queries/measures-stored.test.ts), without a query per filter change waiting on DuckDB-wasm's
// single worker.
import { MEASURE_COLUMNS as SAMPLE_COLUMNS, storedScope, SUMMARY_COLUMNS, type MeasureParams, type MeasureRow, type MeasureSummaryRow } from './measures.ts';
import { inList, literal } from './sql.ts';
import { pickColumns, type NamedQuery } from './types.ts';

/** A stored row of either part, with its scope (by_year, by_level) and the year and level the filters test. */
export type StoredMeasureRow = { part: 'sample' | 'summary'; by_year: boolean; by_level: boolean; year: number | null; level: string | null } & {
  [K in keyof MeasureRow | keyof MeasureSummaryRow]: unknown;
};

/**
 * Every scope's stored sample and per-province summary of the indicator's dimension — of `provinces` only, when the
 * panel shows only those (Compare's two): at national scale every province's rows are thousands, decoded on the
 * page's main thread for nothing.
 */
export function storedMeasures(indicator: string, dimension: string, provinces?: readonly string[]): NamedQuery<StoredMeasureRow> {
  // Sorted: Compare's two swapped ask the same SQL (one read, one cache entry).
  const inProvinces = provinces ? ` AND ${inList('m.province', [...provinces].sort())}` : '';
  const of = `m.indicator = ${literal(indicator)} AND m.dimension = ${literal(dimension)}${inProvinces}`;
  return {
    id: 'measures.stored',
    columns: ['part', 'by_year', 'by_level', 'year', 'level', ...new Set([...SAMPLE_COLUMNS, ...SUMMARY_COLUMNS])],
    sql: `SELECT 'sample' AS part, m.by_year, m.by_level, m.year, m.level, ${SAMPLE_COLUMNS.map((c) => `m.${c}`).join(', ')}
FROM measure_sample m WHERE ${of}
UNION ALL BY NAME
SELECT 'summary' AS part, m.by_year, m.by_level, m.year, m.level, ${SUMMARY_COLUMNS.map((c) => `m.${c}`).join(', ')}
FROM measure_province_summary m WHERE ${of} AND m.province IS NOT NULL`,
  };
}

/** DuckDB's ORDER BY of a nullable column, ascending NULLS LAST (text by code point). */
function ascNullsLast(a: unknown, b: unknown): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
const descNullsLast = (a: unknown, b: unknown) => (a === null || b === null ? ascNullsLast(a, b) : -ascNullsLast(a, b));

/** measureRows' ORDER BY: m.province, then MEASURE_ORDER (measures-shown.ts). */
function sampleOrder(a: StoredMeasureRow, b: StoredMeasureRow): number {
  return (
    ascNullsLast(a.province, b.province) ||
    ascNullsLast(a.after_value, b.after_value) ||
    descNullsLast(a.reduction_pct, b.reduction_pct) ||
    ascNullsLast(a.case_id, b.case_id) ||
    ascNullsLast(a.metric_id, b.metric_id)
  );
}

/**
 * What measuresShown answers for `params` (its dimension being the stored rows'), split as splitMeasuresShown splits
 * it — or null when nothing stored answers these filters (storedScope), and the panel asks the query.
 */
export function measuresFromStored(
  rows: StoredMeasureRow[],
  { filters, provinces }: Pick<MeasureParams, 'filters' | 'provinces'>,
): { sample: MeasureRow[]; summary: MeasureSummaryRow[] } | null {
  const scope = storedScope(filters);
  if (!scope) return null;
  const inProvinces = provinces ? new Set<unknown>(provinces) : filters.provinces.length ? new Set<unknown>(filters.provinces) : null;
  const kept = (r: StoredMeasureRow) =>
    r.by_year === scope.byYear &&
    r.by_level === scope.byLevel &&
    (!scope.byYear || r.year === filters.years[0]) &&
    (!scope.byLevel || r.level === filters.levels[0]) &&
    (!inProvinces || (r.province !== null && inProvinces.has(r.province)));
  const sample: StoredMeasureRow[] = [];
  const summary: StoredMeasureRow[] = [];
  for (const r of rows) if (kept(r)) (r.part === 'sample' ? sample : summary).push(r);
  // measureSummary's order: the Compare view's provinces in their order, else most cases first; then the province.
  const first = provinces
    ? (r: StoredMeasureRow) => provinces.indexOf(String(r.province))
    : (r: StoredMeasureRow) => -Number(r.cases);
  summary.sort((a, b) => first(a) - first(b) || ascNullsLast(a.province, b.province));
  return {
    sample: sample.sort(sampleOrder).map((r) => pickColumns<MeasureRow>(r, SAMPLE_COLUMNS)),
    summary: summary.map((r) => pickColumns<MeasureSummaryRow>(r, SUMMARY_COLUMNS)),
  };
}
