// npm run bench — one table: ingest cost by size, cold load vs the floor, filter → charts at three sizes, bytes.
// Method and latest figures: docs/performance.md. Environment knobs (defaults keep the run near 10 minutes
// on a 2-core machine):
//   BENCH_COLD_RUNS (5)  BENCH_INTERACTION_RUNS (20)  BENCH_RUNS_1M (20)  BENCH_INGEST_BUDGET_S (150)
//   BENCH_LOAD_TIMEOUT_1M_S (150): how long the 1M-case page may take to load before it is reported as not loading
//   BENCH_VIEW_FILTER_RUNS (12): filter changes per other view (year / level states, scripts/bench/filters.ts viewFilters)
//   BENCH_VIEW_FILTER_PAGES (2): pages (each a new cold load) the other views' changes are made on, back to back and
//                        paced alike; the p95 is over every page's changes (12 changes on one page: the p95 is the slowest)
//   BENCH_INGEST_ESTIMATE=1  estimate ×10 and ×100 instead of running them in full (times dedupe + similar at
//                        full size and scales the per-document stages linearly; see scripts/bench/ingest-child.ts)
//   BENCH_SKIP=ingest,browser,100k,1m,views,cold,corpus,overview,paced  skip parts (cold: one cold load instead of
//                        BENCH_COLD_RUNS; corpus: the corpus's Overview and views; overview: the synthetic sizes' Overview;
//                        paced: the other views' second series of filter changes, each after the background reads landed).  BENCH_DATA_CACHE (/tmp/yingshang-bench-data): synthetic data
//                        (Parquet, dashboard.duckdb reused while current; the snapshots overview.json, view-*.json rewritten each run).
//   BENCH_VIEWS=cases,compare,indicator,data,search  only these of the other views (default: all)
//   BENCH_VIEW_BEFORE=1  each other view also loaded without its saved answers (view-*.json → 404) just before: a
//                        before/after in one run (the cell shows drawn / live, then "without saved answers")
//   BENCH_QUERY_DETAIL=1  log each other view's queries: cold (start, duration, data read meanwhile), filter (median / p95 per query)
//   BENCH_SEARCH_TERM (不动产): the term of the search view
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, ensureBuilt, ensureData, ROOT } from '../tests/e2e/harness.ts';
import { bytesOf, coldLoad, interaction, openBench, viewLoad, type Bytes, type ColdLoad, type DataTraffic, type Interaction, type ViewLoad } from './bench/browser.ts';
import { DEFAULT_STATE, stateToSearch } from '../src/state/url-state.ts';
import type { AppState, Filters } from '../src/state/filters.ts';
import { firstIndicator, interactionFilters, viewFilters } from './bench/filters.ts';
import type { IngestResult } from './bench/ingest-child.ts';
import { writeSyntheticParquet } from './bench/synthetic-parquet.ts';
import { fmtBytes, fmtMs, median, p95, table } from './bench/stats.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const COLD_RUNS = env('BENCH_COLD_RUNS', 5);
const RUNS = env('BENCH_INTERACTION_RUNS', 20);
const RUNS_1M = env('BENCH_RUNS_1M', 20);
const VIEW_FILTER_RUNS = env('BENCH_VIEW_FILTER_RUNS', 12);
const VIEW_FILTER_PAGES = Math.max(1, env('BENCH_VIEW_FILTER_PAGES', 2));
const INGEST_BUDGET_MS = env('BENCH_INGEST_BUDGET_S', 150) * 1000;
const LOAD_TIMEOUT_1M_MS = env('BENCH_LOAD_TIMEOUT_1M_S', 150) * 1000;
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const CACHE = process.env.BENCH_DATA_CACHE ?? '/tmp/yingshang-bench-data';

const log = (m: string) => console.error(`[bench] ${m}`);

// ---------- ingest ----------

/** One size in a child process (its own maxRSS); the last JSON line it printed, or null if none in time. */
function ingestChild(factor: number, mode: 'full' | 'stages'): Promise<{ result: IngestResult | null; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/ingest-child.ts', String(factor), join(ROOT, 'data/raw'), mode], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, INGEST_BUDGET_MS);
    child.on('close', () => {
      clearTimeout(timer);
      const lines = out.trim().split('\n').filter((l) => l.startsWith('{'));
      resolve({ result: lines.length ? (JSON.parse(lines[lines.length - 1]) as IngestResult) : null, timedOut });
    });
  });
}

async function ingestSection(): Promise<string> {
  const rows: string[][] = [];
  const sizes: [number, 'full' | 'stages'][] = [
    [1, 'full'],
    // Full runs by default: since dedupe stopped being O(n²), ×100 fits the budget (~60 s).
    [10, process.env.BENCH_INGEST_ESTIMATE ? 'stages' : 'full'],
    [100, process.env.BENCH_INGEST_ESTIMATE ? 'stages' : 'full'],
  ];
  for (const [factor, mode] of sizes) {
    log(`ingest ×${factor} (${mode})…`);
    const { result: r, timedOut } = await ingestChild(factor, mode);
    const budget = `> ${INGEST_BUDGET_MS / 1000} s budget`;
    if (!r) {
      rows.push([`×${factor}`, '?', '?', timedOut ? budget : 'failed', '', '', '', '']);
      continue;
    }
    const done = r.similarMs !== null;
    const wall = done ? fmtMs(r.wallMs) : `> ${fmtMs(r.wallMs)}`;
    rows.push([
      `×${factor}${r.estimated ? ' ¹' : ''}`,
      r.documents.toLocaleString('en-US'),
      r.cases.toLocaleString('en-US'),
      wall,
      done ? (r.cases / (r.wallMs / 1000)).toFixed(1) : `< ${(r.cases / (r.wallMs / 1000)).toFixed(1)}`,
      fmtMs(r.dedupeMs),
      done ? fmtMs(r.similarMs!) : timedOut ? budget : 'failed',
      `${Math.round(r.maxRssMb)} MB`,
    ]);
  }
  return [
    '### Ingest (Node, one child process per size; Parquet writing excluded)',
    table(['corpus', 'documents', 'cases', 'wall', 'cases/s', 'dedupe', 'similar', 'peak RSS'], rows),
    rows.some((row) => row[0].includes('¹'))
      ? '¹ per-document stages measured on the real corpus and scaled linearly (each document is read alone); dedupe and similar timed at full size on the replicated cases.'
      : 'Every size ingested in full.',
    'Peak RSS of that process.',
  ].join('\n');
}

// ---------- browser ----------

const TARGET = { firstChartRatio: 1.25, p95Corpus: 50, p95At100k: 150, jsGzip: 300 * 1024, longTask: 200 };

function interactionRow(label: string, r: Interaction | Error, target: string): string[] {
  if (r instanceof Error) return [label, '—', '—', '—', '—', '—', r.message.slice(0, 80), target];
  const longest = Math.max(0, ...r.longTasks.map((t) => t.duration));
  const loadLongest = Math.max(0, ...r.loadLongTasks.map((t) => t.duration));
  return [
    label,
    `${fmtMs(r.firstChartMs)} / ${fmtMs(r.loadMs)}; longest task ${fmtMs(loadLongest)}`,
    `${fmtBytes(r.loadData.bytes)} (${r.loadData.requests} req) + ${fmtBytes(r.filterData.bytes)} during filters; RSS ${Math.round(r.rssAfterLoadMb)} → ${Math.round(r.rssAfterFiltersMb)} MB`,
    `${r.runs.length}${r.timeouts ? ` (+${r.timeouts} timed out)` : ''}`,
    `${fmtMs(median(r.runs))} / ${fmtMs(p95(r.runs))}`,
    `${fmtMs(median(r.sqlAnswered))} / ${fmtMs(p95(r.sqlAnswered))}`,
    `${r.longTasks.filter((t) => t.duration > TARGET.longTask).length} (longest ${fmtMs(longest)}); busy sign ${r.busySignSeen ? 'yes' : 'no'}`,
    target,
  ];
}

async function datasetInteraction(dist: string, dataDir: string, filters: Filters[], loadTimeoutMs: number): Promise<Interaction | Error> {
  const bench = await openBench(dist, dataDir);
  try {
    return await interaction(bench, filters, { loadTimeoutMs, runTimeoutMs: 60_000 });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await bench.close();
  }
}

// ---------- other views ----------

/**
 * A term searched in the Cases view (BENCH_SEARCH_TERM): three characters, so that the index's candidates
 * are verified against their texts (one or two characters are answered by the index alone).
 */
const SEARCH_TERM = process.env.BENCH_SEARCH_TERM ?? '不动产';
/** Searches typed after it on the same page: 1 to 5 characters, several terms, a term found nowhere. */
const SEARCH_CHANGES = ['营商环境', '企业开办', '不动', '办', '一网通办', '不动产登记', '审批 时间', '数据共享', '这个词语不在任何案例中出现', '电'];
const VIEW_TIMEOUT_MS = 180_000;

/** The views other than the Overview, as URL state (the indicator: the first the interaction filters on). */
/** BENCH_VIEWS=cases,compare,indicator,data,search: only these of the other views (default: all). */
const ONLY_VIEWS = (process.env.BENCH_VIEWS ?? '').split(',').filter(Boolean);

function otherViews(filters: Filters[]): [string, Partial<AppState>][] {
  const indicator = firstIndicator(filters);
  const views: [string, Partial<AppState>][] = [
    ['Cases', { view: 'cases' }],
    ['Compare', { view: 'compare' }],
    ['Indicator', { view: 'indicator', indicator }],
    ['Data', { view: 'data' }],
    [`Cases, search "${SEARCH_TERM}"`, { view: 'cases', search: SEARCH_TERM }],
  ];
  const key = ([name, state]: [string, Partial<AppState>]) => (state.search ? 'search' : name.toLowerCase());
  return ONLY_VIEWS.length ? views.filter((v) => ONLY_VIEWS.includes(key(v))) : views;
}

/** BENCH_VIEW_BEFORE=1: each other view also loaded without its saved answers (view-*.json answer 404), just before. */
const VIEW_BEFORE = process.env.BENCH_VIEW_BEFORE === '1';

/** BENCH_QUERY_DETAIL=1: log each view's queries (cold: duration and data read meanwhile; filter changes: median / p95 per query). */
const QUERY_DETAIL = process.env.BENCH_QUERY_DETAIL === '1';

function logQueryDetail(r: ViewLoad): void {
  for (const q of r.coldQueries) log(`      cold ${q.id}: at ${fmtMs(q.start)}, ${fmtMs(q.ms)}, ${fmtBytes(q.bytes)}`);
  for (const [id, ms] of Object.entries(r.filterQueryMs)) log(`      filter ${id}: ${ms.length}×, median ${fmtMs(median(ms))} / p95 ${fmtMs(p95(ms))}`);
  const confirmed = r.filterQueries.map((q) => q.confirmedMs);
  const inMemory = r.filterQueries.filter((q) => q.count === 0).length;
  if (confirmed.length > 0)
    log(`      filter until the harness was sure (end of the steady frames): median ${fmtMs(median(confirmed))} / p95 ${fmtMs(p95(confirmed))}; ${inMemory} of ${confirmed.length} changes answered without a query`);
}

const link = (state: Partial<AppState>) => stateToSearch({ ...DEFAULT_STATE, ...state }) || '?';

/** `into` with `more`'s filter changes added (another page's): their times, queries and timeouts (the data read stays the first page's). */
function poolChanges(into: ViewLoad, more: ViewLoad): ViewLoad {
  into.filterRuns.push(...more.filterRuns);
  into.filterQueries.push(...more.filterQueries);
  into.filterTimeouts += more.filterTimeouts;
  into.backgroundPending += more.backgroundPending;
  for (const [id, ms] of Object.entries(more.filterQueryMs)) (into.filterQueryMs[id] ??= []).push(...ms);
  return into;
}

/** Targets of the other views (issue 14): cold until answered, data read, filter → view redrawn. */
const VIEW_TARGET = { cold100k: 1500, cold1M: 3000, bytes: 30 * 1024 * 1024, search1M: 1000, filterP95: 50 };

/**
 * One row of the other-views table: each view's cold load until answered, the data it read, and (on the same
 * page) the p95 of filter → view settled over `changes` (the Data view shows no filtered content: none).
 */
async function viewsRow(DIST: string, label: string, dataDir: string, filters: Filters[], changes: Filters[]): Promise<string[]> {
  const views = otherViews(filters);
  const bench = await openBench(DIST, dataDir);
  const cells: string[] = [];
  try {
    for (const [name, state] of views) {
      log(`  ${label}: ${name}`);
      const filtered = state.view !== 'data' && !state.search;
      // The search view: after its cold load, other searches typed on the same page (each answered anew).
      const searches = filtered
        ? changes.map((f) => link({ ...state, filters: f }))
        : state.search
          ? SEARCH_CHANGES.map((search) => link({ ...state, search }))
          : [];
      // BENCH_VIEW_BEFORE=1: first the same load without the view's saved answers (as before them), interleaved.
      const before = VIEW_BEFORE ? await viewLoad(bench, link(state), VIEW_TIMEOUT_MS, [], { withoutSnapshots: true }) : null;
      // The cold load's figures are the first page's; a filtered view's changes are pooled over VIEW_FILTER_PAGES pages,
      // so that its p95 is a 95th percentile rather than the slowest of one page's twelve.
      const r: ViewLoad = await viewLoad(bench, link(state), VIEW_TIMEOUT_MS, searches);
      for (let page = 1; filtered && page < VIEW_FILTER_PAGES; page++) poolChanges(r, await viewLoad(bench, link(state), VIEW_TIMEOUT_MS, searches));
      // The same changes on new pages, each once the background reads have landed (an analyst reading between clicks).
      let paced: ViewLoad | null = null;
      for (let page = 0; filtered && !SKIP.has('paced') && page < VIEW_FILTER_PAGES; page++) {
        const next = await viewLoad(bench, link(state), VIEW_TIMEOUT_MS, searches, { afterBackground: true });
        paced = paced ? poolChanges(paced, next) : next;
      }
      // Drawn (from the view's saved answers, when its state has them) / every live query answered.
      const cold = r.error ? `${r.error}; ${fmtBytes(r.data.bytes)} read` : `drawn ${fmtMs(r.drawnMs)} / live ${fmtMs(r.ms)}, ${fmtBytes(r.data.bytes)} read`;
      const filter = !filtered
        ? state.search
          ? `; another search p95 ${fmtMs(p95(r.filterRuns))} (median ${fmtMs(median(r.filterRuns))}, ${r.filterRuns.length} searches${r.filterTimeouts ? `, ${r.filterTimeouts} timed out` : ''}, ${fmtBytes(r.filterData.bytes)} read)`
          : ''
        : `; filter p95 ${fmtMs(p95(r.filterRuns))} (median ${fmtMs(median(r.filterRuns))}, slowest ${fmtMs(Math.max(...r.filterRuns))}; last query answered median ${fmtMs(median(r.filterQueries.map((q) => q.lastAnswer)))}, ${median(r.filterQueries.map((q) => q.count))} queries, ${median(r.filterQueries.map((q) => q.setOptions))} setOption calls; ${r.filterRuns.length} runs${r.filterTimeouts ? `, ${r.filterTimeouts} timed out` : ''}, ${fmtBytes(r.filterData.bytes)} read)`;
      const afterReads = paced
        ? paced.error
          ? `; paced: ${paced.error}`
          : `; paced p95 ${fmtMs(p95(paced.filterRuns))} (median ${fmtMs(median(paced.filterRuns))}, slowest ${fmtMs(Math.max(...paced.filterRuns))}, ${paced.filterRuns.length} runs, ${median(paced.filterQueries.map((q) => q.count))} queries${paced.backgroundPending ? `, ${paced.backgroundPending} before the reads landed` : ''})`
        : '';
      const without = before ? `; without saved answers ${before.error ?? `${fmtMs(before.ms)}, ${fmtBytes(before.data.bytes)} read`}` : '';
      cells.push(cold + without + filter + afterReads);
      log(`    ${cold + without + filter + afterReads}`);
      log(`    queries (start + duration ms): ${r.queries.map(([id, start, ms]) => `${id} ${Math.round(start)}+${Math.round(ms)}`).join(', ')}`);
      if (QUERY_DETAIL) logQueryDetail(r);
    }
  } finally {
    await bench.close();
  }
  return [label, ...cells];
}

async function browserSections(DIST: string): Promise<string> {
  const out: string[] = [];
  // Cold loads, app and floor interleaved so both see the same machine load.
  const bench = await openBench(DIST, DATA_DIR);
  const app: ColdLoad[] = [];
  const floor: ColdLoad[] = [];
  try {
    for (let i = 0; i < (SKIP.has('cold') ? 1 : COLD_RUNS); i++) {
      log(`cold load ${i + 1}/${COLD_RUNS}`);
      app.push(await coldLoad(bench, '', 'app:first-chart', 120_000, true));
      floor.push(await coldLoad(bench, 'bench/floor.html', 'floor:answer', 120_000));
    }
  } finally {
    await bench.close();
  }
  const appMs = app.map((l) => l.ms);
  const floorMs = floor.map((l) => l.ms);
  const liveMs = app.map((l) => l.liveMs);
  const ratio = median(appMs) / median(floorMs);
  out.push(
    `### Cold load (headless Chromium, ${COLD_RUNS} runs, new context each; navigation start → mark)`,
    table(
      ['page', 'median', 'p95', 'runs (ms)'],
      [
        ['app → app:first-chart', fmtMs(median(appMs)), fmtMs(p95(appMs)), appMs.map((x) => Math.round(x)).join(' ')],
        ['app → every chart live (DuckDB answered)', fmtMs(median(liveMs)), fmtMs(p95(liveMs)), liveMs.map((x) => Math.round(x)).join(' ')],
        ['floor → floor:answer', fmtMs(median(floorMs)), fmtMs(p95(floorMs)), floorMs.map((x) => Math.round(x)).join(' ')],
      ],
    ),
    `Ratio app / floor (medians): **${ratio.toFixed(2)}×** (target ≤ ${TARGET.firstChartRatio}×: ${ratio <= TARGET.firstChartRatio ? 'met' : 'missed'})`,
  );

  // Interaction at three sizes (and, unless skipped, a cold load of every other view at each size).
  const rows: string[][] = [];
  const viewRows: string[][] = [];
  const otherViewsAt = async (label: string, dataDir: string, filters: Filters[]) => {
    if (!SKIP.has('views')) viewRows.push(await viewsRow(DIST, label, dataDir, filters, await viewFilters(dataDir, VIEW_FILTER_RUNS)));
  };
  log(`interaction on the corpus (${RUNS} runs)`);
  // Filter states chosen once per dataset (it opens the whole dataset in DuckDB/Node): for both measures.
  if (!SKIP.has('corpus')) {
    const corpusFilters = await interactionFilters(DATA_DIR, RUNS);
    rows.push(interactionRow('corpus', await datasetInteraction(DIST, DATA_DIR, corpusFilters, 120_000), `p95 ≤ ${TARGET.p95Corpus} ms`));
    log(`  ${rows[0].join(' | ')}`);
    await otherViewsAt('corpus', DATA_DIR, corpusFilters);
  }
  for (const [cases, runs, label, target] of [
    [100_000, RUNS, '100k cases', `p95 ≤ ${TARGET.p95At100k} ms`],
    [1_000_000, RUNS_1M, '1M cases', `no task > ${TARGET.longTask} ms`],
  ] as const) {
    if (SKIP.has(cases === 1_000_000 ? '1m' : '100k')) continue;
    const dir = join(CACHE, String(cases));
    log(`synthetic Parquet, ${cases} cases → ${dir}`);
    const summary = await writeSyntheticParquet(DATA_DIR, dir, cases);
    log(`interaction at ${label} (${runs} runs; ${summary.metrics.toLocaleString('en-US')} figures)`);
    const filters = await interactionFilters(dir, runs);
    if (!SKIP.has('overview')) {
      rows.push(interactionRow(`${label} (${(summary.metrics / summary.cases).toFixed(1)} figures/case)`, await datasetInteraction(DIST, dir, filters, cases === 1_000_000 ? LOAD_TIMEOUT_1M_MS : 300_000), target));
      log(`  ${rows[rows.length - 1].join(' | ')}`);
    }
    await otherViewsAt(label, dir, filters);
  }
  out.push(
    '',
    '### Filter → every Overview chart updated (one page; each run a new, distinct filter via the URL)',
    table(['data', 'load: first chart / all charts live', 'data read; Chromium RSS', 'runs', 'drawn: median / p95', 'of it: last query answered, median / p95', 'long tasks > 200 ms during filters', 'target'], rows),
    '"drawn": the last chart\'s first frame with the new option (no animation: ECharts `finished` comes in the same frame). "last query answered": end of the change\'s last `sql:` measure; the rest of "drawn" is React and ECharts on the main thread.',
  );

  if (viewRows.length) {
    out.push(
      '',
      `### Other views: cold load until the view's queries answered (one run each), data read, then filter → view settled (${VIEW_FILTER_RUNS} year/level changes on the same page)`,
      table(['data', ...otherViews([]).map(([name]) => name)], viewRows),
      `Targets: cold ≤ ${fmtMs(VIEW_TARGET.cold100k)} at 100k and ≤ ${fmtMs(VIEW_TARGET.cold1M)} at 1M, reading ≤ ${fmtBytes(VIEW_TARGET.bytes)}; search ≤ ${fmtMs(VIEW_TARGET.search1M)} at 1M; filter p95 ≤ ${VIEW_TARGET.filterP95} ms. "filter": the changes one after another, each as soon as the previous settled; "paced": the same changes on a new page, each once the background reads started so far have landed (an analyst reading between clicks). "settled": a query of the change answered, none running, every chart drew its new option — the first of two steady frames in a row (three for a change answered without a query).`,
    );
  }

  const b: Bytes = bytesOf(app[0], DIST);
  const fb: Bytes = bytesOf(floor[0], DIST);
  const traffic = (d: DataTraffic) =>
    `${fmtBytes(d.bytes)} in ${d.requests} requests (${d.ranges} Range)${d.byFile.length ? ': ' + d.byFile.map(([f, n]) => `${f} ${fmtBytes(n)}`).join(', ') : ''}`;
  const workerGz = (x: Bytes) => fmtBytes(x.jsGzipByFile.filter(([f]) => f.includes('worker')).reduce((sum, [, n]) => sum + n, 0));
  out.push(
    '',
    '### Bytes (first cold load; server sends brotli, gzip = the .gz sibling of the same file)',
    table(
      ['what', 'app', 'floor', 'target'],
      [
        ['JS before the first chart, gzip', fmtBytes(b.jsGzip), fmtBytes(fb.jsGzip), `≤ ${fmtBytes(TARGET.jsGzip)}: ${b.jsGzip <= TARGET.jsGzip ? 'met' : 'missed'}`],
        ['  of it the DuckDB worker (runs off the main thread)', workerGz(b), workerGz(fb), ''],
        ['JS files', b.jsFiles.join(' '), fb.jsFiles.join(' '), ''],
        ['wasm fetched (on the wire)', `${b.wasmFiles.join(', ')} ${fmtBytes(b.wasmWire)}`, `${fb.wasmFiles.join(', ')} ${fmtBytes(fb.wasmWire)}`, 'one bundle'],
        ['data before the first chart', traffic(b.dataBeforeMark), traffic(fb.dataBeforeMark), ''],
        ['data until every chart is live (DuckDB attached, queries answered)', traffic(b.dataToLive), traffic(fb.dataToLive), 'Range reads only'],
      ],
    ),
  );
  return out.join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  await ensureData();
  // The e2e harness's build (node_modules/.cache/e2e-builds/…, rebuilt when a source is newer).
  const dist = await ensureBuilt();
  const sections: string[] = [`## npm run bench — ${new Date().toISOString().slice(0, 16)}Z, ${(await import('node:os')).cpus().length} cores`];
  if (!SKIP.has('ingest')) sections.push(await ingestSection());
  if (!SKIP.has('browser')) sections.push(await browserSections(dist));
  sections.push(`\nBench wall time: ${fmtMs(performance.now() - started)}`);
  const text = sections.join('\n\n');
  console.log(text);
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  writeFileSync(join(ROOT, 'node_modules/.cache/bench-latest.md'), text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
