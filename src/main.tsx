import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startEngineAfterFirstChart } from './app-start.ts';
import { queryClient } from './db/query-client.ts';
import './styles.css';

// Start DuckDB once the first chart is drawn (the landing view does not need it: app-start.ts), or at
// once when a view's query needs it (runQuery starts it). Errors are shown by LoadStatus.
startEngineAfterFirstChart(() => {
  void import('./db/duckdb.ts').then(({ tablesReady }) => tablesReady().catch(() => undefined));
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
