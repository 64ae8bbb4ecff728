// Compare's rows kept in memory for years and levels, read in one background request: the columns' cells
// (compare-cells.ts) and the pairs' rows (compare-pair-cells.ts), told apart by `part`. One read on DuckDB-wasm's
// single worker instead of two: a change that needs a query while a background read runs waits for it.
import { CELL_CASE_COLUMNS, compareCellCases, type CompareCellCaseRow } from './compare-cells.ts';
import { comparePairCells, PAIR_CELL_COLUMNS, type ComparePairCellRow } from './compare-pair-cells.ts';
import { pickColumns, type NamedQuery } from './types.ts';

type Comparison = { a: string; b: string; indicator: string };
/** A row of either part; the other part's columns are null. */
export type CompareKeptRow = { part: 'case' | 'pair' } & Partial<CompareCellCaseRow> & Partial<ComparePairCellRow>;

/** compareCellCases' and comparePairCells' rows in one answer. */
export function compareKept(comparison: Comparison): NamedQuery<CompareKeptRow> {
  const cases = compareCellCases(comparison);
  const pairs = comparePairCells(comparison);
  return {
    id: 'compare.kept',
    columns: ['part', ...CELL_CASE_COLUMNS, ...PAIR_CELL_COLUMNS],
    sql: `SELECT 'case' AS part, * FROM (${cases.sql})
UNION ALL BY NAME
SELECT 'pair' AS part, * FROM (${pairs.sql})`,
  };
}

/** compareKept's answer split back into the two queries' rows. */
export function splitKept(rows: CompareKeptRow[]): { cases: CompareCellCaseRow[]; pairs: ComparePairCellRow[] } {
  const cases: CompareCellCaseRow[] = [];
  const pairs: ComparePairCellRow[] = [];
  for (const r of rows) {
    if (r.part === 'case') cases.push(pickColumns<CompareCellCaseRow>(r, CELL_CASE_COLUMNS));
    else pairs.push(pickColumns<ComparePairCellRow>(r, PAIR_CELL_COLUMNS));
  }
  return { cases, pairs };
}
