// What an analyst hands in, in real Chromium on the real export: the comparison brief of 福建 vs 陕西 on 获得电力
// as a Word file (unzipped here: title, both provinces' cases, reform measures, sources, the chart image) and
// as an A4 print view (nothing wider than the page, PDF printed); and the workspace file carried from one
// browser context to a fresh one (same imported cases and labels, nothing doubled, a wrong file refused).
// SCREENS_DIR=<dir> saves screenshots of the button and the print view (zh/en).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compareCases } from '../../src/queries/compare.ts';
import { measureDimensions, measureRows } from '../../src/queries/measures.ts';
import { briefSources } from '../../src/brief/queries.ts';
import { documentTitle } from '../../src/components/documents/document-title.ts';
import { makeI18n } from '../../src/i18n/i18n.tsx';
import { INDICATORS } from '../../src/ingest/indicators.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { madeUpDocument } from '../workspace/made-up-doc.ts';
import { useApp, waitForCharts, downloadedBytes, importThroughPreview } from './harness.ts';
import { show } from './in-page.ts';

const { app, db } = useApp({ db: true });

const screens = process.env.SCREENS_DIR;
async function shoot(page: Page, name: string, fullPage = false) {
  if (!screens) return;
  mkdirSync(screens, { recursive: true });
  await page.screenshot({ path: join(screens, `${name}.png`), fullPage });
}

const A = '福建省';
const B = '陕西省';
const A4 = { width: 794, height: 1123 };

async function openBrief(page: Page): Promise<void> {
  await waitForCharts(page, 120_000);
  await page.locator('[data-testid="brief-open"]').click();
  await page.locator('[data-testid="brief-print"] h2').first().waitFor({ timeout: 60_000 });
}

describe('comparison brief', () => {
  it('downloads a .docx with the title, both provinces’ cases, the measures and the sources', async () => {
    const { page, errors } = await app.newPage('?view=compare&indicator=electricity', { viewport: { width: 1440, height: 900 } });
    await waitForCharts(page, 120_000);
    await page.locator('[data-testid="brief-open"]').scrollIntoViewIfNeeded();
    await shoot(page, 'compare-button-zh-1440');
    await openBrief(page);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-testid="brief-word"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const files = unzipSync(new Uint8Array(await downloadedBytes(download)));
    const text = strFromU8(files['word/document.xml']).replace(/<[^>]+>/g, '');
    expect(text).toContain(`对比简报：${A} 与 ${B}`);
    expect(text).toContain('获得电力');

    const cases = await db.all(compareCases({ filters: EMPTY_FILTERS, a: A, b: B, indicator: 'electricity' }));
    for (const p of [A, B]) {
      const mine = cases.filter((c) => c.province === p);
      expect(mine.length).toBeGreaterThan(0);
      for (const c of mine) expect(text).toContain(String(c.title));
    }
    const scope = { filters: EMPTY_FILTERS, indicator: 'electricity', provinces: [A, B] };
    const dims = await db.all(measureDimensions(scope));
    expect(dims.length).toBeGreaterThan(0);
    for (const d of dims) {
      const rows = await db.all(measureRows({ ...scope, dimension: String(d.dimension) }));
      for (const p of [A, B]) {
        const first = rows.find((r) => r.province === p);
        if (first) expect(text).toContain(String(first.text));
      }
    }
    const sources = await db.all(briefSources({ filters: EMPTY_FILTERS, a: A, b: B, indicators: ['electricity'] }));
    expect(sources.map((s) => s.province).sort()).toEqual(expect.arrayContaining([A, B]));
    // Each notice by its title (composed from issuer, year and batch when its text states none, as in the
    // dashboard); its file stands in the address column while no address is recorded.
    const zh = makeI18n('zh', INDICATORS);
    for (const s of sources) {
      expect(text).toContain(documentTitle(s, zh).text);
      expect(text).toContain(String(s.url ?? s.source_file));
    }
    // The chart drawn on the page is in the file as a PNG.
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.length).toBe(1);
    expect([...files[media[0]].slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(strFromU8(files['word/styles.xml'])).toContain('w:eastAsia="宋体"');
    expect(errors).toEqual([]);
  }, 600_000);

  it('the print view fits A4: no text wider than its box, sections on new pages, a PDF prints', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page, errors } = await app.newPage(`?view=compare&indicator=electricity${lang === 'en' ? '&lang=en' : ''}`, { viewport: { width: 1440, height: 900 } });
      await openBrief(page);
      await shoot(page, `brief-dialog-${lang}-1440`);
      await page.setViewportSize({ width: 390, height: 844 });
      await shoot(page, `brief-dialog-${lang}-390`);
      await page.setViewportSize(A4);
      await page.emulateMedia({ media: 'print' });
      // Everything but the brief is hidden in print; the brief is laid out at the page's width.
      expect(await page.locator('#root').isVisible()).toBe(false);
      const overflow = await page.evaluate(() => {
        const root = document.querySelector('[data-testid="brief-print"]')!;
        const box = root.getBoundingClientRect();
        const cut: string[] = [];
        for (const el of root.querySelectorAll<HTMLElement>('h1, h2, h3, p, th, td, figure, img')) {
          const r = el.getBoundingClientRect();
          if (el.scrollWidth > el.clientWidth + 1 || r.right > box.right + 1 || r.left < box.left - 1) cut.push(`${el.tagName}: ${el.textContent?.slice(0, 40)}`);
        }
        return { cut, width: box.width, pageBreaks: [...root.querySelectorAll('section')].map((s) => getComputedStyle(s).breakBefore) };
      });
      expect(overflow.cut).toEqual([]);
      expect(overflow.width).toBeLessThanOrEqual(A4.width);
      expect(overflow.pageBreaks.slice(1).every((b) => b === 'page')).toBe(true);
      await shoot(page, `brief-print-${lang}-a4`, true);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      // Title block + four sections each from a new page.
      expect(pages).toBeGreaterThanOrEqual(4);
      if (screens) writeFileSync(join(screens, `brief-${lang}.pdf`), pdf);
      expect(errors).toEqual([]);
    }
  }, 600_000);
});

describe('workspace file', () => {
  it('carries imported notices and labels to a fresh browser, once, and refuses another kind of file', async () => {
    const doc = madeUpDocument();
    const { page } = await app.newPage();
    await waitForCharts(page, 120_000);
    await importThroughPreview(page, { name: doc.name, mimeType: 'text/plain', buffer: Buffer.from(doc.bytes) });
    await page.locator('[data-testid="preview-confirm"]').click();
    await expect.poll(() => page.locator('[data-testid="import-list"] li').count(), { timeout: 60_000 }).toBe(1);
    await page.locator('[data-testid="workspace-close"]').click();
    // Re-file one published case under 纳税 (tax).
    const [c] = await db.all("SELECT case_id FROM cases WHERE duplicate_of IS NULL AND indicator <> 'tax' ORDER BY case_id LIMIT 1");
    await show(page, `?view=case&case=${c.case_id}`);
    await page.locator('[data-testid="relabel-select"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="relabel-select"]').selectOption('tax');
    await page.locator('[data-testid="relabel-save"]').click();
    await page.locator('[data-testid="relabel-yours"]').waitFor();
    const importedCases = async (p: Page) => {
      await show(p, `?view=sql&sql=${encodeURIComponent("SELECT count(*) AS n FROM cases_all WHERE list_contains(flags, 'imported')")}`);
      await p.locator('[data-testid="sql-editor"]').waitFor({ timeout: 60_000 });
      await p.locator('[data-testid="sql-run"]').click();
      return Number(await p.locator('[data-testid="sql-result"] td').first().textContent({ timeout: 60_000 }));
    };
    const sent = await importedCases(page);
    expect(sent).toBeGreaterThan(0);

    await page.locator('[data-testid="workspace-button"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="wsf-export"]').click()]);
    const zip = await downloadedBytes(download);
    const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(zip))['manifest.json']));
    expect(manifest).toMatchObject({ kind: 'yingshang-compare.workspace', version: 1, imports: 1, labels: 1 });

    // A browser context of its own: nothing of the first one's storage.
    const { page: other, errors } = await app.newPage('?lang=en', { ownContext: true });
    await waitForCharts(other, 120_000);
    await other.locator('[data-testid="workspace-button"]').click();
    const input = other.locator('[data-testid="wsf-input"]');
    await input.setInputFiles({ name: 'workspace.zip', mimeType: 'application/zip', buffer: zip });
    await expect.poll(() => other.locator('[data-testid="wsf-result"]').textContent(), { timeout: 90_000 }).toContain('1 notices added (0 already here');
    expect(await other.locator('[data-testid="import-list"] li').count()).toBe(1);
    expect(await other.locator('[data-testid="labels-list"] li').count()).toBe(1);
    // The same file again: nothing added, nothing doubled.
    await other.locator('[data-testid="wsf-result"]').evaluate((el) => (el.textContent = ''));
    await input.setInputFiles({ name: 'workspace.zip', mimeType: 'application/zip', buffer: zip });
    await expect.poll(() => other.locator('[data-testid="wsf-result"]').textContent(), { timeout: 90_000 }).toContain('0 notices added (1 already here');
    expect(await other.locator('[data-testid="import-list"] li').count()).toBe(1);
    expect(await other.locator('[data-testid="labels-list"] li').count()).toBe(1);
    await shoot(other, 'workspace-file-en-1440');
    // Another kind of file is refused with its reason.
    await input.setInputFiles({ name: 'labels.csv', mimeType: 'text/csv', buffer: Buffer.from('case_id,indicator\n') });
    await expect.poll(() => other.locator('[data-testid="wsf-result"]').textContent()).toContain('not a workspace file');
    await other.locator('[data-testid="workspace-close"]').click();
    // After a load: what the file brought is in this browser's storage, not only in the page.
    await other.goto(`${app.url}/?view=case&case=${c.case_id}&lang=en`);
    await other.locator('[data-testid="relabel-yours"]').waitFor({ timeout: 60_000 });
    expect(await importedCases(other)).toBe(sent);
    expect(errors).toEqual([]);
  }, 900_000);
});
