// Every layout fixture of the genre (tests/fixtures/layouts/*.txt, the golden tests' inputs) imported in real
// Chromium through the preview: each notice shows the cases its expected rows list, with the layout it was read
// with and the titles, before anything joins the views; confirmed, they join the views.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, waitForCharts, statCases, openWorkspace, type App } from './harness.ts';

const DIR = resolve(import.meta.dirname, '../fixtures/layouts');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((name) => ({
    name,
    buffer: readFileSync(resolve(DIR, name)),
    expected: JSON.parse(readFileSync(resolve(DIR, name.replace(/\.txt$/, '.expected.json')), 'utf8')) as { cases: { title?: string }[]; warnings?: string[] },
  }));

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});


describe('a notice in each layout imports through the preview', () => {
  it('shows each notice’s cases and layout, then adds them to the views', async () => {
    const { page, errors, foreignRequests } = await app.newPage();
    await waitForCharts(page, 150_000);
    const before = await statCases(page);
    await openWorkspace(page);
    await page
      .locator('[data-testid="import-input"]')
      .setInputFiles(fixtures.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: f.buffer })));
    await expect.poll(() => page.locator('[data-testid="preview-doc"]').count(), { timeout: 240_000 }).toBe(fixtures.length);

    let expectedTotal = 0;
    for (const f of fixtures) {
      const doc = page.locator(`[data-testid="preview-doc"][data-file="${f.name}"]`);
      const rows = doc.locator('[data-testid="preview-cases"] tbody tr');
      await expect(rows.count(), f.name).resolves.toBe(f.expected.cases.length);
      await expect(doc.locator('[data-testid="preview-layout"]').textContent(), f.name).resolves.toMatch(/版式：\S+/);
      const text = (await doc.locator('[data-testid="preview-cases"]').textContent()) ?? '';
      for (const c of f.expected.cases) if (c.title) expect(text, f.name).toContain(c.title);
      // An ambiguity the ingest flags (a date against the year, cases of several provinces) is shown, not hidden.
      if (f.expected.warnings?.length) await expect(doc.locator('[data-testid="preview-warnings"]').count(), f.name).resolves.toBe(1);
      expectedTotal += f.expected.cases.length;
    }
    await expect(page.locator('[data-testid="preview-confirm"]').textContent()).resolves.toContain(String(expectedTotal));
    await page.locator('[data-testid="preview-confirm"]').click();
    await page.locator('[data-testid="import-result"]').waitFor({ timeout: 240_000 });
    await page.locator('[data-testid="workspace-close"]').click();
    await expect.poll(() => statCases(page), { timeout: 120_000 }).toBe(before + expectedTotal);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 900_000);
});
