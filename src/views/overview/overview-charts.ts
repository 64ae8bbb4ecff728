// Rows → ECharts options for the Overview view. Pure functions: rows in, option out.
import type { EChartsOption } from '../../components/ChartCard.tsx';
import type { I18n } from '../../i18n/i18n.tsx';
import type { ByBatchRow, ByCityRow, ByIndicatorRow, ByLevelRow, HeatmapRow } from '../../queries/overview.ts';
import { provinceColour } from '../../components/province-colour.ts';
import { LEVELS } from '../../ingest/types.ts';

/** Distinct values in first-seen order. */
function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** What every Overview bar chart's rows have: cases of a province (null: a case of no province). */
type ProvinceCases = { province: string | null; cases: number };
/** An indicator with its names, as the indicator charts' rows give it. */
type NamedIndicator = Pick<ByIndicatorRow, 'indicator' | 'name_zh' | 'name_en'>;

function provincesOf(rows: readonly ProvinceCases[], i18n: I18n): string[] {
  return distinct(rows.map((r) => r.province ?? '')).sort(i18n.collator.compare);
}

function indicatorLabel(row: NamedIndicator, i18n: I18n): string {
  const name = i18n.lang === 'zh' ? row.name_zh : row.name_en;
  return name || i18n.indicatorName(row.indicator);
}

/** Indicator codes in taxonomy order (rows come ordered by sort). */
function indicatorsOf(rows: readonly NamedIndicator[]): string[] {
  return distinct(rows.map((r) => r.indicator));
}

const AXIS_LABEL_WIDTH = 150;
/**
 * Category labels longer than the column wrap onto a second line (an indicator's English name), never cut: two lines
 * of 11 px leave a gap to the next row's label in the indicator charts' rows of 24–26 px (at 12 px they touched).
 */
const WRAPPED_LABEL = { width: AXIS_LABEL_WIDTH, overflow: 'break', fontSize: 11, lineHeight: 11 } as const;

/**
 * A bar's count: 10 px, and the bars of a category closer together (barCategoryGap), so that two provinces' counts
 * fit one above the other in an indicator row without touching (at 12 px they covered each other).
 */
const BAR_LABEL_FONT = 10;
const BAR_CATEGORY_GAP = '12%';

const COMPACT = { zh: new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }) };

/** A count as a bar label or axis tick: exact below 10,000, then short (5.9万 / 59K) so labels fit side by side. */
export function compactCount(n: number, lang: I18n['lang']): string {
  return Math.abs(n) < 10_000 ? String(n) : COMPACT[lang].format(n);
}
/**
 * The grid's margins already hold the labels (category labels wrap within AXIS_LABEL_WIDTH): ECharts 6 need not
 * estimate every label's size to fit them ('outerBounds', its default), which is most of a first frame's work.
 */
const FIXED_MARGINS = { outerBoundsMode: 'none' } as const;

/** Beyond this many province columns the heatmap's cells are too narrow for their numbers. */
const HEATMAP_LABELLED_PROVINCES = 12;

/** A heatmap row is at most this tall: one indicator filtered is a strip of cells, not one giant square. */
export const HEATMAP_MAX_CELL = 36;
const HEATMAP_TOP = 30;
const HEATMAP_BOTTOM = 60;

/**
 * Provinces × indicators, every combination drawn: a combination without cases is a white cell reading 0
 * (a second series, outside the colour scale), so it never looks like a small value. `height` is the chart's height in px.
 */
export function heatmapOption(rows: HeatmapRow[], share: boolean, i18n: I18n, height = 600): EChartsOption {
  const provinces = provincesOf(rows, i18n);
  const codes = indicatorsOf(rows);
  const labels = new Map(rows.map((r) => [r.indicator, indicatorLabel(r, i18n)]));
  const values = new Map(rows.map((r) => [`${r.province ?? ''}\u0000${r.indicator}`, share ? Math.round(r.share * 1000) / 10 : r.cases]));
  // Cells with cases (coloured by the scale) and cells without (a series of their own, outside the scale).
  const data: number[][] = [];
  const empty: number[][] = [];
  provinces.forEach((p, x) => codes.forEach((c, y) => {
    const v = values.get(`${p}\u0000${c}`) || 0;
    (v === 0 ? empty : data).push([x, y, v]);
  }));
  const max = Math.max(1, ...data.map((d) => d[2]));
  // The smallest value the colour scale starts at: one case, or 0.1 % (shares have one decimal).
  const min = share ? 0.1 : 1;
  const gridHeight = Math.max(HEATMAP_MAX_CELL, Math.min(height - HEATMAP_TOP - HEATMAP_BOTTOM, codes.length * HEATMAP_MAX_CELL));
  return {
    tooltip: {
      formatter: (p: { data: number[] }) =>
        `${i18n.provinceName(provinces[p.data[0]])}<br/>${labels.get(codes[p.data[1]])}: ${share ? `${p.data[2]}%` : p.data[2]}`,
    },
    grid: { left: AXIS_LABEL_WIDTH + 10, right: 20, top: HEATMAP_TOP, height: gridHeight, ...FIXED_MARGINS },
    // No splitArea bands: every combination is a cell of its own (the empty ones white), so bands would only be
    // drawn underneath, two more rows of shapes built and painted on every filter change.
    xAxis: { type: 'category', data: provinces.map((p) => i18n.provinceName(p)), position: 'top' },
    yAxis: {
      type: 'category',
      data: codes.map((c) => labels.get(c)),
      inverse: true,
      axisLabel: { interval: 0, ...WRAPPED_LABEL },
    },
    visualMap: [{
      seriesIndex: 0,
      min,
      max: Math.max(min, max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      top: HEATMAP_TOP + gridHeight + 24,
      itemHeight: 120,
      // Light to mid blue: the dark cell text stays readable on the darkest cell.
      inRange: { color: ['#d4e4f5', '#5b93cc'] },
      // Labels at both ends of the colour scale.
      text: [share ? `${max}%` : String(max), share ? `${min}%` : String(min)],
    },
    // The empty cells' own scale, hidden: every one white (ECharts wants a visualMap for each heatmap series).
    { seriesIndex: 1, show: false, min: 0, max: 1, inRange: { color: ['#ffffff', '#ffffff'] } }],
    series: [
      {
        type: 'heatmap',
        name: i18n.t(share ? 'overview.heatmapShare' : 'overview.heatmapCount'),
        data,
        // Numbers in the cells only while they fit (with many provinces the cells are too narrow; the tooltip has them).
        label: {
          show: provinces.length <= HEATMAP_LABELLED_PROVINCES,
          formatter: (p: { data: number[] }) => (share ? `${p.data[2]}%` : String(p.data[2])),
          // Dark text: the scale ends at a mid blue so it stays readable on every cell.
          color: '#1a1a1a',
        },
        itemStyle: { borderColor: '#d7dde5', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
      {
        type: 'heatmap',
        name: i18n.t(share ? 'overview.heatmapShare' : 'overview.heatmapCount'),
        data: empty,
        label: { show: provinces.length <= HEATMAP_LABELLED_PROVINCES, formatter: () => (share ? '0%' : '0'), color: '#6b6b6b' },
        itemStyle: { color: '#ffffff', borderColor: '#d7dde5', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
    ],
  };
}

/**
 * Bars coloured by province beyond this many provinces would reuse colours (the palette has 10) and
 * draw provinces × categories bars: the chart then shows one bar per category, all provinces together
 * (the heatmap is the by-province view; the CSV keeps the rows by province).
 */
export const MAX_PROVINCE_SERIES = 10;

/**
 * Grouped (≤ 3 provinces), stacked (≤ MAX_PROVINCE_SERIES) or total (more) bars: one bar group per
 * category, one series per province.
 */
function barsByProvince<R extends ProvinceCases>(rows: R[], categoryKey: (r: R) => string, categoryLabel: (key: string) => string, i18n: I18n, horizontal: boolean, categories?: string[]): EChartsOption {
  const provinces = provincesOf(rows, i18n);
  const cats = categories ?? distinct(rows.map(categoryKey));
  const together = provinces.length > MAX_PROVINCE_SERIES;
  const stack = provinces.length > 3 && !together ? 'total' : undefined;
  // One pass over the rows: cases by series (a province, or every province together) and category.
  const bySeries = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = together ? '' : (r.province ?? '');
    let values = bySeries.get(key);
    if (!values) bySeries.set(key, (values = new Map()));
    values.set(categoryKey(r), (values.get(categoryKey(r)) ?? 0) + r.cases);
  }
  const seriesKeys = together ? [''] : provinces;
  const series = seriesKeys.map((province) => {
    const values = bySeries.get(province) ?? new Map<string, number>();
    return {
      type: 'bar',
      name: together ? i18n.t('overview.allProvinces', { n: provinces.length }) : i18n.provinceName(province),
      stack,
      // Each province its own colour in every chart, whatever the order of the provinces drawn.
      ...(together ? {} : { itemStyle: { color: provinceColour(province) } }),
      data: cats.map((c) => values.get(c) ?? 0),
      label: { show: !stack, position: horizontal ? 'right' : 'top', fontSize: BAR_LABEL_FONT, formatter: (p: { value: number }) => (p.value ? compactCount(p.value, i18n.lang) : '') },
      // Three provinces' bars side by side in a row are thinner than a label is tall: a label that would cover
      // another is left out (the tooltip has every count), never drawn over it.
      labelLayout: { hideOverlap: true },
      ...(horizontal ? { barCategoryGap: BAR_CATEGORY_GAP } : {}),
      barMaxWidth: 28,
    };
  });
  const categoryAxis = {
    type: 'category',
    data: cats.map(categoryLabel),
    inverse: horizontal,
    // interval 0: every label (the cards are sized for them), and ECharts skips estimating an interval from
    // the measured widths of all labels — at load the costliest step of the first frame.
    axisLabel: horizontal ? { interval: 0, ...WRAPPED_LABEL } : { interval: 0, hideOverlap: true },
  };
  const valueAxis = { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true, formatter: (v: number) => compactCount(v, i18n.lang) } };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    // Vertical bars keep ECharts' label-fitting: the value axis labels grow with the counts.
    grid: horizontal ? { left: AXIS_LABEL_WIDTH + 10, right: 40, top: 30, bottom: 20, ...FIXED_MARGINS } : { left: 40, right: 20, top: 48, bottom: 30 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}

export function byIndicatorOption(rows: ByIndicatorRow[], i18n: I18n): EChartsOption {
  const labels = new Map(rows.map((r) => [r.indicator, indicatorLabel(r, i18n)]));
  return barsByProvince(rows, (r) => r.indicator, (c) => labels.get(c) ?? c, i18n, true);
}

/** The key of a city row: its name, or '' for province-level bodies. */
export function cityKey(r: Pick<ByCityRow, 'city'>): string {
  return r.city || '';
}

/**
 * The city chart draws at most this many cities (those with the most cases): its height stays the same
 * under every filter (a changing height makes ECharts re-lay out and redraw the chart synchronously, the
 * main cost of a filter change), and hundreds of cities in one bar chart would not be readable anyway.
 * The CSV keeps every city.
 */
export const CITY_BARS = 20;

export function byCityOption(rows: ByCityRow[], i18n: I18n): EChartsOption {
  // Order by total cases across provinces.
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(cityKey(r), (totals.get(cityKey(r)) ?? 0) + r.cases);
  const cities = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || i18n.collator.compare(a, b)).slice(0, CITY_BARS);
  const option = barsByProvince(rows, cityKey, (c) => (c ? i18n.placeName(c) : i18n.t('level.none')), i18n, true, cities);
  // A city belongs to one province: stack always, so each city is one bar coloured by province.
  for (const s of option.series) {
    s.stack = 'total';
    s.label = { show: false };
  }
  return option;
}

/** A level's bar; `level` is never null in the data (cases.level is NOT NULL), the type is DESCRIBE's. */
const levelKey = (r: ByLevelRow) => r.level ?? '';

export function byLevelOption(rows: ByLevelRow[], i18n: I18n): EChartsOption {
  const levels = distinct(rows.map(levelKey)).sort((a, b) => (LEVELS as readonly string[]).indexOf(a) - (LEVELS as readonly string[]).indexOf(b));
  return barsByProvince(rows, levelKey, (l) => i18n.levelName(l), i18n, false, levels);
}

export function periodKey(r: Pick<ByBatchRow, 'year' | 'batch'>): string {
  return `${r.year ?? ''}|${r.batch ?? ''}`;
}

export function byBatchOption(rows: ByBatchRow[], i18n: I18n): EChartsOption {
  const labels = new Map(rows.map((r) => [periodKey(r), i18n.batchName(r.year, r.batch)]));
  return barsByProvince(rows, periodKey, (k) => labels.get(k) ?? k, i18n, false);
}

/**
 * Rows of the city chart: one bar each (no counts), a zone's English name on two lines with room between. (The
 * indicator charts keep their rows of about 25 px: taller, the charts below would be pushed out of a laptop's first
 * screen and its reach (EChart.tsx whenNear), and no longer redrawn with a filter change there.)
 */
export const CITY_ROW = 28;

/** Height for a horizontal bar chart with n categories of `row` px. */
export function barHeight(n: number, min = 220, max = 900, row = 24): number {
  return Math.max(min, Math.min(max, 60 + n * row));
}
