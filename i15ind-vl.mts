// The bench's Indicator view measure (viewLoad: cold live + 10 year/level changes) for two builds, interleaved.
import { openBench, viewLoad } from './scripts/bench/browser.ts';
import { viewFilters } from './scripts/bench/filters.ts';
import { DEFAULT_STATE, stateToSearch } from './src/state/url-state.ts';
const [dataDir, ...dists] = process.argv.slice(2);
const changes = await viewFilters(dataDir, 10);
const link = (s: object) => stateToSearch({ ...DEFAULT_STATE, ...s }) || '?';
const state = { view: 'indicator', indicator: process.env.IND ?? 'government_services' };
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];
for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
  for (const dist of dists) {
    const bench = await openBench(dist, dataDir);
    try {
      const r = await viewLoad(bench, link(state), 180_000, changes.map((f) => link({ ...state, filters: f })));
      console.log(dist.split('/').pop(), `live ${Math.round(r.ms)} drawn ${Math.round(r.drawnMs)}; filter median ${Math.round(q(r.filterRuns, 0.5))} p95 ${Math.round(q(r.filterRuns, 0.95))}; runs ${r.filterRuns.map(Math.round).join(' ')}; queries/change ${r.filterQueries.map((x) => x.count).join(' ')}`);
    } finally {
      await bench.close();
    }
  }
}
