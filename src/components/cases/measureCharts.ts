// ECharts options of the reform-measure charts (Indicator and Compare views). Each chart shows ONE
// dimension, so ONE unit: days for time (log axis, labels in minutes / hours / days), a number of
// steps / documents / visits, or percent for reductions. Every mark carries its case_id (click → case page)
// and its phrase (tooltip); the rows drawn are the rows the card's CSV downloads.
import type { EChartsOption } from '../ChartCard.tsx';
import type { MeasureRow } from '../../queries/measures.ts';
import { provinceColour } from '../province-colour.ts';
import { escapeHtml } from '../escape-html.ts';
import { shorten, titleAfterPlace } from './values.ts';

export interface MeasureChartText {
  province: (p: string) => string;
  /** A city or county as the UI names it (romanised in English). */
  place: (name: string | null) => string;
  /** A value of the chart's dimension as a label (formatMeasureValue). */
  value: (v: number) => string;
  /** The change a row states ("5 天 → 1.5 天, −70%"). */
  change: (r: MeasureRow) => string;
  before: string;
  after: string;
  median: string;
}

/** Log axes cannot draw 0 (即时办结): times are drawn at no less than one minute. */
export const TIME_FLOOR_DAYS = 1 / 1440;

const drawn = (v: number, log: boolean) => (log ? Math.max(v, TIME_FLOOR_DAYS) : v);

/**
 * A log axis starts at the power of ten below its smallest value, so a bar of that value still has a length
 * (ECharts grows a bar on a log axis from 1, drawn from the axis' start when that is above 1).
 */
export const logMin = (extent: { min: number }) => 10 ** Math.floor(Math.log10(extent.min * 0.99));

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** A measure's province as the charts key it ('' for a case of no province). */
const provinceOf = (r: MeasureRow) => r.province ?? '';

function provincesOf(rows: MeasureRow[]): string[] {
  return [...new Set(rows.map(provinceOf))];
}

function tooltipHtml(r: MeasureRow, text: MeasureChartText): string {
  const place = [text.province(provinceOf(r)), text.place(r.city)].filter(Boolean).join(' · ');
  return [escapeHtml(place), escapeHtml(r.title), `“${escapeHtml(r.text)}”`, escapeHtml(text.change(r))].filter(Boolean).join('<br/>');
}

/**
 * Marks per province (one row each, jittered so equal values stay visible) of `value(r)`, with each
 * province's median as a bar. `log`: a log axis (times).
 */
function distributionOption(rows: MeasureRow[], value: (r: MeasureRow) => number, text: MeasureChartText, axis: { log: boolean; max?: number }): EChartsOption {
  const provinces = provincesOf(rows);
  const seen = new Map<string, number>();
  // Each province in its own colour, as in every other chart (not by the order the rows happen to list them).
  const data = rows.map((r) => {
    const p = provinces.indexOf(provinceOf(r));
    const k = seen.get(provinceOf(r)) ?? 0;
    seen.set(provinceOf(r), k + 1);
    const jitter = ((k % 5) - 2) * 0.09; // five lanes per province
    return { value: [drawn(value(r), axis.log), p + jitter], case_id: r.case_id, row: r, itemStyle: { color: provinceColour(provinceOf(r)) } };
  });
  const medians = provinces.map((p, i) => {
    const m = medianOf(rows.filter((r) => provinceOf(r) === p).map(value));
    return m === null ? null : { value: [drawn(m, axis.log), i], median: m };
  }).filter((d) => d !== null);
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data: { row?: MeasureRow; median?: number }; dataIndex: number }) =>
        p.data.row ? tooltipHtml(p.data.row, text) : `${text.median}: ${text.value(p.data.median ?? 0)}`,
    },
    grid: { left: 8, right: 24, top: 16, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: axis.log ? 'log' : 'value',
      min: axis.log ? logMin : 0,
      max: axis.max,
      axisLine: { onZero: false },
      axisLabel: { fontSize: 10, hideOverlap: true, formatter: (v: number) => text.value(v) },
      splitLine: { lineStyle: { color: '#eceff3' } },
    },
    yAxis: {
      type: 'value',
      // One row per province at 0, 1, …; the rows -1 and n stay empty (ticks fall on whole numbers).
      min: -1,
      max: provinces.length,
      interval: 1,
      inverse: true,
      axisLabel: { fontSize: 11, formatter: (v: number) => (Number.isInteger(v) && provinces[v] ? shorten(text.province(provinces[v]), 10) : '') },
      splitLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      { name: text.after, type: 'scatter', symbolSize: 11, itemStyle: { opacity: 0.8 }, data },
      { name: text.median, type: 'scatter', symbol: 'rect', symbolSize: [3, 26], itemStyle: { color: '#1f2933' }, z: 3, data: medians },
    ],
  };
}

/** After-reform values per province (rows with an after value). */
export function afterByProvinceOption(rows: MeasureRow[], text: MeasureChartText, log: boolean): EChartsOption {
  // A row without an after value (none is passed: measureChartRows' `after`) would draw at 0.
  return distributionOption(rows, (r) => r.after_value ?? 0, text, { log });
}

/** Reductions in percent per province (rows with reduction_pct). */
export function reductionByProvinceOption(rows: MeasureRow[], text: MeasureChartText): EChartsOption {
  return distributionOption(rows, (r) => r.reduction_pct ?? 0, { ...text, value: (v) => `${Math.round(v)}%` }, { log: false, max: 100 });
}

/**
 * Before → after per stated change, one row per phrase (first row on top): a grey ring before, a blue
 * arrow head after, pointing the way the value went. Marks, not bars: bars on a log axis grow from 1.
 */
export function beforeAfterOption(rows: MeasureRow[], text: MeasureChartText, log: boolean): EChartsOption {
  const ordered = [...rows].reverse();
  // Its province, then its city — or, a province-level case, its title after the province it may start with
  // (福建省 · 公安厅优化…, not 福建省 · 福建省公安厅优化…).
  const category = (r: MeasureRow) => shorten(`${text.province(provinceOf(r))} · ${text.place(r.city) || titleAfterPlace(r.title, [r.province])}`, 18);
  const marks = (key: 'before_value' | 'after_value') =>
    ordered.map((r, i) => ({ value: [drawn(r[key] ?? 0, log), i], case_id: r.case_id, row: r }));
  return {
    legend: { top: 0, data: [text.before, text.after] },
    tooltip: { trigger: 'item', confine: true, formatter: (p: { data: { row: MeasureRow } }) => tooltipHtml(p.data.row, text) },
    grid: { left: 8, right: 24, top: 30, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: log ? 'log' : 'value',
      min: log ? logMin : 0,
      axisLabel: { fontSize: 10, hideOverlap: true, formatter: (v: number) => text.value(v) },
      splitLine: { lineStyle: { color: '#eceff3' } },
    },
    // interval 0: every row's label (each has its band), without ECharts measuring them all to find how many fit.
    yAxis: { type: 'category', data: ordered.map(category), axisTick: { show: false }, axisLabel: { interval: 0, fontSize: 11, width: 150, overflow: 'truncate' },
      splitLine: { show: true, lineStyle: { color: '#f3f5f8' } } },
    series: [
      { name: text.before, type: 'scatter', symbol: 'emptyCircle', symbolSize: 11, itemStyle: { color: '#8795a6' },
        label: { show: true, position: 'top', fontSize: 10, formatter: (p: { data: { row: MeasureRow } }) => text.value(p.data.row.before_value ?? 0) },
        data: marks('before_value') },
      { name: text.after, type: 'scatter', symbol: 'triangle', symbolSize: 12, symbolRotate: 90, itemStyle: { color: '#2f6fb0' },
        label: { show: true, position: 'bottom', fontSize: 10,
          formatter: (p: { data: { row: MeasureRow } }) => {
            const pct = p.data.row.reduction_pct;
            return `${text.value(p.data.row.after_value ?? 0)}${pct === null ? '' : ` −${Math.round(pct)}%`}`;
          } },
        data: marks('after_value') },
    ],
    // A phone: a narrower label column (cut sooner; the tooltip has it all), so the marks and their values have room.
    media: [{ query: { maxWidth: 480 }, option: { yAxis: { axisLabel: { width: 84 } } } }],
  };
}
