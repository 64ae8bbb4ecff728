// Counterparts said in words, in real Chromium on the real export: the Compare view's pairs table and the
// case page label strong / related counterparts with their evidence, and a case with neither says "no
// counterpart in <province>" with the weak ones behind a click. Cases are picked from the data, not by id.
// SCREENS_DIR=<dir> also saves screenshots (zh/en, 1440/390 px).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PROVINCE_EN } from '../../src/i18n/dict.ts';
import { openDataDb } from '../helpers/data-db.ts';
import { useApp } from './harness.ts';

const { app } = useApp();
let picks: { strongCase: string; noneCase: string; noneIndicator: string; strongIndicator: string };
/** A case whose shown counterpart in another province is a province-level case (no city, no county). */
let provinceLevel: { case: string; counterpart: string; province: string };

beforeAll(async () => {
  const db = await openDataDb();
  // A Fujian case with a strong Shaanxi counterpart, and one whose Shaanxi neighbours are all weak.
  const per = `WITH s AS (
      SELECT case_id AS me, other_case_id AS other, strength FROM "similar"
      UNION ALL SELECT other_case_id, case_id, strength FROM "similar"),
    f AS (SELECT s.me, c.indicator, bool_or(s.strength = 'strong') AS strong, bool_and(s.strength = 'weak') AS none
      FROM s JOIN cases c ON c.case_id = s.me JOIN cases o ON o.case_id = s.other
      WHERE c.province = '福建省' AND o.province = '陕西省' AND c.duplicate_of IS NULL GROUP BY s.me, c.indicator)`;
  const [strong] = await db.all(`${per} SELECT me, indicator FROM f WHERE strong ORDER BY me LIMIT 1`);
  const [none] = await db.all(`${per} SELECT me, indicator FROM f WHERE none ORDER BY me LIMIT 1`);
  const [level] = await db.all(`SELECT s.case_id AS me, s.other_case_id AS other, o.province
    FROM (SELECT case_id, other_case_id, strength FROM "similar" UNION ALL SELECT other_case_id, case_id, strength FROM "similar") s
    JOIN cases c ON c.case_id = s.case_id JOIN cases o ON o.case_id = s.other_case_id
    WHERE o.province <> c.province AND o.city IS NULL AND o.county IS NULL AND s.strength IN ('strong', 'related')
      AND c.duplicate_of IS NULL AND o.duplicate_of IS NULL
    ORDER BY s.case_id, s.other_case_id LIMIT 1`);
  db.close();
  provinceLevel = { case: String(level.me), counterpart: String(level.other), province: String(level.province) };
  picks = {
    strongCase: String(strong.me),
    strongIndicator: String(strong.indicator),
    noneCase: String(none.me),
    noneIndicator: String(none.indicator),
  };
});

const screens = process.env.SCREENS_DIR;
async function shoot(page: Page, name: string) {
  if (!screens) return;
  mkdirSync(screens, { recursive: true });
  await page.screenshot({ path: join(screens, `${name}.png`), fullPage: false });
}

describe('counterparts in words', () => {
  it('the pairs table labels same / related practices with their terms, and says when Shaanxi has none', async () => {
    for (const [lang, width] of [['zh', 1440], ['en', 390]] as const) {
      const { page, errors } = await app.newPage(`?view=compare&indicator=${picks.strongIndicator}${lang === 'en' ? '&lang=en' : ''}`, {
        viewport: { width, height: 900 },
      });
      const table = page.locator('[data-testid="compare-pairs"]');
      await table.locator('tbody tr').first().waitFor({ timeout: 90_000 });
      const labels = await table.locator('.v-strength').allTextContents();
      expect(labels).toContain(lang === 'zh' ? '同类做法' : 'Same practice');
      const strongPair = table.locator('.v-counterpart[data-strength="strong"]').first();
      expect(await strongPair.locator('.v-chip-term').count()).toBeGreaterThan(0);
      // No score as a headline: no number column.
      expect(await table.locator('th').count()).toBe(2);
      await table.scrollIntoViewIfNeeded();
      await shoot(page, `pairs-${lang}-${width}`);
      expect(errors).toEqual([]);
    }
    const { page } = await app.newPage(`?view=compare&indicator=${picks.noneIndicator}`);
    const row = page.locator(`[data-testid="compare-pairs"] tr:has(a[data-case-id="${picks.noneCase}"])`);
    await page.locator('[data-testid="compare-pairs"] tbody tr').first().waitFor({ timeout: 90_000 });
    // Cases with counterparts come first: one with none may be on a later page of the table.
    const next = page.locator('[data-testid="compare-pairs-pager"] button').last();
    const firstCase = () => page.locator('[data-testid="compare-pairs"] tbody td:first-child a[data-case-id]').first().getAttribute('data-case-id');
    while ((await row.count()) === 0 && (await next.count()) > 0 && (await next.isEnabled())) {
      const shown = await firstCase();
      await next.click();
      await expect.poll(firstCase, { timeout: 60_000 }).not.toBe(shown); // the next page's rows, not the last page's kept
    }
    await row.waitFor({ timeout: 90_000 });
    await expect.poll(() => row.locator('[data-testid="no-counterpart"] .v-empty').textContent()).toBe('陕西省没有对应做法');
    const weak = row.locator('details.v-weak');
    expect(await weak.locator('.v-counterpart').first().isVisible()).toBe(false);
    await weak.locator('summary').click();
    expect(await weak.locator('.v-counterpart').first().isVisible()).toBe(true);
    expect(await weak.locator('.v-strength').first().textContent()).toBe('仅文字相近');
  }, 600_000);

  it('the case page shows a same practice with its evidence, or "no counterpart in 陕西省" and the weak ones on a click', async () => {
    for (const [lang, width] of [['zh', 1440], ['en', 390], ['zh', 390], ['en', 1440]] as const) {
      const { page, errors } = await app.newPage(`?view=case&case=${picks.strongCase}${lang === 'en' ? '&lang=en' : ''}`, {
        viewport: { width, height: 900 },
      });
      const other = page.locator('[data-testid="similar-other"] [data-province="陕西省"]');
      await other.locator('.v-counterpart').first().waitFor({ timeout: 90_000 });
      const first = other.locator('.v-counterpart').first();
      expect(await first.getAttribute('data-strength')).toBe('strong');
      expect(await first.locator('.v-strength').textContent()).toBe(lang === 'zh' ? '同类做法' : 'Same practice');
      expect(await first.locator('.v-chip-term').count()).toBeGreaterThan(0);
      expect(await first.textContent()).toContain(lang === 'zh' ? '同一指标' : 'Same indicator');
      await other.scrollIntoViewIfNeeded();
      await shoot(page, `case-strong-${lang}-${width}`);
      expect(errors).toEqual([]);
    }
    for (const [lang, width] of [['en', 1440], ['zh', 390]] as const) {
      const { page } = await app.newPage(`?view=case&case=${picks.noneCase}${lang === 'en' ? '&lang=en' : ''}`, { viewport: { width, height: 900 } });
      const other = page.locator('[data-testid="similar-other"] [data-province="陕西省"]');
      await other.waitFor({ timeout: 90_000 });
      expect(await other.locator('.v-empty').textContent()).toBe(lang === 'zh' ? '陕西省没有对应做法' : 'No counterpart in Shaanxi');
      await other.locator('summary').click();
      expect(await other.locator('details .v-counterpart').first().isVisible()).toBe(true);
      await other.scrollIntoViewIfNeeded();
      await shoot(page, `case-none-${lang}-${width}`);
    }
  }, 600_000);

  it('a province-level counterpart is placed by its province (it has no city or county to name)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page, errors } = await app.newPage(`?view=case&case=${provinceLevel.case}${lang === 'en' ? '&lang=en' : ''}`);
      const counterpart = page.locator(`[data-testid="similar-other"] .v-counterpart:has(a[data-case-id="${provinceLevel.counterpart}"])`);
      await counterpart.waitFor({ timeout: 90_000 });
      const place = lang === 'zh' ? provinceLevel.province : PROVINCE_EN[provinceLevel.province];
      expect(place).toBeTruthy();
      // The line under its title: the province, then the indicator.
      expect(await counterpart.locator('a[data-case-id] + .v-muted').textContent()).toMatch(new RegExp(`^${place} · `));
      expect(errors).toEqual([]);
    }
  }, 300_000);
});
