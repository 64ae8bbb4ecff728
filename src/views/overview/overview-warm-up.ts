// The Overview's first filter changes drawn as fast as the later ones: at 100k cases they took up to 2–5× as long as the
// later ones while ECharts' update code ran cold (docs/performance.md, "The Overview's first changes"). So once the
// engine is wanted, each chart is warmed (ChartCard `warmUp`, timed DURING_LOAD: components/chart-warm-up.ts) with
// other rows of its kind — its rows of one province, of one indicator (where it has one), and all of them again —
// from the rows it first shows: the landing view's saved answers, there before DuckDB has started. This module is
// loaded only then (the first page's script has a size budget).
import type { Row } from '../../queries/types.ts';

/** Options drawn per chart: five charts of 40 each took the CPU DuckDB starts with on two cores (docs/performance.md). */
export const OVERVIEW_WARM_UP_UPDATES = 12;

/** Rows with a province, and an indicator where the chart has one. */
type Keyed = Row & { province?: string | null; indicator?: string | null; cases?: number };

/**
 * Other rows of the chart's kind, up to `count`: its rows of one province, all of them, its rows of one indicator
 * (where the rows have one), all of them, then the next province and indicator — the commonest first.
 */
export function rowVariants<R extends Keyed>(rows: readonly R[], count: number): R[][] {
  const commonest = (key: 'province' | 'indicator') => {
    const totals = new Map<string, number>();
    for (const r of rows) {
      const value = r[key];
      if (typeof value === 'string') totals.set(value, (totals.get(value) ?? 0) + (r.cases ?? 0));
    }
    return [...totals].sort((a, b) => b[1] - a[1]).map(([value]) => value);
  };
  const provinces = commonest('province');
  const indicators = commonest('indicator');
  const variants: R[][] = [];
  for (let i = 0; variants.length < count && i < Math.max(provinces.length, indicators.length); i++) {
    if (i < provinces.length) variants.push(rows.filter((r) => r.province === provinces[i]), [...rows]);
    if (i < indicators.length) variants.push(rows.filter((r) => r.indicator === indicators[i]), [...rows]);
  }
  return variants.slice(0, count);
}

/** The row sets a chart's warm-up draws: its variants with rows, each once. */
export function overviewRowSets<R extends Keyed>(shown: R[]): R[][] {
  return rowVariants(shown, OVERVIEW_WARM_UP_UPDATES).filter((variant) => variant.length > 0);
}
