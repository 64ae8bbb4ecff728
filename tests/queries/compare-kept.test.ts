// Compare's case columns and first page of pairs kept in memory (src/queries/compare-cells.ts, compare-pair-cells.ts):
// each (province, level, year) cell's first cases and every case of A with its similar cases in B, read once per
// (A, B, indicator), filtered per filter state in JS. Every answer must be what the view's own queries
// (compareCases with its per-province limit, comparePairsPage's first page) answer — for years, levels, both, nothing matching, many
// province pairs and indicators, with limits small enough that the corpus's cells are cut — also after the analyst
// re-files cases and imports a document; under a city or batch filter the view asks its query (null).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_SUMMARY_SQL } from '../../src/sql/indexes.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';
import { casesFromCells, compareCellCases } from '../../src/queries/compare-cells.ts';
import { COMPARE_CASES_PER_PROVINCE, COMPARE_PAIRS_PER_PAGE, compareCases, comparePairsPage } from '../../src/queries/compare.ts';
import { comparePairCells, firstPairsPageFromCells } from '../../src/queries/compare-pair-cells.ts';
import { compareKept, splitKept } from '../../src/queries/compare-kept.ts';
import { literal } from '../../src/queries/sql.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { commonestFilterValues } from '../helpers/commonest.ts';
import { CLEAR_WORKSPACE_SQL, importCopySql } from '../helpers/workspace-copy.ts';
import { expectDeclaredColumns } from './columns.ts';

let db: DataDb;
let answered: Filters[];
let asked: Filters[];
/** (A, B, indicator): the indicators with most cases, each with its two largest provinces, either way, and one province twice. */
let comparisons: { a: string; b: string; indicator: string }[];

beforeAll(async () => {
  db = await openDataDb();
  const { provinces, cities, years, batches, level } = await commonestFilterValues(db, 3);
  answered = [
    EMPTY_FILTERS,
    { ...EMPTY_FILTERS, years: [Number(years[0])] },
    { ...EMPTY_FILTERS, years: [Number(years[1] ?? years[0])] },
    { ...EMPTY_FILTERS, years: years.slice(0, 2).map(Number) },
    { ...EMPTY_FILTERS, levels: [level(0)] },
    { ...EMPTY_FILTERS, levels: [level(1)] },
    { ...EMPTY_FILTERS, levels: [level(1), level(2)] },
    { ...EMPTY_FILTERS, years: [Number(years[1] ?? years[0])], levels: [level(0)] },
    { ...EMPTY_FILTERS, years: years.map(Number), levels: [level(0), level(1)] },
    // The filter bar's provinces and indicator never apply to Compare's columns.
    { ...EMPTY_FILTERS, years: [Number(years[0])], provinces: [String(provinces[2])], indicators: ['no_such_indicator'] },
    // Nothing matches: both columns empty.
    { ...EMPTY_FILTERS, years: [1900] },
  ];
  asked = [
    { ...EMPTY_FILTERS, cities: [String(cities[0])] },
    { ...EMPTY_FILTERS, batches: [Number(batches[0])], years: [Number(years[0])] },
  ];
  const byIndicator = await db.all(`SELECT indicator, province FROM (
      SELECT indicator, province, count(*) AS n, sum(count(*)) OVER (PARTITION BY indicator) AS total FROM cases
      WHERE duplicate_of IS NULL AND province IS NOT NULL GROUP BY indicator, province)
    QUALIFY row_number() OVER (PARTITION BY indicator ORDER BY n DESC, province) <= 2
    ORDER BY total DESC, indicator, n DESC, province`);
  const pairs = new Map<string, string[]>();
  for (const r of byIndicator) pairs.set(String(r.indicator), [...(pairs.get(String(r.indicator)) ?? []), String(r.province)]);
  comparisons = [...pairs].slice(0, 4).flatMap(([indicator, [a, b = a]]) => [
    { a, b, indicator },
    { a: b, b: a, indicator },
  ]);
  comparisons.push({ a: comparisons[0].a, b: comparisons[0].a, indicator: comparisons[0].indicator });
});
afterAll(() => db?.close());

/** Every answer of `filters` both ways (kept, the named query); returns how many rows were compared and how many columns were cut. */
async function expectSameColumns(filters: Filters[], of = comparisons): Promise<{ rows: number; pairs: number; cut: number }> {
  let rows = 0;
  let pairs = 0;
  let cut = 0;
  for (const c of of) {
    for (const perProvince of [COMPARE_CASES_PER_PROVINCE, 3, 1]) {
      // Read once per comparison, as the view reads them.
      const cells = await db.all(compareCellCases({ ...c, perCell: perProvince }));
      for (const f of filters) {
        const what = `${JSON.stringify(c)} ${perProvince} ${JSON.stringify(f)}`;
        const expected = await db.all(compareCases({ ...c, filters: f, perProvince }));
        expect(casesFromCells(cells, f, perProvince), what).toEqual(expected);
        rows += expected.length;
        const full = await db.all(compareCases({ ...c, filters: f }));
        cut += Number(full.length > expected.length);
      }
    }
    const pairCells = await db.all(comparePairCells(c));
    // The view reads both in one request (compareKept), split back into each query's rows (in no order: the view sorts them).
    const unordered = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
    const split = splitKept(await db.all(compareKept(c)));
    expect(unordered(split.cases)).toEqual(unordered(await db.all(compareCellCases(c))));
    expect(unordered(split.pairs)).toEqual(unordered(pairCells));
    for (const perPage of [COMPARE_PAIRS_PER_PAGE, 3, 1]) {
      for (const f of filters) {
        const what = `pairs ${JSON.stringify(c)} ${perPage} ${JSON.stringify(f)}`;
        const expected = await db.all(comparePairsPage({ ...c, filters: f, page: 0, perPage }));
        expect(firstPairsPageFromCells(pairCells, f, perPage), what).toEqual(expected);
        pairs += expected.length;
        // Pages cut, and cases of A whose counterparts the filters took away (ranked otherwise than unfiltered).
        cut += Number((expected[0]?.a_cases ?? 0) > perPage);
      }
    }
  }
  return { rows, pairs, cut };
}

describe('Compare’s case columns and first page of pairs kept in memory', () => {
  it('answer as compareCases and comparePairsPage do, for years, levels and both, many province pairs', async () => {
    const { rows, pairs, cut } = await expectSameColumns(answered);
    // Not vacuous: real rows compared, and columns cut at the limit (where the first of a union matter).
    expect(rows).toBeGreaterThan(300);
    expect(pairs).toBeGreaterThan(300);
    expect(cut).toBeGreaterThan(20);
    // The cells are fewer than the cases (cells were cut), yet answered every state.
    const { a, b, indicator } = comparisons[0];
    const [{ n }] = await db.all(`SELECT count(*) AS n FROM indicator_case_list WHERE indicator = ${literal(indicator)} AND province IN (${literal(a)}, ${literal(b)})`);
    expect((await db.all(compareCellCases({ a, b, indicator, perCell: 1 }))).length).toBeLessThan(Number(n));
  });

  it('leave city and batch filters to the query', async () => {
    const cells = await db.all(compareCellCases(comparisons[0]));
    const pairCells = await db.all(comparePairCells(comparisons[0]));
    for (const f of asked) {
      expect(casesFromCells(cells, f), JSON.stringify(f)).toBeNull();
      expect(firstPairsPageFromCells(pairCells, f), JSON.stringify(f)).toBeNull();
    }
  });

  it('follow cases the analyst re-files', async () => {
    const [first, second] = [comparisons[0], comparisons[2]];
    // The first comparison's latest cases of A, re-filed into the second indicator.
    const moved = await db.all(compareCases({ ...first, filters: EMPTY_FILTERS, perProvince: 4 }));
    const labels = moved.map((r) => ({ case_id: r.case_id, indicator: second.indicator, labelled_at: '2026-01-01T00:00:00Z' }));
    const before = await db.all(compareCellCases({ ...first, a: first.a, b: first.b, indicator: second.indicator }));
    try {
      for (const sql of [...replaceLabelsSql(labels), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      expect(await db.all(compareCellCases({ ...first, indicator: second.indicator }))).not.toEqual(before);
      await expectSameColumns(answered, [first, { ...first, indicator: second.indicator }, second]);
    } finally {
      for (const sql of [...replaceLabelsSql([]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
    }
  });

  it('include a document imported in the browser, and its re-filed case', async () => {
    const { a, indicator } = comparisons[0];
    const [{ doc_id: doc }] = await db.all(`SELECT doc_id FROM cases WHERE duplicate_of IS NULL AND province = ${literal(a)}
      AND indicator = ${literal(indicator)} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const [{ case_id: refiled }] = await db.all(`SELECT case_id || '-copy' AS case_id FROM base_cases
      WHERE doc_id = ${literal(String(doc))} AND duplicate_of IS NULL AND indicator <> ${literal(indicator)} ORDER BY 1 LIMIT 1`);
    try {
      const label = [{ case_id: String(refiled), indicator, labelled_at: '2026-01-01T00:00:00Z' }];
      for (const sql of [...importCopySql(String(doc)), ...replaceLabelsSql(label), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      const copies = (await db.all(compareCellCases(comparisons[0]))).filter((r) => r.case_id.endsWith('-copy'));
      expect(copies.map((r) => r.case_id)).toContain(String(refiled));
      await expectSameColumns(answered, comparisons.slice(0, 3));
    } finally {
      for (const sql of CLEAR_WORKSPACE_SQL) await db.all(sql);
    }
  });

  it('return the columns their row type declares', async () => {
    await expectDeclaredColumns(db, compareCellCases(comparisons[0]));
    await expectDeclaredColumns(db, comparePairCells(comparisons[0]));
    await expectDeclaredColumns(db, compareKept(comparisons[0]));
  });
});
