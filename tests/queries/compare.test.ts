// Compare-view queries against the exported Parquet (npm run etl): valid SQL and real outcomes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCases, comparePairs, comparePairsPage, compareProvinces, compareShares } from '../../src/queries/compare.ts';
import { caseSummaryRowsOf } from '../../src/queries/view-summaries.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { expectDeclaredColumns } from './columns.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

const A = '福建省';
const B = '陕西省';
const base = { filters: EMPTY_FILTERS, a: A, b: B };

async function nonDuplicateCount(province: string, extra = ''): Promise<number> {
  const [row] = await db.all(
    `SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL AND province = '${province}' ${extra}`,
  );
  return Number(row.n);
}

/** An indicator both provinces have cases of (the one with most cases in total). */
async function sharedIndicator(): Promise<string> {
  const rows = await db.all(compareShares(base));
  const both = rows.filter((r) => Number(r.a_cases) > 0 && Number(r.b_cases) > 0);
  expect(both.length).toBeGreaterThan(0);
  both.sort((x, y) => Number(y.a_cases) + Number(y.b_cases) - Number(x.a_cases) - Number(x.b_cases));
  return String(both[0].indicator);
}

describe('compare queries', () => {
  it('are valid SQL, also with quotes in the values', async () => {
    const odd = { filters: { ...EMPTY_FILTERS, cities: ["O'Hara"] }, a: "A'", b: 'B"', indicator: "x'y" };
    for (const q of [compareProvinces(), compareShares(odd), compareCases(odd), comparePairs(odd), comparePairsPage({ ...odd, page: 1 }), caseSummaryRowsOf([odd.a, odd.b])]) {
      await expect(db.explain(q)).resolves.toBeUndefined();
    }
  });

  it('lists both default provinces among the provinces to pick', async () => {
    const names = (await db.all(compareProvinces())).map((r) => r.province);
    expect(names).toContain(A);
    expect(names).toContain(B);
  });

  it('gives shares of each province that sum to 100 % over the indicators', async () => {
    const rows = await db.all(compareShares(base));
    const aTotal = await nonDuplicateCount(A);
    const bTotal = await nonDuplicateCount(B);
    expect(aTotal).toBeGreaterThan(0);
    expect(bTotal).toBeGreaterThan(0);
    const sum = (key: 'a_cases' | 'b_cases' | 'a_pct' | 'b_pct') => rows.reduce((s, r) => s + r[key], 0);
    expect(sum('a_cases')).toBe(aTotal);
    expect(sum('b_cases')).toBe(bTotal);
    // Shares are rounded to 1 decimal per indicator.
    expect(Math.abs(sum('a_pct') - 100)).toBeLessThanOrEqual(0.05 * rows.length);
    expect(Math.abs(sum('b_pct') - 100)).toBeLessThanOrEqual(0.05 * rows.length);
    for (const r of rows) expect(Number(r.a_pct)).toBeCloseTo((100 * Number(r.a_cases)) / aTotal, 1);
    // The whole taxonomy is listed, covered or not, so gaps show.
    const [{ n }] = await db.all('SELECT count(*) AS n FROM indicators');
    expect(rows.length).toBeGreaterThanOrEqual(Number(n));
  });

  it('keeps the other filters: a year filter restricts the totals to that year', async () => {
    const [{ year }] = await db.all(`SELECT min(year) AS year FROM cases WHERE province = '${A}' AND duplicate_of IS NULL`);
    const filters: Filters = { ...EMPTY_FILTERS, years: [Number(year)], provinces: ['ignored-by-compare'] };
    const rows = await db.all(compareShares({ filters, a: A, b: B }));
    expect(Number(rows[0].a_total)).toBe(await nonDuplicateCount(A, `AND year = ${Number(year)}`));
  });

  it('lists the chosen indicator’s cases of both provinces with their key figures', async () => {
    const indicator = await sharedIndicator();
    const rows = await db.all(compareCases({ ...base, indicator }));
    const expected = await db.all(
      `SELECT case_id FROM cases WHERE duplicate_of IS NULL AND indicator = '${indicator}' AND province IN ('${A}', '${B}')`,
    );
    expect(rows.map((r) => r.case_id).sort()).toEqual(expected.map((r) => r.case_id).sort());
    expect(new Set(rows.map((r) => r.province))).toEqual(new Set([A, B]));
    for (const r of rows) {
      expect(Array.isArray(r.figures)).toBe(true);
      expect((r.figures as string[]).length).toBeLessThanOrEqual(4);
    }
    // Figures are phrases of the case's own metrics.
    const withFigures = rows.find((r) => (r.figures as string[]).length > 0);
    if (withFigures) {
      const texts = await db.all(`SELECT text FROM metrics WHERE case_id = '${withFigures.case_id}'`);
      // A reform measure carries its change after the phrase: "…（5天 → 1.5天，−70%）".
      for (const f of withFigures.figures as string[]) expect(texts.map((t) => t.text)).toContain(f.replace(/（[^（）]*→[^（）]*）$/, ''));
    }
  });

  it('gives each case of A its strong and related counterparts in B, or else its three nearest weak ones', async () => {
    const indicator = await sharedIndicator();
    const pairs = await db.all(comparePairs({ ...base, indicator }));
    const aCases = await db.all(
      `SELECT case_id FROM cases WHERE duplicate_of IS NULL AND indicator = '${indicator}' AND province = '${A}'`,
    );
    expect([...new Set(pairs.map((p) => p.a_case_id))].sort()).toEqual(aCases.map((r) => r.case_id).sort());
    const paired = pairs.filter((p) => p.b_case_id !== null);
    expect(paired.length).toBeGreaterThan(0);
    for (const id of new Set(paired.map((p) => String(p.a_case_id)))) {
      const mine = paired.filter((p) => p.a_case_id === id);
      // Every similar row of this case with a case of B, either direction, with its strength.
      const all = await db.all(
        `SELECT c.case_id AS other, s.strength FROM "similar" s JOIN cases c
           ON c.case_id = CASE WHEN s.case_id = '${id}' THEN s.other_case_id ELSE s.case_id END
         WHERE '${id}' IN (s.case_id, s.other_case_id) AND c.province = '${B}' AND c.duplicate_of IS NULL`,
      );
      const counterparts = new Set(all.filter((r) => r.strength !== 'weak').map((r) => String(r.other)));
      if (counterparts.size > 0) {
        expect(mine.every((p) => p.has_counterpart === true && p.strength !== 'weak')).toBe(true);
        expect(new Set(mine.map((p) => String(p.b_case_id)))).toEqual(counterparts);
      } else {
        expect(mine.every((p) => p.has_counterpart === false && p.strength === 'weak')).toBe(true);
        expect(mine.length).toBe(Math.min(3, new Set(all.map((r) => r.other)).size));
      }
      for (const p of mine) {
        const [other] = await db.all(`SELECT province FROM cases WHERE case_id = '${p.b_case_id}'`);
        expect(other.province).toBe(B);
      }
      // Within a case of A: strong before related before weak, then best score first.
      const order = mine.map((p) => ['strong', 'related', 'weak'].indexOf(String(p.strength)) * 10 - Number(p.score));
      expect([...order].sort((x, y) => x - y)).toEqual(order);
    }
    // Cases of A with counterparts come first.
    const flags = [...new Map(pairs.map((p) => [p.a_case_id, p.has_counterpart === true])).values()];
    expect(flags.indexOf(false) === -1 || flags.slice(flags.indexOf(false)).every((f) => !f)).toBe(true);
  });

  it('pairs the two provinces’ electricity cases with each other', async () => {
    const pairs = await db.all(comparePairs({ ...base, indicator: 'electricity' }));
    const paired = pairs.filter((p) => p.b_case_id !== null);
    expect(paired.length).toBeGreaterThan(0);
    // Fujian's electricity cases have Shaanxi electricity counterparts, said to share the indicator.
    expect(paired.some((p) => p.b_indicator === 'electricity' && p.strength !== 'weak' && p.same_indicator === true)).toBe(true);
  });

  it('return the columns their row types declare', async () => {
    const indicator = await sharedIndicator();
    await expectDeclaredColumns(db, compareProvinces());
    await expectDeclaredColumns(db, compareShares(base));
    await expectDeclaredColumns(db, compareCases({ ...base, indicator }));
    await expectDeclaredColumns(db, compareCases({ ...base, indicator, perProvince: 5 }));
    await expectDeclaredColumns(db, comparePairs({ ...base, indicator }));
    await expectDeclaredColumns(db, comparePairsPage({ ...base, indicator, page: 0 }));
    await expectDeclaredColumns(db, caseSummaryRowsOf([A, B]));
  });
});
