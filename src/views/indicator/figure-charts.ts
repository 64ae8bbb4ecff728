// ECharts options for the indicator view's figure charts (reform measures: measureCharts.ts). Each takes the rows it draws (the same rows
// its CSV downloads) and labels; categories are "place · title" cut short, full text in the tooltip.
import type { EChartsOption } from '../../components/ChartCard.tsx';
import type { CountFigureRow, IndicatorProvinceRow, MoneyFigureRow } from '../../queries/indicator.ts';
import { formatWan, grouped, shorten, titleAfterPlace, trim } from '../../components/cases/values.ts';
import { logMin } from '../../components/cases/measureCharts.ts';
import { provinceColour } from '../../components/province-colour.ts';
import { escapeHtml } from '../../components/escape-html.ts';

/** What the figure charts draw of each row: where its case is from, its title and the figure's text. */
type FigureRow = MoneyFigureRow | CountFigureRow;

/**
 * One chart row per figure: "厦门市 · 创新构建…" — where its case is from at the most precise level the row has (its
 * city, or its province when province-level), in the UI language, then its title after that place.
 */
export function figureCategory(r: FigureRow, placeName: (p: string) => string): string {
  const where = placeName(r.city || r.province || '');
  return shorten(`${where} · ${titleAfterPlace(r.title, [r.province, r.city])}`, LABEL_CHARS);
}

function tooltipFor<R extends FigureRow>(rows: R[], value: (r: R) => string) {
  return {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    confine: true,
    formatter: (params: { dataIndex: number }[]) => {
      const r = rows[rows.length - 1 - (params[0]?.dataIndex ?? 0)]; // drawn reversed
      if (!r) return '';
      // Tooltip HTML is built by ECharts from strings: escape the document text.
      return [escapeHtml(r.title), escapeHtml(r.text), value(r)].join('<br/>');
    },
  };
}

// The category labels get a fixed column and the grid starts after it. (containLabel sized the column from an
// estimate of the label widths, which fell short of the drawn Chinese text and cut the labels off at the chart's
// left edge.) The labels are cut here to what the column holds — a Chinese character is one em, the widest a
// label has — so ECharts need not measure them: `overflow: 'truncate'` measured every label character by
// character on each redraw, a third of these charts' time in a filter change.
const LABEL_FONT = 11;
const LABEL_WIDTH = 190;
const LABEL_CHARS = Math.floor(LABEL_WIDTH / LABEL_FONT);
const LABEL_MARGIN = 8;
// The margins hold the labels, so ECharts 6 need not lay the axes out twice to fit them ('outerBounds', its
// default: half of these charts' time in a filter change).
const GRID = { left: 8 + LABEL_WIDTH + LABEL_MARGIN, right: 56, top: 30, bottom: 28, outerBoundsMode: 'none' };
/** On a phone the label column is narrower (labels cut sooner, full text in the tooltip) so the bars have room. */
const PHONE_LABEL_WIDTH = 110;
const PHONE_LABEL_CHARS = Math.floor(PHONE_LABEL_WIDTH / LABEL_FONT);
const PHONE_MEDIA = [
  {
    query: { maxWidth: 480 },
    option: { grid: { left: 8 + PHONE_LABEL_WIDTH + LABEL_MARGIN }, yAxis: { axisLabel: { formatter: (label: string) => shorten(label, PHONE_LABEL_CHARS) } } },
  },
];
// interval 0: every label shown (the chart's height gives each row its band), stated so that ECharts need not
// measure every label to find how many fit — on each redraw of a filter change.
const LABEL_AXIS = {
  type: 'category',
  axisTick: { show: false },
  axisLabel: { interval: 0, fontSize: LABEL_FONT, margin: LABEL_MARGIN },
};

/**
 * How much a log bar chart's values are multiplied by when drawn. ECharts grows a bar on a log axis from 1, and the
 * axis starts at the power of ten below the smallest value (logMin): a value below 1 would be drawn leftwards from 1,
 * and with the axis starting below 1, every bar would start right of it. Drawn so that the smallest is at least 10,
 * the axis starts at 1 or above and every bar, the smallest too, grows from the axis. Labels divide it out again.
 */
export function logBarScale(values: number[]): number {
  const smallest = Math.min(...values.filter((v) => v > 0));
  return Number.isFinite(smallest) && smallest < 10 ? 10 ** Math.ceil(1 - Math.log10(smallest)) : 1;
}

/** Money per figure in 万元 on a log axis (amounts span 万 to 百亿); labels in 万元 / 亿元 (M yuan in English). */
export function moneyOption(rows: MoneyFigureRow[], place: (p: string) => string, lang: 'zh' | 'en' = 'zh'): EChartsOption {
  const ordered = [...rows].reverse();
  const money = (wan: number) => formatWan(wan, lang);
  const scale = logBarScale(rows.map((r) => r.wan_yuan));
  const drawnMoney = (v: number) => money(v / scale);
  return {
    tooltip: tooltipFor(rows, (r) => money(r.wan_yuan)),
    // Room on the right for the longest bar's label (717.4bn yuan is longer than 7174亿元).
    grid: { ...GRID, right: lang === 'zh' ? GRID.right : 84 },
    xAxis: { type: 'log', min: logMin, name: lang === 'zh' ? '万元' : 'yuan', nameGap: 6, axisLabel: { hideOverlap: true, fontSize: 10, formatter: drawnMoney }, splitLine: { lineStyle: { color: '#eceff3' } } },
    yAxis: { ...LABEL_AXIS, data: ordered.map((r) => figureCategory(r, place)) },
    series: [
      { type: 'bar', barMaxWidth: 14, itemStyle: { color: '#3a9a5b' },
        label: { show: true, position: 'right', fontSize: 10, formatter: (p: { value: number }) => drawnMoney(p.value) },
        data: ordered.map((r) => r.wan_yuan * scale) },
    ],
    media: PHONE_MEDIA,
  };
}

/** Count figures of one unit (the rows' unit, the axis name), one bar each, log axis (amounts span magnitudes). */
export function countsOption(rows: CountFigureRow[], place: (p: string) => string, unitName: (u: string) => string = (u) => u): EChartsOption {
  const ordered = [...rows].reverse();
  const scale = logBarScale(rows.map((r) => r.value));
  return {
    tooltip: tooltipFor(rows, (r) => `${grouped(r.value)} ${unitName(r.unit)}`),
    // Room on the right for the longest bar's label: up to ten digits and a unit (100,000,000条).
    grid: { ...GRID, right: 96 },
    xAxis: { type: 'log', min: logMin, name: unitName(rows[0]?.unit ?? ''), nameGap: 6, axisLabel: { hideOverlap: true, fontSize: 10, formatter: (v: number) => grouped(v / scale) }, splitLine: { lineStyle: { color: '#eceff3' } } },
    yAxis: { ...LABEL_AXIS, data: ordered.map((r) => figureCategory(r, place)) },
    series: [
      { type: 'bar', barMaxWidth: 14, itemStyle: { color: '#7a5cad' },
        label: { show: true, position: 'right', fontSize: 10,
          formatter: (p: { dataIndex: number; value: number }) => `${grouped(p.value / scale)} ${unitName(ordered[p.dataIndex]?.unit ?? '')}` },
        data: ordered.map((r) => r.value * scale) },
    ],
    media: PHONE_MEDIA,
  };
}

/** Cases of the indicator per province (bars) with the share of the province's cases in the label. */
export function provincesOption(rows: IndicatorProvinceRow[], province: (p: string) => string, casesName: string): EChartsOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // Fixed margins (the value labels left, a line of province names below) rather than ECharts laying the axes
    // out twice to fit them (LABELS_INSIDE) on each redraw.
    grid: { left: 52, right: 16, top: 24, bottom: 28, outerBoundsMode: 'none' },
    xAxis: { type: 'category', data: rows.map((r) => province(r.province)), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: casesName, type: 'bar', barMaxWidth: 36,
        label: { show: true, position: 'top', fontSize: 11,
          formatter: (p: { dataIndex: number; value: number }) => `${p.value} (${trim(rows[p.dataIndex]?.pct ?? 0)}%)` },
        data: rows.map((r) => ({ value: r.cases, itemStyle: { color: provinceColour(r.province) } })) },
    ],
  };
}
