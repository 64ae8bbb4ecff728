import react from '@vitejs/plugin-react';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|wasm|json|svg|map|txt)$/;

/**
 * After the build, write .br and .gz beside every compressible file, so scripts/serve.ts can send
 * DuckDB's 33 MB wasm as ~6 MB. Brotli quality 9: quality 11 takes minutes on the wasm for ~5 % less.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).map((f) => join(outDir, f));
      const targets = [];
      for (const file of files) if (COMPRESSIBLE.test(file) && (await stat(file)).size > 1024) targets.push(file);
      await Promise.all(
        targets.map(async (file) => {
          const data = await readFile(file);
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            promisify(gzip)(data, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), precompress()],
  // DuckDB-wasm's worker and wasm files are imported with `?url` and served by the app itself.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    chunkSizeWarningLimit: 2000,
    // The test and benchmark builds (`vite build --mode bench`, tests/e2e/harness.ts) add bench/floor.html: the
    // floor page the benchmark's cold load is compared with. `npm run build` (dist/) has the app only.
    rollupOptions: { input: { main: 'index.html', ...(mode === 'bench' ? { floor: 'bench/floor.html' } : {}) } },
  },
  // The import worker loads PDF.js as chunks of its own when a PDF is imported: code-splitting needs ES module workers.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
}));
