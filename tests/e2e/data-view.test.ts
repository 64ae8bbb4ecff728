// The Data view and the load errors: documents, quality report, taxonomy, downloads; a missing or
// broken data file is named on screen.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, startApp, type App } from './harness.ts';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.close());

describe('data view', () => {
  it('lists the documents, the quality flags, the taxonomy with notes, and every file to download', async () => {
    const { page, errors, foreignRequests } = await app.newPage('?view=data');
    const docs = page.locator('section[aria-label="来源文件"] tbody tr');
    await expect.poll(() => docs.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-quality-section="flags"]').textContent()).toMatch(/missing_body|没有标记/);
    const taxonomy = page.locator('section[aria-label="指标分类"] tbody tr');
    await expect.poll(() => taxonomy.count()).toBeGreaterThanOrEqual(18);
    for (const table of ['documents', 'cases', 'metrics', 'indicators', 'similar']) {
      await expect(page.locator(`[data-download="${table}"] a`).getAttribute('href')).resolves.toBe(`/data/${table}.parquet`);
    }
    // The cases CSV download: BOM + the contract's column names.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="cases"] button').click()]);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(await download.path()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toContain('case_id,doc_id,seq,province,city');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

describe('load errors', () => {
  let broken: App;
  const dir = mkdtempSync(join(tmpdir(), 'broken-data-'));
  beforeAll(async () => {
    for (const f of readdirSync(DATA_DIR)) if (f !== 'metrics.parquet') copyFileSync(join(DATA_DIR, f), join(dir, f));
    broken = await startApp({ dataDir: dir });
  });
  afterAll(() => broken?.close());

  it('a missing file is named', async () => {
    const { page } = await broken.newPage();
    await expect.poll(() => page.locator('.load-error-message').textContent(), { timeout: 30_000 }).toBe('metrics.parquet: HTTP 404');
  });

  it('a file that is not Parquet is named', async () => {
    writeFileSync(join(dir, 'metrics.parquet'), '<!doctype html><p>oops</p>');
    const { page } = await broken.newPage();
    await expect.poll(() => page.locator('.load-error-message').textContent(), { timeout: 30_000 }).toBe('metrics.parquet: not a Parquet file');
  });
});
