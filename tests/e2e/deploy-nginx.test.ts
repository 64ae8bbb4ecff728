// The deployment as shipped: the production build served by Debian's nginx with deploy/nginx.conf
// (scripts/nginx.ts runs that very file, unprivileged, on a free port). Over HTTP: precompressed files, Range
// on the database, caching, security headers, fallback. In Chromium, with that Content-Security-Policy in
// force: the landing view drawn and then live, a live query in the SQL console, downloads.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type RunningNginx } from '../../scripts/nginx.ts';
import { DEBIAN_PACKAGES, findNginx } from '../../scripts/system-deps.ts';
import { DASHBOARD_DB_FILE } from '../../src/sql/tables.ts';
import { openAppTables, type AppTables } from '../../src/export/app-tables.ts';
import { chartOption, downloadCsv, startApp, waitForCharts, type App, downloadedBytes } from './harness.ts';

const nginxFound = findNginx() !== null;
if (!nginxFound) {
  console.warn(
    `deploy-nginx: skipped, no nginx with its brotli_static module (\`npm test\` as root installs them: apt-get install ${DEBIAN_PACKAGES.nginx.join(' ')})`,
  );
}

/** Content-Security-Policy violations the page reports (the worker's own show up as failed queries). */
const RECORD_CSP_VIOLATIONS = `
  globalThis.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    globalThis.__cspViolations.push(e.effectiveDirective + ' ' + (e.blockedURI || '(inline)') + ' ' + (e.sourceFile || '')));
`;

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations);
}

// A cold DuckDB-wasm start on a busy 2-core machine can take most of a minute.
describe.skipIf(!nginxFound)('the build served by nginx with deploy/nginx.conf', { timeout: 180_000 }, () => {
  let app: App;
  let nginx: RunningNginx;
  /** The dataset nginx serves (the build's data/), as the app's views see it. */
  let tables: AppTables;

  beforeAll(async () => {
    app = await startApp({
      serve: async (root) => {
        nginx = (await startNginx(root))!;
        return nginx;
      },
    });
    tables = await openAppTables(join(app.root, 'data'));
  });
  afterAll(async () => {
    tables?.close();
    await app?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });
  /** The build's scripts, as index.html names them. */
  const indexScripts = () => [...readFileSync(join(app.root, 'index.html'), 'utf8').matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);

  it('sends the precompressed siblings: brotli when accepted, else gzip, else the file itself', async () => {
    const [script] = indexScripts();
    expect(script).toBeDefined();
    const file = join(app.root, script);
    for (const [accept, encoding, sibling] of [
      ['gzip, deflate, br', 'br', `${file}.br`],
      ['gzip', 'gzip', `${file}.gz`],
      ['identity', null, file],
    ] as const) {
      const response = await get(script, { 'Accept-Encoding': accept });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding'), accept).toBe(encoding);
      expect(Number(response.headers.get('content-length')), accept).toBe(statSync(sibling).size);
      expect(response.headers.get('content-type')).toMatch(/^application\/javascript/);
      if (encoding) expect(response.headers.get('vary')).toBe('Accept-Encoding');
      await response.arrayBuffer();
    }
  });

  it('answers Range requests on the database with its raw bytes, whatever encodings the client accepts', async () => {
    const path = `/data/${DASHBOARD_DB_FILE}`;
    const bytes = readFileSync(join(app.root, path));
    const whole = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    for (const [start, end] of [
      [0, 0],
      [4096, 8191],
      [bytes.length - 100, bytes.length - 1],
    ]) {
      const part = await get(path, { Range: `bytes=${start}-${end}`, 'Accept-Encoding': 'gzip, deflate, br' });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(part.headers.get('content-encoding')).toBeNull();
      expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(true);
    }
  });

  it('caches hashed assets for a year, revalidates the page and the data, and never caches an error', async () => {
    const [script] = indexScripts();
    const cacheControl = async (path: string) => {
      const response = await get(path);
      await response.arrayBuffer();
      return [response.status, response.headers.get('cache-control')];
    };
    expect(await cacheControl(script)).toEqual([200, 'public, max-age=31536000, immutable']);
    expect(await cacheControl('/')).toEqual([200, 'no-cache']);
    expect(await cacheControl('/index.html')).toEqual([200, 'no-cache']);
    expect(await cacheControl(`/data/${DASHBOARD_DB_FILE}`)).toEqual([200, 'no-cache']);
    expect(await cacheControl('/data/overview.json')).toEqual([200, 'no-cache']);
    expect(await cacheControl('/assets/no-such-chunk.js')).toEqual([404, 'no-cache']);
    // An unchanged page is answered 304 (revalidation is cheap).
    const first = await get('/');
    await first.arrayBuffer();
    const again = await get('/', { 'If-None-Match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('serves the app at any path, but a missing script or data file is a 404', async () => {
    const index = readFileSync(join(app.root, 'index.html'), 'utf8');
    const deep = await get('/some/deep/link');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(index);
    expect((await get('/assets/no-such-chunk.js')).status).toBe(404);
    expect((await get('/data/no-such-table.parquet')).status).toBe(404);
  });

  it('sends the security headers on every response', async () => {
    for (const path of ['/', indexScripts()[0], `/data/${DASHBOARD_DB_FILE}`, '/assets/no-such-chunk.js']) {
      const response = await get(path);
      await response.arrayBuffer();
      const csp = new Map(
        (response.headers.get('content-security-policy') ?? '').split(';').map((d) => {
          const [name, ...sources] = d.trim().split(/\s+/);
          return [name, sources];
        }),
      );
      // Scripts only from this origin; WebAssembly may be compiled, but no eval and no inline script.
      expect(csp.get('script-src'), path).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  describe('in Chromium, under that Content-Security-Policy', () => {
    const contexts: BrowserContext[] = [];
    afterAll(async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
    });

    /** A fresh context and page recording console errors (the page's and its workers'), CSP violations and foreign requests. */
    async function newPage() {
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      contexts.push(context);
      await context.addInitScript('globalThis.__name = (f) => f');
      await context.addInitScript(RECORD_CSP_VIOLATIONS);
      const page = await context.newPage();
      const errors: string[] = [];
      const foreignRequests: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('worker', (w) => w.on('console', (m) => void (m.type() === 'error' && errors.push(`worker: ${m.text()}`))));
      page.on('request', (r) => {
        if (!/^(data|blob):/.test(r.url()) && new URL(r.url()).origin !== new URL(app.url).origin) foreignRequests.push(r.url());
      });
      /** Everything went right on the page so far. */
      const expectClean = async () => {
        expect(await cspViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        expect(foreignRequests).toEqual([]);
      };
      return { context, page, expectClean, goto: (path: string) => page.goto(`${app.url}/${path}`) };
    }

    it('draws the landing view, then goes live on dashboard.duckdb read by Range requests', async () => {
      const { context, page, expectClean, goto } = await newPage();
      const database: { status: number; range: string | undefined; encoding: string | undefined }[] = [];
      const wasm: (string | undefined)[] = [];
      context.on('response', async (r) => {
        const path = new URL(r.url()).pathname;
        if (path === `/data/${DASHBOARD_DB_FILE}`) {
          database.push({ status: r.status(), range: r.request().headers().range, encoding: (await r.allHeaders())['content-encoding'] });
        }
        if (path.endsWith('.wasm')) wasm.push((await r.allHeaders())['content-encoding']);
      });
      await goto('');
      await waitForCharts(page, 120_000);
      // Live: DuckDB-wasm attached the database (no load progress left) and answered the landing queries.
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByType('measure').some((m) => m.name.startsWith('sql:'))), { timeout: 60_000 })
        .toBe(true);
      const [cases] = await tables.query('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL');
      await expect.poll(() => page.locator('[data-stat="cases"] dd').textContent()).toBe(Number(cases.n).toLocaleString('en-US'));
      expect(((await chartOption(page, 'overview.byIndicator')).series as unknown[]).length).toBeGreaterThan(0);
      // A tooltip is HTML whose series markers are coloured by style attributes: the policy lets them apply.
      const chart = (await page.locator('[data-query-id="overview.byIndicator"] canvas').first().boundingBox())!;
      await expect
        .poll(async () => {
          await page.mouse.move(chart.x + chart.width * 0.6, chart.y + chart.height * 0.5);
          return page.evaluate(() => {
            const marker = document.querySelector('[data-query-id="overview.byIndicator"] span[style*="background-color"]');
            return marker ? getComputedStyle(marker).backgroundColor : null;
          });
        })
        .toMatch(/^rgb\(/);

      // DuckDB's 33 MB WebAssembly came as its .br sibling (Chromium accepts br from localhost).
      expect(wasm.length).toBeGreaterThan(0);
      expect(wasm.filter((encoding) => encoding !== 'br')).toEqual([]);
      // The database was read by ranges only, never sent whole or compressed.
      expect(database.length).toBeGreaterThan(0);
      expect(database.filter((d) => !d.range || d.status !== 206)).toEqual([]);
      expect(database.map((d) => d.encoding).filter(Boolean)).toEqual([]);
      await expectClean();
    });

    it('runs a live query in the SQL console and downloads its result as CSV', async () => {
      const { page, expectClean, goto } = await newPage();
      await goto('?view=sql');
      const sql = 'SELECT province, count(*) AS cases FROM cases WHERE duplicate_of IS NULL GROUP BY province ORDER BY province';
      const editor = page.locator('[data-testid="sql-editor"]');
      await editor.waitFor({ timeout: 120_000 });
      await editor.fill(sql);
      await editor.press('Control+Enter');
      await page.locator('[data-testid="sql-result"]').waitFor({ timeout: 120_000 });
      const expected = await tables.query(sql);
      expect(expected.length).toBeGreaterThan(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-table-id="sql-result"] .table-tools button', { hasText: 'CSV' }).click(),
      ]);
      const bytes = await downloadedBytes(download);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim()).data;
      expect(header).toEqual(['province', 'cases']);
      expect(rows).toEqual(expected.map((r) => [String(r.province), String(r.cases)]));
      await expectClean();
    });

    it("downloads a chart's CSV and PNG, and a Parquet file as nginx has it on disk", async () => {
      const { page, expectClean, goto } = await newPage();
      await goto('');
      await waitForCharts(page, 120_000);
      const { bytes } = await downloadCsv(page, 'overview.byLevel');
      const [, ...lines] = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim()).data;
      const [cases] = await tables.query('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL');
      expect(lines.reduce((sum, line) => sum + Number(line[2]), 0)).toBe(cases.n);

      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-query-id="overview.byLevel"] .card-actions button', { hasText: 'PNG' }).click(),
      ]);
      expect((await downloadedBytes(png)).subarray(1, 4).toString('latin1')).toBe('PNG');

      await goto('?view=data');
      const link = page.locator('[data-download="cases"] a');
      await link.waitFor({ timeout: 120_000 });
      const [parquet] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect((await downloadedBytes(parquet)).equals(readFileSync(join(app.root, 'data/cases.parquet')))).toBe(true);
      await expectClean();
      expect(nginx.errorLog()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
    });
  });
});
