// The Indicator view's figure charts on the real export: a money bar grows rightwards from the axis' start however
// small its amount (ECharts grows log bars from 1: an amount below 1万元 drawn in 万元 went leftwards), and its
// label is the amount as the view writes it; the count labels group thousands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWan, grouped } from '../../../src/components/cases/values.ts';
import { indicatorMoney } from '../../../src/queries/indicator.ts';
import { EMPTY_FILTERS } from '../../../src/state/filters.ts';
import { moneyOption } from '../../../src/views/indicator/figure-charts.ts';
import { openDataDb, type DataDb } from '../../helpers/data-db.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

type Bars = { xAxis: { min: (e: { min: number }) => number }; series: { data: number[]; label: { formatter: (p: { value: number }) => string } }[] };

describe('the money chart', () => {
  it('draws every amount, the smallest too, as a bar from the axis’ start, labelled as the view writes amounts', async () => {
    // The indicator with the smallest money figure of the export (a few thousand yuan: under 1万元).
    const [{ indicator }] = await db.all<{ indicator: string }>(`SELECT c.indicator FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND m.kind = 'money' AND m.value_norm > 0 ORDER BY m.value_norm, c.indicator LIMIT 1`);
    const rows = await db.all(indicatorMoney({ filters: EMPTY_FILTERS, indicator }));
    expect(rows.length).toBeGreaterThan(0);
    for (const lang of ['zh', 'en'] as const) {
      const option = moneyOption(rows, (p) => p, lang) as unknown as Bars;
      const values = option.series[0].data;
      const axisStart = option.xAxis.min({ min: Math.min(...values) });
      // Log bars grow from 1: the axis must start at or above it, below every amount.
      expect(axisStart).toBeGreaterThanOrEqual(1);
      for (const v of values) expect(v).toBeGreaterThan(axisStart);
      // Drawn reversed (largest on top); each label is its row's amount.
      const labels = values.map((value) => option.series[0].label.formatter({ value }));
      expect(labels).toEqual([...rows].reverse().map((r) => formatWan(Number(r.wan_yuan), lang)));
    }
  });
});

describe('grouped', () => {
  it('groups thousands and keeps at most two decimals', () => {
    expect(grouped(1400000)).toBe('1,400,000');
    expect(grouped(3321.854)).toBe('3,321.85');
    expect(grouped(12)).toBe('12');
  });
});
