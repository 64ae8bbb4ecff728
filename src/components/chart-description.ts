// What a screen reader hears for a chart: written from the values the chart draws (its categories, series
// names and numbers, in the UI language), not ECharts' generic "第0个系列 … 的数据是1，0". Pure: option in,
// sentence out.
import type { Lang } from '../state/filters.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
type Option = Record<string, any>;

/** Values read out per series; a longer series ends with "and more, n in all". */
export const DESCRIBED_VALUES = 30;

export interface DescriptionText {
  /** '{title}: {rows}' in the UI language. */
  describe: (title: string, rows: string) => string;
  empty: (title: string) => string;
  more: (n: number) => string;
}

const asList = <T>(value: T | T[] | undefined | null): T[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

function categories(axis: Option | undefined): string[] {
  return axis && axis.type === 'category' ? asList<unknown>(axis.data).map((c) => String(typeof c === 'object' && c !== null ? ((c as Option).value ?? '') : c)) : [];
}

function numberOf(datum: unknown): number[] {
  const value = typeof datum === 'object' && datum !== null && !Array.isArray(datum) ? (datum as Option).value : datum;
  return asList<unknown>(value as unknown[]).map(Number);
}

// Built once: toLocaleString with options builds a formatter per call, and every chart's values are described
// each time its option is rebuilt.
const FORMATS: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 2 }),
};

function format(n: number, lang: Lang): string {
  return FORMATS[lang].format(Math.abs(n));
}

/** The chart's description: per series, "name: category value, …" (a heatmap: "column row value", zeros left out). */
export function describeChart(option: Option, title: string, lang: Lang, text: DescriptionText): string {
  const x = categories(asList<Option>(option.xAxis)[0]);
  const y = categories(asList<Option>(option.yAxis)[0]);
  const along = x.length > 0 ? x : y;
  const comma = lang === 'zh' ? '，' : ', ';
  const parts: string[] = [];
  for (const series of asList<Option>(option.series)) {
    // The values read out are written; the others only counted (a national heatmap has hundreds of cells, and every
    // chart is described again on each filter change).
    const items: string[] = [];
    let count = 0;
    asList<unknown>(series.data).forEach((datum, i) => {
      const values = numberOf(datum);
      if (series.type === 'heatmap') {
        const [col, row, v] = values;
        if (Number.isFinite(v) && v !== 0 && count++ < DESCRIBED_VALUES) items.push(`${x[col] ?? ''} ${y[row] ?? ''} ${format(v, lang)}`);
        return;
      }
      const v = values[values.length - 1];
      if (!Number.isFinite(v) || count++ >= DESCRIBED_VALUES) return;
      const label = along[i] ?? '';
      items.push(label ? `${label} ${format(v, lang)}` : format(v, lang));
    });
    if (count === 0) continue;
    const shown = items.join(comma) + (count > DESCRIBED_VALUES ? `${comma}${text.more(count)}` : '');
    parts.push(series.name ? `${String(series.name)}${lang === 'zh' ? '：' : ': '}${shown}` : shown);
  }
  return parts.length === 0 ? text.empty(title) : text.describe(title, parts.join(lang === 'zh' ? '；' : '; '));
}
