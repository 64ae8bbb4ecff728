// Every screen tells the same truth, end to end in Chromium on the real export: one indicator choice for
// every view, the SQL console's tables answer like the charts, back goes where you came from, the heatmap
// and province colours, the phone layout, keyboard and screen-reader use, and axe-core on every view in
// both languages.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/ingest/indicators.ts';
import { HEATMAP_MAX_CELL } from '../../src/views/overview/overview-charts.ts';
import { useApp, chartOption, openWorkspace, waitForCharts } from './harness.ts';
import { show } from './in-page.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const { app, db } = useApp({ db: true });
/** Two indicators with canonical Fujian cases, the most common first (from the data, not hard-coded). */
let indicators: string[];
let caseId: string;
beforeAll(async () => {
  const rows = await db.all(
    "SELECT indicator, count(*) AS n FROM cases WHERE duplicate_of IS NULL AND province = '福建省' AND indicator <> 'other' GROUP BY ALL ORDER BY n DESC, indicator",
  );
  indicators = rows.map((r) => String(r.indicator));
  const [c] = await db.all("SELECT case_id FROM cases WHERE duplicate_of IS NULL AND has_body ORDER BY case_id LIMIT 1");
  caseId = String(c.case_id);
}, 600_000);

const nameOf = (code: string, lang: 'zh' | 'en' = 'zh') => {
  const row = INDICATORS.find((i) => i.code === code)!;
  return lang === 'zh' ? row.name_zh : row.name_en;
};

describe('one indicator choice, honoured by every view', () => {
  it('Compare shows the filter bar’s indicator, not a picker of its own that disagrees', async () => {
    const [, second] = indicators;
    const { page, errors } = await app.newPage(`?view=compare&ind=${second}`);
    await waitForCharts(page, 120_000);
    const picker = page.locator('[data-testid="compare-indicator"]');
    await expect.poll(() => picker.inputValue(), { timeout: 60_000 }).toBe(second);
    // The picker offers only what the bar allows, and the cases heading names it.
    expect(await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([second]);
    await expect.poll(() => page.locator('[data-testid="compare-view"] h2').textContent()).toContain(nameOf(second));
    expect(errors).toEqual([]);
  }, 180_000);

  it('an indicator= in the URL does not override the bar in the Indicator view', async () => {
    const [first, second] = indicators;
    const { page } = await app.newPage(`?view=indicator&ind=${second}&indicator=${first}`);
    const picker = page.locator('[data-testid="indicator-pick"]');
    await expect.poll(() => picker.inputValue(), { timeout: 90_000 }).toBe(second);
    await expect.poll(() => page.locator('[data-testid="indicator-view"] h2').textContent()).toBe(nameOf(second));
    // Choosing another indicator in the view moves the bar with it.
    await picker.selectOption(first);
    await expect.poll(() => new URL(page.url()).searchParams.get('ind')).toBe(first);
    await expect.poll(() => page.locator('[data-filter="indicators"] .multi-select-value').textContent()).toBe(nameOf(first));
  }, 180_000);

  it('the filter chip names the indicator before its options load, in both languages', async () => {
    const code = indicators[0];
    for (const lang of ['zh', 'en'] as const) {
      const { page } = await app.newPage(`?ind=${code}&lang=${lang}`);
      const chip = page.locator('[data-filter="indicators"] .multi-select-value');
      await chip.waitFor({ timeout: 60_000 });
      // Read at once, before the options (or the indicators table) are fetched.
      expect(await chip.textContent()).toBe(nameOf(code, lang));
    }
  }, 180_000);
});

describe('the SQL console answers like the dashboard', () => {
  it('the schema panel lists cases and cases_all with notes and folds the internal objects', async () => {
    const { page, errors } = await app.newPage('?view=sql');
    const analyst = page.locator('[data-testid="schema-analyst"]');
    await analyst.locator('[data-schema-table="cases"]').waitFor({ timeout: 90_000 });
    const listed = await analyst.locator('[data-schema-table]').evaluateAll((els) => els.map((e) => e.getAttribute('data-schema-table')));
    expect(listed.slice(0, 2)).toEqual(['cases', 'cases_all']);
    expect(listed.some((n) => /^(base_|imported_)/.test(String(n)))).toBe(false);
    const internal = page.locator('[data-testid="schema-internal"]');
    expect(await internal.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await internal.locator('[data-schema-table="base_cases"]').count()).toBe(1);
    expect(await internal.locator('[data-schema-table="imported_cases"]').count()).toBe(1);
    expect(errors).toEqual([]);
  }, 180_000);

  it('a plain count over cases equals the heatmap’s, reprints and all', async () => {
    const sql = "SELECT indicator_name_zh, count(*) AS n FROM cases WHERE province = '福建省' GROUP BY ALL ORDER BY n DESC LIMIT 1";
    const { page } = await app.newPage(`?view=sql&sql=${encodeURIComponent(sql)}`);
    await page.locator('[data-testid="sql-run"]').click({ timeout: 90_000 });
    const cells = page.locator('[data-testid="sql-result"] tbody tr').first().locator('td');
    await cells.first().waitFor({ timeout: 60_000 });
    const [name, n] = await cells.allTextContents();
    // The Overview of the same page (the engine that answered the console).
    await show(page, '?province=福建省');
    await waitForCharts(page, 120_000);
    const option = await chartOption(page, 'overview.heatmap');
    const labels = (option.yAxis as { data: string[] }[])[0].data;
    const data = (option.series as { data: number[][] }[])[0].data;
    expect(data.find((d) => d[1] === labels.indexOf(name))?.[2]).toBe(Number(n));
  }, 240_000);
});

/** The colour ECharts draws a province's series in, in a chart's option. */
function seriesColour(option: Record<string, unknown>, province: string): string | undefined {
  const series = option.series as { name: string; itemStyle?: { color?: string } }[];
  return series.find((s) => s.name === province)?.itemStyle?.color;
}

describe('navigation and charts', () => {
  it('"← 返回" goes back to Compare when the case was opened from Compare', async () => {
    const { page } = await app.newPage('?view=compare');
    await waitForCharts(page, 120_000);
    const link = page.locator('[data-testid="compare-col-a"] .v-case-item a').first();
    await link.waitFor({ timeout: 60_000 });
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('case');
    await page.locator('[data-testid="case-back"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('compare');
    // Opened from a pasted link, the same link leads to the case list.
    const direct = await app.newPage(`?view=case&case=${caseId}`);
    await direct.page.locator('[data-testid="case-back"]').click({ timeout: 90_000 });
    await expect.poll(() => new URL(direct.page.url()).searchParams.get('view')).toBe('cases');
  }, 240_000);

  it('one indicator filtered: the heatmap is a strip of capped cells; empty cells read 0 outside the colour scale', async () => {
    const { page } = await app.newPage(`?ind=${indicators[0]}`);
    await waitForCharts(page, 120_000);
    const option = await chartOption(page, 'overview.heatmap');
    const grid = (option.grid as { height: number }[])[0];
    expect(grid.height).toBeLessThanOrEqual(HEATMAP_MAX_CELL);
    const full = await app.newPage('');
    await waitForCharts(full.page, 120_000);
    const all = await chartOption(full.page, 'overview.heatmap');
    const provinces = (all.xAxis as { data: string[] }[])[0].data.length;
    const rows = (all.yAxis as { data: string[] }[])[0].data.length;
    const [coloured, empty] = all.series as { data: number[][]; itemStyle: { color?: string } }[];
    // Every cell is drawn; those without cases hold 0 in a white series the colour scale does not cover.
    expect(coloured.data.length + empty.data.length).toBe(provinces * rows);
    expect(empty.data.length).toBeGreaterThan(0);
    expect(empty.data.every((d) => d[2] === 0)).toBe(true);
    expect(coloured.data.every((d) => d[2] > 0)).toBe(true);
    expect(empty.itemStyle.color).toBe('#ffffff');
    const visualMap = (all.visualMap as { min: number; seriesIndex: number | number[] }[])[0];
    expect(visualMap.min).toBeGreaterThan(0);
    expect([visualMap.seriesIndex].flat()).toEqual([0]);
  }, 240_000);

  it('a province keeps its colour whatever else is drawn, in the Overview and in Compare', async () => {
    const colour = async (page: Page, queryId: string) => {
      await waitForCharts(page, 120_000);
      return seriesColour(await chartOption(page, queryId), '福建省');
    };
    const twoProvinces = await colour((await app.newPage('?province=福建省,陕西省')).page, 'overview.byIndicator');
    const { page } = await app.newPage('?province=福建省');
    const oneProvince = await colour(page, 'overview.byIndicator');
    // Compare mounted in the same page, Fujian on the other side.
    await show(page, '?view=compare&a=陕西省&b=福建省');
    const inCompare = await colour(page, 'compare.shares');
    expect(twoProvinces).toBeTruthy();
    expect(oneProvince).toBe(twoProvinces);
    expect(inCompare).toBe(twoProvinces);
  }, 300_000);
});

/** Bounding boxes of the elements that overlap another one of them. */
async function overlapping(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => {
    const boxes = els.map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }));
    const hits: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) hits.push(`${boxes[i].text}|${boxes[j].text}`);
      }
    return hits;
  });
}

describe('phone (390 px)', () => {
  const phone = { viewport: { width: 390, height: 844 } };
  it('cases are cards with readable titles; the summary tiles wrap without overlapping; nothing scrolls the page sideways', async () => {
    const { page } = await app.newPage('?view=cases', phone);
    const firstCell = page.locator('.data-table tbody tr').first().locator('td').first();
    await firstCell.waitFor({ timeout: 90_000 });
    const width = await firstCell.evaluate((td) => td.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(392);
    // The Overview in the same page, mounted afresh in each language (by way of the case list in that language).
    for (const lang of ['zh', 'en']) {
      await show(page, `?view=cases&lang=${lang}`);
      await show(page, `?lang=${lang}`);
      await page.locator('.stat dd').first().waitFor({ timeout: 90_000 });
      expect(await overlapping(page, '.stat dt, .stat dd')).toEqual([]);
    }
    // The Data view's download table and the SQL console scroll within their cards, never the page sideways.
    await show(page, '?view=data&lang=en');
    await page.locator('table.downloads tbody tr').first().waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(392);
    await show(page, '?view=sql&lang=en');
    await page.locator('[data-testid="sql-editor"]').waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(392);
  }, 240_000);
});

describe('keyboard and screen readers', () => {
  it('filter menus: arrows move between options, Esc returns focus to the button, leaving closes; no listbox around checkboxes', async () => {
    const { page } = await app.newPage('');
    await waitForCharts(page, 120_000);
    const control = page.locator('[data-filter="indicators"]');
    const button = control.locator('.multi-select-button');
    await button.focus();
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowDown');
    const menu = control.locator('.multi-select-menu');
    await menu.waitFor();
    expect(await menu.getAttribute('role')).toBe('group');
    expect(await page.locator('[role="listbox"]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    await control.locator('input[type="checkbox"]').nth(1).waitFor();
    const first = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(first);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    // Open, then Tab out past the last option: the menu closes.
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('ArrowDown');
    // Focus is inside the menu (at once, or as soon as its options are there) before End and Tab.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    await menu.waitFor({ state: 'detached' });
  }, 180_000);

  it('the first Tab reaches a skip link that moves focus to the main content', async () => {
    const { page } = await app.newPage('');
    await page.locator('.skip-link').waitFor({ state: 'attached', timeout: 60_000 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  }, 120_000);

  it('chart descriptions are written from their values, in the UI language', async () => {
    const { page } = await app.newPage('?view=cases');
    for (const lang of ['zh', 'en'] as const) {
      // The Overview mounted afresh in each language in one page (by way of the case list in that language).
      await show(page, `?view=cases&lang=${lang}`);
      await show(page, `?lang=${lang}`);
      await waitForCharts(page, 120_000);
      const described = () =>
        page.locator('.chart-card [aria-label]').evaluateAll((els) =>
          els.map((e) => e.getAttribute('aria-label') ?? '').filter((l) => l.length > 0 && !l.startsWith('SQL') && /\d/.test(l)),
        );
      // Places are named in the UI's language once its names are there (English loads pinyin-pro first).
      await expect.poll(async () => (await described()).join(' ')).toContain(lang === 'zh' ? '福建省' : 'Fujian');
      const labels = await described();
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) {
        // Whole words: a place romanised in English may contain the letters (Nanping).
        expect(label).not.toMatch(/\bNaN\b|第\d+个系列|\bseries \d/i);
      }
      expect(labels.join(' ')).toContain(lang === 'zh' ? '福建省' : 'Fujian');
    }
  }, 240_000);
});

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/**
 * axe-core's violations on the page as it is now, of every impact: the moderate ones (a heading level skipped,
 * content outside any landmark, a banner inside a dialog) are what a screen reader's user navigates by.
 */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (no inline scripts) would block
  // a <script> tag, and it must stay on while the app is checked.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe-core: no violations', () => {
  const views = () => ['', '?view=compare', '?view=indicator', '?view=cases', `?view=case&case=${caseId}`, '?view=data', '?view=sql'];
  for (const lang of ['zh', 'en']) {
    it(`every view in ${lang}`, async () => {
      const found: string[] = [];
      // One page; each view reached by its address as an in-app link reaches it (history + popstate): a cold
      // start per view only loaded DuckDB-wasm again, most of this test's time.
      const { page } = await app.newPage(`?lang=${lang}`);
      for (const view of views()) {
        const path = `${view}${view ? '&' : '?'}lang=${lang}`;
        await page.evaluate((p) => {
          history.pushState(null, '', p);
          dispatchEvent(new PopStateEvent('popstate'));
        }, `/${path}`);
        await page.locator(`main.view[data-view="${new URLSearchParams(view).get('view') ?? 'overview'}"]`).waitFor({ timeout: 60_000 });
        // Settled: the view's content drawn, nothing busy.
        await page.waitForFunction(() => !document.querySelector('main.view [aria-busy="true"], .view-loading, .load-progress'), undefined, { timeout: 120_000 });
        await page.waitForTimeout(500);
        for (const v of await axeViolations(page)) found.push(`${path}: ${v}`);
      }
      // The Import & labels dialog over the last view.
      await openWorkspace(page);
      for (const v of await axeViolations(page)) found.push(`workspace dialog: ${v}`);
      expect(found).toEqual([]);
    }, 600_000);
  }
});
