// Where a filter change's main-thread time goes: a CPU profile (CDP Profiler) of one view over the bench's
// filter changes, on an unminified production build, printed as self and inclusive time per function.
//   npx tsx scripts/bench/profile-view.ts <view> [data dir]    view: indicator | compare | cases | overview
// The data dir defaults to public/data (the corpus); a BENCH_DATA_CACHE size (…/100000) works too.
// PROFILE_RUNS (12): filter changes; PROFILE_TOP (30): functions listed; PROFILE_DIST: profile this build instead
// (e.g. another commit's, to compare the busy time per change; a minified build's names are not readable).
// PROFILE_CALLERS (a text, e.g. "merge"): also where the functions whose label contains it are called from (self
// time by calling function), to see which caller makes a hot helper hot. PROFILE_WAIT_MS: a wait after the
// load before the first change (0: at once, as the bench). PROFILE_OFF=1: no CPU profile, only the
// settle times and the CPU ms per change (the profiler's own overhead, often a third of it, left out).
// PROFILE_SAVE (a path): the CPU profile written there too (.cpuprofile: Chromium DevTools' Performance panel opens it).
// PROFILE_TRACE=1: instead of the CPU profile, a Chromium trace of the page's main thread, summed per event name
// (Layout, UpdateLayoutTree = style, Paint, …): what the profile's "(program)" is.
// PROFILE_FILTERS=overview: the Overview bench's filter states (indicator, province, year, province + indicator:
// scripts/bench/filters.ts interactionFilters) instead of the year / level states every view answers.
// The Indicator view is profiled on the indicator `npm run bench` measures (firstIndicator of the bench's
// interaction states), not on the one it would pick per filter state (the commonest under the filters: a year
// change could switch indicators).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, ROOT } from '../../tests/e2e/harness.ts';
import { DEFAULT_STATE, stateToSearch } from '../../src/state/url-state.ts';
import type { AppState } from '../../src/state/filters.ts';
import type { ViewId } from '../../src/state/view-list.ts';
import { CHANGE_AND_SETTLE, HOOK_CHARTS, newContext, openBench, waitAnswered } from './browser.ts';
import { firstIndicator, interactionFilters, viewFilters } from './filters.ts';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const view = (process.argv[2] ?? 'indicator') as ViewId;
const dataDir = process.argv[3] ?? DATA_DIR;
const runs = Number(process.env.PROFILE_RUNS ?? 12);
const top = Number(process.env.PROFILE_TOP ?? 30);

/** Self and inclusive milliseconds per function (name, file, line), over the samples. */
function summarise(profile: Profile, callersOf = ''): { self: Map<string, number>; total: Map<string, number>; callers: Map<string, number>; ms: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const callers = new Map<string, number>();
  let ms = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    ms += dt;
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    if (callersOf && label(node).includes(callersOf)) {
      // The nearest caller that is not the function itself (a recursive helper's caller, not its own frames).
      let caller = byId.get(parent.get(node.id) ?? -1);
      while (caller && label(caller) === label(node)) caller = byId.get(parent.get(caller.id) ?? -1);
      const key = `${label(node)} <- ${caller ? label(caller) : '(none)'}`;
      callers.set(key, (callers.get(key) ?? 0) + dt);
    }
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  return { self, total, callers, ms };
}

type TraceEvent = { name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } };

/** Milliseconds per change of each complete event on the renderer's main threads (CrRendererMain). */
function traceSummary(events: TraceEvent[], changes: number, top: number): string {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byName = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`)) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => `  ${(ms / changes).toFixed(1).padStart(7)} ms  ${name}`).join('\n');
}

async function main(): Promise<void> {
  const dist = process.env.PROFILE_DIST ?? join(ROOT, 'node_modules/.cache/e2e-builds/profile');
  if (!process.env.PROFILE_DIST) {
    execFileSync('npx', ['vite', 'build', '--mode', 'bench', '--minify', 'false', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const changes = await (process.env.PROFILE_FILTERS === 'overview' ? interactionFilters : viewFilters)(dataDir, runs);
  const fixed: Partial<AppState> = view === 'indicator' ? { view, indicator: firstIndicator(await interactionFilters(dataDir, Number(process.env.BENCH_INTERACTION_RUNS ?? 20))) } : { view };
  const link = (state: Partial<AppState>) => stateToSearch({ ...DEFAULT_STATE, ...fixed, ...state }) || '?';
  const bench = await openBench(dist, dataDir);
  try {
    const context = await newContext(bench);
    const page = await context.newPage();
    await page.goto(`${bench.server.url}/${link({})}`);
    await waitAnswered(page, 120_000, false);
    await page.evaluate(HOOK_CHARTS);
    // PROFILE_WAIT_MS: changes only after this wait (the view's background reads done: a change's own work alone).
    await page.waitForTimeout(Number(process.env.PROFILE_WAIT_MS ?? 0));
    // CPU time of Chromium's processes (the page's renderer runs the main thread and DuckDB's worker): unlike the
    // wall time of a change, it hardly moves with the machine's load, so two builds compare on a shared machine.
    const browserCdp = await bench.browser.newBrowserCDPSession();
    type ProcessInfo = { type: string; id: number; cpuTime: number };
    const cpu = async () => {
      const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as unknown as { processInfo: ProcessInfo[] };
      const byType = new Map<string, number>();
      for (const p of processInfo) byType.set(p.type, (byType.get(p.type) ?? 0) + p.cpuTime);
      return byType;
    };
    const cpuBefore = await cpu();
    const tracing = process.env.PROFILE_TRACE === '1';
    const profiling = process.env.PROFILE_OFF !== '1' && !tracing;
    const cdp = await context.newCDPSession(page);
    const traceEvents: TraceEvent[] = [];
    if (tracing) {
      // The protocol types a trace event as a string map; the fields read here are those of every trace event.
      cdp.on('Tracing.dataCollected', (e) => traceEvents.push(...(e.value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink', transferMode: 'ReportEvents' });
    }
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const times: number[] = [];
    for (const filters of changes) {
      const run = await page.evaluate(CHANGE_AND_SETTLE, [link({ filters }), 30_000] as [string, number]);
      if (run) times.push(run.ms);
    }
    const cpuAfter = await cpu();
    const cpuLine = [...cpuAfter].map(([type, t]) => `${type} ${(((t - (cpuBefore.get(type) ?? 0)) * 1000) / times.length).toFixed(1)}`).join(', ');
    const sorted = [...times].sort((a, b) => a - b);
    const settled = `settled ${times.map((t) => Math.round(t)).join(' ')} ms (median ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN)})`;
    if (tracing) {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      console.log(`${view}, ${times.length} changes: ${settled}\nCPU ms per change (tracing on): ${cpuLine}`);
      console.log(`main thread, per change, by trace event (nested events counted in each):\n${traceSummary(traceEvents, times.length, top)}`);
      return;
    }
    if (!profiling) {
      console.log(`${view}, ${times.length} changes: ${settled}\nCPU ms per change (profiler off): ${cpuLine}`);
      return;
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (process.env.PROFILE_SAVE) writeFileSync(process.env.PROFILE_SAVE, JSON.stringify(profile));
    const { self, total, callers, ms } = summarise(profile, process.env.PROFILE_CALLERS);
    const list = (m: Map<string, number>) =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, t]) => `  ${(t / times.length).toFixed(1).padStart(7)} ms  ${name}`).join('\n');
    console.log(`${view}, ${times.length} changes: ${settled}; busy ${(ms / times.length).toFixed(1)} ms per change`);
    console.log(`CPU ms per change (profiler on): ${cpuLine}`);
    console.log(`self time per change:\n${list(self)}\ninclusive time per change:\n${list(total)}`);
    if (callers.size) console.log(`self time by caller per change:\n${list(callers)}`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
