// E2E harness: build the app once (cached by mtime), make sure the dataset exists, serve the build with
// scripts/serve.ts on a free port (or another server, e.g. nginx), and drive Chromium through playwright-core
// (Debian's, or $CHROMIUM: scripts/system-deps.ts).
// Usage in a test file:
//   let app: App; beforeAll(async () => { app = await startApp(); }); afterAll(() => app.close());
//   const { page, errors, foreignRequests } = await app.newPage('?view=compare');
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.ts';
import { chromiumPath } from '../../scripts/system-deps.ts';
import { DASHBOARD_DB_FILE } from '../../src/sql/tables.ts';
import { ensureDataset, newestMtime, withLock } from '../helpers/dataset.ts';
import { DATA_DIR as EXPORTED_DATA, ROOT } from '../helpers/paths.ts';

/** The project root (scripts/bench.ts imports it from here). */
export { ROOT };
/** The dataset the app is tested on: the real export, unless E2E_DATA_DIR points elsewhere. */
export const DATA_DIR = process.env.E2E_DATA_DIR ? resolve(process.env.E2E_DATA_DIR) : EXPORTED_DATA;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`);
}

/**
 * Builds for tests live in node_modules/.cache/e2e-builds/<time>/, never in dist/: several suites (and
 * engineers) run at once, and a rebuild must not empty a directory another suite is serving.
 * `latest` names the newest build; a build is reused while it is newer than every source of the app.
 */
const BUILDS = join(ROOT, 'node_modules/.cache/e2e-builds');

export async function ensureBuilt(): Promise<string> {
  return withLock('e2e-build', () => {
    mkdirSync(BUILDS, { recursive: true });
    const pointer = join(BUILDS, 'latest');
    const latest = existsSync(pointer) ? join(BUILDS, readFileSync(pointer, 'utf8').trim()) : null;
    const built = latest && existsSync(join(latest, 'index.html')) ? statSync(join(latest, 'index.html')).mtimeMs : 0;
    const sources = Math.max(...['src', 'bench', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newestMtime(join(ROOT, p))));
    if (latest && built > sources) return latest;
    const name = `${Date.now()}`;
    // NODE_ENV=production whoever calls: under vitest it is 'test', and Vite would then bundle React's and
    // ECharts' development code (~70 KB gzip more, dev warnings) — not the build users get.
    run('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'warn', '--outDir', join(BUILDS, name), '--emptyOutDir'], { ...process.env, NODE_ENV: 'production' });
    writeFileSync(pointer, name);
    // Keep the three newest builds (older ones may still be served by a running suite for a while).
    const old = readdirSync(BUILDS).filter((d) => /^\d+$/.test(d)).sort().slice(0, -3);
    for (const d of old) if (Date.now() - Number(d) > 15 * 60_000) rmSync(join(BUILDS, d), { recursive: true, force: true });
    return join(BUILDS, name);
  });
}

/** The dataset the app is served: the real export (made or refreshed if stale), or E2E_DATA_DIR as it is. */
export async function ensureData(): Promise<void> {
  if (!process.env.E2E_DATA_DIR) return ensureDataset();
  if (!existsSync(join(DATA_DIR, DASHBOARD_DB_FILE))) throw new Error(`no dataset in ${DATA_DIR}`);
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught page errors. */
  errors: string[];
  /** Requests to anything but the app's own origin (data: and blob: URLs are local). */
  foreignRequests: string[];
}

/** A web server serving the app: scripts/serve.ts by default. */
export interface AppServer {
  url: string;
  close: () => Promise<void>;
}

export interface App {
  url: string;
  /** The build being served (node_modules/.cache/e2e-builds/…). */
  root: string;
  browser: Browser;
  server: AppServer;
  /** A fresh browser context (cold cache) with a page opened at `path` (e.g. '?view=data'). */
  newPage: (path?: string, options?: { viewport?: { width: number; height: number } }) => Promise<OpenedPage>;
  close: () => Promise<void>;
}

/**
 * Build (if stale), serve and launch Chromium. `dataDir` serves another dataset as /data/ (e.g. a broken one).
 * `serve` starts another server for the build instead of scripts/serve.ts (it then serves the build's own data/).
 */
export async function startApp(options: { dataDir?: string; serve?: (root: string) => Promise<AppServer> } = {}): Promise<App> {
  await ensureData();
  const root = await ensureBuilt();
  const server = options.serve ? await options.serve(root) : await startServer({ root, dataDir: options.dataDir ?? DATA_DIR });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const origin = new URL(server.url).origin;
  return {
    url: server.url,
    root,
    browser,
    server,
    newPage: async (path = '', options = {}) => {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, acceptDownloads: true });
      contexts.push(context);
      // tsx compiles named functions inside page.evaluate to __name(...) calls.
      await context.addInitScript('globalThis.__name = (f) => f');
      const page = await context.newPage();
      const errors: string[] = [];
      const foreignRequests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => {
        const url = r.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) foreignRequests.push(url);
      });
      await page.goto(`${server.url}/${path}`);
      return { context, page, errors, foreignRequests };
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/** Wait until the view's charts have data: no loading placeholders left and every chart card drawn. */
export async function waitForCharts(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main.view');
      if (!main || main.querySelector('.load-progress, .load-error')) return false;
      if (main.querySelector('[aria-busy="true"]')) return false;
      const cards = [...main.querySelectorAll('.chart-card')];
      return cards.length > 0 && cards.every((c) => c.querySelector('canvas') || c.querySelector('.query-empty, .query-error'));
    },
    undefined,
    { timeout },
  );
}

/** The current option of a chart by query id (ChartCard registers instances in globalThis.__charts). */
export async function chartOption(page: Page, queryId: string): Promise<Record<string, unknown>> {
  return page.evaluate((id) => {
    const charts = (globalThis as unknown as { __charts: Map<string, { getOption: () => unknown }> }).__charts;
    const chart = charts?.get(id);
    if (!chart) throw new Error(`no chart ${id}`);
    return JSON.parse(JSON.stringify(chart.getOption())) as Record<string, unknown>;
  }, queryId);
}

/** Click a chart card's CSV button and return the downloaded bytes. */
export async function downloadCsv(page: Page, queryId: string): Promise<{ bytes: Buffer; filename: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-query-id="${queryId}"] .card-actions button`, { hasText: 'CSV' }).click(),
  ]);
  const path = await download.path();
  return { bytes: readFileSync(path), filename: download.suggestedFilename() };
}

/** The Overview's case total (the "cases" tile), as a number. */
export async function statCases(page: Page): Promise<number> {
  return Number(((await page.locator('[data-stat="cases"] dd').textContent()) ?? '').replace(/\D/g, ''));
}

/** Open the Import & labels panel and wait until it is there. */
export async function openWorkspace(page: Page, timeout = 120_000): Promise<void> {
  await page.locator('[data-testid="workspace-button"]').click();
  await page.locator('[data-testid="import-panel"]').waitFor({ timeout });
}
