import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { tablesReady } from './db/duckdb.ts';
import { queryClient } from './db/query-client.ts';
import './styles.css';

// Start DuckDB and the data downloads before React's first render; errors are shown by LoadStatus.
tablesReady().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
