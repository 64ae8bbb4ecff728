// The Overview's queries read case_summary (cases counted per filter combination). Each answer must be what
// the same question asked of the `cases` view directly gives — for no filter, each kind of filter, and after
// the analyst re-files a case or imports a document (the summary is recomputed with the workspace change).
// The view draws its charts from case_summary read once and summed in JS (overview-sums.ts) while their CSV and
// "SQL" button give the query: each sum must be the query's answer, rows, values and order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_SUMMARY_SQL } from '../../src/sql/workspace-views.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';
import { byBatchQuery, byCityQuery, byIndicatorQuery, byLevelQuery, heatmapQuery, OVERVIEW_QUERIES, totalsQuery } from '../../src/queries/overview.ts';
import { caseWhere, inList, literal } from '../../src/queries/sql.ts';
import { documentsByRows, heatmapFromSummary, overviewFromSummary, singleDocumentDimension, type OverviewSummaries } from '../../src/queries/overview-sums.ts';
import { documentSummaryRows, overviewSummaryRows } from '../../src/queries/summaries.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { commonestFilterValues } from '../helpers/commonest.ts';
import { CLEAR_WORKSPACE_SQL, importCopySql } from '../helpers/workspace-copy.ts';
import { expectDeclaredColumns } from './columns.ts';

// The questions asked of the cases themselves (the Overview's SQL before the summary existed).
const direct = {
  totals: (f: Filters) => `WITH c AS (SELECT * FROM cases WHERE ${caseWhere(f)})
SELECT
  (SELECT count(*) FROM documents d WHERE ${['TRUE', ...(f.provinces.length ? [inList('province', f.provinces)] : []), ...(f.years.length ? [inList('year', f.years)] : []), ...(f.batches.length ? [inList('batch', f.batches)] : [])].join(' AND ')}
     -- an indicator, city or level filter: only the documents with a case under the filters are its sources
     AND (${!(f.indicators.length || f.cities.length || f.levels.length)} OR EXISTS (SELECT 1 FROM c WHERE c.doc_id = d.doc_id)))::INTEGER AS documents,
  (SELECT count(*) FROM c)::INTEGER AS cases,
  (SELECT count(DISTINCT province) FROM c)::INTEGER AS provinces,
  (SELECT count(DISTINCT city) FROM c)::INTEGER AS cities,
  (SELECT count(DISTINCT indicator) FROM c)::INTEGER AS indicators,
  (SELECT count(*) FROM metrics m JOIN c ON m.case_id = c.case_id)::INTEGER AS figures`,
  heatmap: (f: Filters) => `WITH c AS (SELECT province, indicator FROM cases WHERE ${caseWhere(f)} AND province IS NOT NULL),
totals AS (SELECT province, count(*) AS total FROM cases WHERE ${caseWhere(f, { omit: 'indicators' })} AND province IS NOT NULL GROUP BY province)
SELECT c.province, c.indicator, i.name_zh, i.name_en, coalesce(i.sort, 999)::INTEGER AS sort, count(*)::INTEGER AS cases,
  totals.total::INTEGER AS province_cases, round(count(*) / totals.total, 4)::DOUBLE AS share
FROM c JOIN totals USING (province) LEFT JOIN indicators i ON i.code = c.indicator
GROUP BY c.province, c.indicator, i.name_zh, i.name_en, i.sort, totals.total
ORDER BY sort, c.indicator, c.province`,
  byIndicator: (f: Filters) => `SELECT c.indicator, i.name_zh, i.name_en, coalesce(i.sort, 999)::INTEGER AS sort, c.province, count(*)::INTEGER AS cases
FROM cases c LEFT JOIN indicators i ON i.code = c.indicator WHERE ${caseWhere(f, { alias: 'c' })}
GROUP BY c.indicator, i.name_zh, i.name_en, i.sort, c.province ORDER BY sort, c.indicator, c.province`,
  byCity: (f: Filters) => `SELECT province, city, count(*)::INTEGER AS cases FROM cases WHERE ${caseWhere(f)}
GROUP BY province, city ORDER BY cases DESC, province, city NULLS LAST`,
  byLevel: (f: Filters) => `SELECT level, province, count(*)::INTEGER AS cases FROM cases WHERE ${caseWhere(f)}
GROUP BY level, province ORDER BY CASE level WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 4 END, province`,
  byBatch: (f: Filters) => `SELECT year, batch, province, count(*)::INTEGER AS cases FROM cases WHERE ${caseWhere(f)}
GROUP BY year, batch, province ORDER BY year NULLS LAST, batch NULLS LAST, province`,
};
const viaSummary = { totals: totalsQuery, heatmap: heatmapQuery, byIndicator: byIndicatorQuery, byCity: byCityQuery, byLevel: byLevelQuery, byBatch: byBatchQuery };
// The answers summed in JS, as the view sums them (all six in one pass); null: not a sum under these filters (the
// totals' distinct documents under two values or two of the indicator, city and level filters), the view asks the query.
/** How many totals were summed rather than asked, and of them under an indicator, city or level filter (expectSameAnswers). */
let summedTotals = 0;
let summedDistinctDocuments = 0;

/** What the view reads once: case_summary, the documents per province, year and batch, and per value of each dimension. */
async function readSummaries(): Promise<OverviewSummaries> {
  return {
    rows: await db.all(overviewSummaryRows()),
    documents: await db.all(documentSummaryRows()),
    documentsBy: { indicator: await db.all(documentsByRows('indicator')), city: await db.all(documentsByRows('city')), level: await db.all(documentsByRows('level')) },
  };
}

let db: DataDb;
let filterCases: Filters[];
beforeAll(async () => {
  db = await openDataDb();
  // Filters taken from the data: the two largest provinces, the most common indicator, a city, a level, a year.
  const { provinces, indicators, cities, levels, years, batches, level } = await commonestFilterValues(db, 2);
  filterCases = [
    EMPTY_FILTERS,
    { ...EMPTY_FILTERS, provinces: [String(provinces[0])] },
    { ...EMPTY_FILTERS, indicators: [String(indicators[0])] },
    { ...EMPTY_FILTERS, provinces: provinces.map(String), indicators: [String(indicators[0])] },
    { ...EMPTY_FILTERS, cities: [String(cities[0])] },
    { ...EMPTY_FILTERS, levels: [String(levels[1] ?? levels[0]) as Filters['levels'][number]] },
    { ...EMPTY_FILTERS, years: [Number(years[0])] },
    { ...EMPTY_FILTERS, batches: [Number(batches[0])] },
    { ...EMPTY_FILTERS, indicators: indicators.map(String) },
    { ...EMPTY_FILTERS, years: years.map(Number), levels: [level(0)], batches: batches.map(Number) },
    { ...EMPTY_FILTERS, years: [Number(years[0])], levels: [level(1)] },
    { ...EMPTY_FILTERS, cities: cities.map(String) },
    { ...EMPTY_FILTERS, indicators: [String(indicators[0])], levels: [level(0)] },
    { ...EMPTY_FILTERS, provinces: [String(provinces[1] ?? provinces[0])], cities: cities.map(String), indicators: [String(indicators[1] ?? indicators[0])] },
    // A value the data has beside one it has not (the in-memory sums look values up by code: the unknown one has none).
    { ...EMPTY_FILTERS, provinces: [String(provinces[0]), 'no such province'], years: [Number(years[0]), 1900] },
    // Nothing matches: every answer empty (the totals zero).
    { ...EMPTY_FILTERS, provinces: ['no such province'] },
  ];
});
afterAll(() => db?.close());

/** Each answer three ways — the cases directly, the named query, the sum of case_summary — under each filter; returns the rows compared. */
async function expectSameAnswers(filterList: Filters[]): Promise<number> {
  // Read once, as the view reads them.
  const summaries = await readSummaries();
  // The real data has no document whose cases lie in two provinces, years or batches: the documents per value add up.
  expect(Object.values(summaries.documentsBy!).flat().every((r) => r.split === 0)).toBe(true);
  // The documents per value (counted at export, recounted once the workspace changed) are those of the cases themselves.
  for (const [dimension, rows] of Object.entries(summaries.documentsBy!)) {
    const expected = await db.all(`SELECT province, year, batch, ${dimension}::VARCHAR AS value, count(DISTINCT doc_id)::INTEGER AS documents FROM cases GROUP BY ALL`);
    const key = (r: object) => JSON.stringify(r);
    expect(rows!.map(({ split: _split, ...r }) => key(r)).sort(), `documents per ${dimension}`).toEqual(expected.map(key).sort());
  }
  let compared = 0;
  for (const filters of filterList) {
    const sums = overviewFromSummary(summaries, filters);
    for (const name of Object.keys(direct) as (keyof typeof direct)[]) {
      // Each pair's rows are compared as plain rows: the two routes of one answer declare one row type.
      const expected = await db.all<object>(direct[name](filters));
      const got = await db.all<object>(viaSummary[name](filters));
      expect(got, `${name} ${JSON.stringify(filters)}`).toEqual(expected);
      const sum = sums[name];
      const caseFilter = filters.indicators.length + filters.cities.length + filters.levels.length > 0;
      const distinctDocuments = name === 'totals' && caseFilter && singleDocumentDimension(filters) === null;
      expect(sum === null, `summed ${name} ${JSON.stringify(filters)} is null`).toBe(distinctDocuments);
      if (sum !== null) expect(sum, `summed ${name} ${JSON.stringify(filters)}`).toEqual(got);
      if (sum !== null && name === 'totals') summedTotals++;
      if (sum !== null && name === 'totals' && caseFilter) summedDistinctDocuments++;
      compared += expected.length;
    }
  }
  return compared;
}

describe('Overview queries over case_summary', () => {
  it('answer as the cases themselves do, with and without each kind of filter', async () => {
    // Not vacuous: real rows were compared, shares below one among them, and the totals have cases and figures.
    summedTotals = 0;
    summedDistinctDocuments = 0;
    expect(await expectSameAnswers(filterCases)).toBeGreaterThan(300);
    expect(summedTotals).toBeGreaterThan(3);
    // One indicator, one city, one level (alone, with a province, with a year): their documents summed per value.
    expect(summedDistinctDocuments).toBeGreaterThanOrEqual(5);
    // A document with cases in two provinces, years or batches would be counted in each: then the tile asks its query.
    const summaries = await readSummaries();
    const oneIndicator = filterCases.find((f) => singleDocumentDimension(f) === 'indicator')!;
    expect(overviewFromSummary(summaries, oneIndicator).totals).not.toBeNull();
    const split = summaries.documentsBy!.indicator!.map((r) => ({ ...r, split: 1 }));
    expect(overviewFromSummary({ ...summaries, documentsBy: { indicator: split } }, oneIndicator).totals).toBeNull();
    const shares = heatmapFromSummary(await db.all(overviewSummaryRows()), EMPTY_FILTERS).map((r) => r.share);
    expect(shares.some((share) => share > 0 && share < 1)).toBe(true);
    const [totals] = await db.all(totalsQuery(EMPTY_FILTERS));
    expect(Number(totals.cases)).toBeGreaterThan(100);
    expect(Number(totals.figures)).toBeGreaterThan(1000);
  });

  it('follow a re-filed case once the summary is refreshed with the change', async () => {
    const [target] = await db.all(`SELECT case_id, indicator FROM cases WHERE duplicate_of IS NULL AND indicator <> 'tax' ORDER BY case_id LIMIT 1`);
    const before = await db.all(byIndicatorQuery(EMPTY_FILTERS));
    try {
      for (const sql of [...replaceLabelsSql([{ case_id: String(target.case_id), indicator: 'tax', labelled_at: '2026-01-01T00:00:00Z' }]), ...REFRESH_SUMMARY_SQL]) {
        await db.all(sql);
      }
      const after = await db.all(byIndicatorQuery(EMPTY_FILTERS));
      expect(after).not.toEqual(before);
      await expectSameAnswers(filterCases.slice(0, 3));
    } finally {
      for (const sql of [...replaceLabelsSql([]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
    }
    expect(await db.all(byIndicatorQuery(EMPTY_FILTERS))).toEqual(before);
  });

  it('follow a province’s indicator re-filed whole: the cell leaves the heatmap', async () => {
    const [cell] = await db.all(`SELECT province, indicator FROM cases WHERE duplicate_of IS NULL AND province IS NOT NULL
      GROUP BY 1, 2 ORDER BY count(*), 1, 2 LIMIT 1`);
    const [{ other }] = await db.all(`SELECT code AS other FROM indicators WHERE code <> ${literal(String(cell.indicator))} ORDER BY sort LIMIT 1`);
    const moved = await db.all(`SELECT case_id FROM cases WHERE duplicate_of IS NULL AND province = ${literal(String(cell.province))}
      AND indicator = ${literal(String(cell.indicator))}`);
    const labels = moved.map((r) => ({ case_id: String(r.case_id), indicator: String(other), labelled_at: '2026-01-01T00:00:00Z' }));
    try {
      for (const sql of [...replaceLabelsSql(labels), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      const heatmap = heatmapFromSummary(await db.all(overviewSummaryRows()), EMPTY_FILTERS);
      expect(heatmap.find((r) => r.province === cell.province && r.indicator === cell.indicator)).toBeUndefined();
      expect(heatmap.find((r) => r.province === cell.province && r.indicator === other)?.cases).toBeGreaterThanOrEqual(moved.length);
      await expectSameAnswers([...filterCases.slice(0, 4), { ...EMPTY_FILTERS, provinces: [String(cell.province)] }]);
    } finally {
      for (const sql of [...replaceLabelsSql([]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
    }
  });

  it('include a document imported in the browser, and its re-filed case', async () => {
    const [{ doc_id: doc }] = await db.all(`SELECT doc_id FROM cases GROUP BY doc_id ORDER BY count(*) DESC, doc_id LIMIT 1`);
    const [{ case_id: refiled }] = await db.all(`SELECT case_id || '-copy' AS case_id FROM base_cases WHERE doc_id = ${literal(String(doc))} AND duplicate_of IS NULL ORDER BY 1 LIMIT 1`);
    const [{ code }] = await db.all(`SELECT code FROM indicators ORDER BY sort DESC LIMIT 1`);
    const before = await db.all(byIndicatorQuery(EMPTY_FILTERS));
    try {
      const label = [{ case_id: String(refiled), indicator: String(code), labelled_at: '2026-01-01T00:00:00Z' }];
      for (const sql of [...importCopySql(String(doc)), ...replaceLabelsSql(label), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      expect(await db.all(byIndicatorQuery(EMPTY_FILTERS))).not.toEqual(before);
      await expectSameAnswers(filterCases);
    } finally {
      for (const sql of CLEAR_WORKSPACE_SQL) await db.all(sql);
    }
  });

  it('return the columns their row types declare, filtered or not', async () => {
    for (const make of OVERVIEW_QUERIES) {
      for (const filters of [EMPTY_FILTERS, filterCases[filterCases.length - 1]]) await expectDeclaredColumns(db, make(filters));
    }
  });
});
