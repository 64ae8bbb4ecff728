// E2E harness: build the app once (cached by mtime), make sure the dataset exists, serve the build with
// scripts/serve.ts on a free port (or another server, e.g. nginx), and drive Chromium through playwright-core
// (Debian's, or $CHROMIUM: scripts/system-deps.ts).
// Under vitest's e2e project, tests/setup/e2e-app.ts has already built, served and launched Chromium once for
// every file: startApp() connects to that browser and serves from that server (a file that serves another
// dataset or through another server still gets its own server). Outside it (scripts/bench.ts) it does it all.
// Usage in a test file:
//   const { app, db } = useApp({ db: true });   // started before the file's tests, closed after
//   const { page, errors, foreignRequests } = await app.newPage('?view=compare');
// Pages: under vitest, app.newPage() opens a tab of the worker's own Chromium profile (WorkerProfile below says
// why, and how each test still starts from empty storage).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { chromiumPath } from '../../scripts/system-deps.ts';
import { DASHBOARD_DB_FILE } from '../../src/sql/tables.ts';
import { ensureDataset, newestMtime, withLock } from '../helpers/dataset.ts';
import { DATA_DIR as EXPORTED_DATA, ROOT } from '../helpers/paths.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { atWorkerEnd } from '../setup/worker-end.ts';

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

/** How long a page's actions and waits may take by default (playwright's is 30 s). */
const PAGE_TIMEOUT = 60_000;

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
  /**
   * A page opened at `path` (e.g. '?view=data'). Under vitest a tab of the worker's profile: empty storage at the
   * start of each test, shared by the test's own tabs as in one browser, warm HTTP and code caches (WorkerProfile).
   * `ownContext`: a browser context of its own instead (cold cache, storage of its own), e.g. a second,
   * separate browser in the same test. `forFile`: a page several tests of the file share, in a context of its own
   * that no test's clearing touches, closed with the app. Outside vitest (scripts) every page gets its own context.
   */
  newPage: (path?: string, options?: NewPageOptions) => Promise<OpenedPage>;
  close: () => Promise<void>;
}

export interface NewPageOptions {
  viewport?: { width: number; height: number };
  ownContext?: boolean;
  forFile?: boolean;
}

/** What tests/setup/e2e-app.ts made once for the whole e2e run: the build, its server and a Chromium to connect to. */
export interface SharedApp {
  /** The build being served. */
  root: string;
  /** Its server, serving DATA_DIR as /data/. */
  url: string;
  /** playwright's browser server: chromium.connect() to it. */
  wsEndpoint: string;
  /** Where each worker keeps its Chromium profile (WorkerProfile); removed at the end of the run. */
  profiles: string;
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
  /** A context of the page's own, closed with the app (and, under vitest, after the test unless it is `forFile`). */
  const ownContext = async (viewport: { width: number; height: number }, forFile = false) => {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    contexts.push(context);
    // tsx compiles named functions inside page.evaluate to __name(...) calls.
    await context.addInitScript('globalThis.__name = (f) => f');
    if (!forFile) workerProfile()?.closeAfterTest(context);
    return context.newPage();
  };
  return {
    url: server.url,
    root,
    browser,
    server,
    newPage: async (path = '', options = {}) => {
      const viewport = options.viewport ?? { width: 1280, height: 800 };
      const profile = shared && !options.ownContext && !options.forFile ? workerProfile() : undefined;
      const page = profile ? await profile.newPage(origin, viewport) : await ownContext(viewport, options.forFile);
      // Waits for the page's state, not speed checks: on a loaded machine a reaction can take longer than
      // playwright's 30 s default.
      page.setDefaultTimeout(PAGE_TIMEOUT);
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
      return { page, errors, foreignRequests };
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The e2e tests' pages: one persistent Chromium profile per vitest worker (a worker runs its files one after
 * another), every test's tabs opened in it. Why: a cold load of the app costs about 4 CPU-seconds; in a profile
 * that has loaded it before, the app's scripts and DuckDB-wasm come from the HTTP cache and the scripts' compiled
 * code from V8's code cache — about 0.9 CPU-s less (docs/performance.md, "The test suite"). Playwright's browser
 * contexts keep their caches in memory without a code cache; reusing one saved nothing measurable.
 * Isolation: before each test the storage of every origin the profile has opened — IndexedDB, localStorage, OPFS,
 * Cache Storage, cookies: the analyst's workspace — is cleared (not the HTTP cache); after each test its tabs (and
 * the contexts of its own it asked for) are closed. Within one test its tabs share storage, as tabs of one browser
 * do. tests/setup/e2e-pages.ts runs beforeTest() and afterTest() around every e2e test; the worker's end closes the
 * profile's Chromium (close(), run by tests/setup/e2e-environment.ts).
 */
class WorkerProfile {
  private context: Promise<BrowserContext> | undefined;
  private readonly dir: string;
  /** Origins whose storage the tests may have written: every origin a tab was opened on. */
  private readonly origins = new Set<string>();
  private readonly testContexts: BrowserContext[] = [];

  constructor(profiles: string) {
    this.dir = mkdtempSync(join(profiles, 'worker-'));
  }

  /** The profile's browser, launched on first use. */
  ready(): Promise<BrowserContext> {
    this.context ??= chromium
      .launchPersistentContext(this.dir, {
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
        acceptDownloads: true,
      })
      .then(async (context) => {
        // tsx compiles named functions inside page.evaluate to __name(...) calls.
        await context.addInitScript('globalThis.__name = (f) => f');
        // A browser that crashed is launched again for the next test (on the same profile directory).
        context.on('close', () => (this.context = undefined));
        return context;
      });
    return this.context;
  }

  async newPage(origin: string, viewport: { width: number; height: number }): Promise<Page> {
    this.origins.add(origin);
    const page = await (await this.ready()).newPage();
    await page.setViewportSize(viewport);
    return page;
  }

  closeAfterTest(context: BrowserContext): void {
    this.testContexts.push(context);
  }

  /** Before a test: no storage left by an earlier test, on any origin the profile has opened. */
  async beforeTest(): Promise<void> {
    if (!this.context || this.origins.size === 0) return;
    const context = await this.context;
    // The profile's first tab (about:blank) stays open: the browser lives while it does, and it carries the CDP calls.
    const session = await context.newCDPSession(context.pages()[0]);
    try {
      for (const origin of this.origins) await session.send('Storage.clearDataForOrigin', { origin, storageTypes: CLEARED_STORAGE });
    } finally {
      await session.detach();
    }
  }

  /** After a test: its tabs and contexts closed (nothing of it runs on into the next test). */
  async afterTest(): Promise<void> {
    for (const context of this.testContexts.splice(0)) await context.close().catch(() => undefined);
    if (!this.context) return;
    const tabs = (await this.context).pages().slice(1);
    for (const tab of tabs) await tab.close().catch(() => undefined);
  }

  /** When the worker ends: its Chromium closed (it has written its profile by then) and the profile removed. */
  async close(): Promise<void> {
    const context = this.context;
    this.context = undefined;
    if (context) await (await context).close().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

/** Every kind of site storage (CDP Storage.clearDataForOrigin), none of which is the HTTP cache. */
const CLEARED_STORAGE = 'cookies,file_systems,indexeddb,local_storage,websql,service_workers,cache_storage,shared_storage,storage_buckets';

let profile: WorkerProfile | undefined;

/** The worker's profile under vitest's e2e project; undefined elsewhere (scripts, bench: a context per page). */
export function workerProfile(): WorkerProfile | undefined {
  const shared = sharedApp();
  if (!shared) return undefined;
  if (!profile) {
    const opened = new WorkerProfile(shared.profiles);
    profile = opened;
    atWorkerEnd(() => opened.close());
  }
  return profile;
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

/**
 * Wait until the view's charts have data: no loading placeholders left and every chart card drawn. The default
 * timeout is a guard against a hang, not a speed check: a cold start on a loaded machine takes a minute or more.
 */
export async function waitForCharts(page: Page, timeout = 120_000): Promise<void> {
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
