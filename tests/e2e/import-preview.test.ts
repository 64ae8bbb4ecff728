// Importing through the preview in real Chromium on the real export: what was found is shown before anything
// joins the views; the analyst corrects the province, excludes a case and confirms (the views then show the
// cases, also after a reload); cancel changes nothing; a notice with no case says why; a garbled notice loads the word list of its repair (only it). Screenshots of the
// preview in both languages at 1440 and 390 px go to /work/notes/screens/i9import/ when that folder's parent exists.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { looksGarbled } from '../../src/ingest/mojibake.ts';
import { ingestDocument } from '../../src/ingest/pipeline.ts';
import { WORD_LIST_FILE } from '../../src/ingest/mojibake-words.ts';
import { RAW_DIR } from '../helpers/paths.ts';
import { placeNameEn } from '../../src/i18n/places.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp, waitForCharts, statCases, openWorkspace, importThroughPreview } from './harness.ts';
import { show } from './in-page.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const file = (name: string) => ({ name, mimeType: 'text/plain', buffer: readFileSync(resolve(FIXTURES, name)) });
const SCREENS = '/work/notes/screens/i9import';

const { app } = useApp();


const caseIds = (page: Page) => page.locator('[data-testid="preview-cases"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id') ?? ''));

describe('import through the preview', () => {
  it('shows what was found; a corrected province reaches the ids, an excluded case stays out, confirmed cases join the views', async () => {
    const { page, errors, foreignRequests } = await app.newPage();
    await waitForCharts(page, 150_000);
    const before = await statCases(page);
    await importThroughPreview(page, file('notice-three-cases.txt'));
    const doc = page.locator('[data-testid="preview-doc"]');
    // Found vs announced, each case's row; the views are not touched yet.
    await expect(doc.locator('[data-testid="preview-counts"]').textContent()).resolves.toMatch(/找到 3 个案例 · 公告称 3 个/);
    await expect(page.locator('[data-testid="preview-cases"] tbody tr').count()).resolves.toBe(3);
    expect(await page.locator('[data-testid="import-list"]').count()).toBe(0);

    // The notice names no province: the analyst sets it, the file is read again with it.
    const oldIds = await caseIds(page);
    await page.locator('[data-testid="preview-province"]').selectOption('江西省');
    await page.locator('[data-testid="preview-apply"]').click();
    // The list is briefly empty while the file is read again: wait for the new rows, not just for a change.
    const reread = async () => {
      const now = await caseIds(page);
      return now.length === oldIds.length && now.join() !== oldIds.join();
    };
    await expect.poll(reread, { timeout: 150_000 }).toBe(true);
    const ids = await caseIds(page);
    expect(ids).toHaveLength(3);
    expect(ids.every((id) => id.startsWith('jx-'))).toBe(true);
    await expect(page.locator('[data-testid="preview-province"]').inputValue()).resolves.toBe('江西省');

    // Exclude the second case, confirm.
    await page.locator('[data-testid="preview-cases"] tbody tr[data-seq="2"] [data-testid="preview-keep"]').uncheck();
    await expect(page.locator('[data-testid="preview-confirm"]').textContent()).resolves.toContain('2');
    await page.locator('[data-testid="preview-confirm"]').click();
    await expect.poll(() => page.locator('[data-testid="import-result"]').textContent(), { timeout: 120_000 }).toContain('notice-three-cases.txt');
    await page.locator('[data-testid="workspace-close"]').click();
    await expect.poll(() => statCases(page)).toBe(before + 2);

    // The cases view lists the two kept cases under the corrected province; the excluded one is nowhere.
    await show(page, `?view=cases&province=${encodeURIComponent('江西省')}`);
    await expect.poll(() => page.locator('[data-testid="case-count"]').textContent(), { timeout: 120_000 }).toMatch(/\b2\b/);
    await show(page, `?view=case&case=${ids[0]}`);
    await page.locator('[data-testid="case-flags"] [data-flag="imported"]').waitFor({ timeout: 240_000 });
    await show(page, `?view=case&case=${ids[1]}`);
    // Answered: the case page says it has no such case (the wait is for DuckDB's answer, not a fixed time).
    await page.locator('[data-testid="case-view"] .v-empty', { hasText: ids[1] }).waitFor({ timeout: 240_000 });
    expect(await page.locator('[data-testid="case-flags"]').count()).toBe(0);

    // A reload restores them (stored rows, inserted in bulk).
    await page.goto(`${app.url}/`);
    await waitForCharts(page, 150_000);
    await expect.poll(() => statCases(page)).toBe(before + 2);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 600_000);

  it('a garbled notice fetches the word list of its repair from the app itself (a clean one does not) and finds what the ETL finds', async () => {
    // The corpus's most garbled notice, with a line added so that it is not the loaded text itself.
    const texts = readdirSync(RAW_DIR)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ name, text: readFileSync(resolve(RAW_DIR, name), 'utf8') }));
    const garbledLines = (text: string) => text.split('\n').filter(looksGarbled).length;
    const garbled = texts.reduce((a, b) => (garbledLines(b.text) > garbledLines(a.text) ? b : a));
    expect(garbledLines(garbled.text)).toBeGreaterThan(0);
    const bytes = Buffer.from(`${garbled.text}\n（转载）\n`, 'utf8');
    const expected = ingestDocument({ sourceFile: 'garbled-copy.txt', bytes }).cases.length;

    const { page, errors, foreignRequests } = await app.newPage();
    const wordListRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith(`/${WORD_LIST_FILE}`)) wordListRequests.push(request.url());
    });
    await waitForCharts(page, 150_000);
    await importThroughPreview(page, file('notice-three-cases.txt'));
    expect(wordListRequests).toEqual([]);
    await page.locator('[data-testid="preview-cancel"]').click();

    await importThroughPreview(page, { name: 'garbled-copy.txt', mimeType: 'text/plain', buffer: bytes });
    expect(wordListRequests).toHaveLength(1);
    await expect(page.locator('[data-testid="preview-cases"] tbody tr').count()).resolves.toBe(expected);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 600_000);

  it('in English the preview names places as the views do (romanised), not in Chinese', async () => {
    const layout = resolve(import.meta.dirname, '../fixtures/layouts/wechat-repost-date-conflict.txt');
    const bytes = readFileSync(layout);
    const cities = ingestDocument({ sourceFile: 'notice.txt', bytes }).cases.flatMap((c) => (c.city ? [c.city] : []));
    expect(cities.length).toBeGreaterThan(0);
    const { page, errors } = await app.newPage('?lang=en');
    await importThroughPreview(page, { name: 'notice.txt', mimeType: 'text/plain', buffer: bytes });
    const places = await page.locator('[data-testid="preview-place"]').allTextContents();
    for (const place of places) expect(place, place).not.toMatch(/\p{Script=Han}/u);
    for (const city of cities) expect(places.some((p) => p.includes(placeNameEn(city))), city).toBe(true);
    expect(errors).toEqual([]);
  }, 600_000);

  it('cancel in the preview changes nothing', async () => {
    const { page, errors } = await app.newPage();
    await waitForCharts(page, 150_000);
    const before = await statCases(page);
    await importThroughPreview(page, file('notice-three-cases.txt'));
    await page.locator('[data-testid="preview-cancel"]').click();
    await page.locator('[data-testid="import-cancelled"]').waitFor();
    expect(await page.locator('[data-testid="import-list"]').count()).toBe(0);
    await page.locator('[data-testid="workspace-close"]').click();
    await page.reload();
    await waitForCharts(page, 150_000);
    expect(await statCases(page)).toBe(before);
    expect(errors).toEqual([]);
  }, 600_000);

  it('a notice with no case says why and what the reader looked for, in the UI language', async () => {
    for (const [lang, reason, looked] of [
      ['zh', '没有找到案例', '背景情况'],
      ['en', 'no case found', 'case title lines'],
    ] as const) {
      const { page } = await app.newPage(lang === 'en' ? '?lang=en' : '');
      await openWorkspace(page);
      await page.locator('[data-testid="import-input"]').setInputFiles(file('notice-no-cases.txt'));
      const alert = page.locator('[data-testid="import-error"] li[data-reason="no_cases"]');
      await alert.waitFor({ timeout: 150_000 });
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain(`notice-no-cases.txt`);
      expect(text).toContain(reason);
      expect(text).toContain(looked);
      // The reader's own detail follows.
      expect(text).toMatch(/no cases found \(.+\)/);
      expect(await page.locator('[data-testid="import-preview"]').count()).toBe(0);
    }
  }, 600_000);
});

describe('screenshots of the preview', () => {
  it('zh and en at 1440 and 390 px', async () => {
    if (!existsSync('/work/notes/screens')) return;
    mkdirSync(SCREENS, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      for (const width of [1440, 390]) {
        const { page } = await app.newPage(lang === 'en' ? '?lang=en' : '', { viewport: { width, height: 900 } });
        await importThroughPreview(page, [file('notice-three-cases.txt'), file('notice-no-cases.txt')]);
        await page.locator('[data-testid="preview-cases"] tbody tr[data-seq="2"] [data-testid="preview-keep"]').uncheck();
        await page.locator('.ws-dialog').screenshot({ path: `${SCREENS}/preview-${lang}-${width}.png` });
      }
    }
  }, 600_000);
});
