// The Indicator view's figure charts (the FIGURE_LIMIT largest money figures, and count figures of one unit)
// answered in memory for a filter change of years and levels. Read once per indicator, in the background: the
// FIGURE_LIMIT largest figures of each cell (kind, the count's unit, level, year). A filter state of years and
// levels is a union of cells, and the FIGURE_LIMIT largest of a union lie within the union of its cells' FIGURE_LIMIT
// largest, so filtering these rows and keeping the largest gives exactly what indicatorMoney / indicatorCounts
// answer over every figure (tests/queries/figure-candidates.test.ts) — without the one query per change that waits on
// DuckDB-wasm's single worker. Cells by province or city too would be ~100k rows at 100k cases (each cell holds a
// few figures): under a province, city or batch filter the view asks its query as before.
import type { Filters } from '../state/filters.ts';
import { COUNT_COLUMNS, FIGURE_LIMIT, MONEY_COLUMNS, type CountFigureRow, type MoneyFigureRow } from './indicator.ts';
import { figureCandidatesSql } from '../sql/candidates.ts';
import { literal } from './sql.ts';
import { pickColumns, type NamedQuery } from './types.ts';

/** A figure among its cell's largest: money (`wan_yuan`) or a count (`value`, `unit`), with what the filters test. */
export type FigureCandidateRow = {
  part: 'money' | 'count';
  metric_id: string;
  case_id: string;
  province: string | null;
  city: string | null;
  title: string;
  text: string;
  level: string | null;
  year: number | null;
  wan_yuan: number | null;
  value: number | null;
  unit: string | null;
};

/**
 * Each cell's `limit` largest figures of `indicator`, in largestSql's order (value, case, figure): stored at export
 * for the charts' own limit (figure_candidates, read through its macro: one indicator's rows), else asked of
 * figure_facts (candidates.ts). The tests ask both, each against the full tables.
 */
export function figureCandidates(indicator: string, limit = FIGURE_LIMIT): NamedQuery<FigureCandidateRow> {
  const columns: (keyof FigureCandidateRow)[] = ['part', 'metric_id', 'case_id', 'province', 'city', 'title', 'text', 'level', 'year', 'wan_yuan', 'value', 'unit'];
  const from = limit === FIGURE_LIMIT ? `figure_candidates_of(${literal(indicator)})` : `(${figureCandidatesSql('figure_facts', `f.indicator = ${literal(indicator)}`, limit)})`;
  return { id: 'indicator.figureCandidates', columns, sql: `SELECT ${columns.join(', ')} FROM ${from}` };
}

/** Whether the candidates answer these filters: only years and levels (besides the view's own indicator) filter. */
export function candidatesAnswer(filters: Filters): boolean {
  return filters.provinces.length === 0 && filters.cities.length === 0 && filters.batches.length === 0;
}

/** Whether a row lies in the filters' years and levels, as summaryWhere keeps it: one of the values (NULL never is). */
export function inYearsAndLevels(filters: Filters): (row: { level: string | null; year: number | null }) => boolean {
  const levels = filters.levels.length ? new Set<string | null>(filters.levels) : null;
  const years = filters.years.length ? new Set<number | null>(filters.years) : null;
  return (r) => (!levels || (r.level !== null && levels.has(r.level))) && (!years || (r.year !== null && years.has(r.year)));
}

/** DuckDB's ORDER BY of text: by code point (the ids are ASCII). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** largestSql's order: value descending, then case_id, then metric_id. */
const largestFirst = (value: (r: FigureCandidateRow) => number) => (a: FigureCandidateRow, b: FigureCandidateRow) =>
  value(b) - value(a) || byText(a.case_id, b.case_id) || byText(a.metric_id, b.metric_id);

/**
 * The figure charts' rows under `filters` — what indicatorMoney and indicatorCounts (unit `unit`; null: no count
 * figures) answer — or null when the candidates do not answer these filters (candidatesAnswer). `limit`: the
 * candidates' (the tests also sum a smaller one, so that the corpus's cells are cut).
 */
export function figuresFromCandidates(
  rows: FigureCandidateRow[],
  filters: Filters,
  unit: string | null,
  limit = FIGURE_LIMIT,
): { money: MoneyFigureRow[]; counts: CountFigureRow[] } | null {
  if (!candidatesAnswer(filters)) return null;
  const kept = inYearsAndLevels(filters);
  const money: FigureCandidateRow[] = [];
  const counts: FigureCandidateRow[] = [];
  for (const r of rows) {
    if (!kept(r)) continue;
    if (r.part === 'money') money.push(r);
    else if (unit !== null && r.unit === unit) counts.push(r);
  }
  return {
    money: money.sort(largestFirst((r) => r.wan_yuan ?? 0)).slice(0, limit).map((r) => pickColumns<MoneyFigureRow>(r, MONEY_COLUMNS)),
    counts: counts.sort(largestFirst((r) => r.value ?? 0)).slice(0, limit).map((r) => pickColumns<CountFigureRow>(r, COUNT_COLUMNS)),
  };
}
