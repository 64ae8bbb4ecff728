// The Overview's queries read case_summary (cases counted per filter combination). Each answer must be what
// the same question asked of the `cases` view directly gives — for no filter, each kind of filter, and after
// the analyst re-files a case (the summary is recomputed with the workspace change).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_SUMMARY_SQL } from '../../src/sql/workspace-views.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';
import { byBatchQuery, byCityQuery, byIndicatorQuery, byLevelQuery, heatmapQuery, OVERVIEW_QUERIES, totalsQuery } from '../../src/queries/overview.ts';
import { caseWhere, inList } from '../../src/queries/sql.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
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

let db: DataDb;
let filterCases: Filters[];
beforeAll(async () => {
  db = await openDataDb();
  // Filters taken from the data: the two largest provinces, the most common indicator, a city, a level, a year.
  const top = async (column: string) =>
    (await db.all(`SELECT ${column} AS v FROM cases WHERE duplicate_of IS NULL AND ${column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`)).map((r) => r.v);
  const [provinces, indicators, cities, levels, years] = await Promise.all(['province', 'indicator', 'city', 'level', 'year'].map(top));
  filterCases = [
    EMPTY_FILTERS,
    { ...EMPTY_FILTERS, provinces: [String(provinces[0])] },
    { ...EMPTY_FILTERS, indicators: [String(indicators[0])] },
    { ...EMPTY_FILTERS, provinces: provinces.map(String), indicators: [String(indicators[0])] },
    { ...EMPTY_FILTERS, cities: [String(cities[0])] },
    { ...EMPTY_FILTERS, levels: [String(levels[1] ?? levels[0]) as Filters['levels'][number]] },
    { ...EMPTY_FILTERS, years: [Number(years[0])] },
  ];
});
afterAll(() => db?.close());

async function expectSameAnswers(filters: Filters): Promise<void> {
  for (const name of Object.keys(direct) as (keyof typeof direct)[]) {
    // Each pair's rows are compared as plain rows: the two routes of one answer declare one row type.
    const expected = await db.all<object>(direct[name](filters));
    const got = await db.all<object>(viaSummary[name](filters));
    expect(got, `${name} ${JSON.stringify(filters)}`).toEqual(expected);
  }
}

describe('Overview queries over case_summary', () => {
  it('answer as the cases themselves do, with and without each kind of filter', async () => {
    for (const filters of filterCases) await expectSameAnswers(filters);
    // Not vacuous: the totals have cases and figures.
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
      for (const filters of filterCases.slice(0, 3)) await expectSameAnswers(filters);
    } finally {
      for (const sql of [...replaceLabelsSql([]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
    }
    expect(await db.all(byIndicatorQuery(EMPTY_FILTERS))).toEqual(before);
  });

  it('return the columns their row types declare, filtered or not', async () => {
    for (const make of OVERVIEW_QUERIES) {
      for (const filters of [EMPTY_FILTERS, filterCases[filterCases.length - 1]]) await expectDeclaredColumns(db, make(filters));
    }
  });
});
