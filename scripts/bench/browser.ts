// The browser half of the benchmark: cold loads (app and floor), filter → charts, bytes. Headless Debian
// Chromium through playwright-core, the built app served by scripts/serve.ts (precompressed, Range).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/harness.ts';
import { startServer, type RunningServer } from '../serve.ts';
import { DEFAULT_STATE, stateToSearch } from '../../src/state/url-state.ts';
import type { Filters } from '../../src/state/filters.ts';


// Before any page script: tsx's __name shim, and a long-task recorder (PerformanceObserver 'longtask').
const INIT_SCRIPT = `
globalThis.__name = (f) => f;
globalThis.__longtasks = [];
try {
  new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__longtasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
} catch {}
`;

export interface Bench {
  browser: Browser;
  server: RunningServer;
  dist: string;
  close: () => Promise<void>;
}

export async function openBench(dist: string, dataDir: string): Promise<Bench> {
  const server = await startServer({ root: dist, dataDir });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    browser,
    server,
    dist,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

async function newContext(bench: Bench): Promise<BrowserContext> {
  const context = await bench.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT_SCRIPT);
  return context;
}

/** A response the page (or its worker) received: path, how it was encoded, bytes on the wire, when (epoch ms). */
export interface Fetched {
  path: string;
  encoding: string;
  bytes: number;
  at: number;
}

export interface ColdLoad {
  /** ms from navigation start to the mark. */
  ms: number;
  fetched: Fetched[];
  /** performance.timeOrigin + mark time, epoch ms (to tell what was fetched before it). */
  markEpoch: number;
  longTasks: { start: number; duration: number }[];
}

/** One cold load (new context: empty cache) of `path`, until `mark` appears. */
export async function coldLoad(bench: Bench, path: string, mark: string, timeoutMs: number): Promise<ColdLoad> {
  const context = await newContext(bench);
  const fetched: Fetched[] = [];
  const pending: Promise<void>[] = [];
  context.on('response', (response) => {
    pending.push(
      (async () => {
        const sizes = await response.request().sizes().catch(() => null);
        fetched.push({
          path: new URL(response.url()).pathname,
          encoding: (await response.headerValue('content-encoding').catch(() => null)) ?? 'identity',
          bytes: sizes?.responseBodySize ?? 0,
          at: Date.now(),
        });
      })(),
    );
  });
  try {
    const page = await context.newPage();
    await page.goto(`${bench.server.url}/${path}`);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: timeoutMs, polling: 50 });
    const { ms, markEpoch, longTasks } = await page.evaluate((name) => {
      const m = performance.getEntriesByName(name)[0];
      const g = globalThis as unknown as { __longtasks: { start: number; duration: number }[] };
      return { ms: m.startTime, markEpoch: performance.timeOrigin + m.startTime, longTasks: g.__longtasks };
    }, mark);
    await Promise.all(pending);
    return { ms, fetched, markEpoch, longTasks };
  } finally {
    await context.close();
  }
}

// ---------- interaction ----------

export interface Interaction {
  /** ms from the URL change to the last chart's first frame with the new data, one per filter change. */
  runs: number[];
  /** ms to the last chart's `finished` (includes the chart's update animation). */
  finished: number[];
  timeouts: number;
  /** Long tasks (> 50 ms, as Chromium reports them) during the filter changes. */
  longTasks: { start: number; duration: number }[];
  /** Long tasks while the page loaded. */
  loadLongTasks: { start: number; duration: number }[];
  loadMs: number;
  /** A change showed a busy sign ([aria-busy=true] or .query-pending) while its queries ran. */
  busySignSeen: boolean;
}

/** Hooks every live chart: when setOption last ran, and its first frame / `finished` after it. */
const HOOK_CHARTS = () => {
  type Hooked = {
    setOption: (...a: unknown[]) => unknown;
    on: (e: string, f: () => void) => void;
    isDisposed: () => boolean;
    getDom: () => HTMLElement;
    __hooked?: boolean;
    __set?: number;
    __drawn?: number;
    __finished?: number;
  };
  const charts = [...(globalThis as unknown as { __charts: Map<string, Hooked> }).__charts.values()].filter(
    (c) => !c.isDisposed() && c.getDom().isConnected,
  );
  for (const chart of charts) {
    if (chart.__hooked) continue;
    chart.__hooked = true;
    const setOption = chart.setOption.bind(chart);
    chart.setOption = (...args: unknown[]) => {
      chart.__set = performance.now();
      chart.__drawn = 0;
      chart.__finished = 0;
      return setOption(...args);
    };
    chart.on('rendered', () => {
      if (chart.__set && !chart.__drawn) chart.__drawn = performance.now();
    });
    chart.on('finished', () => {
      if (chart.__set && !chart.__finished) chart.__finished = performance.now();
    });
  }
  return charts.length;
};

/** Change the URL as a filter click does (pushState + the popstate the app listens to); wait for every chart. */
const CHANGE_AND_WAIT = ([search, timeoutMs]: [string, number]) =>
  new Promise<{ drawn: number; finished: number; busy: boolean } | null>((resolve) => {
    type Hooked = { isDisposed: () => boolean; getDom: () => HTMLElement; __set?: number; __drawn?: number; __finished?: number };
    const charts = [...(globalThis as unknown as { __charts: Map<string, Hooked> }).__charts.values()].filter(
      (c) => !c.isDisposed() && c.getDom().isConnected,
    );
    let busy = false;
    const t0 = performance.now();
    history.pushState(null, '', search);
    dispatchEvent(new PopStateEvent('popstate'));
    const check = () => {
      if (document.querySelector('main.view [aria-busy="true"], main.view .query-pending')) busy = true;
      const drawn = charts.every((c) => (c.__set ?? 0) > t0 && (c.__drawn ?? 0) >= (c.__set ?? 0));
      const finished = drawn && charts.every((c) => (c.__finished ?? 0) >= (c.__set ?? 0));
      if (finished) {
        resolve({ drawn: Math.max(...charts.map((c) => c.__drawn!)) - t0, finished: Math.max(...charts.map((c) => c.__finished!)) - t0, busy });
      } else if (performance.now() - t0 > timeoutMs) resolve(null);
      else requestAnimationFrame(check);
    };
    check();
  });

/** A page call that gives up when the page's main thread is stuck (page.evaluate itself has no timeout). */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: page unresponsive for ${Math.round(ms / 1000)} s`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** Load the Overview once, then change the filter to each of `filters` in turn (each distinct). */
export async function interaction(bench: Bench, filters: Filters[], options: { loadTimeoutMs: number; runTimeoutMs: number }): Promise<Interaction> {
  const context = await newContext(bench);
  try {
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${bench.server.url}/`);
    // One deadline for the whole load (first chart, then every chart).
    const deadline = Date.now() + options.loadTimeoutMs;
    await page.waitForFunction(() => performance.getEntriesByName('app:first-chart').length > 0 || document.querySelector('.load-error'), undefined, {
      timeout: options.loadTimeoutMs,
      polling: 200,
    });
    if (await page.locator('.load-error').count()) throw new Error(`load error: ${await page.locator('.load-error').textContent()}`);
    // Every chart of the view drawn (same condition as the e2e tests' waitForCharts).
    await page.waitForFunction(
      () => {
        const main = document.querySelector('main.view');
        if (!main || main.querySelector('[aria-busy="true"]')) return false;
        const cards = [...main.querySelectorAll('.chart-card')];
        return cards.length > 0 && cards.every((c) => c.querySelector('canvas'));
      },
      undefined,
      { timeout: Math.max(1000, deadline - Date.now()), polling: 200 },
    );
    const loadMs = await withTimeout(page.evaluate(() => performance.now()), options.runTimeoutMs, 'after load');
    const loadLongTasks = await page.evaluate(() => (globalThis as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks.slice());
    const hooked = await page.evaluate(HOOK_CHARTS);
    if (hooked === 0) throw new Error('no chart found on the Overview');
    const interactionStart = await page.evaluate(() => performance.now());
    const runs: number[] = [];
    const finished: number[] = [];
    let timeouts = 0;
    let busySignSeen = false;
    for (const f of filters) {
      const search = stateToSearch({ ...DEFAULT_STATE, filters: f }) || '?';
      const result = await withTimeout(
        page.evaluate(CHANGE_AND_WAIT, [search, options.runTimeoutMs] as [string, number]),
        options.runTimeoutMs * 2,
        'filter change',
      );
      if (!result) {
        timeouts++;
        continue;
      }
      runs.push(result.drawn);
      finished.push(result.finished);
      busySignSeen ||= result.busy;
      await page.evaluate(HOOK_CHARTS); // a chart re-created by the change gets hooked too
    }
    const longTasks = await page.evaluate(
      (t) => (globalThis as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks.filter((x) => x.start >= t),
      interactionStart,
    );
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { runs, finished, timeouts, longTasks, loadLongTasks, loadMs, busySignSeen };
  } finally {
    await context.close();
  }
}

// ---------- bytes ----------

export interface Bytes {
  /** JS fetched before the first chart: on the wire (as served) and as the .gz sibling on disk. */
  jsWire: number;
  jsGzip: number;
  jsFiles: string[];
  jsGzipByFile: [string, number][];
  wasmFiles: string[];
  wasmWire: number;
  dataWire: number;
  encodings: string[];
}

export function bytesOf(load: ColdLoad, dist: string): Bytes {
  const before = load.fetched.filter((f) => f.at <= load.markEpoch + 50);
  const js = before.filter((f) => /\.m?js$/.test(f.path));
  const gz = (p: string) => {
    const file = join(dist, p);
    return existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : existsSync(file) ? statSync(file).size : 0;
  };
  const wasm = load.fetched.filter((f) => f.path.endsWith('.wasm'));
  return {
    jsWire: js.reduce((s, f) => s + f.bytes, 0),
    jsGzip: js.reduce((s, f) => s + gz(f.path), 0),
    jsFiles: js.map((f) => f.path.split('/').pop()!),
    jsGzipByFile: js.map((f) => [f.path.split('/').pop()!, gz(f.path)]),
    wasmFiles: wasm.map((f) => `${f.path.split('/').pop()} (${f.encoding})`),
    wasmWire: wasm.reduce((s, f) => s + f.bytes, 0),
    dataWire: load.fetched.filter((f) => f.path.startsWith('/data/')).reduce((s, f) => s + f.bytes, 0),
    encodings: [...new Set(load.fetched.map((f) => f.encoding))],
  };
}
