// The ECharts instance for the whole app: echarts/core with ONLY what the landing view (the Overview) draws
// — bar and heatmap series, grid, tooltip, legend, a continuous visualMap, aria — so the first page load
// carries no more chart code than it needs (less JS before the first chart). Any other series type or
// component (line in the SQL console; pie, scatter, dataZoom, markLine, title, piecewise visualMap for
// charts to come) is in echarts-more.ts, loaded on demand: ChartCard calls ensureChartModules(option)
// before it draws. A chart needing something in neither list: add it to echarts-more.ts and to MORE below.
import { BarChart, HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer]);

export { echarts };
export type { EChartsType } from 'echarts/core';

/** A light palette that stays readable in print. */
export const PALETTE = ['#2f6fb0', '#d9822b', '#3a9a5b', '#b8443c', '#7a5cad', '#8c6d3f', '#c65f9c', '#6b7b8c', '#a3a32d', '#2aa3b3'];

/** What echarts-more.ts registers: series types, top-level option keys, and keys inside a series. */
const MORE = {
  series: new Set(['line', 'pie', 'scatter']),
  components: new Set(['dataZoom', 'title']),
  inSeries: new Set(['markLine']),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
type Option = Record<string, any>;

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/**
 * ECharts' own rule for a visualMap without `type` (echarts/lib/component/visualMap/installCommon.js):
 * piecewise when it has categories, or pieces (else a splitNumber) and is not calculable.
 */
function isPiecewise(visualMap: Option): boolean {
  if (visualMap.type) return visualMap.type === 'piecewise';
  const split = visualMap.pieces ? visualMap.pieces.length > 0 : visualMap.splitNumber > 0;
  return Boolean(visualMap.categories) || (split && !visualMap.calculable);
}

/** Whether the option uses anything the landing set above does not register. */
export function needsMoreCharts(option: Option): boolean {
  if (Object.keys(option).some((key) => MORE.components.has(key) && asList(option[key]).length > 0)) return true;
  if (asList<Option>(option.visualMap).some(isPiecewise)) return true;
  return asList<Option>(option.series).some((s) => MORE.series.has(s?.type) || Object.keys(s ?? {}).some((key) => MORE.inSeries.has(key)));
}

let more: Promise<void> | null = null;
let moreLoaded = false;

/** Whether echarts-more.ts is registered (then every chart can be drawn at once). */
export function moreChartsLoaded(): boolean {
  return moreLoaded;
}

/**
 * Resolves once `option` can be drawn: at once (null) when the landing set covers it, else after
 * echarts-more.ts is loaded and registered (once per page). A failed load can be retried.
 */
export function ensureChartModules(option: Option): Promise<void> | null {
  if (moreLoaded || !needsMoreCharts(option)) return null;
  more ??= import('./echarts-more.ts').then(
    ({ MORE_CHART_MODULES }) => {
      echarts.use(MORE_CHART_MODULES);
      moreLoaded = true;
    },
    (error: unknown) => {
      more = null;
      throw error;
    },
  );
  return more;
}

/**
 * Grid settings that keep the axis labels and axis names inside the grid's box (ECharts 6's replacement for
 * `containLabel: true`, which v6 ignores unless the LegacyGridContainLabel feature is registered).
 */
export const LABELS_INSIDE = { outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;
