// The views read indexes built at export (src/sql/indexes.ts: case_list, measure_facts, figure_facts,
// document_counts, case_summary). Every answer must be what the same question asked of the full tables gives
// (the views' SQL before the indexes existed, kept below) — with and without filters, after the analyst
// re-files cases, and after a document is imported in the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_SUMMARY_SQL } from '../../src/sql/indexes.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';
import { caseListSql, caseListTotalSql, keyFiguresSql, loadSimplify, searchCases } from '../../src/queries/cases.ts';
import { compareCases, comparePairs, comparePairsPage, compareProvinces, compareShares } from '../../src/queries/compare.ts';
import { documentsQuery, tableCountsQuery, taxonomyQuery } from '../../src/queries/data.ts';
import {
  caseCountOptions,
  caseCountProvinces,
  caseCountTotal,
  FIGURE_LIMIT,
  indicatorByProvince,
  indicatorCaseCounts,
  indicatorCountUnits,
  figureChartRows,
  indicatorCounts,
  indicatorFigures,
  indicatorMoney,
  indicatorOptions,
  type IndicatorCaseCountRow,
} from '../../src/queries/indicator.ts';
import {
  measureDimensions,
  measureRows,
  measuresShown,
  measureSummary,
  MEASURES_SHOWN_PER_PROVINCE,
  perProvinceSample,
  splitMeasuresShown,
} from '../../src/queries/measures.ts';
import { caseWhere, literal } from '../../src/queries/sql.ts';
import { caseSummaryRows } from '../../src/queries/summaries.ts';
import {
  caseCountsFromSummary,
  caseSummaryRowsOf,
  dimensionsFromSummary,
  measureCountsOf,
  measureSummaryRows,
  measureSummaryRowsOf,
  sharesFromSummary,
  unitSummaryRows,
  unitsFromSummary,
} from '../../src/queries/view-summaries.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { commonest, type CaseColumn } from '../helpers/commonest.ts';
import { searchScanSql } from '../helpers/search-scan.ts';
import { CLEAR_WORKSPACE_SQL, importCopySql } from '../helpers/workspace-copy.ts';

// ---------- the questions asked of the full tables ----------

const inInd = (f: Filters, indicator: string) => caseWhere({ ...f, indicators: [indicator] }, { alias: 'c' });
const cw = (f: Filters) => caseWhere({ ...f, provinces: [], indicators: [] });

const direct = {
  search: searchScanSql,
  caseList: (f: Filters, indicator: string, provinces: string[] = [], perProvince?: number) => `SELECT c.case_id, c.province, c.city, c.county, c.level, c.agency, c.title, c.year, c.batch, c.has_body,
  ${keyFiguresSql('c')} AS figures
FROM cases c WHERE ${caseWhere({ ...f, indicators: [indicator], provinces: provinces.length ? provinces : f.provinces }, { alias: 'c' })}
${perProvince ? `QUALIFY row_number() OVER (PARTITION BY c.province ORDER BY c.year DESC, c.batch DESC, c.seq, c.case_id) <= ${perProvince}` : ''}
ORDER BY c.province, c.year DESC, c.batch DESC, c.seq, c.case_id`,
  options: (f: Filters) => `SELECT i.code, i.name_zh, i.name_en, i.sort, count(c.case_id) AS cases FROM indicators i
LEFT JOIN cases c ON c.indicator = i.code AND ${caseWhere(f, { alias: 'c', omit: 'indicators' })}
GROUP BY i.code, i.name_zh, i.name_en, i.sort ORDER BY i.sort, i.code`,
  provinces: (f: Filters, ind: string) => `SELECT c.province, count(*) FILTER (WHERE c.indicator = ${literal(ind)}) AS cases, count(*) AS total,
  round(100.0 * count(*) FILTER (WHERE c.indicator = ${literal(ind)}) / count(*), 1) AS pct
FROM cases c WHERE ${caseWhere(f, { alias: 'c', omit: 'indicators' })} AND c.province IS NOT NULL
GROUP BY c.province ORDER BY cases DESC, c.province`,
  money: (f: Filters, ind: string) => `SELECT c.case_id, c.province, c.city, c.title, m.text, m.value_norm AS wan_yuan
FROM metrics m JOIN cases c ON c.case_id = m.case_id WHERE ${inInd(f, ind)} AND m.kind = 'money' AND m.value_norm > 0
ORDER BY wan_yuan DESC, c.case_id, m.metric_id LIMIT ${FIGURE_LIMIT}`,
  units: (f: Filters, ind: string) => `SELECT m.unit_norm AS unit, count(*) AS figures
FROM metrics m JOIN cases c ON c.case_id = m.case_id WHERE ${inInd(f, ind)} AND m.kind = 'count' AND m.value_norm > 0
GROUP BY m.unit_norm ORDER BY figures DESC, unit`,
  counts: (f: Filters, ind: string, unit: string) => `SELECT c.case_id, c.province, c.city, c.title, m.text, m.value_norm AS value, m.unit_norm AS unit
FROM metrics m JOIN cases c ON c.case_id = m.case_id
WHERE ${inInd(f, ind)} AND m.kind = 'count' AND m.value_norm > 0 AND m.unit_norm = ${literal(unit)}
ORDER BY value DESC, c.case_id, m.metric_id LIMIT ${FIGURE_LIMIT}`,
  measureDimensions: (f: Filters, ind: string) => `SELECT m.dimension, count(DISTINCT c.case_id) AS cases, count(*) AS measures,
  count(m.after_value) AS with_after, count(*) FILTER (WHERE m.before_value IS NOT NULL AND m.after_value IS NOT NULL) AS with_before_after,
  count(m.reduction_pct) AS with_reduction
FROM metrics m JOIN cases c ON c.case_id = m.case_id WHERE ${inInd(f, ind)} AND m.dimension IS NOT NULL
GROUP BY m.dimension ORDER BY m.dimension`,
  // The sample per province orders by m.* names: the direct question exposes the case's under `m` too.
  measureRows: (f: Filters, ind: string, dim: string, k?: number) => `SELECT * FROM (
  SELECT c.case_id, c.province, c.city, c.county, c.title, m.metric_id, m.dimension, m.section, m.text,
    m.kind, m.unit_norm, m.before_value, m.after_value, m.reduction_pct
  FROM metrics m JOIN cases c ON c.case_id = m.case_id WHERE ${inInd(f, ind)} AND m.dimension = ${literal(dim)}) m
${k ? perProvinceSample(k) : ''}
ORDER BY m.province, m.after_value NULLS LAST, m.reduction_pct DESC NULLS LAST, m.case_id, m.metric_id`,
  measureSummary: (f: Filters, ind: string, dim: string) => `SELECT c.province, count(DISTINCT c.case_id) AS cases, count(*) AS measures,
  count(m.after_value) AS n_after, median(m.after_value) AS median_after, min(m.after_value) AS min_after, max(m.after_value) AS max_after,
  count(m.before_value) FILTER (WHERE m.after_value IS NOT NULL) AS n_pairs,
  median(m.before_value) FILTER (WHERE m.after_value IS NOT NULL) AS median_before,
  count(m.reduction_pct) AS n_reduction, median(m.reduction_pct) AS median_reduction_pct
FROM metrics m JOIN cases c ON c.case_id = m.case_id
WHERE ${inInd(f, ind)} AND m.dimension = ${literal(dim)} AND c.province IS NOT NULL
GROUP BY c.province ORDER BY cases DESC, c.province`,
  documents: `SELECT d.doc_id, d.source_file, d.source_url, d.province, d.title, d.issuer, d.published, d.year, d.batch, d.script,
  d.cases_listed, d.cases_parsed, count(c.case_id)::INTEGER AS cases_in_table,
  count(c.case_id) FILTER (WHERE c.has_body)::INTEGER AS cases_with_body, count(c.duplicate_of)::INTEGER AS duplicates
FROM documents d LEFT JOIN cases_all c ON c.doc_id = d.doc_id GROUP BY ALL ORDER BY d.province, d.year, d.batch NULLS LAST, d.doc_id`,
  taxonomy: `SELECT i.code, i.name_zh, i.name_en, i.sort, count(c.case_id)::INTEGER AS cases FROM indicators i
LEFT JOIN cases c ON c.indicator = i.code AND c.duplicate_of IS NULL GROUP BY i.code, i.name_zh, i.name_en, i.sort ORDER BY i.sort, i.code`,
  compareProvinces: `SELECT province, count(*) AS cases FROM cases WHERE duplicate_of IS NULL AND province IS NOT NULL
GROUP BY province ORDER BY cases DESC, province`,
  compareShares: (f: Filters, a: string, b: string) => {
    const [A, B] = [literal(a), literal(b)];
    return `WITH base AS (
  SELECT province, indicator FROM cases WHERE ${cw(f)} AND province IN (${A}, ${B})
), totals AS (
  SELECT count(*) FILTER (WHERE province = ${A}) AS a_total, count(*) FILTER (WHERE province = ${B}) AS b_total FROM base
), counts AS (
  SELECT indicator, count(*) FILTER (WHERE province = ${A}) AS a_cases, count(*) FILTER (WHERE province = ${B}) AS b_cases
  FROM base GROUP BY indicator
), codes AS (
  SELECT code AS indicator FROM indicators UNION SELECT indicator FROM counts
)
SELECT k.indicator, coalesce(i.name_zh, k.indicator) AS name_zh, coalesce(i.name_en, k.indicator) AS name_en,
  coalesce(c.a_cases, 0) AS a_cases, t.a_total,
  CASE WHEN t.a_total > 0 THEN round(100.0 * coalesce(c.a_cases, 0) / t.a_total, 1) ELSE 0 END AS a_pct,
  coalesce(c.b_cases, 0) AS b_cases, t.b_total,
  CASE WHEN t.b_total > 0 THEN round(100.0 * coalesce(c.b_cases, 0) / t.b_total, 1) ELSE 0 END AS b_pct
FROM codes k
CROSS JOIN totals t
LEFT JOIN counts c ON c.indicator = k.indicator
LEFT JOIN indicators i ON i.code = k.indicator
ORDER BY coalesce(i.sort, 999), k.indicator`;
  },
  comparePairs: (f: Filters, a: string, b: string, indicator: string) => `WITH a AS (
  SELECT case_id, title, city, county FROM cases
  WHERE ${cw(f)} AND province = ${literal(a)} AND indicator = ${literal(indicator)}
), b AS (
  SELECT case_id, title, city, county, indicator FROM cases WHERE ${cw(f)} AND province = ${literal(b)}
), both_ways AS (
  SELECT case_id, other_case_id, score, shared_terms, strength, title_terms, shared_dimensions, same_indicator, 1 AS as_listed FROM "similar"
  UNION ALL
  SELECT other_case_id, case_id, score, shared_terms, strength, title_terms, shared_dimensions, same_indicator, 0 FROM "similar"
), best AS (
  -- Best score per ordered pair; on a tie, the row listed in that direction (arg_max alone picks either).
  SELECT s.case_id, s.other_case_id, max(s.score) AS score, arg_max(s.shared_terms, row(s.score, s.as_listed)) AS shared_terms,
    arg_max(s.strength, row(s.score, s.as_listed)) AS strength, arg_max(s.title_terms, row(s.score, s.as_listed)) AS title_terms,
    arg_max(s.shared_dimensions, row(s.score, s.as_listed)) AS shared_dimensions, arg_max(s.same_indicator, row(s.score, s.as_listed)) AS same_indicator
  FROM both_ways s JOIN a ON a.case_id = s.case_id JOIN b ON b.case_id = s.other_case_id
  GROUP BY s.case_id, s.other_case_id
), ranked AS (
  SELECT *,
    CASE strength WHEN 'strong' THEN 0 WHEN 'related' THEN 1 ELSE 2 END AS strength_rank,
    row_number() OVER (PARTITION BY case_id
      ORDER BY CASE strength WHEN 'strong' THEN 0 WHEN 'related' THEN 1 ELSE 2 END, score DESC, other_case_id) AS pair_rank,
    bool_or(strength <> 'weak') OVER (PARTITION BY case_id) AS has_counterpart,
    min(CASE strength WHEN 'strong' THEN 0 WHEN 'related' THEN 1 ELSE 2 END) OVER (PARTITION BY case_id) AS best_strength,
    max(score) OVER (PARTITION BY case_id) AS best_score
  FROM best
)
SELECT a.case_id AS a_case_id, a.title AS a_title, a.city AS a_city, a.county AS a_county,
  b.case_id AS b_case_id, b.title AS b_title, b.city AS b_city, b.county AS b_county,
  b.indicator AS b_indicator, i.name_zh AS b_indicator_zh, i.name_en AS b_indicator_en,
  r.strength, r.title_terms, r.shared_terms, r.shared_dimensions, r.same_indicator, r.score,
  coalesce(r.has_counterpart, false) AS has_counterpart, r.pair_rank
FROM a
LEFT JOIN ranked r ON r.case_id = a.case_id AND (r.strength <> 'weak' OR (NOT r.has_counterpart AND r.pair_rank <= 3))
LEFT JOIN b ON b.case_id = r.other_case_id
LEFT JOIN indicators i ON i.code = b.indicator
ORDER BY coalesce(r.best_strength, 3), r.best_score DESC NULLS LAST, a.case_id, r.pair_rank`,
  tableCounts: ['documents', 'cases_all', 'metrics', 'indicators', 'similar']
    .map((t) => `SELECT '${t === 'cases_all' ? 'cases' : t}' AS "table", count(*)::INTEGER AS n FROM "${t}"`)
    .join(' UNION ALL '),
};

// ---------- the data's own filters, indicators and units ----------

let db: DataDb;
let filterCases: Filters[];
/** Indicators with money figures, count figures and reform measures (most first), and a search term. */
let indicators: string[];
let term: string;

beforeAll(async () => {
  db = await openDataDb();
  await loadSimplify();
  const top = (column: CaseColumn) => commonest(db, column, 2);
  const [provinces, cities, levels, years] = await Promise.all((['province', 'city', 'level', 'year'] as CaseColumn[]).map(top));
  filterCases = [
    EMPTY_FILTERS,
    { ...EMPTY_FILTERS, provinces: [String(provinces[0])] },
    { ...EMPTY_FILTERS, provinces: provinces.map(String) },
    { ...EMPTY_FILTERS, cities: [String(cities[0])] },
    { ...EMPTY_FILTERS, levels: [String(levels[1] ?? levels[0]) as Filters['levels'][number]] },
    { ...EMPTY_FILTERS, years: [Number(years[0])] },
    // One year and one level: the measures panel reads what the export stored for them; two years: computed.
    { ...EMPTY_FILTERS, years: [Number(years[1] ?? years[0])], levels: [String(levels[0]) as Filters['levels'][number]] },
    { ...EMPTY_FILTERS, years: years.map(Number) },
  ];
  indicators = (
    await db.all(`SELECT c.indicator FROM metrics m JOIN cases c USING (case_id)
      WHERE m.dimension IS NOT NULL OR m.kind IN ('money', 'count') GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3`)
  ).map((r) => String(r.indicator));
  // A two-character word of a case title that many cases share.
  const [w] = await db.all(`SELECT substring(title, 3, 2) AS w, count(*) AS n FROM cases WHERE length(title) > 6 GROUP BY 1 ORDER BY n DESC, w LIMIT 1`);
  term = String(w.w);
});
afterAll(() => db?.close());

/** Rows in a fixed order, for answers whose SQL has no ORDER BY. */
const sortedRows = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

async function same(got: string, expected: string, what: string): Promise<number> {
  const [a, b] = [await db.all(got), await db.all(expected)];
  expect(a, what).toEqual(b);
  return b.length;
}

/** How many pair lists expectPairPages compared over more than one page. */
let pagedPairs = 0;

/**
 * The view's pages of pairs (two cases of A a page, so that the corpus has several) read one after another are
 * comparePairs' full answer, each row with the count of A's cases; returns 1 when there was more than one page.
 */
async function expectPairPages(p: Parameters<typeof comparePairs>[0], all: Record<string, unknown>[], what: string): Promise<number> {
  const cases = new Set(all.map((r) => r.a_case_id)).size;
  const read: Record<string, unknown>[] = [];
  let page = 0;
  for (; ; page++) {
    const rows = await db.all(comparePairsPage({ ...p, page, perPage: 2 }).sql);
    if (rows.length === 0) break;
    expect(new Set(rows.map((r) => r.a_case_id)).size, `${what} page ${page}`).toBeLessThanOrEqual(2);
    for (const { a_cases, ...row } of rows) {
      expect(Number(a_cases), `${what} page ${page}`).toBe(cases);
      read.push(row);
    }
  }
  expect(read, what).toEqual(all);
  expect(page, what).toBe(Math.ceil(cases / 2));
  return page > 1 ? 1 : 0;
}

/** Every view question over the indexes against the full tables; returns how many rows were compared. */
/** How many answers of the measures panel expectSameAnswers read from what the export stores (measures-shown.ts). */
let storedSamples = 0;
/** … of them with a year or level filter (the stored scopes). */
let storedScoped = 0;

async function expectSameAnswers(filters: Filters[]): Promise<number> {
  let rows = 0;
  // Read as the views read it: once, then summed per filter state in JS.
  const summary = await db.all(caseSummaryRows());
  const tag = (name: string, f: Filters, extra = '') => `${name} ${JSON.stringify(f)} ${extra}`;
  for (const f of filters) {
    for (const sort of ['', '-figures', 'indicator']) {
      for (const search of ['', term]) {
        for (const page of [0, 1]) {
          rows += await same(searchCases({ filters: f, search, sort, page }).sql, direct.search(f, search, sort, page), tag('cases.search', f, `${search} ${sort} ${page}`));
        }
      }
    }
    rows += await same(indicatorOptions(f).sql, direct.options(f), tag('indicator.options', f));
    // The view derives the picker, the provinces chart and the list's total from one query.
    const caseCounts = (await db.all(indicatorCaseCounts(f).sql)) as IndicatorCaseCountRow[];
    expect(caseCountOptions(caseCounts), tag('indicator.caseCounts options', f)).toEqual(await db.all(direct.options(f)));
    // … or sums them from case_summary read whole (summaries.ts): the same rows as that query.
    const summed = caseCountsFromSummary(summary, f);
    expect(sortedRows(summed), tag('summary caseCounts', f)).toEqual(sortedRows(caseCounts));
    expect(caseCountOptions(summed), tag('summary options', f)).toEqual(await db.all(direct.options(f)));
    for (const indicator of [...indicators, 'no_such_indicator']) {
      const p = { filters: f, indicator };
      rows += await same(caseListSql(p), direct.caseList(f, indicator), tag('caseList', f, indicator));
      const [{ total }] = await db.all(caseListTotalSql(p));
      const [{ n }] = await db.all(`SELECT count(*) AS n FROM (${direct.caseList(f, indicator)})`);
      expect(total, tag('caseListTotal', f, indicator)).toBe(n);
      expect(caseCountTotal(caseCounts, indicator), tag('indicator.caseCounts total', f, indicator)).toBe(n);
      rows += await same(indicatorByProvince(p).sql, direct.provinces(f, indicator), tag('indicator.provinces', f, indicator));
      expect(caseCountProvinces(caseCounts, indicator), tag('indicator.caseCounts provinces', f, indicator)).toEqual(await db.all(direct.provinces(f, indicator)));
      expect(caseCountProvinces(summed, indicator), tag('summary provinces', f, indicator)).toEqual(await db.all(direct.provinces(f, indicator)));
      expect(caseCountTotal(summed, indicator), tag('summary total', f, indicator)).toBe(n);
      const unitRows = await db.all(unitSummaryRows(indicator));
      expect(unitsFromSummary(unitRows, f), tag('summary units', f, indicator)).toEqual(await db.all(direct.units(f, indicator)));
      const measureCounts = await db.all(measureSummaryRows(indicator));
      expect(dimensionsFromSummary(measureCounts, f), tag('summary dimensions', f, indicator)).toEqual(await db.all(measureDimensions(p)));
      if (indicator === 'no_such_indicator') continue;
      rows += await same(indicatorMoney(p).sql, direct.money(f, indicator), tag('indicator.money', f, indicator));
      const units = await db.all(direct.units(f, indicator));
      rows += await same(indicatorCountUnits(p).sql, direct.units(f, indicator), tag('indicator.countUnits', f, indicator));
      for (const { unit } of units.slice(0, 2)) {
        rows += await same(indicatorCounts({ ...p, unit: String(unit) }).sql, direct.counts(f, indicator, String(unit)), tag('indicator.counts', f, String(unit)));
      }
      // No unit picked: the commonest, the units' first row.
      if (units.length) rows += await same(indicatorCounts({ ...p, unit: null }).sql, direct.counts(f, indicator, String(units[0].unit)), tag('indicator.counts commonest', f, indicator));
      else expect(await db.all(indicatorCounts({ ...p, unit: null }).sql), tag('indicator.counts commonest', f, indicator)).toEqual([]);
      // The view asks both figure charts as one request (indicatorFigures): split, each part is its chart's answer.
      for (const unit of [null, ...units.slice(1, 2).map((u) => String(u.unit))]) {
        const both = figureChartRows(await db.all(indicatorFigures({ ...p, unit }).sql));
        expect(both.money, tag('indicator.figures money', f, `${indicator} ${unit}`)).toEqual(await db.all(direct.money(f, indicator)));
        const counts = unit ?? (units.length ? String(units[0].unit) : null);
        expect(both.counts, tag('indicator.figures counts', f, `${indicator} ${unit}`)).toEqual(counts === null ? [] : await db.all(direct.counts(f, indicator, counts)));
        rows += both.money.length + both.counts.length;
      }
      const dims = await db.all(direct.measureDimensions(f, indicator));
      const sorted = await db.all(`SELECT * FROM (${measureDimensions(p).sql}) ORDER BY dimension`);
      expect(sorted, tag('measureDimensions', f, indicator)).toEqual(dims);
      rows += dims.length;
      for (const { dimension } of dims.slice(0, 2)) {
        const d = String(dimension);
        rows += await same(measureRows({ ...p, dimension: d }).sql, direct.measureRows(f, indicator, d), tag('measureRows', f, d));
        rows += await same(measureRows({ ...p, dimension: d, perProvince: 2 }).sql, direct.measureRows(f, indicator, d, 2), tag('measureRows sampled', f, d));
        // The views' sample: stored at export (measure_sample) while no filter but provinces, one year and one level applies.
        const shown = measureRows({ ...p, dimension: d, perProvince: MEASURES_SHOWN_PER_PROVINCE });
        rows += await same(shown.sql, direct.measureRows(f, indicator, d, MEASURES_SHOWN_PER_PROVINCE), tag('measureRows shown', f, d));
        const stored = shown.sql.includes('measure_sample');
        if (stored) storedSamples++;
        if (stored && (f.years.length > 0 || f.levels.length > 0)) storedScoped++;
        if (measureSummary({ ...p, dimension: d }).sql.includes('measure_province_summary')) storedSamples++;
        // Stored at export (measure_province_summary) for the same filters.
        rows += await same(measureSummary({ ...p, dimension: d }).sql, direct.measureSummary(f, indicator, d), tag('measureSummary', f, d));
        // The panel asks the sample and the summary as one request (measuresShown): split, each is its own answer.
        const both = splitMeasuresShown(await db.all(measuresShown({ ...p, dimension: d }).sql));
        expect(both.sample, tag('measuresShown sample', f, d)).toEqual(await db.all(direct.measureRows(f, indicator, d, MEASURES_SHOWN_PER_PROVINCE)));
        expect(both.summary, tag('measuresShown summary', f, d)).toEqual(await db.all(direct.measureSummary(f, indicator, d)));
        rows += both.sample.length + both.summary.length;
      }
    }
  }
  // Compare: the two provinces with most cases, each way round, with each filter.
  const [a, b] = (await db.all(direct.compareProvinces)).map((r) => String(r.province));
  rows += await same(compareProvinces().sql, direct.compareProvinces, 'compare.provinces');
  // Compare reads only its two provinces' rows of case_summary (the same SQL either way round).
  const summaryOfTwo = await db.all(caseSummaryRowsOf([a, b]));
  expect(caseSummaryRowsOf([b, a]).sql).toBe(caseSummaryRowsOf([a, b]).sql);
  expect(summaryOfTwo.filter((r) => r.sort === null).every((r) => r.province === a || r.province === b)).toBe(true);
  // Its measures panel counts dimensions from the two provinces' rows of measure_summary, every indicator, read once.
  const measuresOfTwo = await db.all(measureSummaryRowsOf([a, b]));
  expect(measureSummaryRowsOf([b, a]).sql).toBe(measureSummaryRowsOf([a, b]).sql);
  expect(measuresOfTwo.length).toBeGreaterThan(0);
  for (const f of filters) {
    for (const [x, y] of [[a, b], [b, a]]) {
      rows += await same(compareShares({ filters: f, a: x, b: y }).sql, direct.compareShares(f, x, y), tag('compare.shares', f, x));
      expect(sharesFromSummary(summary, f, x, y), tag('summary shares', f, x)).toEqual(await db.all(direct.compareShares(f, x, y)));
      expect(sharesFromSummary(summaryOfTwo, f, x, y), tag('summary shares of two', f, x)).toEqual(await db.all(direct.compareShares(f, x, y)));
      for (const indicator of indicators) {
        const p = { filters: f, a: x, b: y, indicator };
        const measureCounts = await db.all(measureSummaryRows(indicator));
        const dimensions = measureDimensions({ filters: f, indicator, provinces: [x, y] });
        expect(dimensionsFromSummary(measureCounts, f, [x, y]), tag('summary compare dimensions', f, indicator)).toEqual(await db.all(dimensions));
        expect(dimensionsFromSummary(measureCountsOf(measuresOfTwo, indicator), f, [x, y]), tag('summary compare dimensions of two', f, indicator)).toEqual(
          await db.all(dimensions),
        );
        expect(sortedRows(await db.all(dimensions)), tag('compare.measureDimensions', f, indicator)).toEqual(
          sortedRows(await db.all(direct.measureDimensions({ ...f, provinces: [x, y] }, indicator))),
        );
        rows += await same(compareCases(p).sql, direct.caseList({ ...f, provinces: [] }, indicator, [x, y]), tag('compare.cases', f, indicator));
        const firsts = { ...p, perProvince: 3 };
        rows += await same(compareCases(firsts).sql, direct.caseList({ ...f, provinces: [] }, indicator, [x, y], 3), tag('compare.cases first 3', f, indicator));
        rows += await same(comparePairs(p).sql, direct.comparePairs(f, x, y, indicator), tag('compare.pairs', f, `${x} ${indicator}`));
        pagedPairs += await expectPairPages(p, await db.all(direct.comparePairs(f, x, y, indicator)), tag('compare.pairsPage', f, `${x} ${indicator}`));
        for (const { dimension } of (await db.all(direct.measureDimensions(f, indicator))).slice(0, 1)) {
          const d = String(dimension);
          const shown = measureRows({ filters: f, indicator, dimension: d, provinces: [x, y], perProvince: MEASURES_SHOWN_PER_PROVINCE });
          rows += await same(shown.sql, direct.measureRows({ ...f, provinces: [x, y] }, indicator, d, MEASURES_SHOWN_PER_PROVINCE), tag('compare.measures', f, d));
          const summary = measureSummary({ filters: f, indicator, dimension: d, provinces: [x, y] }).sql;
          const inOrder = `CASE c.province WHEN ${literal(x)} THEN 0 WHEN ${literal(y)} THEN 1 END, c.province`;
          rows += await same(summary, direct.measureSummary({ ...f, provinces: [x, y] }, indicator, d).replace('cases DESC, c.province', inOrder), tag('compare.measureSummary', f, d));
          const both = splitMeasuresShown(await db.all(measuresShown({ filters: f, indicator, dimension: d, provinces: [x, y] }).sql));
          expect(both.sample, tag('compare.measuresShown sample', f, d)).toEqual(await db.all(direct.measureRows({ ...f, provinces: [x, y] }, indicator, d, MEASURES_SHOWN_PER_PROVINCE)));
          expect(both.summary, tag('compare.measuresShown summary', f, d)).toEqual(
            await db.all(direct.measureSummary({ ...f, provinces: [x, y] }, indicator, d).replace('cases DESC, c.province', inOrder)),
          );
        }
      }
    }
  }
  rows += await same(documentsQuery().sql, direct.documents, 'data.documents');
  rows += await same(taxonomyQuery().sql, direct.taxonomy, 'data.taxonomy');
  rows += await same(tableCountsQuery(['documents', 'cases', 'metrics', 'indicators', 'similar']).sql, direct.tableCounts, 'data.tableCounts');
  return rows;
}

describe('the views’ indexes', () => {
  it('answer every view question as the full tables do, with and without filters', async () => {
    storedSamples = 0;
    storedScoped = 0;
    pagedPairs = 0;
    const compared = await expectSameAnswers(filterCases);
    expect(pagedPairs).toBeGreaterThan(0);
    // Both ways of sampling the measures were compared (stored: without filters and with a year or a year and a
    // level; computed: with a city or two years).
    expect(storedSamples).toBeGreaterThan(0);
    expect(storedScoped).toBeGreaterThan(0);
    // Not vacuous: real rows were compared, and the search found cases.
    expect(compared).toBeGreaterThan(1000);
    expect((await db.all(searchCases({ filters: EMPTY_FILTERS, search: term, sort: '', page: 0 }).sql)).length).toBeGreaterThan(1);
  }, 180_000); // every view question under every filter state of the corpus: ~20 s alone, three times that beside other files under load

  it('follow cases the analyst re-files', async () => {
    // Re-file the indicator's cases that have measures and money or count figures into another indicator.
    const moved = await db.all(`SELECT DISTINCT m.case_id FROM metrics m JOIN cases c USING (case_id)
      WHERE c.indicator = ${literal(indicators[0])} AND (m.dimension IS NOT NULL OR m.kind IN ('money', 'count')) ORDER BY 1 LIMIT 5`);
    expect(moved.length).toBeGreaterThan(0);
    const labels = moved.map((r) => ({ case_id: String(r.case_id), indicator: indicators[1], labelled_at: '2026-01-01T00:00:00Z' }));
    const before = await db.all(caseListSql({ filters: EMPTY_FILTERS, indicator: indicators[1] }));
    try {
      for (const sql of [...replaceLabelsSql(labels), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      const after = await db.all(caseListSql({ filters: EMPTY_FILTERS, indicator: indicators[1] }));
      expect(after.length).toBe(before.length + moved.length);
      await expectSameAnswers(filterCases.slice(0, 2));
    } finally {
      for (const sql of [...replaceLabelsSql([]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
    }
  }, 180_000);

  it('include a document imported in the browser, and its re-filed case', async () => {
    // A published document copied as an import under new ids (same text, figures and places).
    const [{ doc_id: doc }] = await db.all(`SELECT doc_id FROM cases GROUP BY doc_id ORDER BY count(*) DESC, doc_id LIMIT 1`);
    const d = literal(String(doc));
    const copy = importCopySql(String(doc));
    const [{ case_id: refiled }] = await db.all(`SELECT case_id || '-copy' AS case_id FROM base_cases WHERE doc_id = ${d} AND duplicate_of IS NULL ORDER BY 1 LIMIT 1`);
    const label = [{ case_id: String(refiled), indicator: indicators[2], labelled_at: '2026-01-01T00:00:00Z' }];
    try {
      for (const sql of [...copy, ...replaceLabelsSql(label), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      const [{ n }] = await db.all(`SELECT count(*) AS n FROM case_list WHERE case_id LIKE '%-copy'`);
      expect(Number(n)).toBeGreaterThan(1);
      const [{ pairs }] = await db.all(`SELECT count(*) AS pairs FROM pair_facts WHERE case_id LIKE '%-copy' OR other_case_id LIKE '%-copy'`);
      expect(Number(pairs)).toBeGreaterThan(0);
      await expectSameAnswers(filterCases.slice(0, 2));
    } finally {
      for (const sql of CLEAR_WORKSPACE_SQL) await db.all(sql);
    }
  }, 180_000);
});
