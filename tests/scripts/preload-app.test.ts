// The preload-app Vite plugin (scripts/build/preload-app.ts) on a real, small build: an entry that imports its app
// with a dynamic import still gets the app's chunk, the chunks it imports and its CSS listed in index.html, so they
// are fetched alongside the entry rather than after it ran.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preloadApp } from '../../scripts/build/preload-app.ts';

let root: string;
let html: string;
let chunks: Rollup.OutputChunk[];

/** The href of every <link rel=`rel`> in the built page. */
const links = (rel: string) => [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]*href="([^"]+)"`, 'g'))].map((m) => m[1]);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'preload-app-'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><html><head></head><body><script type="module" src="/main.ts"></script></body></html>',
    // The entry and the app share a module: it stays the entry's (already preloaded by Vite).
    'main.ts': "import { shared } from './shared.ts';\nshared('entry');\nvoid import('./app.ts');\n",
    'shared.ts': 'export const shared = (who: string) => console.log(who);\n',
    'app.ts': "import './app.css';\nimport { shared } from './shared.ts';\nimport { big } from './big.ts';\nshared(big);\nvoid import('./later.ts');\n",
    'big.ts': "export const big = 'x'.repeat(10);\n",
    'later.ts': "export const later = 'loaded on demand';\n",
    'app.css': 'body { color: rgb(1, 2, 3); }\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const output = (await build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins: [preloadApp('/app.ts')],
    build: { write: false, minify: false, rollupOptions: { output: { manualChunks: (id: string) => (id.endsWith('big.ts') ? 'big' : undefined) } } },
  })) as Rollup.RollupOutput;
  const page = output.output.find((o): o is Rollup.OutputAsset => o.type === 'asset' && o.fileName === 'index.html');
  html = String(page?.source);
  chunks = output.output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const chunkOf = (module: string) => chunks.find((c) => c.moduleIds.some((id) => id.endsWith(module)))!.fileName;

describe('preloadApp', () => {
  it("lists the dynamically imported app's chunk and its static imports as modulepreload, once each", () => {
    const preloaded = links('modulepreload');
    expect(preloaded).toContain(`/${chunkOf('/app.ts')}`);
    expect(preloaded).toContain(`/${chunkOf('/big.ts')}`);
    expect(new Set(preloaded).size).toBe(preloaded.length);
  });

  it("lists the app's CSS as a stylesheet", () => {
    const css = links('stylesheet');
    expect(css).toHaveLength(1);
    expect(css[0]).toMatch(/\.css$/);
  });

  it("leaves out the entry itself and what the app loads on demand only", () => {
    const preloaded = links('modulepreload');
    expect(preloaded).not.toContain(`/${chunkOf('/main.ts')}`);
    expect(preloaded).not.toContain(`/${chunkOf('/later.ts')}`);
  });
});
