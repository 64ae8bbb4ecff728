// The ECharts instance for the whole app: echarts/core with ONLY the charts and components we draw
// (the full bundle is ~2× the size). Need another chart type? Register it here.
import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  ScatterChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
export type { EChartsType } from 'echarts/core';

/** A light palette that stays readable in print. */
export const PALETTE = ['#2f6fb0', '#d9822b', '#3a9a5b', '#b8443c', '#7a5cad', '#8c6d3f', '#c65f9c', '#6b7b8c', '#a3a32d', '#2aa3b3'];
