// The console's chart from a result: x = a column's values as categories (in result order), y = a
// numeric column, optional series = one bar/line per distinct value of a third column. Pure.
import type { Row } from '../../queries/types.ts';
import { LABELS_INSIDE } from '../../components/echarts.ts';

export interface ChartPick {
  x: string;
  y: string;
  series: string;
  kind: 'bar' | 'line';
}

/** Default pick: x = first non-numeric column (else the first), y = first numeric column other than x. */
export function defaultPick(columns: { name: string; numeric: boolean }[]): ChartPick | null {
  const y = columns.find((c) => c.numeric);
  if (!y) return null;
  const x = columns.find((c) => !c.numeric) ?? columns.find((c) => c.name !== y.name) ?? y;
  const yy = x.name === y.name ? (columns.find((c) => c.numeric && c.name !== x.name) ?? y) : y;
  return { x: x.name, y: yy.name, series: '', kind: 'bar' };
}

function label(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/** Categories cap: a chart of thousands of bars says nothing (the table and CSV keep every row). */
export const MAX_CATEGORIES = 300;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
export function resultChartOption(rows: Row[], pick: ChartPick): Record<string, any> {
  const categories: string[] = [];
  const seen = new Set<string>();
  const seriesNames: string[] = [];
  const seriesSeen = new Set<string>();
  const values = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const x = label(row[pick.x]);
    if (!seen.has(x)) {
      if (categories.length >= MAX_CATEGORIES) continue;
      seen.add(x);
      categories.push(x);
    }
    const s = pick.series ? label(row[pick.series]) : pick.y;
    if (!seriesSeen.has(s)) {
      seriesSeen.add(s);
      seriesNames.push(s);
      values.set(s, new Map());
    }
    const y = Number(row[pick.y]);
    if (Number.isFinite(y)) {
      const m = values.get(s)!;
      m.set(x, (m.get(x) ?? 0) + y);
    }
  }
  return {
    tooltip: { trigger: 'axis' },
    legend: pick.series ? { type: 'scroll', top: 0 } : undefined,
    grid: { left: 8, right: 16, top: pick.series ? 32 : 12, bottom: 8, ...LABELS_INSIDE },
    xAxis: { type: 'category', data: categories, axisLabel: { rotate: categories.length > 8 ? 40 : 0, hideOverlap: true } },
    yAxis: { type: 'value', name: pick.y },
    series: seriesNames.map((name) => ({
      name,
      type: pick.kind,
      data: categories.map((c) => values.get(name)!.get(c) ?? null),
      connectNulls: pick.kind === 'line',
    })),
  };
}
