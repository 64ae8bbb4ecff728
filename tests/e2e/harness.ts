// E2E harness: build the app once (cached by mtime), make sure the dataset exists, serve the build with
// scripts/serve.ts on a free port (or another server, e.g. nginx), and drive Chromium through playwright-core
// (Debian's, or $CHROMIUM: scripts/system-deps.ts).
// Under vitest's e2e project, tests/setup/e2e-app.ts has already built, served and launched Chromium once for
// every file: startApp() connects to that browser and serves from that server (a file that serves another
// dataset or through another server still gets its own server). Outside it (scripts/bench.ts) it does it all.
// Usage in a test file:
//   const { app, db } = useApp({ db: true });   // started before the file's tests, closed after
//   const { page, errors, foreignRequests } = await app.newPage('?view=compare');
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { chromiumPath } from '../../scripts/system-deps.ts';
import { DASHBOARD_DB_FILE } from '../../src/sql/tables.ts';
import { ensureDataset, newestMtime, withLock } from '../helpers/dataset.ts';
import { DATA_DIR as EXPORTED_DATA, ROOT } from '../helpers/paths.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';

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

/** What tests/setup/e2e-app.ts made once for the whole e2e run: the build, its server and a Chromium to connect to. */
export interface SharedApp {
  /** The build being served. */
  root: string;
  /** Its server, serving DATA_DIR as /data/. */
  url: string;
  /** playwright's browser server: chromium.connect() to it. */
  wsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eApp: SharedApp | undefined;
  }
}

/** The shared build, server and browser when running under the e2e project; undefined elsewhere (scripts, bench). */
function sharedApp(): SharedApp | undefined {
  if (!process.env.VITEST) return undefined;
  return inject('e2eApp');
}

/**
 * Build (if stale), serve and launch Chromium — or, under the e2e project, reuse what its globalSetup made.
 * `dataDir` serves another dataset as /data/ (e.g. a broken one). `serve` starts another server for the build
 * instead of scripts/serve.ts (it then serves the build's own data/). Either gets a server of its own.
 */
export async function startApp(options: { dataDir?: string; serve?: (root: string) => Promise<AppServer> } = {}): Promise<App> {
  const shared = sharedApp();
  if (!shared) await ensureData();
  const root = shared?.root ?? (await ensureBuilt());
  const ownServer = !shared || options.serve || (options.dataDir && resolve(options.dataDir) !== DATA_DIR);
  const server: AppServer = !ownServer
    ? { url: shared.url, close: async () => undefined }
    : options.serve
      ? await options.serve(root)
      : await startServer({ root, dataDir: options.dataDir ?? DATA_DIR });
  // A connected browser's close() closes this file's contexts and disconnects; the browser stays for the next file.
  const browser = shared ? await chromium.connect(shared.wsEndpoint) : await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
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

/**
 * A test file's app, started before its tests and closed after them (and, with `db`, the export opened in Node
 * DuckDB: openDataDb()). Call at the top of the file; `app` and `db` are usable inside tests and hooks.
 */
export function useApp(options: { db: true }): { app: App; db: DataDb };
export function useApp(options?: { db?: false }): { app: App };
export function useApp(options: { db?: boolean } = {}): { app: App; db?: DataDb } {
  let started: App | undefined;
  let opened: DataDb | undefined;
  beforeAll(async () => {
    started = await startApp();
    if (options.db) opened = await openDataDb();
  }, 600_000);
  afterAll(async () => {
    await started?.close();
    opened?.close();
  });
  const running = (): App => {
    if (!started) throw new Error('the app is started in beforeAll: use it inside a test or hook');
    return started;
  };
  const database = (): DataDb => {
    if (!opened) throw new Error('the export is opened in beforeAll: use it inside a test or hook');
    return opened;
  };
  // Getters, so that the file can take `app` and `db` now and use them once beforeAll has run.
  const app: App = {
    get url() { return running().url; },
    get root() { return running().root; },
    get browser() { return running().browser; },
    get server() { return running().server; },
    newPage: (path, pageOptions) => running().newPage(path, pageOptions),
    close: () => running().close(),
  };
  const db: DataDb = {
    get conn() { return database().conn; },
    all: (query) => database().all(query),
    explain: (query) => database().explain(query),
    close: () => database().close(),
  };
  return options.db ? { app, db } : { app };
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
  return { bytes: await downloadedBytes(download), filename: download.suggestedFilename() };
}

/** A download's bytes. (download.path() is not available with a browser connected to, as the e2e files' is.) */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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

/** A file handed to the import input. */
export interface ImportFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Hand `files` to the import (opening the Import & labels panel unless it is open) and wait until the preview
 * shows `docs` documents (default: at least one). The caller checks the preview, then confirmImport().
 */
export async function importThroughPreview(page: Page, files: ImportFile | ImportFile[], docs?: number): Promise<void> {
  if (!(await page.locator('[data-testid="import-panel"]').isVisible())) await openWorkspace(page);
  await page.locator('[data-testid="import-input"]').setInputFiles(files);
  if (docs === undefined) await page.locator('[data-testid="preview-doc"]').first().waitFor({ timeout: 240_000 });
  else await expect.poll(() => page.locator('[data-testid="preview-doc"]').count(), { timeout: 240_000 }).toBe(docs);
}

/** Confirm the preview, wait for the import's result and close the panel. */
export async function confirmImport(page: Page): Promise<void> {
  await page.locator('[data-testid="preview-confirm"]').click();
  await page.locator('[data-testid="import-result"]').waitFor({ timeout: 240_000 });
  await page.locator('[data-testid="workspace-close"]').click();
}
