// The ECharts charts and components the landing view does not draw, in a chunk of their own that
// echarts.ts loads when a chart needs one of them (keep MORE in echarts.ts in step with this list).
import { LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, MarkLineComponent, TitleComponent, VisualMapPiecewiseComponent } from 'echarts/components';

export const MORE_CHART_MODULES = [LineChart, PieChart, ScatterChart, DataZoomComponent, MarkLineComponent, TitleComponent, VisualMapPiecewiseComponent];
