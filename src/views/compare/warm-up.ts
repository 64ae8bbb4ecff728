// The first filter changes after Compare answered drawn as fast as the later ones. A year or level change re-options
// the shares chart, and ECharts' update code runs cold the first few dozen times a page updates a chart (V8 has
// not compiled it yet): in Chromium the shares chart's update took 18–40 ms for the first ones and 3–5 ms once some
// 30–60 updates had been drawn (docs/performance.md, "Compare's filter change, tenth round"). So once the view has
// answered, the options of the next year and level states are drawn in idle time on a chart of their own — in a
// detached box (no layout, nothing shown or read out), disposed after — one update per idle period in which no
// query or background read runs (the reads ahead come first: they spare the next changes their queries); building
// each option also runs, once more, the view's own sums for that state. What is drawn and summed is dropped: only
// the compiled code stays, shared by every chart of the page.
import { useEffect, useRef } from 'react';
import type { EChartsOption } from '../../components/ChartCard.tsx';
import { echarts, type EChartsType } from '../../components/echarts.ts';
import { queryClient } from '../../hooks/query-client.ts';
import { whenIdle } from '../../hooks/when-idle.ts';

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

/** A detached box of the real chart's size, and the browser's idle periods. */
export function browserHost(width: number, height: number, lang: 'zh' | 'en'): WarmUpHost {
  return {
    chart: () => {
      const chart = echarts.init(document.createElement('div'), null, { width, height, locale: lang === 'zh' ? 'ZH' : 'EN', renderer: 'canvas' });
      // Drawn now, in this idle period, not in the next frame: the painting's code is warmed too.
      return Object.assign(chart, { refresh: () => chart.getZr().refreshImmediately() });
    },
    // Not while a query or a background read runs (no time left, as it were): their answers are decoded and drawn on
    // this thread, and the reads ahead landing first is what spares the next changes their queries.
    whenIdle: (run) => whenIdle((msLeft) => run(queryClient.isFetching() > 0 ? 0 : msLeft), { fallbackMs: FALLBACK_DELAY_MS }),
  };
}

/**
 * Draws `updates` options on the host's chart, one per idle period with enough time left, taking them from `options`
 * in turn (each built when drawn: its sums run then). Returns a cancel; the chart is disposed at the end either way.
 */
export function warmUp(options: readonly (() => EChartsOption)[], host: WarmUpHost, updates = WARM_UP_UPDATES): () => void {
  if (options.length === 0 || updates <= 0) return () => undefined;
  let chart: ReturnType<WarmUpHost['chart']> | null = null;
  let drawn = 0;
  let cancelWait = () => {};
  const start = performance.now();
  const finish = () => {
    cancelWait();
    if (chart) {
      chart.dispose();
      // On the performance timeline (DevTools, the benchmark): when the warm-up ended, and how many were drawn.
      performance.measure(`warm-up:${drawn}`, { start });
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
        // As EChart.tsx gives a chart an update: every part replaced but the tooltip, which is merged.
        chart.setOption(option, { replaceMerge: Object.keys(option).filter((key) => key !== 'tooltip') });
      }
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
}

/** Once per page: the compiled code stays for the page's life, whatever view is shown next. */
let started = false;

/**
 * Starts warmUp once per page, the first time `ready` is true, with the plan `plan()` makes then (null: none yet).
 * A filter change meanwhile does not stop it (idle periods only); leaving the view does.
 */
export function useWarmUp(ready: boolean, plan: () => WarmUpPlan | null): void {
  const cancel = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!ready || started) return;
    const planned = plan();
    if (!planned) return;
    started = true;
    cancel.current = warmUp(planned.options, planned.host);
  }, [ready, plan]);
  useEffect(() => () => cancel.current?.(), []);
}
