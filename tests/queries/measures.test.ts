// Reform-measure queries (src/queries/measures.ts) against the exported dataset: valid SQL, and answers
// that agree with the metrics table they summarise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseMeasures, DIMENSIONS, measureDimensions, measureRows, measuresShown, measureSummary } from '../../src/queries/measures.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { expectDeclaredColumns } from './columns.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The two provinces with most cases, and the indicator both report most time measures for. */
async function comparedPair(): Promise<{ a: string; b: string; indicator: string }> {
  const provinces = await db.all(`SELECT province, count(*) AS n FROM cases WHERE duplicate_of IS NULL AND province IS NOT NULL GROUP BY province ORDER BY n DESC, province LIMIT 2`);
  expect(provinces).toHaveLength(2);
  const [a, b] = provinces.map((p) => String(p.province));
  const rows = await db.all(`SELECT c.indicator, count(DISTINCT c.province) AS provinces, count(*) AS n FROM metrics m JOIN cases c USING (case_id)
    WHERE c.duplicate_of IS NULL AND m.dimension = 'time' AND m.after_value IS NOT NULL AND c.province IN ('${a}', '${b}')
    GROUP BY c.indicator ORDER BY provinces DESC, n DESC, c.indicator LIMIT 1`);
  expect(Number(rows[0].provinces)).toBe(2);
  return { a, b, indicator: String(rows[0].indicator) };
}

describe('reform-measure queries', () => {
  it('are valid SQL, also with quotes in the values', async () => {
    const p = { filters: { ...EMPTY_FILTERS, provinces: ["a'b"] }, indicator: "x'y", dimension: "t'ime" };
    for (const q of [measureDimensions(p), measureRows(p), measureSummary(p), measureRows({ ...p, provinces: ["o'k", 'b'] }), measuresShown(p), measuresShown({ ...p, provinces: ["o'k", 'b'] }), caseMeasures("c'1")]) {
      await expect(db.explain(q)).resolves.toBeUndefined();
    }
  });

  it('the export holds every dimension of the contract and nothing else; before/after only with a dimension or a stated change', async () => {
    const dims = await db.all('SELECT DISTINCT dimension FROM metrics WHERE dimension IS NOT NULL');
    for (const d of dims) expect(DIMENSIONS).toContain(d.dimension);
    for (const d of ['time', 'documents', 'visits', 'steps', 'cost', 'cost_saving']) expect(dims.map((r) => r.dimension)).toContain(d);
    const [{ n }] = await db.all('SELECT count(*) AS n FROM metrics WHERE dimension IS NULL AND reduction_pct IS NOT NULL');
    expect(Number(n)).toBe(0);
    const [{ bad }] = await db.all(`SELECT count(*) AS bad FROM metrics WHERE dimension = 'time' AND after_value IS NOT NULL AND unit_norm <> '天'`);
    expect(Number(bad)).toBe(0);
  });

  it('lists one indicator’s dimensions with the counts of its measures', async () => {
    const { indicator } = await comparedPair();
    const rows = await db.all(measureDimensions({ filters: EMPTY_FILTERS, indicator }));
    const direct = await db.all(`SELECT m.dimension, count(*) AS n FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND c.indicator = '${indicator}' AND m.dimension IS NOT NULL GROUP BY m.dimension`);
    expect(Object.fromEntries(rows.map((r) => [r.dimension, Number(r.measures)]))).toEqual(Object.fromEntries(direct.map((r) => [r.dimension, Number(r.n)])));
    expect(rows.map((r) => DIMENSIONS.indexOf(r.dimension as never))).toEqual([...rows.map((r) => DIMENSIONS.indexOf(r.dimension as never))].sort((x, y) => x - y));
  });

  it('gives each time measure its phrase, before → after in days and the cut it implies', async () => {
    const { indicator } = await comparedPair();
    const rows = await db.all(measureRows({ filters: EMPTY_FILTERS, indicator, dimension: 'time' }));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.dimension).toBe('time');
      expect(String(r.text)).not.toBe('');
      if (r.before_value !== null && r.after_value !== null && Number(r.before_value) > 0) {
        expect(Number(r.reduction_pct)).toBeCloseTo((100 * (Number(r.before_value) - Number(r.after_value))) / Number(r.before_value), 0);
      }
      // A phrase written in working days on both sides keeps its numbers: "由5个工作日以上压缩至1个工作日" → 5 → 1.
      const m = /(\d+(?:\.\d+)?)个工作日\D*?(\d+(?:\.\d+)?)个工作日/.exec(String(r.text));
      if (m && r.before_value !== null) {
        expect(Number(r.before_value)).toBe(Number(m[1]));
        expect(Number(r.after_value)).toBe(Number(m[2]));
      }
    }
  });

  it('answers “A vs B: how long does it take after reform, and by how much was it cut?” from the rows it summarises', async () => {
    const { a, b, indicator } = await comparedPair();
    const params = { filters: EMPTY_FILTERS, indicator, dimension: 'time', provinces: [a, b] };
    const rows = await db.all(measureRows(params));
    expect(new Set(rows.map((r) => r.province))).toEqual(new Set([a, b]));
    const summary = await db.all(measureSummary(params));
    expect(summary.map((s) => s.province)).toEqual([a, b]);
    for (const s of summary) {
      const mine = rows.filter((r) => r.province === s.province);
      const afters = mine.filter((r) => r.after_value !== null).map((r) => Number(r.after_value));
      const cuts = mine.filter((r) => r.reduction_pct !== null).map((r) => Number(r.reduction_pct));
      expect(Number(s.measures)).toBe(mine.length);
      expect(Number(s.n_after)).toBe(afters.length);
      expect(afters.length).toBeGreaterThan(0);
      expect(Number(s.median_after)).toBeCloseTo(median(afters), 9);
      expect(Number(s.min_after)).toBe(Math.min(...afters));
      if (cuts.length) expect(Number(s.median_reduction_pct)).toBeCloseTo(median(cuts), 9);
      else expect(s.median_reduction_pct).toBeNull();
    }
    // The filter bar's provinces do not narrow the comparison (the view picks its own two).
    const filtered = await db.all(measureRows({ ...params, filters: { ...EMPTY_FILTERS, provinces: [a] } }));
    expect(filtered.length).toBe(rows.length);
  });

  it('lists a case’s measures only', async () => {
    const [{ case_id }] = await db.all(`SELECT case_id FROM metrics WHERE dimension IS NOT NULL ORDER BY case_id LIMIT 1`);
    const rows = await db.all(caseMeasures(String(case_id)));
    const [{ n }] = await db.all(`SELECT count(*) AS n FROM metrics WHERE case_id = '${case_id}' AND dimension IS NOT NULL`);
    expect(rows.length).toBe(Number(n));
    for (const r of rows) expect(r.dimension).not.toBeNull();
  });

  it('return the columns their row types declare, for one indicator and for compared provinces', async () => {
    const { a, b, indicator } = await comparedPair();
    for (const provinces of [undefined, [a, b]]) {
      const params = { filters: EMPTY_FILTERS, indicator, dimension: 'time', provinces };
      await expectDeclaredColumns(db, measureDimensions(params));
      await expectDeclaredColumns(db, measureRows(params));
      await expectDeclaredColumns(db, measureRows({ ...params, perProvince: 5 }));
      await expectDeclaredColumns(db, measureSummary(params));
      await expectDeclaredColumns(db, measuresShown(params));
    }
    const [{ case_id }] = await db.all(`SELECT case_id FROM metrics WHERE dimension IS NOT NULL ORDER BY case_id LIMIT 1`);
    await expectDeclaredColumns(db, caseMeasures(String(case_id)));
  });
});
