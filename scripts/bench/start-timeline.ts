// Where a cold load's time goes until a view is live: DuckDB-wasm's start steps (`duckdb:*` marks, src/db/duckdb.ts),
// the view's queries (`sql:*` measures) and every request the server answered (worker script, wasm, Range reads of
// dashboard.duckdb), on one time axis (ms since navigation). Several builds are loaded in turn (interleaved, so each
// sees the same machine load): a before/after on a shared machine, where wall times move ×2–3 with the load.
//
//   nice npx tsx scripts/bench/start-timeline.ts [views] [runs]
//     views: comma-separated URL query strings' view names (cases,compare,indicator,data,overview; default cases)
//     TIMELINE_DISTS=dirA,dirB  builds to compare (default: the e2e harness's bench build of this worktree)
//     TIMELINE_DATA=dir         the data served at /data/ (default: the real export)
//     TIMELINE_REQUESTS=1       print every request of each load
//     TIMELINE_JS_FLAGS='a;b'   V8 flag sets to load each build with, in turn (';'-separated, '' = none), e.g.
//                               ';--no-wasm-lazy-compilation': how much of each step is compiling the wasm's code
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, DATA_DIR, ensureBuilt } from '../../tests/e2e/harness.ts';
import { chromiumPath } from '../system-deps.ts';
import { median } from './stats.ts';
import { newContext, openBench, waitAnswered, type Bench } from './browser.ts';

type Entry = { name: string; start: number; duration: number };
type Load = { entries: Entry[]; requests: { path: string; at: number; bytes: number; encoding: string }[]; liveMs: number };

async function load(bench: Bench, view: string): Promise<Load> {
  const context = await newContext(bench);
  const first = bench.served.length;
  try {
    const page = await context.newPage();
    await page.goto(`${bench.server.url}/${view === 'overview' ? '' : `?view=${view}`}`);
    await waitAnswered(page, 60_000, false).catch(async (error: Error) => {
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`).join(', '));
      throw new Error(`${error.message.split('\n')[0]}; marks: ${marks}`);
    });
    const liveMs = await page.evaluate(() => performance.now());
    await page.waitForTimeout(100); // responses still closing on the server side
    const { entries, origin } = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      entries: [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')]
        .filter((e) => /^(duckdb:|sql:|app:)/.test(e.name))
        .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration })),
    }));
    const requests = bench.served.slice(first).map((r) => ({ path: r.path, at: r.at - origin, bytes: r.bytes, encoding: r.encoding }));
    return { entries: entries.sort((a, b) => a.start - b.start), requests, liveMs };
  } finally {
    await context.close();
  }
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** The load's one-line summary: each start step's time, the first and last answer, how the database was read. */
function summary(l: Load): Record<string, number> {
  const at = (name: string) => l.entries.find((e) => e.name === name)?.start ?? NaN;
  const sql = l.entries.filter((e) => e.name.startsWith('sql:'));
  const wasm = l.requests.find((r) => r.path.endsWith('.wasm'));
  const worker = l.requests.find((r) => /worker.*\.js$/.test(r.path));
  const db = l.requests.filter((r) => r.path.endsWith('.duckdb'));
  return {
    worker: worker?.at ?? NaN,
    wasm: wasm?.at ?? NaN,
    start: at('duckdb:start'),
    instantiated: at('duckdb:instantiated'),
    opened: at('duckdb:opened'),
    checked: at('duckdb:checked'),
    attached: at('duckdb:attached'),
    ready: at('duckdb:ready'),
    firstSqlStart: Math.min(...sql.map((e) => e.start)),
    firstAnswer: Math.min(...sql.map((e) => e.start + e.duration)),
    lastAnswer: Math.max(...sql.map((e) => e.start + e.duration)),
    live: l.liveMs,
    // Per load, so that their medians are the steps' own (a median of `ready` minus one of `attached` is not).
    'wasm→instantiated': at('duckdb:instantiated') - (wasm?.at ?? NaN),
    'instantiated→attached': at('duckdb:attached') - at('duckdb:instantiated'),
    'attached→ready': at('duckdb:ready') - at('duckdb:attached'),
    'ready→last answer': Math.max(...sql.map((e) => e.start + e.duration)) - at('duckdb:ready'),
    dbRequests: db.length,
    dbKB: db.reduce((n, r) => n + r.bytes, 0) / 1024,
  };
}

async function main(): Promise<void> {
  const views = (process.argv[2] ?? 'cases').split(',');
  const runs = Number(process.argv[3] ?? 3);
  const builds = process.env.TIMELINE_DISTS ? process.env.TIMELINE_DISTS.split(',') : [await ensureBuilt()];
  const flagSets = process.env.TIMELINE_JS_FLAGS !== undefined ? process.env.TIMELINE_JS_FLAGS.split(';') : [''];
  const dists = builds.flatMap((b) => flagSets.map((f) => (f ? `${b} ${f}` : b)));
  const benches = await Promise.all(
    builds.flatMap((b) =>
      flagSets.map(async (flags) => {
        const bench = await openBench(b, process.env.TIMELINE_DATA ?? DATA_DIR);
        if (flags) {
          await bench.browser.close();
          const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, `--js-flags=${flags}`] });
          const closeServer = bench.close; // closes the first browser (already closed) and the server
          return { ...bench, browser, close: async () => (await browser.close(), await closeServer()) };
        }
        return bench;
      }),
    ),
  );
  try {
    for (const view of views) {
      const byDist: Record<string, number>[][] = dists.map(() => []);
      for (let i = 0; i < runs; i++)
        for (const [d, bench] of benches.entries()) {
          let l: Load;
          try {
            l = await load(bench, view);
          } catch (error) {
            console.log(`${view} ${dists[d]} run ${i + 1}: not live (${(error as Error).message.split('\n')[0]})`);
            continue;
          }
          byDist[d].push(summary(l));
          if (process.env.TIMELINE_REQUESTS === '1') {
            console.log(`--- ${view} ${dists[d]} run ${i + 1}`);
            for (const e of l.entries) console.log(`  ${e.start.toFixed(0).padStart(6)} ${e.duration ? `+${e.duration.toFixed(0)}` : ''} ${e.name}`);
            for (const r of l.requests) console.log(`  ${r.at.toFixed(0).padStart(6)} ${r.path} ${kb(r.bytes)} ${r.encoding}`);
          }
        }
      for (const [d, rows] of byDist.entries()) {
        if (rows.length === 0) continue;
        const keys = Object.keys(rows[0]);
        console.log(`${view} ${dists[d].split('/').slice(-1)[0]} (median of ${runs}): ${keys.map((k) => `${k} ${Math.round(median(rows.map((r) => r[k])))}`).join(', ')}`);
      }
    }
  } finally {
    await Promise.all(benches.map((b) => b.close()));
  }
}

await main();
