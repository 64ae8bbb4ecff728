// The first filter changes drawn as fast as the later ones. ECharts' update code runs cold the first few dozen times a
// page updates its charts (V8 has not compiled it yet): at 100k cases the Overview's first changes took up to 2–5× as
// long as the later ones (docs/performance.md, "The Overview's first changes"). So once a chart has rows, options of
// other rows of its kind — its rows of one province, of one indicator (where it has one), and all of them again — are
// drawn in idle time on a chart of its own, in a detached box (nothing laid out, shown or read out), disposed after:
// the loop of the charts' shared warm-up (components/chart-warm-up.ts). The landing view's rows are there from its saved
// answers before DuckDB has started, so this runs while the engine starts (its work is in its worker), before the
// analyst's first click; a filter change ends it (from then on the real changes warm the code). What is drawn is
// dropped: only the compiled code stays.
import { useEffect, useRef } from 'react';
import { cardOption, type EChartsOption } from '../../components/ChartCard.tsx';
import { echarts } from '../../components/echarts.ts';
import type { QueryResult } from '../../components/QueryState.tsx';
import { whenIdle } from '../../hooks/when-idle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { NamedQuery, Row } from '../../queries/types.ts';
import { warmUp, type WarmUpHost } from '../../components/chart-warm-up.ts';

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

/**
 * A detached chart of the card's size, made at the first update, and the browser's idle periods once the card's own
 * chart has made its first drawing (the landing charts come first) — also while queries run: during the load they are
 * DuckDB's start and the summaries' read, whose work is in its worker.
 */
function detachedHost(box: () => HTMLElement | null, height: number, lang: 'zh' | 'en'): WarmUpHost {
  const drawn = () => Boolean(box()?.querySelector('canvas'));
  return {
    chart: () => {
      const width = box()?.clientWidth || 600;
      const chart = echarts.init(document.createElement('div'), null, { width, height, locale: lang === 'zh' ? 'ZH' : 'EN', renderer: 'canvas' });
      return Object.assign(chart, { refresh: () => chart.getZr().refreshImmediately() });
    },
    // No time left (0) until the card has drawn: warmUp waits for the next idle period.
    whenIdle: (run) => whenIdle((msLeft) => run(drawn() ? msLeft : 0), { fallbackMs: 100 }),
  };
}

/** One chart to warm, as its QueryChart is given it. */
export interface WarmedChart<R extends Row> {
  query: NamedQuery<R>;
  useResult: (query: NamedQuery<R> | null) => QueryResult<R>;
  option: (rows: R[]) => EChartsOption;
  title: string;
  height: number;
}

/** Charts (query ids) warmed on this page: the compiled code stays for the page's life. */
const warmed = new Set<string>();

/**
 * Warms one chart once, from the rows it first has (renders nothing). `state`: the view's filters as text; the
 * warm-up ends when they change.
 */
export function OverviewWarmUp<R extends Keyed>({ chart, state }: { chart: WarmedChart<R>; state: string }) {
  const { lang, t } = useI18n();
  const rows = chart.useResult(chart.query).data;
  const running = useRef<{ state: string; cancel: () => void } | null>(null);
  const latest = useRef(chart);
  useEffect(() => {
    latest.current = chart;
  });
  useEffect(() => {
    if (running.current && running.current.state !== state) {
      running.current.cancel();
      running.current = null;
    }
    const { query, option, title, height } = latest.current;
    if (!rows?.length || warmed.has(query.id)) return;
    warmed.add(query.id);
    const box = () => document.querySelector<HTMLElement>(`[data-query-id="${query.id}"] .echart`);
    const options = rowVariants(rows, OVERVIEW_WARM_UP_UPDATES).filter((v) => v.length > 0).map((variant) => () => cardOption(option(variant), title, lang, t));
    running.current = { state, cancel: warmUp(options, detachedHost(box, height, lang), options.length) };
  }, [rows, state, lang, t]);
  useEffect(() => () => running.current?.cancel(), []);
  return null;
}
