// The app's React tree, rendered into #root. Loaded by main.tsx with a dynamic import (its chunks are
// modulepreloaded by index.html all the same: vite.config.ts), so that the entry's few lines — DuckDB's start
// above all — run as soon as the entry arrives rather than once all of React, ECharts and the views are evaluated.
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { queryClient } from './hooks/query-client.ts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
