// Notices as published — a saved government web page (GBK), a Word file (.docx) and a PDF — imported in real
// Chromium through the preview, beside a damaged .docx: the three are read like a .txt (PDF.js loaded from the
// app's own build) (their cases and layout shown, the
// page's left-out chrome noted), the damaged one is named with what is wrong and nothing else is lost; a page's
// markup-like text is shown as text; confirmed, the cases join the views and a case shows its published text.
// Screenshots of the preview with the web page (zh/en, 1440/390 px) go to /work/notes/shots/i9formats/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp, waitForCharts, statCases, openWorkspace, importThroughPreview, confirmImport } from './harness.ts';

const DIR = resolve(import.meta.dirname, '../fixtures/layouts');
const SHOTS = '/work/notes/shots/i9formats';

interface Expected {
  cases: { title: string }[];
}
const fixture = (name: string, mimeType: string) => ({
  upload: { name, mimeType, buffer: readFileSync(resolve(DIR, name)) },
  expected: JSON.parse(readFileSync(resolve(DIR, name.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Expected,
});
const govPage = fixture('gov-page-gbk.html', 'text/html');
const word = fixture('word-case-table.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
const pdf = fixture('pdf-notice.pdf', 'application/pdf');
const damaged = { name: 'damaged.docx', mimeType: word.upload.mimeType, buffer: word.upload.buffer.subarray(0, 300) };
/** The WeChat article with markup written as text (&lt;img …&gt;) in its first case's title: to be shown, never run. */
const INJECTED = '<img src=x onerror="window.__injected=1">';
const wechat = fixture('wechat-article.html', 'text/html');
const markupPage = {
  name: 'markup-as-text.html',
  mimeType: 'text/html',
  buffer: Buffer.from(wechat.upload.buffer.toString('utf8').replace('&ldquo;一件事一次办&rdquo;', '&ldquo;一件事一次办&rdquo;&lt;img src=x onerror=&quot;window.__injected=1&quot;&gt;'), 'utf8'),
};

const { app } = useApp();

describe('a web page and a Word file import through the preview like a .txt', () => {
  it('shows their cases, names the damaged file, keeps markup as text, and adds the cases to the views', async () => {
    const { page, errors, foreignRequests } = await app.newPage();
    await waitForCharts(page, 150_000);
    const before = await statCases(page);
    await openWorkspace(page);
    // The picker offers the formats it reads.
    const accept = (await page.locator('[data-testid="import-input"]').getAttribute('accept')) ?? '';
    for (const ext of ['.txt', '.html', '.htm', '.docx', '.pdf']) expect(accept).toContain(ext);
    await importThroughPreview(page, [govPage.upload, word.upload, pdf.upload, damaged, markupPage], 4);

    for (const f of [govPage, word, pdf]) {
      const doc = page.locator(`[data-testid="preview-doc"][data-file="${f.upload.name}"]`);
      await expect(doc.locator('[data-testid="preview-cases"] tbody tr').count(), f.upload.name).resolves.toBe(f.expected.cases.length);
      await expect(doc.locator('[data-testid="preview-layout"]').textContent(), f.upload.name).resolves.toMatch(/版式：\S+/);
      const text = (await doc.locator('[data-testid="preview-cases"]').textContent()) ?? '';
      for (const c of f.expected.cases) expect(text, f.upload.name).toContain(c.title);
      // Every line of the page's article is placed: none left unassigned.
      await expect(doc.locator('[data-testid="preview-unassigned"]').count(), f.upload.name).resolves.toBe(0);
    }
    // The page's navigation and footer were left out, and the preview says so.
    const pageDoc = page.locator(`[data-testid="preview-doc"][data-file="${govPage.upload.name}"]`);
    await expect(pageDoc.locator('[data-testid="preview-warnings"]').textContent()).resolves.toMatch(/已略去网页正文以外的 \d+ 行/);

    // Markup in a page's text is shown as the characters it is, and never becomes an element.
    const markupDoc = page.locator(`[data-testid="preview-doc"][data-file="${markupPage.name}"]`);
    await expect(markupDoc.locator('[data-testid="preview-cases"]').textContent()).resolves.toContain(INJECTED);
    expect(await page.locator('[data-testid="import-preview"] img').count()).toBe(0);

    // The damaged file is named with what is wrong, in the UI's language; the others are still previewed.
    const failure = page.locator('[data-testid="import-error"] li[data-reason="malformed"]');
    await expect(failure.textContent()).resolves.toMatch(/damaged\.docx：文件已损坏或不完整/);

    const total = [govPage, word, pdf, wechat].reduce((n, f) => n + f.expected.cases.length, 0);
    await expect(page.locator('[data-testid="preview-confirm"]').textContent()).resolves.toContain(String(total));
    const firstPageCase = (await pageDoc.locator('[data-testid="preview-cases"] tbody tr').last().getAttribute('data-case-id'))!;
    await confirmImport(page);
    await expect.poll(() => statCases(page), { timeout: 120_000 }).toBe(before + total);

    // A case read from the page shows its text as published (full-width punctuation, no markup) on demand.
    await page.goto(`${app.url}/?view=case&case=${firstPageCase}`);
    const originalButton = page.getByRole('button', { name: '显示发布原文' });
    await originalButton.waitFor({ timeout: 240_000 });
    await originalButton.click();
    const original = (await page.locator('[data-testid="case-original"]').textContent()) ?? '';
    expect(original).toContain('买卖双方无需提前还贷解押，转移登记');
    expect(original).not.toMatch(/<\/?p>|&ldquo;/);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 900_000);
});

describe('screenshots of the preview with a web page', () => {
  it('zh and en at 1440 and 390 px', async () => {
    if (!existsSync('/work/notes')) return;
    mkdirSync(SHOTS, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      const { page } = await app.newPage(lang === 'en' ? '?lang=en' : '', { viewport: { width: 1440, height: 900 } });
      await importThroughPreview(page, [govPage.upload, damaged]);
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.locator('.ws-dialog').screenshot({ path: `${SHOTS}/preview-html-${lang}-${width}.png` });
      }
    }
  }, 600_000);
});
