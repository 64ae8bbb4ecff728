// What each reform-measure chart draws of one dimension's measures (measureRows: a sample per province, the
// rows the panel's table lists): the after-reform values, the reductions, and before → after. One place,
// so the charts, their heights and notes, and whether a chart shows at all agree. Pure.
import type { MeasureRow } from '../../queries/measures.ts';

/** The before → after chart draws one row per case: at most this many (its height follows them). */
export const PAIR_CHART_ROWS = 40;

/** At most `n` of `rows`, spread evenly (every ⌈length / n⌉-th, the first included). */
export function evenly<T>(rows: T[], n: number): T[] {
  const step = Math.max(1, Math.ceil(rows.length / n));
  return step === 1 ? rows : rows.filter((_, i) => i % step === 0);
}

export interface MeasureChartRows {
  /** Measures stating a value after the reform. */
  after: MeasureRow[];
  /** Measures with a reduction in percent (stated, or computed from before → after). */
  reductions: MeasureRow[];
  /** Measures stating both before and after: all of them, and the ones the before → after chart draws. */
  pairs: { all: MeasureRow[]; drawn: MeasureRow[] };
}

export function measureChartRows(rows: MeasureRow[], pairRows = PAIR_CHART_ROWS): MeasureChartRows {
  const pairs = rows.filter((r) => r.after_value !== null && r.before_value !== null);
  return {
    after: rows.filter((r) => r.after_value !== null),
    reductions: rows.filter((r) => r.reduction_pct !== null),
    pairs: { all: pairs, drawn: evenly(pairs, pairRows) },
  };
}
