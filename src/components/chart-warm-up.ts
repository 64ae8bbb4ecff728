// The first filter changes after a view answered drawn as fast as the later ones. A year or level change re-options
// the view's charts, and ECharts' update code runs cold the first few dozen times a page updates a chart (V8 has not
// compiled it yet): in Chromium Compare's shares chart took 18–40 ms per update for the first ones and 3–5 ms once
// some 30–60 updates had been drawn (docs/performance.md, "Compare's filter change, tenth round"). So once a view has
// answered, the options of the next year and level states are drawn in idle time on a chart of their own — in a
// detached box (no layout, nothing shown or read out), disposed after — one update per idle period in which no
// query or background read runs (the reads ahead come first: they spare the next changes their queries); building
// each option also runs, once more, the view's own sums for that state. What is drawn and summed is dropped: only
// the compiled code stays, shared by every chart of the page. A chart of a card is warmed by ChartCard (`warmUp`),
// any other by useWarmUp.
import { useEffect, useRef } from 'react';
import { updateSettings } from './chart-update.ts';
import { echarts, type EChartsType } from './echarts.ts';
import { queryClient } from '../hooks/query-client.ts';
import { whenIdle } from '../hooks/when-idle.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
type EChartsOption = Record<string, any>;

/** Updates drawn: past ~30 the shares chart's update no longer got faster (measured, see above). */
export const WARM_UP_UPDATES = 40;
/**
 * An update is drawn only in an idle period with this much left (a cold one takes 10–40 ms on a slow machine). Not
 * more: ECharts keeps an animation frame loop running, so an idle period never outlasts the rest of a frame (tried
 * with 20 ms: no update was ever drawn).
 */
const MIN_IDLE_MS = 12;
/** Without requestIdleCallback (Safari): one update per this many ms. */
const FALLBACK_DELAY_MS = 100;

/** The chart drawn on, and how the next idle period is waited for (a test gives its own). */
export interface WarmUpHost {
  chart: () => Pick<EChartsType, 'setOption' | 'dispose'> & { refresh: () => void };
  /** Calls `run` in the next idle period with the ms left in it (null: unknown); returns a cancel. */
  whenIdle: (run: (msLeft: number | null) => void) => () => void;
}

/** When a chart of the page was last given a new option (EChart.tsx), drawn or not: a filter change under way. */
let lastChartUpdate = -Infinity;
export function noteChartUpdate(): void {
  lastChartUpdate = performance.now();
}

/**
 * A detached box of the real chart's size, and the browser's idle periods; with `quietMs`, only those that come at
 * least that long after a chart of the page was last given an option (changes one after another keep their frames).
 */
export function browserHost(width: number, height: number, lang: 'zh' | 'en', quietMs = 0): WarmUpHost {
  return {
    chart: () => {
      const chart = echarts.init(document.createElement('div'), null, { width, height, locale: lang === 'zh' ? 'ZH' : 'EN', renderer: 'canvas' });
      // Drawn now, in this idle period, not in the next frame: the painting's code is warmed too.
      return Object.assign(chart, { refresh: () => chart.getZr().refreshImmediately() });
    },
    // Not while a query or a background read runs (no time left, as it were): their answers are decoded and drawn on
    // this thread, and the reads ahead landing first is what spares the next changes their queries.
    whenIdle: (run) =>
      whenIdle((msLeft) => run(queryClient.isFetching() > 0 || performance.now() - lastChartUpdate < quietMs ? 0 : msLeft), { fallbackMs: FALLBACK_DELAY_MS }),
  };
}

/**
 * Draws `updates` options on the host's chart, one per idle period with enough time left, taking them from `options`
 * in turn (each built when drawn: its sums run then). Returns a cancel; the chart is disposed at the end either way.
 * `key` names the warm-up in its performance measure.
 */
export function warmUp(options: readonly (() => EChartsOption)[], host: WarmUpHost, updates = WARM_UP_UPDATES, key = ''): () => void {
  if (options.length === 0 || updates <= 0) return () => undefined;
  let chart: ReturnType<WarmUpHost['chart']> | null = null;
  let drawn = 0;
  let previous: EChartsOption | null = null;
  let cancelWait = () => {};
  const start = performance.now();
  const finish = () => {
    cancelWait();
    if (chart) {
      chart.dispose();
      // On the performance timeline (DevTools, the benchmark, the tests): when the warm-up ended, how many were drawn
      // and for which chart.
      performance.measure(`warm-up:${drawn}`, { start, detail: key });
    }
    chart = null;
    drawn = updates;
  };
  const step = (msLeft: number | null) => {
    if (msLeft === null || msLeft >= MIN_IDLE_MS) {
      const option = options[drawn % options.length]();
      if (!chart) {
        chart = host.chart();
        chart.setOption(option, { notMerge: true });
      } else {
        // As EChart.tsx gives a chart an update (chart-update.ts).
        chart.setOption(option, updateSettings(previous, option));
      }
      previous = option;
      chart.refresh();
      drawn++;
    }
    if (drawn >= updates) finish();
    else cancelWait = host.whenIdle(step);
  };
  cancelWait = host.whenIdle(step);
  return finish;
}

/** The warm-up asked for: the options to draw (each built when drawn) and where. */
export interface WarmUpPlan {
  options: (() => EChartsOption)[];
  host: WarmUpHost;
  /** Updates drawn (default WARM_UP_UPDATES). */
  updates?: number;
}

/** The charts warmed so far (by key): once per page each, the compiled code stays for the page's life. */
const started = new Set<string>();

/**
 * Starts warmUp once per page for `key` (a chart: its query's id), the first time `ready` is true, with the plan
 * `plan()` makes then (null: none yet). A filter change meanwhile does not stop it (idle periods only); leaving the
 * view does.
 */
export function useWarmUp(ready: boolean, plan: () => WarmUpPlan | null, key: string): void {
  const cancel = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!ready || started.has(key)) return;
    const planned = plan();
    if (!planned) return;
    started.add(key);
    cancel.current = warmUp(planned.options, planned.host, planned.updates, key);
  }, [ready, plan, key]);
  useEffect(() => () => cancel.current?.(), []);
}
