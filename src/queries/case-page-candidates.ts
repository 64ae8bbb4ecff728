// A case list's first page answered in memory for a filter change of years and levels: the Indicator view's list
// (casePageCandidates) and the Cases view's list without a search term in its default order (casesListCandidates,
// below). The Indicator's, read once per indicator in the background: the first PAGE_SIZE cases of each cell
// (level, year) in the list's order. A filter
// state of years and levels is a union of cells, and the first PAGE_SIZE of a union in a total order lie within the
// union of its cells' first PAGE_SIZE, so filtering these rows and keeping the first gives exactly what
// indicatorCases answers for page 0 (tests/queries/case-page-candidates.test.ts) — without the one query per change
// that waits on DuckDB-wasm's single worker. The list's order ends with the case id, unique in indicator_case_list,
// so it is total; each row carries its rank among the candidates in that very order (computed by DuckDB, not
// re-sorted in JS by text, whose comparison could differ from DuckDB's on NULLs or collation). Later pages, and a
// province, city or batch filter, ask the query as before.
import type { Filters } from '../state/filters.ts';
import { casePageCandidatesSql } from '../sql/candidates.ts';
import { CASE_LIST_COLUMNS, caseListRowsOfKeys, orderBy, PAGE_SIZE, SEARCH_ROW_COLUMNS, type CaseListRow, type SearchRow } from './cases.ts';
import { candidatesAnswer, inYearsAndLevels } from './figure-candidates.ts';
import { literal } from './sql.ts';
import { pickColumns, type NamedQuery } from './types.ts';

/** A case among its cell's first, with its rank among the candidates in the list's order (1 = first). */
export type CasePageCandidateRow = CaseListRow & { rank: number };

/**
 * Each (level, year) cell's first `limit` cases of `indicator`'s list, ranked in caseListSql's order: stored at export
 * for a page's size (case_page_candidates, read through its macro: one indicator's rows), else asked of
 * indicator_case_list (candidates.ts). The tests ask both, each against the list's own query.
 */
export function casePageCandidates(indicator: string, limit = PAGE_SIZE): NamedQuery<CasePageCandidateRow> {
  const columns: (keyof CasePageCandidateRow)[] = [...CASE_LIST_COLUMNS, 'rank'];
  const from = limit === PAGE_SIZE ? `case_page_candidates_of(${literal(indicator)})` : `(${casePageCandidatesSql('indicator_case_list', `c.indicator = ${literal(indicator)}`, limit)})`;
  // In rank order: an answer saved at export (view-indicator-*.json) is the same rows in the same order however computed.
  return { id: 'indicator.casePageCandidates', columns, sql: `SELECT ${columns.join(', ')} FROM ${from} ORDER BY rank` };
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

/** A case of the Cases list among its cell's first, ranked in the list's default order, with its cell's case count. */
export type CasesListCandidateRow = Omit<SearchRow, 'snippet' | 'total'> & {
  /** Its place among the candidates in the list's default order (1 = first): that order restricted to them. */
  rank: number;
  /** Cases of its (level, year) cell under no other filter: a page's total is the sum over the cells kept. */
  cell_cases: number;
};

/**
 * The Cases view's list without a search term, in its default order (searchCases): each (level, year) cell's first
 * `limit` published cases — by key, case_list's key being that order among published cases, picked from the key,
 * level and year columns — and every imported case (no key; the analyst's few), with the columns a page shows, their
 * rank among these rows in that order and their cell's count from case_summary (the query's total). A filter state
 * of years and levels is a union of cells: its page's published cases are among its cells' first, its imported ones
 * are all here, so filtering these rows and keeping the first gives exactly the query's page 0
 * (tests/queries/case-page-candidates.test.ts), without the query per filter change on DuckDB-wasm's single worker.
 */
export function casesListCandidates(limit = PAGE_SIZE): NamedQuery<CasesListCandidateRow> {
  return {
    id: 'cases.listCandidates',
    columns: [...SEARCH_ROW_COLUMNS.filter((c) => c !== 'snippet' && c !== 'total'), 'rank', 'cell_cases'],
    // Each cell's smallest keys by min(key, n) (a top-n kept per group while aggregating), not a window partitioned by
    // cell: DuckDB-wasm sorts all the cases for that (about 2 s of its worker at 1M cases under load).
    sql: `WITH firsts AS MATERIALIZED (
  SELECT unnest(min(c.key, ${literal(Math.floor(limit))})) AS key FROM case_list c WHERE c.key IS NOT NULL GROUP BY c.level, c.year
), cells AS MATERIALIZED (
  SELECT level, year, sum(cases)::INTEGER AS cases FROM case_summary GROUP BY level, year
)
SELECT c.case_id, c.title, c.province, c.city, c.county, c.level, c.indicator, i.name_zh AS indicator_zh, i.name_en AS indicator_en,
  c.year, c.batch, c.has_body, c.figures, (row_number() OVER (ORDER BY ${orderBy('')}))::INTEGER AS rank, s.cases AS cell_cases
FROM ${caseListRowsOfKeys('SELECT key FROM firsts')} c
LEFT JOIN indicators i ON i.code = c.indicator
LEFT JOIN cells s ON s.level IS NOT DISTINCT FROM c.level AND s.year IS NOT DISTINCT FROM c.year`,
  };
}

/** Whether the filters are years and levels only: a union of the candidates' cells. */
function yearsAndLevelsOnly(filters: Filters): boolean {
  return candidatesAnswer(filters) && filters.indicators.length === 0;
}

/**
 * The Cases list's page 0 under `filters` in the default order — what searchCases answers with no search term — or
 * null when the candidates do not answer it (a province, indicator, city or batch filter). The caller asks only for
 * page 0 in the default order with no search term. `limit`: the candidates' (the tests use a smaller one too).
 */
export function casesListPageFromCandidates(rows: CasesListCandidateRow[], filters: Filters, limit = PAGE_SIZE): SearchRow[] | null {
  if (!yearsAndLevelsOnly(filters)) return null;
  const kept = rows.filter(inYearsAndLevels(filters));
  // Each kept cell's count once (every case of a kept cell is in the filter state; a cell with cases has a row here).
  const cells = new Map<string, number>();
  for (const r of kept) cells.set(`${r.level}\u0000${r.year}`, r.cell_cases);
  let total = 0;
  for (const n of cells.values()) total += n;
  return kept
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => pickColumns<SearchRow>({ ...r, snippet: null, total }, SEARCH_ROW_COLUMNS));
}
