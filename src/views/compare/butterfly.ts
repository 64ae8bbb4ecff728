// The mirrored (butterfly) bar chart of indicator shares: province A drawn to the left of zero,
// B to the right, one row per indicator. Rows come from compareShares; the CSV keeps the positive
// percentages, the chart only negates A's for drawing and labels them as absolute values.
import type { EChartsOption } from '../../components/ChartCard.tsx';
import type { CompareShareRow } from '../../queries/compare.ts';
import { escapeHtml } from '../../components/escape-html.ts';
import { provinceColour, provinceColourPale } from '../../components/province-colour.ts';
import { wrapLabels } from './wrapped-labels.ts';

/** The indicator names' column: wide screen, then a phone's (narrower, smaller type: the bars keep their room). */
const NAMES_WIDE = { width: 180, fontSize: 12, lineHeight: 12 };
const NAMES_PHONE = { width: 130, fontSize: 10, lineHeight: 11 };
/** ECharts' default gap between an axis and its labels. */
const LABEL_MARGIN = 8;

export interface ButterflyLabels {
  a: string;
  b: string;
  indicatorName: (code: string) => string;
  /** The chosen indicator is drawn stronger than the others. */
  selected: string | null;
  /** The two provinces' names as in the data (福建省): each is drawn in its own colour (province-colour.ts). */
  provinces: { a: string; b: string };
  /** A phone's screen: the names get a narrower column (they wrap onto more lines) so the bars and their labels have room. */
  narrow?: boolean;
}

/** The chart's height for `rows` indicators: a bar and its gap each, plus the legend and the x axis. */
export function butterflyHeight(rows: number): number {
  return Math.max(260, rows * 24 + 70);
}

export function butterflyOption(rows: CompareShareRow[], labels: ButterflyLabels): EChartsOption {
  const ordered = [...rows].reverse(); // category axes draw bottom-up: first indicator on top
  const names = ordered.map((r) => labels.indicatorName(r.indicator));
  // A long name (Dealing with construction permits) wraps onto a second line, never cut — wrapped here once per
  // name (wrapped-labels.ts), so the grid is stated and ECharts measures no label layout on a filter change.
  const column = labels.narrow ? NAMES_PHONE : NAMES_WIDE;
  const wrapped = wrapLabels(names, column.width, column.fontSize);
  const max = Math.max(5, ...rows.map((r) => Math.max(r.a_pct, r.b_pct)));
  // A fifth more than the longest bar on each side: its value label fits before the axis labels (a phone's chart is narrow).
  const top = Math.ceil((max * 1.2) / 5) * 5;
  // Bars of the other indicators are paler (not transparent: a transparent bar takes its label's contrast with it).
  const style = (r: CompareShareRow, province: string) => ({
    color: labels.selected && r.indicator !== labels.selected ? provinceColourPale(province) : provinceColour(province),
  });
  const series = (key: 'a' | 'b', province: string, name: string) => ({
    itemStyle: { color: provinceColour(province) },
    name,
    type: 'bar',
    stack: 'mirror', // same row, opposite sides
    barMaxWidth: 14,
    data: ordered.map((r) => ({
      value: key === 'a' ? -r.a_pct : r.b_pct,
      indicator: r.indicator,
      cases: r[`${key}_cases`],
      itemStyle: style(r, province),
    })),
    label: {
      show: true,
      position: key === 'a' ? 'left' : 'right',
      fontSize: 11,
      color: '#1a1a1a',
      formatter: (p: { value: number }) => (p.value !== 0 ? `${Math.abs(p.value)}` : ''),
    },
  });
  return {
    legend: { top: 0, data: [labels.a, labels.b] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // The name unwrapped (the axis's category is its wrapped lines).
      formatter: (params: { seriesName: string; value: number; data: { cases: number; indicator: string } }[]) =>
        [params[0] ? labels.indicatorName(params[0].data.indicator) : '', ...params.map((p) => `${p.seriesName}: ${Math.abs(p.value)}% (${p.data.cases})`)]
          .map(escapeHtml)
          .join('<br/>'),
    },
    // The names' column is the grid's left margin; the value labels of the longest bars fit in the fifth added to
    // the axis (`top`), the x axis's labels below it.
    grid: { left: 8 + wrapped.width + LABEL_MARGIN, right: 36, top: 30, bottom: 24, outerBoundsMode: 'none' },
    xAxis: {
      type: 'value',
      min: -top,
      max: top,
      axisLabel: { hideOverlap: true, formatter: (v: number) => `${Math.abs(v)}%` },
      splitLine: { lineStyle: { color: '#eceff3' } },
    },
    yAxis: {
      type: 'category',
      data: wrapped.labels,
      axisTick: { show: false },
      axisLabel: { fontSize: column.fontSize, lineHeight: column.lineHeight, interval: 0, margin: LABEL_MARGIN },
    },
    series: [series('a', labels.provinces.a, labels.a), series('b', labels.provinces.b, labels.b)],
  };
}
