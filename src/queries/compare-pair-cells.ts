// Compare's first page of pairs answered in memory for a filter change of years and levels. Unlike the columns, a
// page of pairs is no union of cells: which of A's cases come first depends on which of B's cases the filters keep
// (a case of A is ranked by its strongest counterpart among them). So the rows read once per (A, B, indicator), in
// the background, are every case of A under the indicator (its year and level) joined to every similar pair it has
// in B (B's case, its year and level, the evidence): a few per case of A (~1–3k rows at 100k cases). Filtering both
// sides by the years and levels and ranking as comparePairsPage does gives exactly its answer
// (tests/queries/compare-kept.test.ts). Other pages, a city or a batch filter: the view asks the query.
import type { Filters } from '../state/filters.ts';
import { COMPARE_PAIRS_PER_PAGE, type ComparePairPageRow, type ComparePairRow } from './compare.ts';
import { cellsAnswer, yearAndLevelKept } from './compare-cells.ts';
import { literal } from './sql.ts';
import type { NamedQuery } from './types.ts';

/** A case of A (the `a_` columns, its year and level) with one similar case of B, or nulls when it has none in B. */
export type ComparePairCellRow = Omit<ComparePairRow, 'has_counterpart' | 'pair_rank'> & {
  a_year: number | null;
  a_level: string | null;
  b_year: number | null;
  b_level: string | null;
};

/** comparePairCells' columns. */
export const PAIR_CELL_COLUMNS: (keyof ComparePairCellRow)[] = [
  'a_case_id', 'a_title', 'a_city', 'a_county', 'a_year', 'a_level', 'b_case_id', 'b_title', 'b_city', 'b_county', 'b_indicator',
  'b_indicator_zh', 'b_indicator_en', 'b_year', 'b_level', 'strength', 'title_terms', 'shared_terms', 'shared_dimensions', 'same_indicator', 'score',
];

/** Every case of `indicator` in A with each of its similar cases in B (comparePairs' `a`, `best` and `b` unfiltered). */
export function comparePairCells({ a, b, indicator }: { a: string; b: string; indicator: string }): NamedQuery<ComparePairCellRow> {
  const [A, B, X] = [literal(a), literal(b), literal(indicator)];
  return {
    id: 'compare.pairCells',
    columns: PAIR_CELL_COLUMNS,
    sql: `WITH pairs AS (
  SELECT p.case_id, p.score, p.shared_terms, p.strength, p.title_terms, p.shared_dimensions, p.same_indicator,
    b.case_id AS b_case_id, b.title AS b_title, b.city AS b_city, b.county AS b_county, b.indicator AS b_indicator, b.year AS b_year, b.level AS b_level
  FROM pair_facts p JOIN case_list b ON b.case_id = p.other_case_id AND b.province = ${B}
  WHERE p.province = ${A} AND p.indicator = ${X} AND p.other_province = ${B}
)
SELECT a.case_id AS a_case_id, a.title AS a_title, a.city AS a_city, a.county AS a_county, a.year AS a_year, a.level AS a_level,
  p.b_case_id, p.b_title, p.b_city, p.b_county, p.b_indicator, i.name_zh AS b_indicator_zh, i.name_en AS b_indicator_en,
  p.b_year, p.b_level, p.strength, p.title_terms, p.shared_terms, p.shared_dimensions, p.same_indicator, p.score
FROM indicator_case_list a
LEFT JOIN pairs p ON p.case_id = a.case_id
LEFT JOIN indicators i ON i.code = p.b_indicator
WHERE a.indicator = ${X} AND a.province = ${A}`,
  };
}

/** DuckDB's ORDER BY of text: by code point (the ids are ASCII). */
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
/** DuckDB's ORDER BY of a number descending: NULLS LAST (its default). */
const largestFirst = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x);
const strengthRank = (s: ComparePairRow['strength']) => (s === 'strong' ? 0 : s === 'related' ? 1 : 2);
/** SQL's `strength <> 'weak'`, where NULL is not true. */
const notWeak = (s: ComparePairRow['strength']) => s !== null && s !== 'weak';

/** A case of A kept by the filters, its pairs with B's kept cases, and what ranks it. */
interface CaseOfA {
  row: ComparePairCellRow;
  pairs: ComparePairCellRow[];
  bestStrength: number;
  bestScore: number | null;
}

/**
 * The first page of pairs under `filters` — what comparePairsPage answers for page 0 — or null when the rows do not
 * answer these filters (a city or batch filter: cellsAnswer).
 */
export function firstPairsPageFromCells(rows: ComparePairCellRow[], filters: Filters, perPage = COMPARE_PAIRS_PER_PAGE): ComparePairPageRow[] | null {
  if (!cellsAnswer(filters)) return null;
  const kept = yearAndLevelKept(filters);
  const cases = new Map<string, CaseOfA>();
  for (const r of rows) {
    if (!kept(r.a_year, r.a_level)) continue;
    let c = cases.get(r.a_case_id);
    if (!c) cases.set(r.a_case_id, (c = { row: r, pairs: [], bestStrength: 3, bestScore: null }));
    if (r.b_case_id === null || !kept(r.b_year, r.b_level)) continue;
    c.pairs.push(r);
    c.bestStrength = Math.min(c.bestStrength, strengthRank(r.strength));
    // max(score) leaves NULLs out.
    if (r.score !== null && (c.bestScore === null || r.score > c.bestScore)) c.bestScore = r.score;
  }
  // pairsSql's `ordered`: the strongest counterpart, then the best score (NULLS LAST), then the case.
  const ranked = [...cases.values()].sort(
    (x, y) =>
      x.bestStrength - y.bestStrength ||
      largestFirst(x.bestScore, y.bestScore) ||
      byText(x.row.a_case_id, y.row.a_case_id),
  );
  const out: ComparePairPageRow[] = [];
  const aCases = ranked.length;
  for (const c of ranked.slice(0, perPage)) {
    const a = { a_case_id: c.row.a_case_id, a_title: c.row.a_title, a_city: c.row.a_city, a_county: c.row.a_county };
    // pairsSql's `ranked`: within a case, the strongest, then the best score, then B's case.
    const pairs = c.pairs.sort(
      (x, y) => strengthRank(x.strength) - strengthRank(y.strength) || largestFirst(x.score, y.score) || byText(x.b_case_id ?? '', y.b_case_id ?? ''),
    );
    const hasCounterpart = pairs.some((p) => notWeak(p.strength));
    // Strong and related counterparts; a case with neither, its three nearest weak ones; none in B, one row of nulls.
    const shown = pairs.map((p, i) => ({ p, rank: i + 1 })).filter(({ p, rank }) => notWeak(p.strength) || (!hasCounterpart && rank <= 3));
    if (shown.length === 0) {
      out.push({
        ...a, b_case_id: null, b_title: null, b_city: null, b_county: null, b_indicator: null, b_indicator_zh: null, b_indicator_en: null,
        strength: null, title_terms: null, shared_terms: null, shared_dimensions: null, same_indicator: null, score: null,
        has_counterpart: false, pair_rank: null, a_cases: aCases,
      });
      continue;
    }
    for (const { p, rank } of shown) {
      out.push({
        ...a, b_case_id: p.b_case_id, b_title: p.b_title, b_city: p.b_city, b_county: p.b_county, b_indicator: p.b_indicator,
        b_indicator_zh: p.b_indicator_zh, b_indicator_en: p.b_indicator_en, strength: p.strength, title_terms: p.title_terms,
        shared_terms: p.shared_terms, shared_dimensions: p.shared_dimensions, same_indicator: p.same_indicator, score: p.score,
        has_counterpart: hasCounterpart, pair_rank: rank, a_cases: aCases,
      });
    }
  }
  return out;
}
