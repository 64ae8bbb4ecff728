// What the landing page fetches: DuckDB-wasm (worker + wasm) only after the first chart is drawn
// (src/hooks/engine-start.ts), the ECharts modules the landing view does not draw never (src/components/echarts.ts);
// a chart that needs them (the SQL console's line chart) loads them and is drawn. Any other view starts DuckDB at
// once (src/main.tsx), its steps marked on the performance timeline.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp, chartOption, waitForCharts } from './harness.ts';

const { app } = useApp();

describe('first load', () => {
  it('is measured on the production build (React without its development code), whatever NODE_ENV the tests run under', () => {
    // vitest sets NODE_ENV=test; a build under it would bundle React's and ECharts' development code.
    const assets = join(app.root, 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const withReactDom = scripts.filter((f) => readFileSync(join(assets, f), 'utf8').includes('react-dom'));
    expect(withReactDom.length).toBeGreaterThan(0);
    for (const f of scripts) expect(readFileSync(join(assets, f), 'utf8'), f).not.toContain('Each child in a list should have a unique');
  });

  it('the Overview is drawn before DuckDB is requested; DuckDB then starts by itself and the charts go live', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript('globalThis.__name = (f) => f');
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      // When each request was made (epoch ms; the browser runs on this machine's clock).
      const requested: { path: string; at: number }[] = [];
      context.on('request', (r) => requested.push({ path: new URL(r.url()).pathname, at: Date.now() }));
      await page.goto(`${app.url}/`);
      await waitForCharts(page);
      const mark = await page.evaluate((name) => {
        const entry = performance.getEntriesByName(name)[0];
        return entry ? performance.timeOrigin + entry.startTime : 0;
      }, 'app:first-chart');
      expect(mark).toBeGreaterThan(0);
      const duckdb = requested.filter((r) => /duckdb.*\.(worker\.js|wasm)$/.test(r.path));
      expect(duckdb.length).toBeGreaterThan(0);
      for (const r of duckdb) expect(r.at, r.path).toBeGreaterThan(mark);
      expect(requested.filter((r) => r.path.includes('echarts-more'))).toEqual([]);
      // Live: the load progress is gone (waitForCharts) and a chart still has its series.
      expect(((await chartOption(page, 'overview.byIndicator')).series as unknown[]).length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('any other view starts DuckDB by itself, each step of its start marked on the timeline in order', async () => {
    const { page, errors } = await app.newPage('?view=cases');
    // The engine's steps leave duckdb:* marks (src/db/duckdb.ts; scripts/bench/start-timeline.ts reads them).
    await page.waitForFunction(() => performance.getEntriesByName('duckdb:ready').length > 0, undefined, { timeout: 60_000 });
    await page.locator('main.view tbody tr').first().waitFor({ timeout: 60_000 });
    const at = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('duckdb:')).map((m) => [m.name.slice(7), m.startTime])),
    );
    const order = ['start', 'instantiated', 'opened', 'attached', 'views', 'after-attach', 'ready'];
    for (const step of [...order, 'checked']) expect(at[step], step).toBeGreaterThan(0);
    expect(order.map((step) => at[step])).toEqual(order.map((step) => at[step]).sort((a, b) => a - b));
    // The database file's check runs alongside the engine's start, and before the attach that needs it.
    expect(at.checked).toBeGreaterThanOrEqual(at.start);
    expect(at.checked).toBeLessThanOrEqual(at.attached);
    expect(errors).toEqual([]);
  });

  it("the SQL console's line chart loads the ECharts modules it needs and is drawn as a line", async () => {
    const { page, errors } = await app.newPage('?view=sql');
    const editor = page.locator('[data-testid="sql-editor"]');
    await editor.waitFor({ timeout: 60_000 });
    await editor.fill('SELECT province, count(*) AS cases FROM cases GROUP BY province ORDER BY province');
    await editor.press('Control+Enter');
    await page.locator('[data-query-id="sql-chart"] canvas').waitFor({ timeout: 60_000 });
    await page.locator('[data-query-id="sql-chart"]').getByRole('button', { name: /折线图|Line/ }).click();
    await expect
      .poll(async () => ((await chartOption(page, 'sql-chart')).series as { type: string }[]).map((s) => s.type))
      .toEqual(['line']);
    await page.locator('[data-query-id="sql-chart"] canvas').waitFor();
    expect(errors).toEqual([]);
  });
});
