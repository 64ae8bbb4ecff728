// The page's entry: what must start before the app's code is evaluated, then the app (render-app.tsx). Kept light
// (no React DOM, no charts, no views): a view other than the Overview starts DuckDB-wasm from here, so the
// engine's download and compile (most of its start) run while the app's code is still being evaluated.
import { FIRST_CHART_MARK } from './components/first-chart.ts';
import { setAfterAttach } from './db/after-attach.ts';
import { startEngineAfterFirstChart, wantEngine } from './hooks/engine-start.ts';
import { setStoredWorkspaceCheck } from './hooks/snapshot-trust.ts';
import { prefetchSnapshot } from './hooks/useSnapshotSql.ts';
import { firstSnapshotFiles } from './queries/snapshot.ts';
import { parseState } from './state/url-state.ts';
import { storedWorkspaceIsEmpty } from './workspace/stored.ts';

// Once the published data is attached: the analyst's imported documents and labels go back in before the
// views first query. (The workspace's code loads then, not with the landing view.)
setAfterAttach(async (conn) => (await import('./workspace/index.ts')).restoreWorkspace(conn));

// The view's saved answers, fetched while its code loads, once this browser's storage shows no workspace
// (hooks/snapshot-trust.ts; the check reads the storage without loading the workspace's code).
setStoredWorkspaceCheck(storedWorkspaceIsEmpty);
const landing = parseState(location.search);
for (const file of firstSnapshotFiles(landing)) void prefetchSnapshot(file);

// Start DuckDB once the first chart is drawn (the landing view does not need it: hooks/engine-start.ts), or at
// once when a view's query needs it (runQuery starts it). Errors are shown by LoadStatus.
startEngineAfterFirstChart(() => {
  void import('./db/duckdb.ts').then(({ tablesReady }) => tablesReady().catch(() => undefined));
}, FIRST_CHART_MARK);
// Every other view queries DuckDB from the start (App.tsx): start it here, at the page's first script, rather than
// once React has drawn the view (~0.5 s later, more on a busy machine).
if (landing.view !== 'overview') wantEngine();

void import('./render-app.tsx');
