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

/** A scope's stored rows: the sample in measureRows' order, with the columns it answers, and the summary. */
type ScopeRows = { sample: { province: unknown; row: MeasureRow }[]; summary: StoredMeasureRow[] };

/** The key of the scope a row is stored for (its year and level only where the scope has them). */
const scopeKey = (byYear: boolean, byLevel: boolean, year: unknown, level: unknown) =>
  `${byYear}\u0001${byLevel}\u0001${byYear ? String(year) : ''}\u0001${byLevel ? String(level) : ''}`;

/**
 * The stored rows of each scope, grouped, ordered and cut to their columns once per rows read: a filter change then
 * takes its scope's group, not every row filtered and sorted anew.
 */
const byScope = new WeakMap<StoredMeasureRow[], Map<string, ScopeRows>>();

/** Groups a dimension's stored rows read ahead (useReadAhead's `prepare`): the change that shows them takes them ready. */
export function prepareStored(rows: StoredMeasureRow[]): void {
  scopeGroups(rows);
}

function scopeGroups(rows: StoredMeasureRow[]): Map<string, ScopeRows> {
  let groups = byScope.get(rows);
  if (groups) return groups;
  const parts = new Map<string, { sample: StoredMeasureRow[]; summary: StoredMeasureRow[] }>();
  for (const r of rows) {
    const key = scopeKey(r.by_year, r.by_level, r.year, r.level);
    const group = parts.get(key) ?? { sample: [], summary: [] };
    (r.part === 'sample' ? group.sample : group.summary).push(r);
    parts.set(key, group);
  }
  groups = new Map();
  for (const [key, { sample, summary }] of parts) {
    groups.set(key, { sample: sample.sort(sampleOrder).map((r) => ({ province: r.province, row: pickColumns<MeasureRow>(r, SAMPLE_COLUMNS) })), summary });
  }
  byScope.set(rows, groups);
  return groups;
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
  const group = scopeGroups(rows).get(scopeKey(scope.byYear, scope.byLevel, filters.years[0], filters.levels[0]));
  if (!group) return { sample: [], summary: [] };
  const inProvinces = provinces ? new Set<unknown>(provinces) : filters.provinces.length ? new Set<unknown>(filters.provinces) : null;
  const kept = (province: unknown) => !inProvinces || (province !== null && inProvinces.has(province));
  const summary = group.summary.filter((r) => kept(r.province));
  // measureSummary's order: the Compare view's provinces in their order, else most cases first; then the province.
  const first = provinces
    ? (r: StoredMeasureRow) => provinces.indexOf(String(r.province))
    : (r: StoredMeasureRow) => -Number(r.cases);
  summary.sort((a, b) => first(a) - first(b) || ascNullsLast(a.province, b.province));
  return {
    sample: group.sample.filter((s) => kept(s.province)).map((s) => s.row),
    summary: summary.map((r) => pickColumns<MeasureSummaryRow>(r, SUMMARY_COLUMNS)),
  };
}
