// The analyst's workflows in real Chromium on the real export: import a document (and refuse an
// unreadable one without touching the data), SQL console (run, CSV download, DuckDB's error, cancel),
// and the analyst's own labels (counts move in the overview, the label survives a reload).
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { madeUpDocument } from '../workspace/made-up-doc.ts';
import { useApp, chartOption, waitForCharts, statCases, openWorkspace, downloadedBytes, importThroughPreview } from './harness.ts';
import { show } from './in-page.ts';

const { app, db } = useApp({ db: true });


async function closeWorkspace(page: Page): Promise<void> {
  await page.locator('[data-testid="workspace-close"]').click();
}

/** The overview heatmap's count for one province (as shown) and one indicator label. */
async function heatmapCell(page: Page, province: string, indicatorLabel: string): Promise<number> {
  const option = await chartOption(page, 'overview.heatmap');
  const provinces = (option.xAxis as { data: string[] }[])[0].data;
  const labels = (option.yAxis as { data: string[] }[])[0].data;
  const data = (option.series as { data: number[][] }[])[0].data;
  const x = provinces.indexOf(province);
  const y = labels.indexOf(indicatorLabel);
  return data.find((d) => d[0] === x && d[1] === y)?.[2] ?? 0;
}

describe('import a document in the browser', () => {
  it('a dropped announcement adds its cases to every view, marked imported, and they stay after a reload until removed', async () => {
    const { page, errors, foreignRequests } = await app.newPage();
    await waitForCharts(page);
    const [{ n }] = await db.all('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL');
    await expect.poll(() => statCases(page)).toBe(Number(n));

    const doc = madeUpDocument();
    await importThroughPreview(page, { name: doc.name, mimeType: 'text/plain', buffer: Buffer.from(doc.bytes) });
    await page.locator('[data-testid="preview-confirm"]').click();
    await expect.poll(() => page.locator('[data-testid="import-result"]').textContent()).toContain(doc.name);
    await expect(page.locator('[data-testid="import-result"]').textContent()).resolves.toMatch(/36/);
    await expect(page.locator('[data-testid="import-list"] li').count()).resolves.toBe(1);
    await closeWorkspace(page);

    // The made-up document is a re-dated copy of a published batch: its 36 cases are in, each marked as a
    // copy of its published twin, so the distinct count does not move.
    await expect.poll(() => statCases(page)).toBe(Number(n));

    // The cases view counts distinct cases, so the copies are kept apart there; each copy has its case page.
    // A case page of an imported case says so.
    await show(page, '?view=case&case=sn-2024-b4-001');
    await page.locator('[data-testid="case-flags"] [data-flag="imported"]').waitFor({ timeout: 60_000 });

    // Reload: still there (restored from IndexedDB before the first query).
    await page.goto(`${app.url}/?view=case&case=sn-2024-b4-036`);
    await page.locator('[data-testid="case-flags"] [data-flag="imported"]').waitFor({ timeout: 60_000 });
    await show(page, '?');
    await waitForCharts(page);

    // Remove: back to the published data.
    await openWorkspace(page);
    await page.locator('[data-testid="import-list"] li button').click();
    await expect.poll(() => page.locator('[data-testid="import-list"]').count()).toBe(0);
    await closeWorkspace(page);
    await expect.poll(() => statCases(page)).toBe(Number(n));
    await page.reload();
    await waitForCharts(page);
    await expect.poll(() => statCases(page)).toBe(Number(n));

    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('an unreadable file gets a message naming it and why; the data loaded before is untouched', async () => {
    const { page, errors } = await app.newPage();
    await waitForCharts(page);
    const before = await statCases(page);
    await openWorkspace(page);
    // GBK bytes (not UTF-8) and a PNG header.
    await page.locator('[data-testid="import-input"]').setInputFiles([
      { name: '公告-GBK.txt', mimeType: 'text/plain', buffer: Buffer.from([0xb9, 0xab, 0xb8, 0xe6, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]) },
      { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
    ]);
    const alert = page.locator('[data-testid="import-error"]');
    await alert.waitFor({ timeout: 60_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('公告-GBK.txt: not UTF-8 text');
    expect(text).toContain('scan.png: binary file, not text');
    await expect(page.locator('[data-testid="import-list"]').count()).resolves.toBe(0);
    await closeWorkspace(page);
    await expect.poll(() => statCases(page)).toBe(before);
    expect(errors).toEqual([]);
  });
});

describe('SQL console', () => {
  it('runs a query (Ctrl+Enter), shows the rows, keeps the query in the URL and downloads it as CSV with BOM and headers', async () => {
    const { page, errors } = await app.newPage('?view=sql');
    const sql = "SELECT province, count(*) AS cases FROM cases WHERE duplicate_of IS NULL GROUP BY province ORDER BY province";
    const editor = page.locator('[data-testid="sql-editor"]');
    await editor.waitFor({ timeout: 60_000 });
    await editor.fill(sql);
    await editor.press('Control+Enter');
    await page.locator('[data-testid="sql-result"]').waitFor({ timeout: 60_000 });
    const expected = await db.all(sql);
    await expect(page.locator('[data-testid="sql-meta"]').textContent()).resolves.toMatch(new RegExp(`^${expected.length} `));
    expect(new URL(page.url()).searchParams.get('sql')).toBe(sql);
    // The chart of the result is drawn.
    await page.locator('[data-query-id="sql-chart"] canvas').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-table-id="sql-result"] .table-tools button', { hasText: 'CSV' }).click(),
    ]);
    const bytes = await downloadedBytes(download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim());
    expect(parsed.data[0]).toEqual(['province', 'cases']);
    expect(parsed.data.slice(1)).toEqual(expected.map((r) => [String(r.province), String(r.cases)]));

    // A link with the query shows it; one click on Run reproduces it.
    const { page: linked } = await app.newPage(`?view=sql&sql=${encodeURIComponent(sql)}`);
    await linked.locator('[data-testid="sql-linked"]').waitFor({ timeout: 60_000 });
    await expect(linked.locator('[data-testid="sql-editor"]').inputValue()).resolves.toBe(sql);
    await linked.locator('[data-testid="sql-run"]').click();
    await linked.locator('[data-testid="sql-result"]').waitFor({ timeout: 60_000 });
    await expect(linked.locator('[data-testid="sql-meta"]').textContent()).resolves.toMatch(new RegExp(`^${expected.length} `));
    expect(errors).toEqual([]);
  });

  it("shows DuckDB's message for a syntax error and an unknown column, next to the query", async () => {
    const { page } = await app.newPage('?view=sql');
    const editor = page.locator('[data-testid="sql-editor"]');
    await editor.waitFor({ timeout: 60_000 });
    await editor.fill('SELEC province FROM cases');
    await page.locator('[data-testid="sql-run"]').click();
    await expect.poll(() => page.locator('[data-testid="sql-error"]').textContent()).toMatch(/Parser Error: syntax error at or near "SELEC"/);
    await editor.fill('SELECT provinz FROM cases');
    await page.locator('[data-testid="sql-run"]').click();
    await expect.poll(() => page.locator('[data-testid="sql-error"]').textContent()).toMatch(/Binder Error.*provinz/);
  });

  it('a long query can be cancelled, and the console runs the next one', async () => {
    const { page } = await app.newPage('?view=sql');
    const editor = page.locator('[data-testid="sql-editor"]');
    // The tables are loaded (the schema lists them), so the query is sent to DuckDB at the click, not held until
    // the engine is up (a fixed wait here was that on a quiet machine only).
    await page.locator('.sql-view .sql-table-name', { hasText: /^cases_all$/ }).waitFor({ timeout: 120_000 });
    // Ten billion rows: minutes of work, in small tasks, so the cancel is handled between two of them.
    await editor.fill('SELECT count(*) AS n FROM range(10000000000) t(i) WHERE hash(i) % 1000 = 7');
    await page.locator('[data-testid="sql-run"]').click();
    await page.locator('[data-testid="sql-cancel"]').click();
    // The query has minutes of work left: its cancelled state showing at all is the cancel taking effect.
    await page.locator('[data-testid="sql-cancelled"]').waitFor();
    await expect(page.locator('[data-testid="sql-result"]').count()).resolves.toBe(0);
    await editor.fill('SELECT 42 AS answer');
    await page.locator('[data-testid="sql-run"]').click();
    await expect.poll(() => page.locator('[data-testid="sql-result"] td').first().textContent()).toBe('42');
  });
});

describe('analyst labels', () => {
  it('re-filing a case moves the overview counts, shows as the analyst’s, and survives a reload', async () => {
    const [c] = await db.all(
      "SELECT c.case_id, c.province, c.indicator, i.name_zh FROM cases c JOIN indicators i ON i.code = c.indicator WHERE c.duplicate_of IS NULL AND c.indicator <> 'tax' ORDER BY c.case_id LIMIT 1",
    );
    const [tax] = await db.all("SELECT name_zh FROM indicators WHERE code = 'tax'");
    const { page, errors } = await app.newPage();
    await waitForCharts(page);
    const oldBefore = await heatmapCell(page, String(c.province), String(c.name_zh));
    const taxBefore = await heatmapCell(page, String(c.province), String(tax.name_zh));

    // Within the page (the views read the label from DuckDB as soon as it is saved), then after a reload.
    await show(page, `?view=case&case=${c.case_id}`);
    await page.locator('[data-testid="relabel-select"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="relabel-select"]').selectOption('tax');
    await page.locator('[data-testid="relabel-save"]').click();
    await expect.poll(() => page.locator('[data-testid="case-indicator"]').textContent()).toBe(String(tax.name_zh));
    await page.locator('[data-testid="relabel-yours"]').waitFor();

    await show(page, '?');
    await waitForCharts(page);
    await expect.poll(() => heatmapCell(page, String(c.province), String(tax.name_zh))).toBe(taxBefore + 1);
    expect(await heatmapCell(page, String(c.province), String(c.name_zh))).toBe(oldBefore - 1);

    await page.reload();
    await waitForCharts(page);
    await expect.poll(() => heatmapCell(page, String(c.province), String(tax.name_zh))).toBe(taxBefore + 1);
    await show(page, `?view=case&case=${c.case_id}`);
    await expect.poll(() => page.locator('[data-testid="case-indicator"]').textContent()).toBe(String(tax.name_zh));
    await expect(page.locator('[data-testid="relabel-yours"]').textContent()).resolves.toContain(String(c.name_zh));

    // Export the labels as CSV, then re-import it with a bad row: the good one applies, the bad one is reported.
    await openWorkspace(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="labels-export"]').click()]);
    const csv = (await downloadedBytes(download)).toString('utf8');
    expect(csv).toBe(`\ufeffcase_id,indicator\r\n${c.case_id},tax\r\n`);
    const edited = `${csv.trim()}\r\nno-such-case,tax\r\n${c.case_id},credit\r\n`;
    await page.locator('[data-testid="labels-input"]').setInputFiles({ name: 'labels.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
    await expect.poll(() => page.locator('[data-testid="labels-problems"]').textContent()).toContain('unknown case_id "no-such-case"');
    await expect(page.locator('[data-testid="labels-list"] li').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="labels-list"]').textContent()).resolves.toContain('获得信贷');
    expect(errors).toEqual([]);
  });
});
