// The Indicator view's figure charts on the real export: every bar grows rightwards from the axis' start however
// small its value (ECharts grows log bars from 1: an amount below 1万元 went leftwards, and an axis starting below 1
// left a gap before every bar), and its label is the value as the view writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWan, grouped, titleAfterPlace } from '../../../src/components/cases/values.ts';
import { indicatorCounts, indicatorMoney } from '../../../src/queries/indicator.ts';
import { EMPTY_FILTERS } from '../../../src/state/filters.ts';
import { countsOption, figureCategory, moneyOption } from '../../../src/views/indicator/figure-charts.ts';
import { placeNameEn } from '../../../src/i18n/places.ts';
import { indicatorFigures, figureChartRows } from '../../../src/queries/indicator.ts';
import { openDataDb, type DataDb } from '../../helpers/data-db.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

type Bars = { xAxis: { min: (e: { min: number }) => number }; series: { data: number[]; label: { formatter: (p: { value: number; dataIndex: number }) => string } }[] };

/** The bars drawn all start at the axis (at or above 1, where ECharts grows them from) and have a length; their labels. */
function drawnBars(option: unknown): string[] {
  const bars = option as Bars;
  const values = bars.series[0].data;
  const axisStart = bars.xAxis.min({ min: Math.min(...values) });
  expect(axisStart).toBeGreaterThanOrEqual(1);
  for (const v of values) expect(v).toBeGreaterThan(axisStart);
  return values.map((value, dataIndex) => bars.series[0].label.formatter({ value, dataIndex }));
}

describe('the figure charts', () => {
  it('draw every amount of money, the smallest too, as a bar from the axis, labelled as the view writes amounts', async () => {
    // The indicator with the smallest money figure of the export.
    const [{ indicator }] = await db.all<{ indicator: string }>(`SELECT c.indicator FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND m.kind = 'money' AND m.value_norm > 0 ORDER BY m.value_norm, c.indicator LIMIT 1`);
    const rows = await db.all(indicatorMoney({ filters: EMPTY_FILTERS, indicator }));
    expect(rows.length).toBeGreaterThan(0);
    for (const lang of ['zh', 'en'] as const) {
      // Drawn reversed (largest on top).
      expect(drawnBars(moneyOption(rows, (p) => p, lang))).toEqual([...rows].reverse().map((r) => formatWan(Number(r.wan_yuan), lang)));
    }
  });

  it('draw every count, the smallest too, as a bar from the axis, its label the count with thousands grouped', async () => {
    // The indicator and unit with the smallest count figure of the export.
    const [{ indicator, unit }] = await db.all<{ indicator: string; unit: string }>(`SELECT c.indicator, m.unit_norm AS unit FROM metrics m
      JOIN cases c USING (case_id) WHERE c.duplicate_of IS NULL AND m.kind = 'count' AND m.value_norm > 0 AND m.unit_norm IS NOT NULL
      ORDER BY m.value_norm, c.indicator, m.unit_norm LIMIT 1`);
    const rows = await db.all(indicatorCounts({ filters: EMPTY_FILTERS, indicator, unit }));
    expect(rows.length).toBeGreaterThan(0);
    expect(drawnBars(countsOption(rows, (p) => p))).toEqual([...rows].reverse().map((r) => `${grouped(Number(r.value))} ${r.unit}`));
  });
});

describe('grouped', () => {
  it('groups thousands and keeps at most two decimals', () => {
    expect(grouped(1400000)).toBe('1,400,000');
    expect(grouped(3321.854)).toBe('3,321.85');
    expect(grouped(12)).toBe('12');
  });
});

describe('a figure row\'s label', () => {
  it('names its case\'s place once: a title starting with the place is not preceded by it again', async () => {
    // Every indicator's figure rows as the view draws them.
    const indicators = (await db.all<{ indicator: string }>('SELECT DISTINCT indicator FROM cases WHERE indicator IS NOT NULL ORDER BY 1')).map((r) => r.indicator);
    let repeatedInTitle = 0;
    for (const indicator of indicators) {
      const { money, counts } = figureChartRows(await db.all(indicatorFigures({ filters: EMPTY_FILTERS, indicator, unit: null })));
      for (const r of [...money, ...counts]) {
        const place = String(r.city || r.province || '');
        if (!place) continue;
        if (r.title.startsWith(place)) repeatedInTitle++;
        for (const [name, label] of [[place, figureCategory(r, (p) => p)], [placeNameEn(place), figureCategory(r, placeNameEn)]]) {
          // First the place (a long one cut short with the label: Pingtan Comprehe…).
          expect(label.startsWith(`${name} · `) || `${name} · `.startsWith(label.replace(/…$/u, '')), label).toBe(true);
          // The place is not said again after the separator (a title that starts with it, in Chinese).
          expect(label.slice(name.length + 3).startsWith(place), label).toBe(false);
        }
      }
    }
    // The export has such titles (厦门市创新…): the check above is of something.
    expect(repeatedInTitle).toBeGreaterThan(0);
  });

  it('cuts the province and city a title starts with, in full or without 省 / 市, and nothing else', () => {
    expect(titleAfterPlace('福建省厦门市创新构建高效协同的数字政务体系', ['福建省', '厦门市'])).toBe('创新构建高效协同的数字政务体系');
    expect(titleAfterPlace('厦门创新构建', ['福建省', '厦门市'])).toBe('创新构建');
    // 省交通运输厅 is the province's department, not a place of the case: kept.
    expect(titleAfterPlace('省交通运输厅人工智能赋能政务服务', ['福建省', null])).toBe('省交通运输厅人工智能赋能政务服务');
    expect(titleAfterPlace('“福建易企办”搭建利企便民服务新桥梁', ['福建省', null])).toBe('“福建易企办”搭建利企便民服务新桥梁');
    // A title that is only the place keeps it.
    expect(titleAfterPlace('厦门市', ['福建省', '厦门市'])).toBe('厦门市');
  });
});
