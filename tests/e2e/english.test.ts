// Every string in the UI's language, end to end in Chromium on the real export: in English, places are
// romanised (pinyin-pro), units and figure hovers are English, long indicator names wrap rather than being cut;
// in Chinese, what the ingest says (warnings, where a value came from) is Chinese, not English sentences.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { placeNameEn } from '../../src/i18n/places.ts';
import { ROOT } from '../helpers/paths.ts';
import { useApp, chartOption, waitForCharts, importThroughPreview } from './harness.ts';
import { show } from './in-page.ts';

const { app, db } = useApp({ db: true });

const HAN = /\p{Script=Han}/u;
/** English words in a Chinese text, leaving out what is no sentence: file names, ids, sources.json, SQL names. */
const englishWords = (text: string) =>
  text.replace(/[\w.-]+\.(txt|json)|[a-z]{2}-\d{4}-b\d[\w-]*|SQL|CSV|PNG|Excel|Parquet/g, '').match(/[A-Za-z]{3,}/g) ?? [];

type Axis = { data: string[]; axisLabel?: { overflow?: string } };
const categoryAxis = async (page: Page, id: string, key: 'xAxis' | 'yAxis') => ((await chartOption(page, id))[key] as Axis[])[0];

describe('English', () => {
  it('places are romanised on the charts; indicator names wrap onto a second line, never cut', async () => {
    const [top] = await db.all('SELECT city FROM cases WHERE duplicate_of IS NULL AND city IS NOT NULL GROUP BY city ORDER BY count(*) DESC, city LIMIT 1');
    const { page, errors } = await app.newPage('?view=overview&lang=en');
    await waitForCharts(page, 120_000);
    await expect.poll(async () => (await categoryAxis(page, 'overview.byCity', 'yAxis')).data, { timeout: 60_000 }).toContain(placeNameEn(String(top.city)));
    for (const id of ['overview.byCity', 'overview.byIndicator', 'overview.heatmap']) {
      const axis = await categoryAxis(page, id, 'yAxis');
      for (const label of axis.data) expect(label, id).not.toMatch(HAN);
      expect(axis.axisLabel?.overflow, id).toBe('break');
    }
    for (const label of (await categoryAxis(page, 'overview.heatmap', 'xAxis')).data) expect(label).not.toMatch(HAN);
    // The longest indicator name is on the chart whole.
    const names = (await db.all('SELECT name_en FROM indicators')).map((r) => String(r.name_en));
    const longest = names.sort((a, b) => b.length - a.length)[0];
    expect((await categoryAxis(page, 'overview.byIndicator', 'yAxis')).data).toContain(longest);
    expect(errors).toEqual([]);

    // Compare, mounted in the same page.
    await show(page, '?view=compare&lang=en');
    await waitForCharts(page, 120_000);
    const butterfly = await categoryAxis(page, 'compare.shares', 'yAxis');
    for (const label of butterfly.data) expect(label).not.toMatch(HAN);
    // Compare wraps its names itself, where the column is too narrow (wrapped-labels.ts; its lines are tested in
    // tests/views/compare): the longest is there whole.
    expect(butterfly.data.map((label) => label.replaceAll('\n', ' '))).toContain(longest);
  }, 300_000);

  it('units are English: the count units, the counts and money axes', async () => {
    const [ind] = await db.all(
      "SELECT c.indicator FROM metrics m JOIN cases c USING (case_id) WHERE c.duplicate_of IS NULL AND m.kind = 'count' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
    );
    const { page } = await app.newPage(`?view=indicator&lang=en&ind=${String(ind.indicator)}`);
    await waitForCharts(page, 120_000);
    const options = page.locator('[data-testid="count-unit"] option');
    await expect.poll(() => options.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    for (const text of await options.allTextContents()) expect(text).not.toMatch(HAN);
    const counts = await chartOption(page, 'indicator.counts');
    expect(String((counts.xAxis as { name: string }[])[0].name)).not.toMatch(HAN);
    const title = await page.locator('[data-query-id="indicator.counts"] h3').textContent();
    expect(title).not.toMatch(HAN);
  }, 300_000);

  it('a figure’s hover says its kind and unit in the UI’s language ("时长：" / "duration: … days")', async () => {
    const [c] = await db.all(
      "SELECT m.case_id FROM metrics m JOIN cases c USING (case_id) WHERE c.duplicate_of IS NULL AND m.kind = 'duration' AND m.unit_norm = '天' ORDER BY m.case_id LIMIT 1",
    );
    const zh = await app.newPage(`?view=case&case=${String(c.case_id)}`);
    // The figures are marked once the case's metrics answered, after its title: wait for the marks themselves.
    const hovers = (page: Page) => page.locator('.v-part mark[title]').evaluateAll((ms) => ms.map((m) => m.getAttribute('title') ?? ''));
    await expect.poll(async () => (await hovers(zh.page)).some((t) => t.startsWith('时长：')), { timeout: 120_000 }).toBe(true);
    const zhTitles = await hovers(zh.page);
    for (const t of zhTitles) expect(englishWords(t), t).toEqual([]);
    const en = await app.newPage(`?view=case&case=${String(c.case_id)}&lang=en`);
    await expect.poll(async () => (await hovers(en.page)).some((t) => t.startsWith('duration: ')), { timeout: 120_000 }).toBe(true);
    const enTitles = await hovers(en.page);
    const duration = enTitles.find((t) => t.startsWith('duration: '));
    expect(duration).toMatch(/ days\b/);
    for (const t of enTitles) expect(t, t).not.toMatch(HAN);
  }, 300_000);
});

describe('Chinese', () => {
  it('the quality report says its warnings and inferred values in Chinese', async () => {
    const { page } = await app.newPage('?view=data');
    const inferred = page.locator('[data-quality-section="inferred"]');
    await inferred.waitFor({ timeout: 120_000 });
    const details = await inferred.locator('td[data-label="说明"]').allTextContents();
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) {
      expect(d).toMatch(HAN);
      expect(englishWords(d), d).toEqual([]);
    }
    const warnings = await page.locator('[data-quality="warnings"] li').allTextContents();
    for (const w of warnings) expect(englishWords(w), w).toEqual([]);
  }, 300_000);

  it('the import preview says the reader’s remarks and where values came from in Chinese', async () => {
    // A notice modelled on the real ones that announces more cases than it lists, and names no province.
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/import/notice-three-cases.txt'), 'utf8').replace('（共3个）', '（共5个）');
    const { page } = await app.newPage();
    await waitForCharts(page, 150_000);
    await importThroughPreview(page, { name: 'notice-five.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    const warnings = page.locator('[data-testid="preview-warnings"]');
    await warnings.waitFor({ timeout: 150_000 });
    expect(await warnings.textContent()).toContain('公告称共 5 个案例，实际找到 3 个');
    expect(englishWords((await warnings.textContent()) ?? '')).toEqual([]);
    // The analyst sets the province: the preview says so in Chinese.
    await page.locator('[data-testid="preview-province"]').selectOption('江西省');
    await page.locator('[data-testid="preview-apply"]').click();
    const origins = page.locator('.imp-origins');
    await expect.poll(() => origins.textContent(), { timeout: 150_000 }).toContain('由分析人员设定');
    expect(englishWords((await origins.textContent()) ?? '')).toEqual([]);
  }, 300_000);
});
