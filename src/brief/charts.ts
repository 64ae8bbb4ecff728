// The charts drawn on the page, as PNG images for the brief: the same getDataURL the charts' PNG button uses.
// ChartCard keeps its live ECharts instances by query id on globalThis.__charts (also read by the e2e tests).
import type { EChartsType } from '../components/echarts.ts';
import { withPendingDrawn } from '../components/EChart.tsx';
import type { ChartImage } from './docx.ts';

export interface PageChart extends ChartImage {
  dataUrl: string;
}

function liveChart(id: string): EChartsType | undefined {
  return (globalThis as { __charts?: Map<string, EChartsType> }).__charts?.get(id);
}

/**
 * A drawn chart as PNG (2× for print), or null when the page has not drawn it. A chart far off screen whose new
 * rows wait until it comes near (EChart's whenNear) is drawn with them first: the brief shows the state asked.
 */
export function chartPng(id: string): PageChart | null {
  const chart = withPendingDrawn(liveChart(id) ?? null);
  if (!chart || chart.isDisposed()) return null;
  const dataUrl = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const png = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) png[i] = binary.charCodeAt(i);
  return { dataUrl, png, width: chart.getWidth(), height: chart.getHeight() };
}
