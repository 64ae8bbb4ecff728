// The mirrored (butterfly) bar chart of indicator shares: province A drawn to the left of zero,
// B to the right, one row per indicator. Rows come from compareShares; the CSV keeps the positive
// percentages, the chart only negates A's for drawing and labels them as absolute values.
import type { EChartsOption } from '../ChartCard.tsx';
import type { Row } from '../../queries/types.ts';
import { LABELS_INSIDE } from '../echarts.ts';
import { escapeHtml } from '../cases/figureCharts.ts';

export interface ButterflyLabels {
  a: string;
  b: string;
  indicatorName: (code: string) => string;
  /** The chosen indicator is drawn stronger than the others. */
  selected: string | null;
}

export const COLOR_A = '#2f6fb0';
export const COLOR_B = '#d9822b';

export function butterflyOption(rows: Row[], labels: ButterflyLabels): EChartsOption {
  const ordered = [...rows].reverse(); // category axes draw bottom-up: first indicator on top
  const names = ordered.map((r) => labels.indicatorName(String(r.indicator)));
  const max = Math.max(5, ...rows.map((r) => Math.max(Number(r.a_pct), Number(r.b_pct))));
  const top = Math.ceil(max / 5) * 5;
  const style = (r: Row, color: string) => ({
    color,
    opacity: labels.selected && r.indicator !== labels.selected ? 0.45 : 1,
  });
  const series = (key: 'a' | 'b', color: string, name: string) => ({
    name,
    type: 'bar',
    stack: 'mirror', // same row, opposite sides
    barMaxWidth: 14,
    data: ordered.map((r) => ({
      value: key === 'a' ? -Number(r.a_pct) : Number(r.b_pct),
      indicator: r.indicator,
      cases: Number(r[`${key}_cases`]),
      itemStyle: style(r, color),
    })),
    label: {
      show: true,
      position: key === 'a' ? 'left' : 'right',
      fontSize: 11,
      color: '#333',
      formatter: (p: { value: number }) => (p.value !== 0 ? `${Math.abs(p.value)}` : ''),
    },
  });
  return {
    legend: { top: 0, data: [labels.a, labels.b] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { seriesName: string; value: number; name: string; data: { cases: number } }[]) =>
        [params[0]?.name ?? '', ...params.map((p) => `${p.seriesName}: ${Math.abs(p.value)}% (${p.data.cases})`)].map(escapeHtml).join('<br/>'),
    },
    grid: { left: 8, right: 36, top: 30, bottom: 24, ...LABELS_INSIDE },
    xAxis: {
      type: 'value',
      min: -top,
      max: top,
      axisLabel: { formatter: (v: number) => `${Math.abs(v)}%` },
      splitLine: { lineStyle: { color: '#eceff3' } },
    },
    yAxis: {
      type: 'category',
      data: names,
      axisTick: { show: false },
      axisLabel: { fontSize: 12, width: 180, overflow: 'truncate' },
    },
    series: [series('a', COLOR_A, labels.a), series('b', COLOR_B, labels.b)],
  };
}
