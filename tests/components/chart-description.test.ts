// What a screen reader hears for a chart (src/components/chart-description.ts): the first DESCRIBED_VALUES values of
// each series, then how many there are in all — on the Overview's heatmap and bars of the corpus's rows spread over
// a national corpus's provinces (hundreds of cells), compared with every value written out in the same order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeChart, DESCRIBED_VALUES } from '../../src/components/chart-description.ts';
import { makeI18n } from '../../src/i18n/i18n.tsx';
import { byIndicatorQuery, heatmapQuery, type ByIndicatorRow, type HeatmapRow } from '../../src/queries/overview.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { byIndicatorOption, heatmapOption } from '../../src/views/overview/overview-charts.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';

let db: DataDb;
let heatmapRows: HeatmapRow[];
let byIndicatorRows: ByIndicatorRow[];
const text = { describe: (t: string, rows: string) => `${t}: ${rows}`, empty: (t: string) => `${t}: -`, more: (n: number) => `… (${n})` };

beforeAll(async () => {
  db = await openDataDb();
  heatmapRows = await db.all(heatmapQuery(EMPTY_FILTERS));
  byIndicatorRows = await db.all(byIndicatorQuery(EMPTY_FILTERS));
});
afterAll(() => db?.close());

/** The rows under `n` made-up provinces each (a national corpus's spread). */
const spread = <R extends { province: string | null }>(rows: R[], n: number) => Array.from({ length: n }, (_, i) => rows.map((r) => ({ ...r, province: `省份${i + 1}` }))).flat();

describe('describeChart', () => {
  it('reads out the first values of each series in the order drawn, and how many there are in all', () => {
    const i18n = makeI18n('en', []);
    const heatmap = heatmapOption(spread(heatmapRows, 31), false, i18n);
    const cells = (heatmap.series[0].data as number[][]).filter((d) => d[2] !== 0);
    expect(cells.length).toBeGreaterThan(DESCRIBED_VALUES);
    const x = heatmap.xAxis.data as string[];
    const y = heatmap.yAxis.data as string[];
    const written = cells.slice(0, DESCRIBED_VALUES).map(([c, r, v]) => `${x[c]} ${y[r]} ${v.toLocaleString('en')}`);
    expect(describeChart(heatmap, 'H', 'en', text)).toBe(`H: ${heatmap.series[0].name}: ${written.join(', ')}, … (${cells.length})`);

    const bars = byIndicatorOption(byIndicatorRows, i18n);
    const description = describeChart(bars, 'B', 'en', text);
    for (const series of bars.series as { name: string; data: number[] }[]) {
      const labels = bars.yAxis.data as string[];
      const values = series.data.map((v, i) => `${labels[i]} ${v.toLocaleString('en')}`);
      const part = values.slice(0, DESCRIBED_VALUES).join(', ') + (values.length > DESCRIBED_VALUES ? `, … (${values.length})` : '');
      expect(description).toContain(`${series.name}: ${part}`);
    }
  });
});
