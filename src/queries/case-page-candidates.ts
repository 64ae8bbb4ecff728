// The Indicator view's case list, first page, answered in memory for a filter change of years and levels. Read once
// per indicator, in the background: the first PAGE_SIZE cases of each cell (level, year) in the list's order. A filter
// state of years and levels is a union of cells, and the first PAGE_SIZE of a union in a total order lie within the
// union of its cells' first PAGE_SIZE, so filtering these rows and keeping the first gives exactly what
// indicatorCases answers for page 0 (tests/queries/case-page-candidates.test.ts) — without the one query per change
// that waits on DuckDB-wasm's single worker. The list's order ends with the case id, unique in indicator_case_list,
// so it is total; each row carries its rank among the candidates in that very order (computed by DuckDB, not
// re-sorted in JS by text, whose comparison could differ from DuckDB's on NULLs or collation). Later pages, and a
// province, city or batch filter, ask the query as before.
import type { Filters } from '../state/filters.ts';
import { CASE_LIST_COLUMNS, CASE_LIST_ORDER_SQL, PAGE_SIZE, type CaseListRow } from './cases.ts';
import { candidatesAnswer, inYearsAndLevels } from './figure-candidates.ts';
import { literal } from './sql.ts';
import { pickColumns, type NamedQuery } from './types.ts';

/** A case among its cell's first, with its rank among the candidates in the list's order (1 = first). */
export type CasePageCandidateRow = CaseListRow & { rank: number };

/**
 * caseListSql's order as a key `min(key, n)` keeps the n smallest of: province, year and batch descending (negated),
 * seq, case_id — compared field by field with NULLs last, as ORDER BY's default puts them.
 */
const CASE_LIST_KEY = "{'province': c.province, 'year': -c.year, 'batch': -c.batch, 'seq': c.seq, 'case_id': c.case_id}";

/** Each (level, year) cell's first `limit` cases of `indicator`'s list, ranked in caseListSql's order. */
export function casePageCandidates(indicator: string, limit = PAGE_SIZE): NamedQuery<CasePageCandidateRow> {
  return {
    id: 'indicator.casePageCandidates',
    columns: [...CASE_LIST_COLUMNS, 'rank'],
    // Each cell's firsts are kept on the order's narrow columns (a heap of `limit` per cell, not a sort of the
    // indicator's ~10^5 cases at national scale); the wide ones (title, key figures) are read for those only. The
    // rank is among the candidates: what a page takes from them keeps the whole list's order.
    sql: `WITH firsts AS MATERIALIZED (
  SELECT unnest(min(${CASE_LIST_KEY}, ${literal(Math.floor(limit))})).case_id AS case_id
  FROM indicator_case_list c
  WHERE c.indicator = ${literal(indicator)}
  GROUP BY c.level, c.year
)
SELECT c.case_id, c.province, c.city, c.county, c.level, c.agency, c.title, c.year, c.batch, c.has_body,
  c.key_figures AS figures, (row_number() OVER (ORDER BY ${CASE_LIST_ORDER_SQL}))::INTEGER AS rank
FROM indicator_case_list c SEMI JOIN firsts f ON f.case_id = c.case_id
WHERE c.indicator = ${literal(indicator)}`,
  };
}

/**
 * The list's page `page` under `filters` — what indicatorCases answers — or null when the candidates do not answer
 * it (a later page, or a province, city or batch filter). `limit`: the candidates' (the tests use a smaller one too).
 */
export function casePageFromCandidates(rows: CasePageCandidateRow[], filters: Filters, page: number, limit = PAGE_SIZE): CaseListRow[] | null {
  if (page !== 0 || !candidatesAnswer(filters)) return null;
  const kept = inYearsAndLevels(filters);
  return rows
    .filter(kept)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => pickColumns<CaseListRow>(r, CASE_LIST_COLUMNS));
}
