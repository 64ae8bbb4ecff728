// The landing set of ECharts modules (src/components/echarts.ts) draws every Overview chart, and whatever
// else a chart uses is detected and loaded on demand (echarts-more.ts) — with the real echarts modules,
// drawn server-side (SVG) on the real overview.json rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SVGRenderer } from 'echarts/renderers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { echarts, ensureChartModules, moreChartsLoaded, needsMoreCharts, PALETTE } from '../../src/components/echarts.ts';
import { resultChartOption } from '../../src/views/sql/result-chart.ts';
import { makeI18n } from '../../src/i18n/i18n.tsx';
import type { ByBatchRow, ByCityRow, ByIndicatorRow, ByLevelRow, HeatmapRow } from '../../src/queries/overview.ts';
import { decodeSnapshot } from '../../src/queries/snapshot-format.ts';
import { byBatchOption, byCityOption, byIndicatorOption, byLevelOption, heatmapOption } from '../../src/views/overview/overview-charts.ts';
import { DATA_DIR } from '../helpers/paths.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
type Option = Record<string, any>;

// Server-side rendering for the test only (the app draws on canvas).
echarts.use([SVGRenderer]);
const charts: ReturnType<typeof echarts.init>[] = [];
afterEach(() => {
  for (const chart of charts.splice(0)) chart.dispose();
  vi.restoreAllMocks();
});

/** Draw as ChartCard does (its base option + the chart's own); the option ECharts actually kept. */
function draw(option: Option): Option {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 500 });
  charts.push(chart);
  chart.setOption({ color: PALETTE, aria: { enabled: true, decal: { show: false } }, animation: false, ...option });
  return chart.getOption() as Option;
}

const snapshot = decodeSnapshot(readFileSync(join(DATA_DIR, 'overview.json'), 'utf8'));
/** The snapshot's rows of a query (JSON: typed as the query's declared rows, which the query tests check). */
const rowsOf = <R extends object>(id: string): R[] => snapshot.queries.find((q) => q.id === id)!.rows as R[];
const i18n = makeI18n('zh', []);
const lineOption = resultChartOption([{ province: '福建', cases: 3 }, { province: '浙江', cases: 5 }], { x: 'province', y: 'cases', series: '', kind: 'line' });

describe('ECharts modules: the landing set, the rest on demand', () => {
  it('draws every Overview chart from overview.json with the landing set alone', () => {
    const errors = vi.spyOn(console, 'error');
    const options: [string, Option][] = [
      ['heatmap', heatmapOption(rowsOf<HeatmapRow>('overview.heatmap'), false, i18n)],
      ['heatmap share', heatmapOption(rowsOf<HeatmapRow>('overview.heatmap'), true, i18n)],
      ['byIndicator', byIndicatorOption(rowsOf<ByIndicatorRow>('overview.byIndicator'), i18n)],
      ['byCity', byCityOption(rowsOf<ByCityRow>('overview.byCity'), i18n)],
      ['byLevel', byLevelOption(rowsOf<ByLevelRow>('overview.byLevel'), i18n)],
      ['byBatch', byBatchOption(rowsOf<ByBatchRow>('overview.byBatch'), i18n)],
    ];
    for (const [name, option] of options) {
      expect(needsMoreCharts(option), name).toBe(false);
      const kept = draw(option);
      const wanted = (option.series as Option[]).map((s) => s.type);
      expect(wanted.length, name).toBeGreaterThan(0);
      expect((kept.series as Option[]).map((s) => s.type), name).toEqual(wanted);
      for (const key of ['tooltip', 'visualMap', 'legend']) if (option[key]) expect(kept[key], `${name} ${key}`).toHaveLength([option[key]].flat().length);
    }
    expect(moreChartsLoaded()).toBe(false);
    expect(errors).not.toHaveBeenCalled();
  });

  it('tells which options need more than the landing set', () => {
    const bar = { xAxis: { type: 'category' }, yAxis: {}, series: [{ type: 'bar', data: [1] }] };
    expect(needsMoreCharts(bar)).toBe(false);
    expect(needsMoreCharts(resultChartOption([{ a: 'x', n: 1 }], { x: 'a', y: 'n', series: '', kind: 'bar' }))).toBe(false);
    expect(needsMoreCharts(lineOption)).toBe(true);
    expect(needsMoreCharts({ series: [{ type: 'pie', data: [] }] })).toBe(true);
    expect(needsMoreCharts({ series: { type: 'scatter' } })).toBe(true);
    expect(needsMoreCharts({ ...bar, series: [{ type: 'bar', markLine: { data: [{ type: 'average' }] } }] })).toBe(true);
    expect(needsMoreCharts({ ...bar, dataZoom: [{ type: 'slider' }] })).toBe(true);
    expect(needsMoreCharts({ ...bar, dataZoom: [] })).toBe(false);
    expect(needsMoreCharts({ ...bar, title: { text: 't' } })).toBe(true);
    // visualMap: ECharts' own rule for continuous vs piecewise.
    expect(needsMoreCharts({ ...bar, visualMap: { min: 0, max: 9 } })).toBe(false);
    expect(needsMoreCharts({ ...bar, visualMap: { pieces: [{ min: 0, max: 5 }] } })).toBe(true);
    expect(needsMoreCharts({ ...bar, visualMap: { pieces: [{ min: 0, max: 5 }], calculable: true } })).toBe(false);
    expect(needsMoreCharts({ ...bar, visualMap: { splitNumber: 4 } })).toBe(true);
    expect(needsMoreCharts({ ...bar, visualMap: { categories: ['a'] } })).toBe(true);
    expect(needsMoreCharts({ ...bar, visualMap: { type: 'piecewise' } })).toBe(true);
  });

  it('a line chart is dropped by the landing set, and drawn once ensureChartModules has loaded the rest', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(draw(lineOption).series).toEqual([]);
    expect(errors.mock.calls.join(' ')).toMatch(/line is used but not imported/);

    const loading = ensureChartModules(lineOption);
    expect(loading).toBeInstanceOf(Promise);
    expect(ensureChartModules(lineOption)).toBe(loading); // one load shared by every chart
    await loading;
    expect(moreChartsLoaded()).toBe(true);
    expect(ensureChartModules(lineOption)).toBeNull();
    expect((draw(lineOption).series as Option[]).map((s) => s.type)).toEqual(['line']);
    const pie = draw({ title: { text: 'pie' }, series: [{ type: 'pie', data: [{ name: 'a', value: 1 }] }] });
    expect((pie.series as Option[]).map((s) => s.type)).toEqual(['pie']);
    expect(pie.title).toHaveLength(1);
  });
});
