import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { FIRST_CHART_MARK } from './components/first-chart.ts';
import { setAfterAttach } from './db/after-attach.ts';
import { startEngineAfterFirstChart, wantEngine } from './hooks/engine-start.ts';
import { setStoredWorkspaceCheck } from './hooks/snapshot-trust.ts';
import { prefetchSnapshot } from './hooks/useSnapshotSql.ts';
import { firstSnapshotFiles } from './queries/snapshot.ts';
import { parseState } from './state/url-state.ts';
import { storedWorkspaceIsEmpty } from './workspace/stored.ts';
import { queryClient } from './hooks/query-client.ts';
import './styles.css';

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
// Every other view queries DuckDB from the start (App.tsx): start it here, before React's first render, rather than
// in the view's effect once that render has committed.
if (landing.view !== 'overview') wantEngine();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
