// Overview chart options at national scale: the real Overview rows, and the same rows spread over many
// provinces (as a national corpus would be), keep every case while drawing a bounded number of bars.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeI18n } from '../../../src/i18n/i18n.tsx';
import { byCityQuery, byIndicatorQuery, type ByCityRow, type ByIndicatorRow } from '../../../src/queries/overview.ts';
import { EMPTY_FILTERS } from '../../../src/state/filters.ts';
import { byCityOption, byIndicatorOption, CITY_BARS, compactCount, MAX_PROVINCE_SERIES } from '../../../src/views/overview/overview-charts.ts';
import { openDataDb, type DataDb } from '../../helpers/data-db.ts';

let db: DataDb;
let byIndicatorRows: ByIndicatorRow[];
let byCityRows: ByCityRow[];
const i18n = makeI18n('zh', []);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
type Series = { name: string; data: number[] };

beforeAll(async () => {
  db = await openDataDb();
  byIndicatorRows = await db.all(byIndicatorQuery(EMPTY_FILTERS));
  byCityRows = await db.all(byCityQuery(EMPTY_FILTERS));
});
afterAll(() => db?.close());

/** The rows, each copied under `n` made-up provinces (省份1 … 省份n), as a national corpus would spread them. */
function spread<R extends { province: string | null; city?: string | null }>(rows: R[], n: number): R[] {
  return Array.from({ length: n }, (_, i) => rows.map((r) => ({ ...r, province: `省份${i + 1}`, city: r.city ? `${r.city}${i + 1}` : null }))).flat();
}

describe('overview chart options', () => {
  it('the real rows: one series per province, every case drawn', () => {
    const option = byIndicatorOption(byIndicatorRows, i18n);
    const provinces = new Set(byIndicatorRows.map((r) => r.province));
    expect(option.series).toHaveLength(provinces.size);
    expect(sum((option.series as Series[]).flatMap((s) => s.data))).toBe(sum(byIndicatorRows.map((r) => Number(r.cases))));
  });

  it(`more than ${MAX_PROVINCE_SERIES} provinces: one bar per indicator for all of them, with the same total`, () => {
    const rows = spread(byIndicatorRows, 31);
    const option = byIndicatorOption(rows, i18n);
    expect(option.series).toHaveLength(1);
    expect((option.series as Series[])[0].name).toContain('31');
    expect(sum((option.series as Series[])[0].data)).toBe(sum(rows.map((r) => Number(r.cases))));
  });

  it(`the city chart draws at most ${CITY_BARS} cities, those with the most cases`, () => {
    const rows = spread(byCityRows, 5);
    const option = byCityOption(rows, i18n);
    const cities = (option.yAxis as { data: string[] }).data;
    expect(cities.length).toBe(CITY_BARS);
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(String(r.city ?? ''), (totals.get(String(r.city ?? '')) ?? 0) + Number(r.cases));
    const drawnMin = Math.min(...(option.series as Series[]).reduce((acc, s) => acc.map((v, i) => v + s.data[i]), new Array(cities.length).fill(0)));
    const leftOutMax = Math.max(...[...totals.values()].sort((a, b) => b - a).slice(CITY_BARS));
    expect(drawnMin).toBeGreaterThanOrEqual(leftOutMax);
  });

  it('bar labels: exact counts below 10,000, short forms above (so ten bars of a national corpus fit side by side)', () => {
    expect(compactCount(9999, 'zh')).toBe('9999');
    expect(compactCount(593492, 'zh')).toBe('59.3万');
    expect(compactCount(593492, 'en')).toBe('593.5K');
    // What the chart writes on a bar: the same function, from the bar's value.
    const option = byIndicatorOption(spread(byIndicatorRows, 31).map((r) => ({ ...r, cases: Number(r.cases) * 1000 })), i18n);
    const series = (option.series as (Series & { label: { formatter: (p: { value: number }) => string } })[])[0];
    const biggest = Math.max(...series.data);
    expect(biggest).toBeGreaterThanOrEqual(10_000);
    expect(series.label.formatter({ value: biggest })).toBe(compactCount(biggest, i18n.lang));
    expect(series.label.formatter({ value: biggest })).not.toBe(String(biggest));
  });
});
