// Compare's two case columns answered in memory for a filter change of years and levels. Read once per (A, B,
// indicator), in the background: the first COMPARE_CASES_PER_PROVINCE cases of each cell (province, level, year) in
// the columns' order. A filter state of years and levels is a union of cells, and the first N of a union lie within
// the union of its cells' first N (the order is total: case_id, unique per case, breaks every tie), so filtering
// these rows and keeping each province's first N gives exactly what compareCases answers
// (tests/queries/compare-kept.test.ts) — without a query per change on DuckDB-wasm's single worker. Under a city or
// batch filter (cells by city or batch would be most of the cases) the view asks compareCases as before; the filter
// bar's provinces and indicators never apply to Compare's columns (the view picks its own).
import type { Filters } from '../state/filters.ts';
import { CASE_LIST_COLUMNS, type CaseListRow } from './cases.ts';
import { COMPARE_CASES_PER_PROVINCE } from './compare.ts';
import { literal } from './sql.ts';
import { pickColumns, type NamedQuery } from './types.ts';

/** A case among its cell's first: a column's row, with `seq` (its place in its batch), which the order reads. */
export type CompareCellCaseRow = CaseListRow & { seq: number | null };

/** compareCellCases' columns. */
export const CELL_CASE_COLUMNS: (keyof CompareCellCaseRow)[] = [...CASE_LIST_COLUMNS, 'seq'];

/** caseListSql's order of a province's cases (its `order`): the latest first. */
const COLUMN_ORDER = 'c.year DESC, c.batch DESC, c.seq, c.case_id';

/** Each (province, level, year) cell's first `perCell` cases of `indicator` in A and B, in the columns' order. */
export function compareCellCases({ a, b, indicator, perCell = COMPARE_CASES_PER_PROVINCE }: { a: string; b: string; indicator: string; perCell?: number }): NamedQuery<CompareCellCaseRow> {
  return {
    id: 'compare.cellCases',
    columns: CELL_CASE_COLUMNS,
    sql: `SELECT c.case_id, c.province, c.city, c.county, c.level, c.agency, c.title, c.year, c.batch, c.has_body,
  c.key_figures AS figures, c.seq
FROM indicator_case_list c
WHERE c.indicator = ${literal(indicator)} AND c.province IN (${literal(a)}, ${literal(b)})
QUALIFY row_number() OVER (PARTITION BY c.province, c.level, c.year ORDER BY ${COLUMN_ORDER}) <= ${literal(Math.floor(perCell))}`,
  };
}

/** Whether the cells answer these filters: only years and levels filter Compare's columns besides them. */
export function cellsAnswer(filters: Filters): boolean {
  return filters.cities.length === 0 && filters.batches.length === 0;
}

/** As summaryWhere keeps a row by its year and level: a filter with values keeps the rows whose column is one of them (NULL never is). */
export function yearAndLevelKept(filters: Filters): (year: number | null, level: string | null) => boolean {
  const levels = filters.levels.length ? new Set<string | null>(filters.levels) : null;
  const years = filters.years.length ? new Set<number | null>(filters.years) : null;
  return (year, level) => (!levels || (level !== null && levels.has(level))) && (!years || (year !== null && years.has(year)));
}

/** DuckDB's ORDER BY of text: by code point (the ids are ASCII). */
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
/** DuckDB's ORDER BY of a number, NULLS LAST either way (its default). */
const byNumber = (x: number | null, y: number | null, descending: boolean) =>
  x === y ? 0 : x === null ? 1 : y === null ? -1 : descending ? y - x : x - y;

/** compareCases' order: province, then COLUMN_ORDER. */
function columnOrder(x: CompareCellCaseRow, y: CompareCellCaseRow): number {
  return (
    byText(x.province ?? '', y.province ?? '') ||
    byNumber(x.year, y.year, true) ||
    byNumber(x.batch, y.batch, true) ||
    byNumber(x.seq, y.seq, false) ||
    byText(x.case_id, y.case_id)
  );
}

/**
 * The two columns' rows under `filters` — what compareCases with `perProvince` answers — or null when the cells do
 * not answer these filters (cellsAnswer). `perProvince`: the cells' (the tests also read a smaller one, so that the
 * corpus's cells are cut).
 */
export function casesFromCells(rows: CompareCellCaseRow[], filters: Filters, perProvince = COMPARE_CASES_PER_PROVINCE): CaseListRow[] | null {
  if (!cellsAnswer(filters)) return null;
  const inState = yearAndLevelKept(filters);
  const kept = rows.filter((r) => inState(r.year, r.level)).sort(columnOrder);
  const out: CaseListRow[] = [];
  let province: string | null | undefined;
  let n = 0;
  for (const r of kept) {
    if (r.province !== province) [province, n] = [r.province, 0];
    if (++n <= perProvince) out.push(pickColumns<CaseListRow>(r, CASE_LIST_COLUMNS));
  }
  return out;
}
