import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // DuckDB-wasm's worker and wasm files are imported with `?url` and served by the app itself.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
