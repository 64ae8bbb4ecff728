// The first filter changes after a view answered drawn as fast as the later ones. A year or level change re-options
// the view's charts, and ECharts' update code runs cold the first few dozen times a page updates a chart (V8 has not
// compiled it yet): in Chromium Compare's shares chart took 18–40 ms per update for the first ones and 3–5 ms once
// some 30–60 updates had been drawn (docs/performance.md, "Compare's filter change, tenth round"). So the options of
// other rows a chart may be given are drawn in idle time on a chart of their own — in a detached box (no layout,
// nothing shown or read out), disposed after — one update per idle period; building each option also runs, once more,
// the view's own sums for that state. What is drawn and summed is dropped: only the compiled code stays, shared by
// every chart of the page. When the idle periods are taken is the warm-up's timing: AFTER_CHANGES (once a view has
// answered: only when no query or background read runs — the reads ahead come first, they spare the next changes
// their queries) or DURING_LOAD (the Overview's landing charts, warmed while DuckDB starts). A chart of a card is
// warmed by ChartCard (`warmUp`), any other by useWarmUp; each chart once per page.
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

/** When a warm-up's idle periods are taken, and how many options it draws. */
export interface WarmUpTiming {
  /** Only idle periods at least this long after a chart of the page was last given an option (0: any). */
  quietMs: number;
  /** Also while a query or a background read runs. */
  whileFetching: boolean;
  /** Not before the chart warmed for has made its first drawing (the landing charts come first). */
  afterOwnDrawing: boolean;
  /** Options drawn: this many, the row sets taken in turn (null: each row set once). */
  updates: number | null;
}

/**
 * Once a view has answered, before its next filter changes: changes one after another, and their frames, come first
 * (500 ms of quiet after any chart's option), and the view's queries and reads ahead (their answers are decoded and
 * drawn on this thread, and the reads ahead landing first is what spares the next changes their queries).
 */
export const AFTER_CHANGES: WarmUpTiming = { quietMs: 500, whileFetching: false, afterOwnDrawing: false, updates: WARM_UP_UPDATES };

/**
 * While the page loads (the Overview's landing charts, drawn from their saved answers): also while queries run —
 * during the load they are DuckDB's start and the summaries' read, whose work is in its worker — once the chart's own
 * first drawing is made; each row set drawn once (five charts of 40 each took the CPU DuckDB starts with on two cores,
 * docs/performance.md).
 */
export const DURING_LOAD: WarmUpTiming = { quietMs: 0, whileFetching: true, afterOwnDrawing: true, updates: null };

/**
 * A detached box of the real chart's size (`drawnOn`: the real chart's box), and the browser's idle periods the
 * timing allows.
 */
export function browserHost(width: number, height: number, lang: 'zh' | 'en', timing: WarmUpTiming = { ...AFTER_CHANGES, quietMs: 0 }, drawnOn?: HTMLElement): WarmUpHost {
  const allowed = () =>
    (timing.whileFetching || queryClient.isFetching() === 0) &&
    performance.now() - lastChartUpdate >= timing.quietMs &&
    (!timing.afterOwnDrawing || Boolean(drawnOn?.querySelector('canvas')));
  return {
    chart: () => {
      const chart = echarts.init(document.createElement('div'), null, { width, height, locale: lang === 'zh' ? 'ZH' : 'EN', renderer: 'canvas' });
      // Drawn now, in this idle period, not in the next frame: the painting's code is warmed too.
      return Object.assign(chart, { refresh: () => chart.getZr().refreshImmediately() });
    },
    // No time left (0) while the timing does not allow it: warmUp waits for the next idle period.
    whenIdle: (run) => whenIdle((msLeft) => run(allowed() ? msLeft : 0), { fallbackMs: FALLBACK_DELAY_MS }),
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

/** The charts warmed so far on this page (by key): once per page each, the compiled code stays for the page's life. */
const started = new Set<string>();

/**
 * Starts warmUp once per page for `key` (a chart: its query's id), the first time `ready` is true, with the plan
 * `plan()` makes then (null: none yet). A filter change meanwhile does not stop it (idle periods only) unless
 * `endsWhenChanged` (the view's filters as text) changes; leaving the view does.
 */
export function useWarmUp(ready: boolean, plan: () => WarmUpPlan | null, key: string, endsWhenChanged?: string): void {
  const running = useRef<{ until: string | undefined; cancel: () => void } | null>(null);
  useEffect(() => {
    if (running.current && running.current.until !== endsWhenChanged) {
      running.current.cancel();
      running.current = null;
    }
    if (!ready || started.has(key)) return;
    const planned = plan();
    if (!planned) return;
    started.add(key);
    running.current = { until: endsWhenChanged, cancel: warmUp(planned.options, planned.host, planned.updates, key) };
  }, [ready, plan, key, endsWhenChanged]);
  useEffect(() => () => running.current?.cancel(), []);
}
