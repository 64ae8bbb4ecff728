// End-to-end: once the Indicator view has read its figure candidates (src/queries/figure-candidates.ts), its case
// list's first cases per cell (case-page-candidates.ts) and the measures panel its stored rows (measures-stored.ts),
// a year change redraws the charts and the list without asking DuckDB for them; the money chart's CSV holds exactly
// what its own query (indicator.money) answers for that year, and the list shows what indicator.cases answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { likelyDimensions } from '../../src/queries/likely-dimensions.ts';
import { indicatorCases, indicatorMoney } from '../../src/queries/indicator.ts';
import { measureSummary } from '../../src/queries/measures.ts';
import { indicatorMeasuresFile, type Snapshot } from '../../src/queries/snapshot.ts';
import { decodeSnapshot, encodeSnapshot } from '../../src/queries/snapshot-format.ts';
import { measureCountsQuery } from '../../src/queries/view-summaries.ts';
import { literal } from '../../src/queries/sql.ts';
import { REFRESH_SUMMARY_SQL } from '../../src/sql/indexes.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';
import { DATA_DIR, downloadCsv, useApp, waitForCharts } from './harness.ts';
import { asked, go } from './in-page.ts';

const { app, db } = useApp({ db: true });

/** The case ids and amounts of the money chart's CSV (English headers). */
async function moneyCsv(page: Page): Promise<{ ids: string[]; amounts: number[] }> {
  const { bytes } = await downloadCsv(page, 'indicator.money');
  const [header, ...rows] = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, '').trim(), { skipEmptyLines: true }).data;
  const [id, amount] = [header.indexOf('Case id'), header.indexOf('Amount (10k yuan)')];
  expect(id).toBeGreaterThanOrEqual(0);
  expect(amount).toBeGreaterThanOrEqual(0);
  return { ids: rows.map((r) => r[id]), amounts: rows.map((r) => Number(r[amount])) };
}

/** The indicator with most money figures, and the year with most of them. */
async function moneyYear(): Promise<{ indicator: string; year: number }> {
  const [r] = await db.all(`SELECT indicator, year FROM figure_facts WHERE kind = 'money' AND year IS NOT NULL
    AND indicator = (SELECT indicator FROM figure_facts WHERE kind = 'money' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
    GROUP BY ALL ORDER BY count(*) DESC, year LIMIT 1`);
  return { indicator: String(r.indicator), year: Number(r.year) };
}

/** The number of bars the money chart holds (null: none yet). */
const moneyBarsHeld = (page: Page) =>
  page.evaluate(
    // (An instance left by a view that went away reads null until the view's new one replaces it.)
    () => (globalThis as unknown as { __charts: Map<string, { getOption: () => { yAxis: { data: unknown[] }[] } | null }> }).__charts.get('indicator.money')?.getOption()?.yAxis[0].data.length ?? null,
  );

/** Waits until the money chart, scrolled into view (a chart far off screen is redrawn when it comes near), draws `n` bars. */
async function moneyBars(page: Page, n: number): Promise<void> {
  await page.locator('[data-query-id="indicator.money"]').scrollIntoViewIfNeeded();
  await expect.poll(() => moneyBarsHeld(page)).toBe(n);
}

/** The money chart's box and the size ECharts drew it at, and how far below the viewport's bottom its top is. */
const moneyChartBox = (page: Page) =>
  page.evaluate(() => {
    type Chart = { getDom: () => HTMLElement; getWidth: () => number; getHeight: () => number };
    const chart = (globalThis as unknown as { __charts: Map<string, Chart> }).__charts.get('indicator.money')!;
    const dom = chart.getDom();
    return { box: [dom.clientWidth, dom.clientHeight], drawn: [chart.getWidth(), chart.getHeight()], belowViewport: dom.getBoundingClientRect().top - innerHeight };
  });

/** The case ids the Indicator's case list shows, in order. */
const listedCases = (page: Page) =>
  page.locator('[data-table-id="indicator.cases"] [data-case-id]').evaluateAll((links) => links.map((a) => a.getAttribute('data-case-id')));

describe('indicator view, figures summed in memory', () => {
  it('a year change asks no figure, measures or case list query; the money chart’s CSV and the list are that year’s answers', async () => {
    const { indicator, year } = await moneyYear();
    const filters = { ...EMPTY_FILTERS, years: [year] };
    const expected = await db.all(indicatorMoney({ filters, indicator }));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected).not.toEqual(await db.all(indicatorMoney({ filters: EMPTY_FILTERS, indicator })));
    const expectedCases = (await db.all(indicatorCases({ filters, indicator }))).map((r) => r.case_id);
    expect(expectedCases.length).toBeGreaterThan(0);
    expect(expectedCases).not.toEqual((await db.all(indicatorCases({ filters: EMPTY_FILTERS, indicator }))).map((r) => r.case_id));

    const { page, errors } = await app.newPage(`?view=indicator&ind=${indicator}&lang=en`);
    await waitForCharts(page, 90_000);
    // Read in the background once the view's first answers are in (the candidates from their saved answers when they
    // stand, view-indicator-<code>-ahead.json: `saved:`).
    const reads = [['background:indicator.figureCandidates', 'saved:indicator.figureCandidates'], ['background:indicator.casePageCandidates', 'saved:indicator.casePageCandidates'], ['background:measures.stored', 'saved:measures.stored']];
    await page.waitForFunction((names) => names.every((either) => either.some((name) => performance.getEntriesByName(name).length > 0)), reads, { timeout: 60_000 });
    const figuresBefore = await asked(page, 'indicator.figures');
    const measuresBefore = await asked(page, 'indicator.measuresShown');
    const casesBefore = await asked(page, 'indicator.cases');
    await go(page, `?view=indicator&ind=${indicator}&lang=en&year=${year}`);
    await moneyBars(page, expected.length);
    await waitForCharts(page);

    const csv = await moneyCsv(page);
    expect(csv.ids).toEqual(expected.map((r) => r.case_id));
    for (const [i, amount] of csv.amounts.entries()) expect(amount).toBeCloseTo(Number(expected[i].wan_yuan), 6);
    // The change asked neither the figures request nor the chart's own query, nor the measures panel's (one year: stored).
    expect(await asked(page, 'indicator.figures')).toBe(figuresBefore);
    expect(await asked(page, 'indicator.measuresShown')).toBe(measuresBefore);
    expect(await asked(page, 'indicator.money')).toBe(0);
    // The list's first page: that year's indicator.cases answer, not asked.
    await expect.poll(() => listedCases(page)).toEqual(expectedCases);
    expect(await asked(page, 'indicator.cases')).toBe(casesBefore);
    expect(errors).toEqual([]);
  });

  it('after a case is re-filed in the same page, the year’s money chart is the re-filed data’s answer', async () => {
    const { indicator, year } = await moneyYear();
    const filters = { ...EMPTY_FILTERS, years: [year] };
    // The case of the year's largest money figure, re-filed into another indicator: its figures leave the chart.
    const [{ case_id: moved }] = await db.all(`SELECT case_id FROM figure_facts WHERE kind = 'money' AND indicator = ${literal(indicator)}
      AND year = ${year} ORDER BY value_norm DESC, case_id LIMIT 1`);
    const [{ code: other }] = await db.all(`SELECT code FROM indicators WHERE code <> ${literal(indicator)} ORDER BY sort LIMIT 1`);
    const before = await db.all(indicatorMoney({ filters, indicator }));
    let expected: typeof before;
    try {
      for (const sql of [...replaceLabelsSql([{ case_id: String(moved), indicator: String(other), labelled_at: '2026-01-01T00:00:00Z' }]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      expected = await db.all(indicatorMoney({ filters, indicator }));
    } finally {
      for (const sql of [...replaceLabelsSql([]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
    }
    expect(expected.map((r) => r.case_id)).not.toContain(String(moved));
    expect(expected).not.toEqual(before);

    const { page, errors } = await app.newPage(`?view=indicator&ind=${indicator}&lang=en`);
    await waitForCharts(page, 90_000);
    // The figure candidates from their saved answer (view-indicator-<code>-ahead.json), nothing read on the worker.
    await page.waitForFunction(() => performance.getEntriesByName('saved:indicator.figureCandidates').length > 0, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => performance.getEntriesByName('background:indicator.figureCandidates').length)).toBe(0);
    // Re-filed on its case page, reached and left as a click does: the candidates read before stay in the page's cache.
    await go(page, `?view=case&case=${String(moved)}&lang=en`);
    await page.locator('[data-testid="relabel-select"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="relabel-select"]').selectOption(String(other));
    await page.locator('[data-testid="relabel-save"]').click();
    await page.locator('[data-testid="relabel-yours"]').waitFor({ timeout: 60_000 });
    await go(page, `?view=indicator&ind=${indicator}&lang=en&year=${year}`);
    await moneyBars(page, expected.length);
    await waitForCharts(page);
    // The candidates were read again with the change, of DuckDB (the saved rows are the published data's alone): the
    // chart is summed from the re-filed data, not the old rows.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('background:indicator.figureCandidates').length)).toBe(1);
    await page.waitForFunction(() => !document.querySelector('.query-pending'));
    const csv = await moneyCsv(page);
    expect(csv.ids).toEqual(expected.map((r) => r.case_id));
    for (const [i, amount] of csv.amounts.entries()) expect(amount).toBeCloseTo(Number(expected[i].wan_yuan), 6);
    expect(errors).toEqual([]);
  });
});

/**
 * The Indicator view in a short window (the money chart starts well below it: the measures panel and its charts
 * come first), moved to the year with most money figures: the money chart, far off screen, still holds its drawing
 * of every year. Returns the page and the money rows of that year and of every year.
 */
async function yearChangedFarBelow() {
  const { indicator, year } = await moneyYear();
  const expected = await db.all(indicatorMoney({ filters: { ...EMPTY_FILTERS, years: [year] }, indicator }));
  const all = await db.all(indicatorMoney({ filters: EMPTY_FILTERS, indicator }));
  expect(expected.length).not.toBe(all.length);
  const { page, errors } = await app.newPage(`?view=indicator&ind=${indicator}&lang=en`, { viewport: { width: 1280, height: 200 } });
  await waitForCharts(page, 90_000);
  await expect.poll(() => moneyBarsHeld(page)).toBe(all.length);
  const describedBefore = await moneyDescription(page);
  await go(page, `?view=indicator&ind=${indicator}&lang=en&year=${year}`);
  await expect.poll(() => page.locator('main.view').getAttribute('data-state')).toContain(`year=${year}`);
  await waitForCharts(page);
  await page.waitForFunction(() => !document.querySelector('.query-pending'));
  // Still far off screen (more than the 200 px EChart.tsx draws ahead): the previous drawing stays.
  expect((await moneyChartBox(page)).belowViewport).toBeGreaterThan(300);
  expect(await moneyBarsHeld(page)).toBe(all.length);
  return { page, errors, expected, describedBefore };
}

/** What a screen reader hears of the money chart (ECharts' aria label, the chart's own values). */
const moneyDescription = (page: Page) => page.locator('[data-query-id="indicator.money"] .echart').getAttribute('aria-label');

describe('indicator view, charts off screen', () => {
  it('a chart far below the viewport keeps its drawing through a year change and draws that year’s bars, at its box’s size, once scrolled near', async () => {
    const { page, errors, expected, describedBefore } = await yearChangedFarBelow();
    // Clipped to its box meanwhile; a screen reader already hears the year's values.
    expect(await page.locator('[data-query-id="indicator.money"] .echart').evaluate((el) => getComputedStyle(el).overflow)).toBe('hidden');
    const describedFar = await moneyDescription(page);
    expect(describedFar).not.toBe(describedBefore);
    // Scrolled to: the year's bars, drawn at the box's (new) size, described as they were while far.
    await moneyBars(page, expected.length);
    expect(await moneyDescription(page)).toBe(describedFar);
    await expect.poll(async () => { const b = await moneyChartBox(page); return b.drawn.join() === b.box.join(); }, { timeout: 5000 }).toBe(true);
    const csv = await moneyCsv(page);
    expect(csv.ids).toEqual(expected.map((r) => r.case_id));
    expect(errors).toEqual([]);
  });

  it('printed, a chart far below the viewport shows the year’s bars, not the drawing it kept off screen', async () => {
    const { page, errors, expected } = await yearChangedFarBelow();
    // Printing (Chromium's print to PDF fires beforeprint, as the browser's print dialog does) draws it first.
    const pdf = await page.pdf();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await moneyBarsHeld(page)).toBe(expected.length);
    expect((await moneyChartBox(page)).belowViewport).toBeGreaterThan(300);
    expect(errors).toEqual([]);
  });
});

describe('background reads', () => {
  // DuckDB-wasm answers one query at a time, in the order asked: a read for later filter changes asked while the
  // view's own queries still run would hold them up.
  it.each(['indicator', 'compare'])('on the %s view wait until none of the view’s own queries is running', async (view) => {
    const { page, errors } = await app.newPage(`?view=${view}`);
    await waitForCharts(page);
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('background:')).length), { timeout: 60_000 })
      .toBeGreaterThan(0);
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((m) => /^(sql|saved|background):/.test(m.name))
        .map((m) => ({ name: m.name, start: m.startTime, end: m.startTime + m.duration })),
    );
    const reads = measures.filter((m) => m.name.startsWith('background:'));
    // The view's own: asked of DuckDB, or saved answers standing (each waits for the engine like a query).
    const own = measures.filter((m) => !m.name.startsWith('background:'));
    expect(own.length).toBeGreaterThan(0);
    for (const read of reads) {
      // Every query of the view asked before the read had its answer when the read was asked.
      const runningThen = own.filter((q) => q.start < read.start && q.end > read.start);
      expect(runningThen).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});

/**
 * An indicator whose measures panel reads only one dimension's stored rows with no filter (every year and level state
 * starts it from the same dimension: nothing else is read ahead), and the year with most of that dimension's measures.
 */
async function oneDimensionIndicator(): Promise<{ indicator: string; dimension: string; year: number }> {
  for (const { indicator } of await db.all(`SELECT indicator FROM measure_summary GROUP BY 1 HAVING sum(measures) > 0 ORDER BY sum(measures) DESC, 1`)) {
    const items = likelyDimensions(await db.all(measureCountsQuery(String(indicator))), [String(indicator)], EMPTY_FILTERS);
    if (items.length !== 1) continue;
    const [{ year }] = await db.all(`SELECT year FROM measure_summary WHERE indicator = ${literal(String(indicator))} AND dimension = ${literal(items[0].dimension)}
      AND year IS NOT NULL GROUP BY 1 ORDER BY sum(measures) DESC, 1 LIMIT 1`);
    return { indicator: String(indicator), dimension: items[0].dimension, year: Number(year) };
  }
  throw new Error('no indicator read from a single dimension');
}

/** The provinces the measures panel's summary lists, in order. */
const summaryProvinces = (page: Page) =>
  page.locator('[data-testid="measures-panel"] [data-testid="measure-summary"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-province')));

describe('indicator view, the measures panel’s first stored rows saved at export', () => {
  it('they stand (view-indicator-<code>-measures.json): nothing read on the worker, and a year change asks no measures query and lists that year’s answer', async () => {
    const { indicator, dimension, year } = await oneDimensionIndicator();
    const expected = (await db.all(measureSummary({ filters: { ...EMPTY_FILTERS, years: [year] }, indicator, dimension }))).map((r) => r.province);
    expect(expected.length).toBeGreaterThan(0);
    const { page, errors } = await app.newPage(`?view=indicator&ind=${indicator}&lang=en`);
    await waitForCharts(page, 90_000);
    await page.waitForFunction(() => performance.getEntriesByName('saved:measures.stored').length > 0, undefined, { timeout: 60_000 });
    const measuresBefore = await asked(page, 'indicator.measuresShown');
    // Straight after (no other read waited for): the year is answered from the saved rows.
    await go(page, `?view=indicator&ind=${indicator}&lang=en&year=${year}`);
    await expect.poll(() => summaryProvinces(page)).toEqual(expected);
    expect(await asked(page, 'indicator.measuresShown')).toBe(measuresBefore);
    expect(await page.evaluate(() => performance.getEntriesByName('background:measures.stored').length)).toBe(0);
    expect(errors).toEqual([]);
  });

  // A measures file that may not stand: computed from another export (another stamp), or of another shape (the
  // records an older export wrote: refused with the reason in the console).
  const NOT_STANDING: { what: string; body: (saved: Snapshot) => string; warning: string | null }[] = [
    { what: 'saved answers of another export (another stamp)', body: (saved) => encodeSnapshot({ ...saved, stamp: 'another-export' }), warning: null },
    { what: 'a file of another shape (the records an older export wrote)', body: (saved) => JSON.stringify(saved), warning: 'not one JSON array, one element per line' },
  ];
  for (const { what, body, warning } of NOT_STANDING) {
    it(`${what}: the stored rows are read of DuckDB, and a year change is still answered from them`, async () => {
      const { indicator, dimension, year } = await oneDimensionIndicator();
      const expected = (await db.all(measureSummary({ filters: { ...EMPTY_FILTERS, years: [year] }, indicator, dimension }))).map((r) => r.province);
      const file = indicatorMeasuresFile(indicator)!;
      const saved = decodeSnapshot(readFileSync(join(DATA_DIR, file), 'utf8'));
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        await context.addInitScript('globalThis.__name = (f) => f');
        await context.route(`**/data/${file}`, (route) => route.fulfill({ contentType: 'application/json', body: body(saved) }));
        const page = await context.newPage();
        const warnings: string[] = [];
        const errors: string[] = [];
        page.on('console', (m) => (m.type() === 'warning' ? warnings : m.type() === 'error' ? errors : []).push(m.text()));
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`${app.url}/?view=indicator&ind=${indicator}&lang=en`);
        await page.waitForFunction(() => performance.getEntriesByName('background:measures.stored').length > 0, undefined, { timeout: 90_000 });
        expect(await page.evaluate(() => performance.getEntriesByName('saved:measures.stored').length)).toBe(0);
        expect(warnings.filter((w) => w.includes(file))).toEqual(warning ? [`saved answers ${file} not used (DuckDB answers instead): ${warning}`] : []);
        const measuresBefore = await asked(page, 'indicator.measuresShown');
        await go(page, `?view=indicator&ind=${indicator}&lang=en&year=${year}`);
        await expect.poll(() => summaryProvinces(page)).toEqual(expected);
        expect(await asked(page, 'indicator.measuresShown')).toBe(measuresBefore);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('indicator view, a chart left without rows', () => {
  it('keeps its instance, hidden under the card’s message, and is re-optioned with the rows when they come back', async () => {
    // An indicator with money figures, and a year with cases of it but no money figure.
    const [row] = await db.all(`SELECT c.indicator, c.year FROM cases c WHERE c.duplicate_of IS NULL AND c.year IS NOT NULL
      AND c.indicator IN (SELECT indicator FROM figure_facts WHERE kind = 'money')
      AND NOT EXISTS (SELECT 1 FROM figure_facts f WHERE f.kind = 'money' AND f.indicator = c.indicator AND f.year = c.year)
      GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1`);
    expect(row, 'a year without money figures').toBeDefined();
    const indicator = String(row.indicator);
    const all = await db.all(indicatorMoney({ filters: EMPTY_FILTERS, indicator }));
    expect(await db.all(indicatorMoney({ filters: { ...EMPTY_FILTERS, years: [Number(row.year)] }, indicator }))).toEqual([]);
    const { page, errors } = await app.newPage(`?view=indicator&ind=${indicator}&lang=en`);
    await waitForCharts(page, 90_000);
    await moneyBars(page, all.length);
    // The instance the card made, marked.
    const mark = () =>
      page.evaluate(() => {
        const chart = (globalThis as unknown as { __charts: Map<string, { __kept?: boolean }> }).__charts.get('indicator.money')!;
        chart.__kept = true;
      });
    const sameInstance = () =>
      page.evaluate(() => (globalThis as unknown as { __charts: Map<string, { __kept?: boolean; isDisposed: () => boolean }> }).__charts.get('indicator.money')!.__kept === true);
    await mark();
    await go(page, `?view=indicator&ind=${indicator}&lang=en&year=${Number(row.year)}`);
    const card = page.locator('[data-query-id="indicator.money"]');
    await card.locator('.query-empty').waitFor({ timeout: 60_000 });
    expect(await card.locator('.echart').isHidden()).toBe(true);
    expect(await sameInstance()).toBe(true);
    // Back: the same chart, given every year's bars again.
    await go(page, `?view=indicator&ind=${indicator}&lang=en`);
    await card.locator('.query-empty').waitFor({ state: 'detached', timeout: 60_000 });
    await moneyBars(page, all.length);
    expect(await card.locator('.echart').isVisible()).toBe(true);
    expect(await sameInstance()).toBe(true);
    const csv = await moneyCsv(page);
    expect(csv.ids).toEqual(all.map((r) => r.case_id));
    expect(errors).toEqual([]);
  });
});
