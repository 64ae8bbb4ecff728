// What the reform-measure charts draw of one dimension's measures (measure-chart-rows.ts), on the real
// export: each chart's rows are exactly the measures that state its values — counted here from the metrics
// table directly — in the query's order, and the before → after chart's sample is bounded and spread over all pairs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evenly, measureChartRows, PAIR_CHART_ROWS } from '../../../src/components/cases/measure-chart-rows.ts';
import { afterByProvinceOption, beforeAfterOption, type MeasureChartText } from '../../../src/components/cases/measureCharts.ts';
import { provinceColour } from '../../../src/components/province-colour.ts';
import { placeNameEn } from '../../../src/i18n/places.ts';
import { measureRows, type MeasureRow } from '../../../src/queries/measures.ts';
import { EMPTY_FILTERS } from '../../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../../helpers/data-db.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

/** The indicator and dimension with the most stated before → after pairs: the before → after chart must sample them. */
async function busiest(): Promise<{ indicator: string; dimension: string; pairs: number }> {
  const [row] = await db.all<{ indicator: string; dimension: string; pairs: number }>(`SELECT c.indicator, m.dimension,
    count(*) FILTER (WHERE m.before_value IS NOT NULL AND m.after_value IS NOT NULL) AS pairs
    FROM metrics m JOIN cases c USING (case_id) WHERE c.duplicate_of IS NULL AND m.dimension IS NOT NULL
    GROUP BY ALL ORDER BY pairs DESC, c.indicator, m.dimension LIMIT 1`);
  return row;
}

/** `part` keeps `whole`'s order: every row of it is a row of `whole`, later than the one before. */
function inOrder(part: MeasureRow[], whole: MeasureRow[]): boolean {
  let at = -1;
  for (const r of part) {
    at = whole.indexOf(r, at + 1);
    if (at < 0) return false;
  }
  return true;
}

describe('the measures charts’ rows', () => {
  it('are the measures stating each chart’s values, as the metrics table counts them', async () => {
    const { indicator, dimension } = await busiest();
    const rows = await db.all(measureRows({ filters: EMPTY_FILTERS, indicator, dimension }));
    const drawn = measureChartRows(rows);
    const [direct] = await db.all<{ after: number; reductions: number; pairs: number }>(`SELECT
      count(m.after_value) AS after, count(m.reduction_pct) AS reductions,
      count(*) FILTER (WHERE m.before_value IS NOT NULL AND m.after_value IS NOT NULL) AS pairs
      FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND c.indicator = '${indicator}' AND m.dimension = '${dimension}'`);
    expect(direct.pairs).toBeGreaterThan(0);
    expect(drawn.after.length).toBe(direct.after);
    expect(drawn.reductions.length).toBe(direct.reductions);
    expect(drawn.pairs.all.length).toBe(direct.pairs);
    for (const list of [drawn.after, drawn.reductions, drawn.pairs.all, drawn.pairs.drawn]) expect(inOrder(list, rows)).toBe(true);
  });

  it('draw at most PAIR_CHART_ROWS pairs, the first one and every k-th after it', async () => {
    const { indicator, dimension, pairs } = await busiest();
    const rows = await db.all(measureRows({ filters: EMPTY_FILTERS, indicator, dimension }));
    // A bound below the data's pairs, so the sample is taken whatever the corpus holds.
    const bound = Math.min(PAIR_CHART_ROWS, Math.max(1, Math.floor(pairs / 3)));
    const { pairs: p } = measureChartRows(rows, bound);
    expect(p.drawn.length).toBeLessThanOrEqual(bound);
    expect(p.drawn.length).toBeGreaterThan(0);
    expect(p.drawn[0]).toBe(p.all[0]);
    const step = Math.ceil(p.all.length / bound);
    expect(p.drawn).toEqual(p.all.filter((_, i) => i % step === 0));
    // Below the bound, every pair is drawn.
    expect(measureChartRows(rows, p.all.length).pairs.drawn).toEqual(p.all);
  });

  it('spread a sample evenly', () => {
    expect(evenly([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([1, 4, 7]);
    expect(evenly([1, 2], 5)).toEqual([1, 2]);
    expect(evenly([], 5)).toEqual([]);
  });

  it('in English name every place in English, and mark each province in its colour of every other chart', async () => {
    const { indicator, dimension } = await busiest();
    const rows = await db.all(measureRows({ filters: EMPTY_FILTERS, indicator, dimension }));
    const { after, pairs } = measureChartRows(rows);
    const text: MeasureChartText = {
      province: placeNameEn,
      place: (name) => (name ? placeNameEn(name) : ''),
      value: String,
      change: () => '',
      before: 'Before',
      after: 'After',
      median: 'Median',
    };
    const pairOption = beforeAfterOption(pairs.drawn, text, true) as unknown as { yAxis: { data: string[] } };
    const withCity = [...pairs.drawn].reverse().map((r, i) => ({ r, label: pairOption.yAxis.data[i] })).filter(({ r }) => r.city);
    expect(withCity.length).toBeGreaterThan(0);
    // "Fujian · Putian" (cut short when long): the province and the city, neither in Chinese characters.
    for (const { label } of withCity) {
      const [province, place] = label.split(' · ');
      expect(`${province} ${place}`).not.toMatch(/\p{Script=Han}/u);
    }
    const afterOption = afterByProvinceOption(after, text, true) as unknown as { series: { data: { row: { province: string }; itemStyle: { color: string } }[] }[] };
    for (const mark of afterOption.series[0].data) expect(mark.itemStyle.color).toBe(provinceColour(mark.row.province));
  });

  it('a province-level case\'s row names its province once: its title after it (福建省 · 公安厅…, not 福建省 · 福建省公安厅…)', async () => {
    // Every measure with a before → after pair of a province-level case whose title starts with its province.
    const found = await db.all<{ indicator: string; dimension: string }>(`SELECT DISTINCT c.indicator, m.dimension FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND c.city IS NULL AND starts_with(c.title, c.province) AND m.dimension IS NOT NULL
        AND m.before_value IS NOT NULL AND m.after_value IS NOT NULL ORDER BY 1, 2`);
    expect(found.length).toBeGreaterThan(0);
    const text: MeasureChartText = { province: (p) => p, place: (name) => name ?? '', value: String, change: () => '', before: 'Before', after: 'After', median: 'Median' };
    let checked = 0;
    for (const { indicator, dimension } of found) {
      const rows = (await db.all(measureRows({ filters: EMPTY_FILTERS, indicator, dimension }))).filter((r) => r.before_value !== null && r.after_value !== null);
      const option = beforeAfterOption(rows, text, true) as unknown as { yAxis: { data: string[] } };
      [...rows].reverse().forEach((r, i) => {
        if (r.city || !r.province || !r.title.startsWith(r.province)) return;
        checked++;
        const label = option.yAxis.data[i];
        expect(label.startsWith(`${r.province} · `), label).toBe(true);
        expect(label.slice(r.province.length + 3).startsWith(r.province), label).toBe(false);
      });
    }
    expect(checked).toBeGreaterThan(0);
  });
});
