// The Indicator view's case list, first page, summed in memory (src/queries/case-page-candidates.ts): each
// (level, year) cell's first cases, read once per indicator, filtered per filter state in JS; likewise the Cases
// view's list without a search term (its first page and total, as searchCases answers them). Every answer must be
// what the list's own query (indicatorCases, and caseListSql with a smaller page so that the corpus's cells are cut)
// answers — for single years and levels, pairs, both, nothing matching, every indicator — also after the analyst
// re-files cases and imports a document; a later page, or a province, city or batch filter, asks the query (null).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casePageCandidates, casePageFromCandidates, casesListCandidates, casesListPageFromCandidates } from '../../src/queries/case-page-candidates.ts';
import { caseListSql, PAGE_SIZE, searchCases } from '../../src/queries/cases.ts';
import { indicatorCases } from '../../src/queries/indicator.ts';
import { literal } from '../../src/queries/sql.ts';
import { REFRESH_SUMMARY_SQL } from '../../src/sql/indexes.ts';
import { casePageCandidatesSql } from '../../src/sql/candidates.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { CLEAR_WORKSPACE_SQL, importCopySql } from '../helpers/workspace-copy.ts';
import { expectDeclaredColumns } from './columns.ts';

/** Pages small enough that the corpus's cells and answers are cut (the view's PAGE_SIZE rarely cuts a corpus cell). */
const SMALL = [2, 1];

let db: DataDb;
/** Every indicator with cases, most cases first. */
let indicators: string[];
/** Year and level states the candidates answer, and states they leave to the query. */
let answered: Filters[], asked: Filters[];

beforeAll(async () => {
  db = await openDataDb();
  const values = async (column: string, limit = 100) =>
    (await db.all(`SELECT ${column} AS v FROM cases WHERE duplicate_of IS NULL AND ${column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${limit}`)).map((r) => r.v);
  const years = (await values('year')).map(Number);
  const levels = (await values('level')).map(String) as Filters['levels'];
  const [provinces, cities, batches] = await Promise.all(['province', 'city', 'batch'].map((c) => values(c, 1)));
  const pairs = <T,>(xs: T[]) => xs.flatMap((x, i) => xs.slice(i + 1).map((y) => [x, y]));
  answered = [
    EMPTY_FILTERS,
    ...years.map((y) => ({ ...EMPTY_FILTERS, years: [y] })),
    ...levels.map((l) => ({ ...EMPTY_FILTERS, levels: [l] })),
    ...pairs(years).map((ys) => ({ ...EMPTY_FILTERS, years: ys })),
    ...pairs(levels).map((ls) => ({ ...EMPTY_FILTERS, levels: ls })),
    ...years.flatMap((y) => levels.map((l) => ({ ...EMPTY_FILTERS, years: [y], levels: [l] }))),
    { ...EMPTY_FILTERS, years: years.slice(0, 2), levels: levels.slice(0, 2) },
    // The filter bar's indicator is replaced by the view's.
    { ...EMPTY_FILTERS, years: [years[0]], indicators: ['no_such_indicator'] },
    // Nothing matches: an empty page.
    { ...EMPTY_FILTERS, years: [1900] },
  ];
  asked = [
    { ...EMPTY_FILTERS, provinces: [String(provinces[0])] },
    { ...EMPTY_FILTERS, cities: [String(cities[0])], years: [years[0]] },
    { ...EMPTY_FILTERS, batches: [Number(batches[0])] },
  ];
  indicators = (await db.all(`SELECT indicator FROM cases WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY count(*) DESC, 1`)).map((r) => String(r.indicator));
});
afterAll(() => db?.close());

/**
 * Every answered state's first page summed and asked, for `of`, at the view's page size (indicatorCases itself) and at
 * each SMALL (caseListSql with that page size); returns how many rows were compared, how many pages came out full at
 * a SMALL above 1, and how many of those drew on more than one cell (where the first of a union matter).
 */
async function expectSamePages(of = indicators): Promise<{ rows: number; full: number; unions: number }> {
  let rows = 0;
  let full = 0;
  let unions = 0;
  for (const indicator of of) {
    for (const limit of [PAGE_SIZE, ...SMALL]) {
      // Read once per indicator, as the view reads them; reversed, so that the pick cannot lean on the order DuckDB
      // happened to return them in (SQL without ORDER BY promises none).
      const candidates = (await db.all(casePageCandidates(indicator, limit))).reverse();
      for (const filters of answered) {
        const what = `${indicator} ${limit} ${JSON.stringify(filters)}`;
        const summed = casePageFromCandidates(candidates, filters, 0, limit);
        const page =
          limit === PAGE_SIZE
            ? await db.all(indicatorCases({ filters, indicator }))
            : await db.all(caseListSql({ filters, indicator, page: 0, pageSize: limit }));
        expect(summed, what).toEqual(page);
        rows += page.length;
        if (limit < PAGE_SIZE && limit > 1 && page.length === limit) {
          full += 1;
          unions += Number(new Set(page.map((r) => `${r.level}:${r.year}`)).size > 1);
        }
      }
    }
  }
  return { rows, full, unions };
}

describe('the Indicator list’s first page summed from each cell’s first cases', () => {
  it('lists in a total order: a case appears once in an indicator’s list', async () => {
    // The top-K argument needs ties broken by a unique key: the order ends with case_id.
    const [{ n, ids }] = await db.all(`SELECT count(*) AS n, count(DISTINCT indicator || '|' || case_id) AS ids FROM indicator_case_list`);
    expect(Number(n)).toBeGreaterThan(0);
    expect(Number(ids)).toBe(Number(n));
  });

  it('answers as the list’s query does, for years, levels, both and none matching', async () => {
    const { rows, full, unions } = await expectSamePages();
    // Not vacuous: real rows compared, and pages cut at a SMALL that drew on several cells.
    expect(rows).toBeGreaterThan(1000);
    expect(full).toBeGreaterThan(20);
    expect(unions).toBeGreaterThan(5);
    // Cells were cut: at the smallest page the candidates are fewer than the indicators' cases, yet answered every state.
    let cut = 0;
    for (const indicator of indicators) {
      const [{ n }] = await db.all(`SELECT count(*) AS n FROM indicator_case_list WHERE indicator = ${literal(indicator)}`);
      cut += Number(n) - (await db.all(casePageCandidates(indicator, Math.min(...SMALL)))).length;
    }
    expect(cut).toBeGreaterThan(10);
  });

  it('is stored at export as the read of one indicator asks it of indicator_case_list, for every indicator', async () => {
    // The view reads the stored rows (case_page_candidates, through its macro) while the workspace is empty.
    let rows = 0;
    for (const indicator of indicators) {
      const sorted = (sql: string) => db.all(`SELECT * EXCLUDE (indicator) FROM (${sql}) ORDER BY rank`);
      const asked = await sorted(casePageCandidatesSql('indicator_case_list', `c.indicator = ${literal(indicator)}`));
      expect(await sorted(`SELECT * FROM base_case_page_candidates WHERE indicator = ${literal(indicator)}`), indicator).toEqual(asked);
      expect(await db.all(`SELECT * FROM (${casePageCandidates(indicator).sql}) ORDER BY rank`), indicator).toEqual(asked);
      rows += asked.length;
    }
    expect(casePageCandidates(indicators[0]).sql).toContain('case_page_candidates_of');
    expect(rows).toBeGreaterThan(100);
  });

  it('leaves later pages and province, city and batch filters to the query', async () => {
    const candidates = await db.all(casePageCandidates(indicators[0]));
    expect(casePageFromCandidates(candidates, EMPTY_FILTERS, 1)).toBeNull();
    for (const f of asked) expect(casePageFromCandidates(candidates, f, 0), JSON.stringify(f)).toBeNull();
  });

  it('follows cases the analyst re-files', async () => {
    // The first page's cases of the largest indicator, re-filed into the second.
    const moved = await db.all(indicatorCases({ filters: EMPTY_FILTERS, indicator: indicators[0] }));
    const labels = moved.slice(0, 6).map((r) => ({ case_id: r.case_id, indicator: indicators[1], labelled_at: '2026-01-01T00:00:00Z' }));
    const before = await db.all(casePageCandidates(indicators[1]));
    try {
      for (const sql of [...replaceLabelsSql(labels), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      expect(await db.all(casePageCandidates(indicators[1]))).not.toEqual(before);
      await expectSamePages(indicators.slice(0, 2));
    } finally {
      for (const sql of [...replaceLabelsSql([]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
    }
  });

  it('orders cells that mix provinces and batches as the list does', async () => {
    // In the corpus a (level, year) cell of an indicator holds one province and one batch, so the list's order by
    // province and batch would go untested. A document imported as published again in a later batch — half of its
    // cases by another province — mixes both in its cells.
    const [{ doc_id: doc, province }] = await db.all(`SELECT doc_id, any_value(province) AS province FROM cases
      WHERE duplicate_of IS NULL AND indicator = ${literal(indicators[0])} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const [{ other }] = await db.all(`SELECT province AS other FROM cases WHERE province <> ${literal(String(province))} GROUP BY 1 ORDER BY 1 LIMIT 1`);
    try {
      for (const sql of importCopySql(String(doc))) await db.all(sql);
      await db.all(`UPDATE imported_cases SET batch = batch + 1, province = CASE WHEN seq % 2 = 0 THEN ${literal(String(other))} ELSE province END`);
      for (const sql of REFRESH_SUMMARY_SQL) await db.all(sql);
      const [{ provinces, batches }] = await db.all(`SELECT max(p) AS provinces, max(b) AS batches FROM (SELECT count(DISTINCT province) AS p,
        count(DISTINCT batch) AS b FROM indicator_case_list WHERE indicator = ${literal(indicators[0])} GROUP BY level, year)`);
      expect(Number(provinces)).toBeGreaterThan(1);
      expect(Number(batches)).toBeGreaterThan(1);
      const { full, unions } = await expectSamePages(indicators.slice(0, 1));
      expect(full).toBeGreaterThan(5);
      expect(unions).toBeGreaterThan(1);
    } finally {
      for (const sql of CLEAR_WORKSPACE_SQL) await db.all(sql);
    }
  });

  it('includes a document imported in the browser, and its re-filed case', async () => {
    const [{ doc_id: doc }] = await db.all(`SELECT doc_id FROM cases WHERE duplicate_of IS NULL AND indicator = ${literal(indicators[0])}
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const [{ case_id: refiled }] = await db.all(`SELECT case_id || '-copy' AS case_id FROM base_cases
      WHERE doc_id = ${literal(String(doc))} AND duplicate_of IS NULL ORDER BY case_id LIMIT 1`);
    try {
      const label = [{ case_id: String(refiled), indicator: indicators[2], labelled_at: '2026-01-01T00:00:00Z' }];
      for (const sql of [...importCopySql(String(doc)), ...replaceLabelsSql(label), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      // The copies sort with their originals (same place, year, batch): the cells' first hold some.
      const copies = (await db.all(casePageCandidates(indicators[0]))).filter((r) => r.case_id.endsWith('-copy'));
      expect(copies.length).toBeGreaterThan(0);
      const [{ n, ids }] = await db.all(`SELECT count(*) AS n, count(DISTINCT indicator || '|' || case_id) AS ids FROM indicator_case_list`);
      expect(Number(ids)).toBe(Number(n));
      await expectSamePages(indicators.slice(0, 3));
    } finally {
      for (const sql of CLEAR_WORKSPACE_SQL) await db.all(sql);
    }
  });

  it('returns the columns its row type declares', async () => {
    await expectDeclaredColumns(db, casePageCandidates(indicators[0]));
  });
});

/**
 * The Cases list's first page summed from the candidates (read once, reversed: no reliance on the order DuckDB returned
 * them in) and asked (searchCases with no term, default order, page 0), for every answered state at the view's page
 * size and each SMALL; returns the rows compared, the full pages at a SMALL above 1 and the pages drawn from several cells.
 */
async function expectSameCasesPages(): Promise<{ rows: number; full: number; unions: number }> {
  let rows = 0;
  let full = 0;
  let unions = 0;
  for (const limit of [PAGE_SIZE, ...SMALL]) {
    const candidates = (await db.all(casesListCandidates(limit))).reverse();
    for (const filters of answered.filter((f) => f.indicators.length === 0)) {
      const summed = casesListPageFromCandidates(candidates, filters, limit);
      const page = await db.all(searchCases({ filters, search: '', sort: '', page: 0, pageSize: limit }));
      expect(summed, `${limit} ${JSON.stringify(filters)}`).toEqual(page);
      rows += page.length;
      full += Number(limit < PAGE_SIZE && limit > 1 && page.length === limit);
      unions += Number(new Set(page.map((r) => `${r.level}:${r.year}`)).size > 1);
    }
  }
  return { rows, full, unions };
}

describe('the Cases list’s first page summed from each cell’s first cases', () => {
  it('answers as the list’s query does, page and total, for years, levels, both, none and nothing matching', async () => {
    const { rows, full, unions } = await expectSameCasesPages();
    expect(rows).toBeGreaterThan(300);
    expect(full).toBeGreaterThan(10);
    expect(unions).toBeGreaterThan(3);
    // Cells were cut: at the smallest page the candidates are far fewer than the cases, yet answered every state.
    const [{ n }] = await db.all(`SELECT count(*) AS n FROM case_list`);
    expect((await db.all(casesListCandidates(Math.min(...SMALL)))).length).toBeLessThan(Number(n) / 4);
  });

  it('leaves province, indicator, city and batch filters to the query', async () => {
    const candidates = await db.all(casesListCandidates());
    for (const f of [...asked, { ...EMPTY_FILTERS, years: [2023], indicators: [indicators[0]] }]) {
      expect(casesListPageFromCandidates(candidates, f), JSON.stringify(f)).toBeNull();
    }
  });

  it('follows a document imported in the browser and cases the analyst re-files', async () => {
    const [{ doc_id: doc }] = await db.all(`SELECT doc_id FROM cases WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const first = await db.all(searchCases({ filters: EMPTY_FILTERS, search: '', sort: '', page: 0 }));
    const labels = first.slice(0, 4).map((r) => ({ case_id: r.case_id, indicator: indicators[1], labelled_at: '2026-01-01T00:00:00Z' }));
    try {
      for (const sql of [...importCopySql(String(doc)), ...replaceLabelsSql(labels), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      // The copies (no key) are among the candidates, and the re-filed cases carry their new indicator.
      const candidates = await db.all(casesListCandidates());
      expect(candidates.filter((r) => r.case_id.endsWith('-copy')).length).toBeGreaterThan(0);
      expect(candidates.find((r) => r.case_id === labels[0].case_id)?.indicator).toBe(indicators[1]);
      const { rows } = await expectSameCasesPages();
      expect(rows).toBeGreaterThan(300);
      // The copies' own year and level, where they sort with their originals.
      const [copy] = await db.all(`SELECT year, level FROM cases WHERE imported LIMIT 1`);
      const f = { ...EMPTY_FILTERS, years: [Number(copy.year)], levels: [String(copy.level)] as Filters['levels'] };
      const summed = casesListPageFromCandidates(candidates, f);
      expect(summed).toEqual(await db.all(searchCases({ filters: f, search: '', sort: '', page: 0 })));
      expect(summed?.some((r) => r.case_id.endsWith('-copy'))).toBe(true);
    } finally {
      for (const sql of CLEAR_WORKSPACE_SQL) await db.all(sql);
    }
  });

  it('returns the columns its row type declares', async () => {
    await expectDeclaredColumns(db, casesListCandidates());
  });
});
