// The browser half of the benchmark: cold loads (app and floor), filter → charts, bytes. Headless Debian
// Chromium through playwright-core, the built app served by scripts/serve.ts (precompressed, Range).
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/harness.ts';
import { startServer, type RunningServer } from '../serve.ts';
import { chromiumPath } from '../system-deps.ts';
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

/**
 * One response as the server sent it. Counted on the server, not from the browser's network events: the
 * DuckDB worker reads the database with synchronous XHRs from a Web Worker, which a page-level listener
 * may not see, and the server sees every request whoever made it.
 */
export interface Served {
  method: string;
  path: string;
  status: number;
  /** Body bytes actually written (a HEAD or a cancelled stream writes fewer than Content-Length says). */
  bytes: number;
  encoding: string;
  /** When the request arrived, epoch ms (comparable with performance.timeOrigin + a mark's time). */
  at: number;
}

export interface Bench {
  browser: Browser;
  server: RunningServer;
  dist: string;
  /** Every response the server sent, in order of arrival (coldLoad / interaction slice it). */
  served: Served[];
  close: () => Promise<void>;
}

/** Logs every response of `server` into `served`, counting the body bytes as they are written. */
function logResponses(server: RunningServer, served: Served[]): void {
  server.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // Runs after the app's handler has started (it awaits a stat before writing): wrap write/end before any body.
    const at = Date.now();
    let bytes = 0;
    // scripts/serve.ts passes its headers to writeHead, which getHeader() does not see: read them there.
    let encoding = 'identity';
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x));
      const value = headers && Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
      if (value) encoding = String(value);
      return writeHead(status, ...rest);
    }) as typeof res.writeHead;
    const count = (chunk: unknown) => {
      if (chunk && typeof chunk !== 'function') bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Uint8Array).length;
    };
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), write(chunk, ...rest))) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => (count(chunk), end(chunk, ...rest))) as typeof res.end;
    res.on('close', () =>
      served.push({
        method: req.method ?? 'GET',
        path: new URL(req.url ?? '/', 'http://localhost').pathname,
        status: res.statusCode,
        bytes,
        encoding: String(res.getHeader('content-encoding') ?? encoding),
        at,
      }),
    );
  });
}

export async function openBench(dist: string, dataDir: string): Promise<Bench> {
  const server = await startServer({ root: dist, dataDir });
  const served: Served[] = [];
  logResponses(server, served);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return {
    browser,
    server,
    dist,
    served,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export async function newContext(bench: Bench): Promise<BrowserContext> {
  const context = await bench.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT_SCRIPT);
  // The chart hook, callable from the page's own frames during a filter change (the app's CSP forbids eval).
  await context.addInitScript(`globalThis.__hookCharts = ${HOOK_CHARTS.toString()};`);
  return context;
}

/**
 * The view has answered: the database is attached (the load progress line is gone), no query is running,
 * at least one query has been answered by the engine — asked of DuckDB (a `sql:` measure) or a saved answer
 * standing once the attached file proved to be the one it was computed from (`saved:`, src/hooks/useSql.ts), so
 * not just saved answers drawn before the engine started — and, with `charts`, every chart card of the view has
 * its canvas. 'error' when the load failed.
 */
const ANSWERED = (charts: boolean) => {
  if (document.querySelector('.load-error')) return 'error';
  const main = document.querySelector('main.view');
  if (!main || document.querySelector('.load-progress, .query-pending') || main.querySelector('[aria-busy="true"]')) return false;
  if (!performance.getEntriesByType('measure').some((m) => m.name.startsWith('sql:') || m.name.startsWith('saved:'))) return false;
  const cards = [...main.querySelectorAll('.chart-card')];
  return !charts || (cards.length > 0 && cards.every((c) => c.querySelector('canvas')));
};

/**
 * The view is drawn — from its saved answers (src/hooks/useSnapshotSql.ts) or live: a table row or a chart
 * there, nothing waiting but the header's "queries running" sign, every chart card with its canvas. Returns
 * the time it was seen (ms since navigation), so the polling's round trip is not counted.
 */
const DRAWN = () => {
  const main = document.querySelector('main.view');
  if (!main || !main.querySelector('tbody tr, .chart-card canvas') || main.querySelector('[aria-busy="true"]:not(.query-activity)')) return false;
  const cards = [...main.querySelectorAll('.chart-card')];
  return cards.every((c) => c.querySelector('canvas') || c.querySelector('.query-empty, .query-error')) ? performance.now() : false;
};

/** The page showed its load error (a timeout is Playwright's own error). */
class LoadError extends Error {}

/** Waits for ANSWERED (every chart drawn, unless `charts` is false); throws the page's load error. */
export async function waitAnswered(page: Page, timeoutMs: number, charts = true): Promise<void> {
  const handle = await page.waitForFunction(ANSWERED, charts, { timeout: Math.max(1000, timeoutMs), polling: 100 });
  if ((await handle.jsonValue()) === 'error') throw new LoadError(`load error: ${await page.locator('.load-error').textContent()}`);
}

type LongTask = { start: number; duration: number };

/** The long tasks the init script observed on `page` that started at or after `since` (ms). */
function longTasksSince(page: Page, since = 0): Promise<LongTask[]> {
  return page.evaluate((t) => (globalThis as unknown as { __longtasks: LongTask[] }).__longtasks.filter((x) => x.start >= t), since);
}

export interface ColdLoad {
  /** ms from navigation start to the mark. */
  ms: number;
  /** ms from navigation start to every chart live (app only, when asked; NaN otherwise). */
  liveMs: number;
  /** The server's responses from navigation until the mark (or until live, when asked). */
  served: Served[];
  /** performance.timeOrigin + mark time, epoch ms (to tell what was fetched before it). */
  markEpoch: number;
  longTasks: LongTask[];
}

/** One cold load (new context: empty cache) of `path`, until `mark` appears (and then until live, if `untilLive`). */
export async function coldLoad(bench: Bench, path: string, mark: string, timeoutMs: number, untilLive = false): Promise<ColdLoad> {
  const context = await newContext(bench);
  const first = bench.served.length;
  try {
    const page = await context.newPage();
    await page.goto(`${bench.server.url}/${path}`);
    const deadline = Date.now() + timeoutMs;
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: timeoutMs, polling: 50 });
    const { ms, markEpoch } = await page.evaluate((name) => {
      const m = performance.getEntriesByName(name)[0];
      return { ms: m.startTime, markEpoch: performance.timeOrigin + m.startTime };
    }, mark);
    let liveMs = NaN;
    if (untilLive) {
      await waitAnswered(page, deadline - Date.now());
      liveMs = await page.evaluate(() => performance.now());
    }
    const longTasks = await longTasksSince(page);
    await page.waitForTimeout(100); // responses still closing on the server side
    return { ms, liveMs, served: bench.served.slice(first), markEpoch, longTasks };
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
  longTasks: LongTask[];
  /** ms from the change until its last query answered (the rest of a run is React and ECharts). */
  sqlAnswered: number[];
  /** Long tasks while the page loaded. */
  loadLongTasks: LongTask[];
  /** ms from navigation start to the first chart (app:first-chart) and to every chart live. */
  firstChartMs: number;
  loadMs: number;
  /** Data requests (/data/*) and body bytes from navigation until every chart was live. */
  loadData: DataTraffic;
  /** Data requests and bytes during the filter changes. */
  filterData: DataTraffic;
  /** Sum of the RSS of every Chromium process (browser, renderer with the DuckDB worker, GPU…), MB. */
  rssAfterLoadMb: number;
  rssAfterFiltersMb: number;
  /** A change showed a busy sign ([aria-busy=true] or .query-pending) while its queries ran. */
  busySignSeen: boolean;
}

/** Hooks every live chart: when setOption last ran, and its first frame / `finished` after it. */
export const HOOK_CHARTS = () => {
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
  const g = globalThis as unknown as { __setOptions?: number };
  g.__setOptions ??= 0;
  const charts = [...(globalThis as unknown as { __charts: Map<string, Hooked> }).__charts.values()].filter(
    (c) => !c.isDisposed() && c.getDom().isConnected,
  );
  for (const chart of charts) {
    if (chart.__hooked) continue;
    chart.__hooked = true;
    const setOption = chart.setOption.bind(chart);
    chart.setOption = (...args: unknown[]) => {
      chart.__set = performance.now();
      g.__setOptions = (g.__setOptions ?? 0) + 1;
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
  new Promise<{ drawn: number; finished: number; sql: number; busy: boolean } | null>((resolve) => {
    type Hooked = { isDisposed: () => boolean; getDom: () => HTMLElement; __set?: number; __drawn?: number; __finished?: number };
    const charts = [...(globalThis as unknown as { __charts: Map<string, Hooked> }).__charts.values()].filter(
      (c) => !c.isDisposed() && c.getDom().isConnected,
    );
    let busy = false;
    const t0 = performance.now();
    history.pushState(null, '', search);
    dispatchEvent(new PopStateEvent('popstate'));
    let committedFrames = 0;
    let committedAt = 0;
    const check = () => {
      const pending = document.querySelector('main.view [aria-busy="true"], main.view .query-pending');
      if (pending) busy = true;
      // A chart whose rows the change left as they were is not redrawn (ChartCard): it is done once the new state
      // is rendered (<main data-state>), nothing is pending and two frames have passed without its setOption.
      const committed = (document.querySelector('main.view')?.getAttribute('data-state') || '?') === search;
      committedFrames = committed ? committedFrames + 1 : 0;
      if (committed && !committedAt) committedAt = performance.now();
      const redrawn = charts.filter((c) => (c.__set ?? 0) > t0);
      const unchangedDone = redrawn.length === charts.length || (committedFrames > 2 && !pending);
      const drawn = unchangedDone && redrawn.every((c) => (c.__drawn ?? 0) >= (c.__set ?? 0));
      const finished = drawn && redrawn.every((c) => (c.__finished ?? 0) >= (c.__set ?? 0));
      if (finished) {
        // When the change's last query answered (useSql leaves a sql:<id> measure per query): the rest is React + ECharts.
        const sqlEnds = performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('sql:') && m.startTime >= t0)
          .map((m) => m.startTime + m.duration);
        resolve({
          drawn: Math.max(committedAt, ...redrawn.map((c) => c.__drawn!)) - t0,
          finished: Math.max(committedAt, ...redrawn.map((c) => c.__finished!)) - t0,
          sql: sqlEnds.length ? Math.max(...sqlEnds) - t0 : NaN,
          busy,
        });
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
    const loadStart = bench.served.length;
    await page.goto(`${bench.server.url}/`);
    // One deadline for the whole load (first chart, then every chart live).
    const deadline = Date.now() + options.loadTimeoutMs;
    await page.waitForFunction(() => performance.getEntriesByName('app:first-chart').length > 0 || document.querySelector('.load-error'), undefined, {
      timeout: options.loadTimeoutMs,
      polling: 100,
    });
    if (await page.locator('.load-error').count()) throw new Error(`load error: ${await page.locator('.load-error').textContent()}`);
    const firstChartMs = await page.evaluate(() => performance.getEntriesByName('app:first-chart')[0].startTime);
    await waitAnswered(page, deadline - Date.now());
    const loadMs = await withTimeout(page.evaluate(() => performance.now()), options.runTimeoutMs, 'after load');
    await page.waitForTimeout(100); // responses still closing on the server side
    const loadData = dataTraffic(bench.served.slice(loadStart));
    const rssAfterLoadMb = await chromiumRssMb(bench.browser);
    const loadLongTasks = await longTasksSince(page);
    const hooked = await page.evaluate(HOOK_CHARTS);
    if (hooked === 0) throw new Error('no chart found on the Overview');
    const interactionStart = await page.evaluate(() => performance.now());
    const filterStart = bench.served.length;
    const runs: number[] = [];
    const finished: number[] = [];
    const sqlAnswered: number[] = [];
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
      if (!Number.isNaN(result.sql)) sqlAnswered.push(result.sql);
      busySignSeen ||= result.busy;
      await page.evaluate(HOOK_CHARTS); // a chart re-created by the change gets hooked too
    }
    const longTasks = await longTasksSince(page, interactionStart);
    const filterData = dataTraffic(bench.served.slice(filterStart));
    const rssAfterFiltersMb = await chromiumRssMb(bench.browser);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { runs, finished, sqlAnswered, timeouts, longTasks, loadLongTasks, firstChartMs, loadMs, loadData, filterData, rssAfterLoadMb, rssAfterFiltersMb, busySignSeen };
  } finally {
    await context.close();
  }
}

// ---------- bytes ----------

export interface DataTraffic {
  /** Responses under /data/ (Range reads of dashboard.duckdb, overview.json, …). */
  requests: number;
  /** Of them 206 Partial Content (Range reads). */
  ranges: number;
  bytes: number;
  /** Bytes per data file. */
  byFile: [string, number][];
}

export function dataTraffic(served: Served[]): DataTraffic {
  const data = served.filter((f) => f.path.startsWith('/data/'));
  const byFile = new Map<string, number>();
  for (const f of data) byFile.set(f.path.slice('/data/'.length), (byFile.get(f.path.slice('/data/'.length)) ?? 0) + f.bytes);
  return {
    requests: data.length,
    ranges: data.filter((f) => f.status === 206).length,
    bytes: data.reduce((s, f) => s + f.bytes, 0),
    byFile: [...byFile],
  };
}

/** Sum of VmRSS of the browser's processes (CDP SystemInfo gives their pids); NaN if unavailable. */
export async function chromiumRssMb(browser: Browser): Promise<number> {
  try {
    const session = await browser.newBrowserCDPSession();
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number }[] };
    await session.detach();
    let kb = 0;
    for (const { id } of processInfo) {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
    return kb / 1024;
  } catch {
    return NaN;
  }
}

export interface Bytes {
  /** JS requested before the first chart (by the page or a worker): on the wire and as the .gz sibling on disk. */
  jsWire: number;
  jsGzip: number;
  jsFiles: string[];
  jsGzipByFile: [string, number][];
  /** wasm fetched during the whole observed load. */
  wasmFiles: string[];
  wasmWire: number;
  /** Data before the first chart, and during the whole observed load (until live, if it was waited for). */
  dataBeforeMark: DataTraffic;
  dataToLive: DataTraffic;
  encodings: string[];
}

export function bytesOf(load: ColdLoad, dist: string): Bytes {
  const fetched = load.served.filter((f) => f.method !== 'HEAD');
  const before = fetched.filter((f) => f.at <= load.markEpoch);
  const js = before.filter((f) => /\.m?js$/.test(f.path));
  const gz = (p: string) => {
    const file = join(dist, p);
    return existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : existsSync(file) ? statSync(file).size : 0;
  };
  const wasm = fetched.filter((f) => f.path.endsWith('.wasm'));
  return {
    jsWire: js.reduce((s, f) => s + f.bytes, 0),
    jsGzip: js.reduce((s, f) => s + gz(f.path), 0),
    jsFiles: js.map((f) => f.path.split('/').pop()!),
    jsGzipByFile: js.map((f) => [f.path.split('/').pop()!, gz(f.path)]),
    wasmFiles: wasm.map((f) => `${f.path.split('/').pop()} (${f.encoding})`),
    wasmWire: wasm.reduce((s, f) => s + f.bytes, 0),
    dataBeforeMark: dataTraffic(before),
    dataToLive: dataTraffic(fetched),
    encodings: [...new Set(fetched.map((f) => f.encoding))],
  };
}

// ---------- other views ----------

export interface ViewLoad {
  /** ms from navigation start until the view's queries answered and nothing is pending; NaN if not. */
  ms: number;
  /** ms from navigation start until the view was first drawn (from its saved answers, or live); NaN if not. */
  drawnMs: number;
  /** Data read (Range reads of dashboard.duckdb) during the load. */
  data: DataTraffic;
  error?: string;
  /** ms from each filter change until the view settled (every query answered, every chart redrawn). */
  filterRuns: number[];
  /** Per settled change: ms until its last query answered (the rest is React and ECharts), and how many queries it ran. */
  filterQueries: { lastAnswer: number; count: number; setOptions: number; confirmedMs: number }[];
  /** Filter changes that did not settle in time. */
  filterTimeouts: number;
  /** With `afterBackground`: changes made while background reads were still running after 20 s. */
  backgroundPending: number;
  /** Data read during the filter changes. */
  filterData: DataTraffic;
  /** The load's queries (`sql:<id>` measures; `saved:<id>`: a saved answer that stood): id, start and duration in ms. */
  queries: [string, number, number][];
  /** The cold load's queries in the order they answered, with the data read while each ran (the worker runs one at a time). */
  coldQueries: QueryCost[];
  /** Per query id over the filter changes: the durations (ms). */
  filterQueryMs: Record<string, number[]>;
}

/** One query of a load: its id, when it started (ms since navigation), how long it took, the data read meanwhile. */
export type QueryCost = { id: string; start: number; ms: number; bytes: number };

type SqlMeasure = { name: string; startTime: number; duration: number };
const sqlMeasures = (page: Page, since = 0): Promise<SqlMeasure[]> =>
  page.evaluate(
    (t) => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sql:') && m.startTime >= t).map((m) => ({ name: m.name, startTime: m.startTime, duration: m.duration })),
    since,
  );

/**
 * Change the URL as a filter click does and wait until the view settled: a query started by the change has
 * answered, no query is running (.query-pending, the shell's activity line, or a busy placeholder in the view),
 * and every chart on the page drew a frame after its last setOption — seen on two frames in a row, since a
 * view may start a second query from the first one's answer; a change answered without a query (summed in
 * memory) on three, the time for a query it starts after rendering to show as pending. The time is that of the
 * first frame of that steady run: when the page showed the answer, not when the harness was sure of it
 * (`confirmedMs`: the end of the run, as measured until the eighth round for changes answered in memory).
 */
export const CHANGE_AND_SETTLE = ([search, timeoutMs]: [string, number]) =>
  new Promise<{ ms: number; confirmedMs: number; lastAnswer: number; count: number; setOptions: number } | null>((resolve) => {
    type Hooked = { isDisposed: () => boolean; getDom: () => HTMLElement; __set?: number; __drawn?: number };
    const hook = (globalThis as unknown as { __hookCharts: () => number }).__hookCharts;
    const setOptions = () => (globalThis as unknown as { __setOptions?: number }).__setOptions ?? 0;
    const setBefore = setOptions();
    const t0 = performance.now();
    history.pushState(null, '', search);
    dispatchEvent(new PopStateEvent('popstate'));
    let steadySince = 0;
    let steadyFrames = 0;
    const check = () => {
      hook(); // a chart created by the change is hooked too
      const now = performance.now();
      const charts = [...(globalThis as unknown as { __charts: Map<string, Hooked> }).__charts.values()].filter(
        (c) => !c.isDisposed() && c.getDom().isConnected,
      );
      const asked = performance.getEntriesByType('measure').some((m) => m.name.startsWith('sql:') && m.startTime >= t0);
      // A view may answer a change without DuckDB (summaries summed in memory): then "responded" is the new state
      // rendered (<main data-state>).
      const committed = (document.querySelector('main.view')?.getAttribute('data-state') || '?') === search;
      const idle = !document.querySelector('.query-pending, main.view [aria-busy="true"]');
      const drawn = charts.every((c) => !c.__set || (c.__drawn ?? 0) >= c.__set);
      if ((asked || committed) && idle && drawn) {
        steadySince ||= now;
        steadyFrames++;
        if (steadyFrames >= (asked ? 2 : 3)) {
          const answers = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sql:') && m.startTime >= t0);
          return resolve({
            ms: steadySince - t0,
            confirmedMs: now - t0,
            lastAnswer: answers.length ? Math.max(...answers.map((m) => m.startTime + m.duration)) - t0 : 0,
            count: answers.length,
            setOptions: setOptions() - setBefore,
          });
        }
      } else {
        steadySince = 0;
        steadyFrames = 0;
      }
      if (now - t0 > timeoutMs) resolve(null);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });

/**
 * Resolves once every background read the page started (`start:background:<id>` marks, src/hooks/useSql.ts) has
 * landed (`background:<id>` measures) and none started for `quietMs`: the page an analyst looks at before the next
 * click. Resolves false after `timeoutMs` if reads are still running.
 */
export const BACKGROUND_LANDED = ([quietMs, timeoutMs]: [number, number]) =>
  new Promise<boolean>((resolve) => {
    const t0 = performance.now();
    let quietSince = 0;
    let seen = -1;
    const check = () => {
      const started = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('start:background:')).length;
      const landed = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('background:')).length;
      const now = performance.now();
      if (started !== seen || landed < started) quietSince = 0;
      seen = started;
      if (landed >= started) quietSince ||= now;
      if (quietSince && now - quietSince >= quietMs) return resolve(true);
      if (now - t0 > timeoutMs) return resolve(false);
      setTimeout(check, 20);
    };
    check();
  });

/**
 * One cold load of a view (`search` = the URL's query string) until it answered, then, on the same page, each of
 * `filterSearches` in turn (each a distinct filter state of the same view). `withoutSnapshots`: the view-*.json
 * files answer 404, so the view waits for DuckDB as before they existed (the same build: a before/after in one run).
 * `afterBackground`: each change waits until the background reads started so far have landed (an analyst reading
 * the page between clicks) instead of following the previous one at once.
 */
export async function viewLoad(
  bench: Bench,
  search: string,
  timeoutMs: number,
  filterSearches: string[] = [],
  { withoutSnapshots = false, afterBackground = false } = {},
): Promise<ViewLoad> {
  const context = await newContext(bench);
  if (withoutSnapshots) await context.route(/\/data\/view-[\w-]+\.json$/, (route) => route.fulfill({ status: 404, body: '' }));
  const first = bench.served.length;
  try {
    const page = await context.newPage();
    await page.goto(`${bench.server.url}/${search}`);
    // Polled every frame alongside the wait for the live answers below.
    const drawn = page
      .waitForFunction(DRAWN, undefined, { timeout: timeoutMs, polling: 'raf' })
      .then(async (handle) => Number(await handle.jsonValue()))
      .catch(() => NaN);
    let ms = NaN;
    let drawnMs = NaN;
    let error: string | undefined;
    let queries: [string, number, number][] = [];
    try {
      await waitAnswered(page, timeoutMs, false);
      ms = await page.evaluate(() => performance.now());
      // Answered implies drawn (but a view showing no row and no chart never matches DRAWN: then the answer time).
      const seen = await Promise.race([drawn, page.waitForTimeout(1000).then(() => NaN)]);
      drawnMs = Number.isNaN(seen) ? ms : Math.min(seen, ms);
      queries = await page.evaluate(() =>
        performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('sql:') || m.name.startsWith('saved:'))
          .map((m): [string, number, number] => [m.name.startsWith('sql:') ? m.name.slice(4) : m.name, m.startTime, m.duration]),
      );
    } catch (e) {
      error = e instanceof LoadError ? e.message : `not answered in ${Math.round(timeoutMs / 1000)} s`;
    }
    await page.waitForTimeout(100); // responses still closing on the server side
    const data = dataTraffic(bench.served.slice(first));
    const origin = await page.evaluate(() => performance.timeOrigin);
    const loadServed = bench.served.slice(first);
    // The worker answers one query at a time: a query's reads are those between the previous answer and its own.
    let previousEnd = 0;
    const coldQueries: QueryCost[] = (await sqlMeasures(page))
      .sort((a, b) => a.startTime + a.duration - (b.startTime + b.duration))
      .map((m) => {
        const from = origin + Math.max(m.startTime, previousEnd);
        const to = origin + m.startTime + m.duration;
        previousEnd = m.startTime + m.duration;
        return { id: m.name.slice(4), start: m.startTime, ms: m.duration, bytes: loadServed.filter((r) => r.at >= from && r.at <= to).reduce((n, r) => n + r.bytes, 0) };
      });
    const filterT0 = await page.evaluate(() => performance.now());
    const filterRuns: number[] = [];
    const filterQueries: ViewLoad['filterQueries'] = [];
    let filterTimeouts = 0;
    let backgroundPending = 0;
    const filterStart = bench.served.length;
    if (!error) {
      await page.evaluate(HOOK_CHARTS);
      for (const next of filterSearches) {
        if (afterBackground && !(await page.evaluate(BACKGROUND_LANDED, [300, 20_000] as [number, number]))) backgroundPending++;
        const run = await withTimeout(page.evaluate(CHANGE_AND_SETTLE, [next, 30_000] as [string, number]), 60_000, 'filter change');
        if (run === null) filterTimeouts++;
        else {
          filterRuns.push(run.ms);
          filterQueries.push({ lastAnswer: run.lastAnswer, count: run.count, setOptions: run.setOptions, confirmedMs: run.confirmedMs });
        }
      }
    }
    const filterQueryMs: Record<string, number[]> = {};
    if (!error) for (const m of await sqlMeasures(page, filterT0)) (filterQueryMs[m.name.slice(4)] ??= []).push(m.duration);
    return { ms, drawnMs, data, error, filterRuns, filterQueries, filterTimeouts, backgroundPending, filterData: dataTraffic(bench.served.slice(filterStart)), queries, coldQueries, filterQueryMs };
  } finally {
    await context.close();
  }
}
