// Overview queries on the real export: valid SQL (EXPLAIN), and numbers that agree with each other
// and with the raw tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byBatchQuery, byCityQuery, byIndicatorQuery, byLevelQuery, heatmapQuery, OVERVIEW_QUERIES, totalsQuery } from '../../src/queries/overview.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

const sum = (rows: Record<string, unknown>[], key: string) => rows.reduce((s, r) => s + Number(r[key]), 0);

describe('overview queries', () => {
  it('are valid SQL with no filter and with every filter set (including quotes in values)', async () => {
    const all: Filters = {
      provinces: ['福建省', "O'Brien"],
      indicators: ['electricity'],
      cities: ['福州市'],
      levels: ['city'],
      years: [2023],
      batches: [2],
    };
    for (const make of OVERVIEW_QUERIES) {
      for (const filters of [EMPTY_FILTERS, all]) {
        await expect(db.explain(make(filters).sql), make(filters).id).resolves.toBeUndefined();
      }
    }
  });

  it('totals count the non-duplicate cases', async () => {
    const [totals] = await db.all(totalsQuery(EMPTY_FILTERS).sql);
    const [raw] = await db.all('SELECT count(*) AS n, count(DISTINCT province) AS p FROM base_cases WHERE duplicate_of IS NULL');
    expect(totals.cases).toBe(raw.n);
    expect(totals.provinces).toBe(raw.p);
    expect(Number(totals.cases)).toBeGreaterThan(0);
    const [docs] = await db.all('SELECT count(*) AS n FROM documents');
    expect(totals.documents).toBe(docs.n);
  });

  it('heatmap counts sum to the cases count, and shares of each province sum to 1', async () => {
    const [totals] = await db.all(totalsQuery(EMPTY_FILTERS).sql);
    const rows = await db.all(heatmapQuery(EMPTY_FILTERS).sql);
    const [withProvince] = await db.all('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL AND province IS NOT NULL');
    expect(sum(rows, 'cases')).toBe(withProvince.n);
    expect(Number(withProvince.n)).toBeLessThanOrEqual(Number(totals.cases));
    const byProvince = new Map<string, number>();
    for (const r of rows) byProvince.set(String(r.province), (byProvince.get(String(r.province)) ?? 0) + Number(r.share));
    for (const [province, share] of byProvince) expect(share, province).toBeCloseTo(1, 2);
    // every indicator code in the heatmap has names from the taxonomy
    for (const r of rows) expect(r.name_zh, String(r.indicator)).toBeTruthy();
  });

  it('the share ignores the indicator filter: one indicator keeps its share of all the province cases', async () => {
    const all = await db.all(heatmapQuery(EMPTY_FILTERS).sql);
    const top = [...all].sort((a, b) => Number(b.cases) - Number(a.cases))[0];
    const one = await db.all(heatmapQuery({ ...EMPTY_FILTERS, indicators: [String(top.indicator)] }).sql);
    const same = one.find((r) => r.province === top.province)!;
    expect(same.share).toBe(top.share);
    expect(Number(same.share)).toBeLessThan(1);
  });

  it('by indicator, city, level and batch each add up to the same total', async () => {
    const [totals] = await db.all(totalsQuery(EMPTY_FILTERS).sql);
    for (const make of [byIndicatorQuery, byCityQuery, byLevelQuery, byBatchQuery]) {
      const rows = await db.all(make(EMPTY_FILTERS).sql);
      expect(sum(rows, 'cases'), make(EMPTY_FILTERS).id).toBe(totals.cases);
    }
  });

  it('a province filter restricts every chart to that province', async () => {
    const [first] = await db.all('SELECT province FROM cases WHERE province IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
    const filters = { ...EMPTY_FILTERS, provinces: [String(first.province)] };
    const [expected] = await db.all(`SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL AND province = '${first.province}'`);
    for (const make of [heatmapQuery, byIndicatorQuery, byCityQuery, byLevelQuery, byBatchQuery]) {
      const rows = await db.all(make(filters).sql);
      expect(new Set(rows.map((r) => r.province))).toEqual(new Set([first.province]));
      expect(sum(rows, 'cases')).toBe(expected.n);
    }
  });
});
