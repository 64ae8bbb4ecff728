// Indicator-view queries against the exported Parquet (npm run etl): valid SQL and real outcomes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  indicatorByProvince,
  indicatorCaseCounts,
  indicatorCaseTotal,
  indicatorCases,
  indicatorCountUnits,
  indicatorCounts,
  indicatorFigures,
  indicatorMoney,
  indicatorOptions,
} from '../../src/queries/indicator.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { expectDeclaredColumns } from './columns.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

/** The indicator with most figures of a kind (so each test uses data that exists). */
async function indicatorWith(where: string): Promise<string> {
  const rows = await db.all(
    `SELECT c.indicator, count(*) AS n FROM metrics m JOIN cases c USING (case_id)
     WHERE c.duplicate_of IS NULL AND ${where} GROUP BY c.indicator ORDER BY n DESC, c.indicator LIMIT 1`,
  );
  expect(rows.length).toBe(1);
  return String(rows[0].indicator);
}

describe('indicator queries', () => {
  it('are valid SQL, also with quotes in the values', async () => {
    const p = { filters: { ...EMPTY_FILTERS, provinces: ["a'b"] }, indicator: "x'y" };
    for (const q of [indicatorOptions(p.filters), indicatorCaseCounts(p.filters), indicatorByProvince(p), indicatorMoney(p), indicatorCountUnits(p), indicatorCounts({ ...p, unit: "u'" }), indicatorCounts({ ...p, unit: null }), indicatorFigures({ ...p, unit: "u'" }), indicatorCases(p)]) {
      await expect(db.explain(q)).resolves.toBeUndefined();
    }
  });

  it('offers every indicator of the taxonomy with its case count', async () => {
    const rows = await db.all(indicatorOptions(EMPTY_FILTERS));
    const [{ n }] = await db.all('SELECT count(*) AS n FROM indicators');
    expect(rows.length).toBe(Number(n));
    const [{ total }] = await db.all(
      'SELECT count(*) AS total FROM cases WHERE duplicate_of IS NULL AND indicator IN (SELECT code FROM indicators)',
    );
    expect(rows.reduce((s, r) => s + Number(r.cases), 0)).toBe(Number(total));
  });

  it('counts the indicator’s cases per province and their share of the province', async () => {
    const rows = await db.all(indicatorByProvince({ filters: EMPTY_FILTERS, indicator: 'electricity' }));
    const [{ n }] = await db.all(`SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL AND indicator = 'electricity'`);
    expect(Number(n)).toBeGreaterThan(0);
    expect(rows.reduce((s, r) => s + Number(r.cases), 0)).toBe(Number(n));
    for (const r of rows) expect(Number(r.pct)).toBeCloseTo((100 * Number(r.cases)) / Number(r.total), 1);
  });

  it('gives money in 万元 (亿元 × 10 000)', async () => {
    const indicator = await indicatorWith(`m.kind = 'money'`);
    const rows = await db.all(indicatorMoney({ filters: EMPTY_FILTERS, indicator }));
    expect(rows.length).toBeGreaterThan(0);
    const yi = await db.all(
      `SELECT m.text, m.value, m.value_norm FROM metrics m JOIN cases c USING (case_id)
       WHERE c.indicator = '${indicator}' AND m.kind = 'money' AND m.unit LIKE '%亿元%' LIMIT 1`,
    );
    if (yi.length) {
      const row = rows.find((r) => r.text === yi[0].text);
      expect(Number(row?.wan_yuan)).toBeCloseTo(Number(yi[0].value) * 10_000, 6);
    }
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i - 1].wan_yuan)).toBeGreaterThanOrEqual(Number(rows[i].wan_yuan));
  });

  it('lists count figures one unit at a time (never 张, 户 and 家 on one axis), and the indicator’s cases with key figures', async () => {
    const indicator = await indicatorWith(`m.kind = 'count'`);
    const units = await db.all(indicatorCountUnits({ filters: EMPTY_FILTERS, indicator }));
    expect(units.length).toBeGreaterThan(0);
    for (let i = 1; i < units.length; i++) expect(Number(units[i - 1].figures)).toBeGreaterThanOrEqual(Number(units[i].figures));
    for (const u of units) {
      const counts = await db.all(indicatorCounts({ filters: EMPTY_FILTERS, indicator, unit: String(u.unit) }));
      expect(counts.length).toBe(Math.min(Number(u.figures), 40));
      expect(new Set(counts.map((r) => r.unit))).toEqual(new Set([u.unit]));
    }
    const cases = await db.all(indicatorCases({ filters: EMPTY_FILTERS, indicator }));
    const [{ n }] = await db.all(`SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL AND indicator = '${indicator}'`);
    expect(cases.length).toBe(Number(n));
    expect(cases.some((c) => (c.figures as string[]).length > 0)).toBe(true);
  });

  it('return the columns their row types declare', async () => {
    const indicator = await indicatorWith(`m.kind = 'count'`);
    const p = { filters: EMPTY_FILTERS, indicator };
    const [unit] = await db.all(indicatorCountUnits(p));
    for (const q of [indicatorOptions(EMPTY_FILTERS), indicatorCaseCounts(EMPTY_FILTERS), indicatorByProvince(p), indicatorMoney(p), indicatorCountUnits(p), indicatorCases(p), indicatorCaseTotal(p)]) {
      await expectDeclaredColumns(db, q);
    }
    await expectDeclaredColumns(db, indicatorCounts({ ...p, unit: String(unit.unit) }));
    await expectDeclaredColumns(db, indicatorCounts({ ...p, unit: null }));
    await expectDeclaredColumns(db, indicatorFigures({ ...p, unit: null }));
  });
});
