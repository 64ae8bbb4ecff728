// The Data view and the load errors: documents, quality report, taxonomy, downloads; a missing or
// broken data file is named on screen.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DB_FILE } from '../../src/sql/tables.ts';
import { BROWSER_STORAGE_VERSION } from '../../src/export/dashboard-db.ts';
import { queryParquet } from '../helpers/data-db.ts';
import { useApp, DATA_DIR, startApp, type App, downloadedBytes } from './harness.ts';

const { app } = useApp();

describe('data view', () => {
  it('lists the documents, the quality flags, the taxonomy with notes, and every file to download', async () => {
    const { page, errors, foreignRequests } = await app.newPage('?view=data');
    const docs = page.locator('section[aria-label="来源文件"] tbody tr');
    await expect.poll(() => docs.count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-quality-section="flags"]').textContent()).toMatch(/missing_body|没有标记/);
    const taxonomy = page.locator('section[aria-label="指标分类"] tbody tr');
    await expect.poll(() => taxonomy.count()).toBeGreaterThanOrEqual(18);
    for (const table of ['documents', 'cases', 'metrics', 'indicators', 'similar']) {
      await expect(page.locator(`[data-download="${table}"] a`).getAttribute('href')).resolves.toBe(`/data/${table}.parquet`);
    }
    // Each table's row count with the language's thousands grouping, as the Overview's totals are written.
    const metrics = Number((await queryParquet(DATA_DIR, 'SELECT count(*)::INTEGER AS n FROM metrics'))[0].n);
    expect(metrics).toBeGreaterThanOrEqual(1000);
    await expect.poll(() => page.locator('[data-download="metrics"] td.num').textContent()).toBe(`${metrics.toLocaleString('zh-CN')} 行`);
    // And the quality report's total of figures (the same rows).
    expect(await page.locator('[data-quality="totals"] > div', { has: page.locator('dt', { hasText: /^数据指标$/ }) }).locator('dd').textContent()).toBe(metrics.toLocaleString('zh-CN'));
    // The cases CSV download: BOM + the contract's column names.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="cases"] button').click()]);
    const text = (await downloadedBytes(download)).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toContain('case_id,doc_id,seq,province,city');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

describe('data view layout', () => {
  /** Widths of the page, the per-document quality table and the card around it. */
  async function widths(page: Page) {
    return page.evaluate(() => {
      const table = document.querySelector('[data-table-id="quality.documents"] .table-scroll')!.getBoundingClientRect();
      const card = document.querySelector('[data-table-id="quality.documents"]')!.closest('section.card')!;
      return { page: document.documentElement.scrollWidth, viewport: innerWidth, tableRight: table.right, cardRight: card.getBoundingClientRect().right };
    });
  }

  for (const [lang, header] of [
    ['zh', '公告案例数'],
    ['en', 'Cases announced'],
  ] as const) {
    it(`the per-document quality table stays inside its card at 1280×800, headers in ${lang}`, async () => {
      const { page, errors } = await app.newPage(`?view=data${lang === 'en' ? '&lang=en' : ''}`);
      const headers = page.locator('[data-table-id="quality.documents"] thead th');
      await expect.poll(() => headers.count()).toBeGreaterThan(5);
      const texts = await headers.allTextContents();
      expect(texts).toContain(header);
      expect(texts).not.toContain('cases_announced');
      // Warnings are a count in the table; their text is listed under it.
      expect(await page.locator('[data-table-id="quality.documents"] tbody').textContent()).not.toMatch(/case ids of another document/);
      await page.locator('[data-table-id="data.taxonomy"] tbody tr').first().waitFor({ timeout: 60_000 });
      const w = await widths(page);
      expect(w.page).toBeLessThanOrEqual(w.viewport);
      expect(w.tableRight).toBeLessThanOrEqual(w.cardRight);
      expect(errors).toEqual([]);
    });
  }

  it('a document without a title is named by issuer (or province), year and batch, marked as composed; the data keeps the title empty', async () => {
    const untitled = await queryParquet(DATA_DIR, "SELECT count(*)::INTEGER AS n FROM documents WHERE coalesce(trim(title), '') = ''");
    const { page } = await app.newPage('?view=data&lang=en');
    const rows = page.locator('[data-table-id="data.documents"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const fallbacks = page.locator('[data-table-id="data.documents"] .title-fallback');
    await expect(fallbacks.count()).resolves.toBe(Number(untitled[0].n));
    if (Number(untitled[0].n) > 0) {
      await expect(fallbacks.first().textContent()).resolves.toMatch(/business-environment good practices, \d{4} Batch \d+$/);
      await expect(fallbacks.first().textContent()).resolves.not.toMatch(/untitled/);
      await expect(fallbacks.first().getAttribute('title')).resolves.toMatch(/not the notice's own title/);
    }
  });
});

describe('load errors', () => {
  let broken: App;
  const dir = mkdtempSync(join(tmpdir(), 'broken-data-'));
  beforeAll(async () => {
    for (const f of readdirSync(DATA_DIR)) if (f !== DASHBOARD_DB_FILE) copyFileSync(join(DATA_DIR, f), join(dir, f));
    broken = await startApp({ dataDir: dir });
  });
  afterAll(() => broken?.close());

  it('a missing database file is named', async () => {
    const { page } = await broken.newPage();
    await expect.poll(() => page.locator('.load-error-message').textContent()).toBe(`${DASHBOARD_DB_FILE}: HTTP 404`);
  });

  it('a file that is not a DuckDB database is named', async () => {
    writeFileSync(join(dir, DASHBOARD_DB_FILE), '<!doctype html><p>oops</p>');
    const { page } = await broken.newPage();
    await expect.poll(() => page.locator('.load-error-message').textContent()).toBe(`${DASHBOARD_DB_FILE}: not a DuckDB database file`);
  });

  it('a database without one of the tables names the table', async () => {
    // A real DuckDB file in the browser's storage format, with every table but `similar`.
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const target = join(dir, DASHBOARD_DB_FILE);
    rmSync(target, { force: true });
    await conn.run(`ATTACH '${join(DATA_DIR, DASHBOARD_DB_FILE)}' AS src (READ_ONLY)`);
    await conn.run(`ATTACH '${target}' AS out (STORAGE_VERSION '${BROWSER_STORAGE_VERSION}')`);
    const tables = (await conn.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_catalog = 'src'`)).getRows().map((r) => String(r[0]));
    expect(tables).toContain('similar');
    for (const table of tables.filter((t) => t !== 'similar')) await conn.run(`CREATE TABLE out."${table}" AS SELECT * FROM src."${table}"`);
    await conn.run('DETACH out');
    await conn.run('DETACH src');
    conn.closeSync();
    instance.closeSync();
    const { page } = await broken.newPage();
    await expect.poll(() => page.locator('.load-error-message').textContent()).toBe(`${DASHBOARD_DB_FILE}: has no table similar`);
  });
});
