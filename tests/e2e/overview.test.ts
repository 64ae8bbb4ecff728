// The landing view in real Chromium on the real export: charts drawn, no console errors, nothing
// fetched from outside the app's origin, filters in the URL (reload + back), CSV = chart data.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useApp, chartOption, downloadCsv, waitForCharts } from './harness.ts';
import { chartTextClashes } from './chart-text.ts';

const { app, db } = useApp({ db: true });

type Series = { data: unknown[]; name?: string };

const CHART_IDS = ['overview.heatmap', 'overview.byIndicator', 'overview.byCity', 'overview.byLevel', 'overview.byBatch'];

describe('overview layout', () => {
  for (const [lang, width] of [['zh', 1440], ['en', 1440], ['en', 390]] as const) {
    it(`no chart's texts run into each other (${lang}, ${width} px): counts beside two provinces' bars, two-line names`, async () => {
      const { page, errors } = await app.newPage(lang === 'en' ? '?lang=en' : '', { viewport: { width, height: 900 } });
      await waitForCharts(page);
      // English place names are romanised once places.ts has loaded: the city chart is drawn again with them.
      if (lang === 'en') await expect.poll(async () => JSON.stringify((await chartOption(page, 'overview.byCity')).yAxis)).not.toMatch(/\p{Script=Han}/u);
      // Charts far below are drawn when they come near (whenNear): scrolled to, each is drawn with the rows shown.
      for (const id of CHART_IDS) {
        await page.locator(`[data-query-id="${id}"]`).scrollIntoViewIfNeeded();
        await page.locator(`[data-query-id="${id}"] canvas`).first().waitFor();
        await expect.poll(() => chartTextClashes(page, id), { timeout: 10_000 }).toEqual([]);
      }
      expect(errors).toEqual([]);
    });
  }

  it('the year and level charts, one above the other beside the city chart, end where it ends (no card of blank)', async () => {
    const { page, errors } = await app.newPage('', { viewport: { width: 1440, height: 900 } });
    await waitForCharts(page);
    const box = async (id: string) => (await page.locator(`[data-query-id="${id}"]`).boundingBox())!;
    const [city, level, batch] = [await box('overview.byCity'), await box('overview.byLevel'), await box('overview.byBatch')];
    // Beside the city chart, the level chart under the year chart.
    expect(batch.x).toBeGreaterThan(city.x + city.width);
    expect(level.x).toBe(batch.x);
    expect(level.y).toBeGreaterThan(batch.y + batch.height);
    // The two from within 32 px of the city card's top to within 32 px of its bottom; neither card much taller than its chart.
    expect(Math.abs(batch.y - city.y)).toBeLessThanOrEqual(32);
    expect(Math.abs(level.y + level.height - (city.y + city.height))).toBeLessThanOrEqual(32);
    for (const id of ['overview.byLevel', 'overview.byBatch']) {
      const canvas = (await page.locator(`[data-query-id="${id}"] .echart`).boundingBox())!;
      expect((await box(id)).height - canvas.height).toBeLessThan(100);
    }
    expect(errors).toEqual([]);
  });
});

describe('overview (landing view)', () => {
  it('draws every chart with no console error, no foreign request, and marks app:first-chart', async () => {
    const { page, errors, foreignRequests } = await app.newPage();
    await waitForCharts(page);
    const cards = await page.locator('main .chart-card:has(canvas)').count();
    expect(cards).toBe(5);
    // totals show the real case count
    const [n] = await db.all('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL');
    await expect.poll(() => page.locator('[data-stat="cases"] dd').textContent()).toBe(Number(n.n).toLocaleString('en-US'));
    // The city chart's note counts cities as the totals tile does (its province-level bar is not a city).
    const [c] = await db.all('SELECT count(DISTINCT city) AS n FROM cases WHERE duplicate_of IS NULL');
    await expect.poll(() => page.locator('[data-stat="cities"] dd').textContent()).toBe(String(c.n));
    const cityNote = await page.locator('main .chart-card .card-note', { hasText: /CSV/ }).first().textContent();
    expect(cityNote).toContain(`共 ${c.n} 个城市`);
    const marks = await page.evaluate(() => performance.getEntriesByName('app:first-chart').length);
    expect(marks).toBe(1);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it("before the first filter change each chart's update code is warmed off the page, and the charts shown are untouched", async () => {
    const { page, errors } = await app.newPage();
    await waitForCharts(page);
    const ids = ['overview.heatmap', 'overview.byIndicator', 'overview.byCity', 'overview.byLevel', 'overview.byBatch'];
    const shown = () => Promise.all(ids.map(async (id) => JSON.stringify((await chartOption(page, id)).series)));
    const before = { options: await shown(), canvases: await page.locator('canvas').count() };
    // One warm-up per chart (ChartCard `warmUp`, timed DURING_LOAD: chart-warm-up.ts), each ended with its measure: warm-up:<options drawn>.
    await page.waitForFunction(() => performance.getEntriesByType('measure').filter((m) => /^warm-up:\d+$/.test(m.name)).length === 5, undefined, { timeout: 60_000 });
    const drawn = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('warm-up:')).map((m) => Number(m.name.slice(8))));
    expect(drawn.every((n) => n > 1)).toBe(true);
    expect(await shown()).toEqual(before.options);
    expect(await page.locator('canvas').count()).toBe(before.canvases);
    expect(errors).toEqual([]);
  });

  it('draws the landing charts from overview.json before the tables are loaded, then live with the same numbers', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript('globalThis.__name = (f) => f');
      // Hold the database file back: DuckDB cannot answer anything until it arrives.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await context.route('**/data/dashboard.duckdb', async (route) => {
        await held;
        await route.continue();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${app.url}/`);
      await page.waitForFunction(() => performance.getEntriesByName('app:first-chart').length > 0, undefined, { timeout: 60_000 });
      // Still loading, yet every chart is drawn and the totals are the real ones.
      expect(await page.locator('.load-progress').count()).toBe(1);
      await expect.poll(() => page.locator('main .chart-card:has(canvas)').count()).toBe(5);
      const [n] = await db.all('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL');
      await expect.poll(() => page.locator('[data-stat="cases"] dd').textContent()).toBe(Number(n.n).toLocaleString('en-US'));
      const early = await chartOption(page, 'overview.byIndicator');
      release();
      await waitForCharts(page);
      // Live rows arrived (tables ready): the drawing did not change.
      const live = await chartOption(page, 'overview.byIndicator');
      expect((live.series as Series[]).map((s) => [s.name, s.data])).toEqual((early.series as Series[]).map((s) => [s.name, s.data]));
      expect((live.yAxis as { data: string[] }[])[0].data).toEqual((early.yAxis as { data: string[] }[])[0].data);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a province filter changes the charts and the URL; reload restores it; back undoes it', async () => {
    const { page, errors } = await app.newPage();
    await waitForCharts(page);
    const before = await chartOption(page, 'overview.heatmap');
    const provincesBefore = (before.xAxis as { data: string[] }[])[0].data;
    expect(provincesBefore.length).toBeGreaterThan(1);

    await page.locator('[data-filter="provinces"] .multi-select-button').click();
    await page.locator('[data-filter="provinces"] input[value="陕西省"]').check();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe('陕西省');
    await expect
      .poll(async () => ((await chartOption(page, 'overview.heatmap')).xAxis as { data: string[] }[])[0].data)
      .toEqual(['陕西省']);

    await page.reload();
    await waitForCharts(page);
    await expect.poll(async () => ((await chartOption(page, 'overview.heatmap')).xAxis as { data: string[] }[])[0].data).toEqual(['陕西省']);
    await expect(page.locator('[data-filter="provinces"] .multi-select-value').textContent()).resolves.toBe('陕西省');

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBeNull();
    await expect
      .poll(async () => ((await chartOption(page, 'overview.heatmap')).xAxis as { data: string[] }[])[0].data.length)
      .toBe(provincesBefore.length);
    expect(errors).toEqual([]);
  });

  it('once the summaries are read, a province filter redraws every chart and the totals without a query; the CSVs hold the real counts', async () => {
    const { page, errors } = await app.newPage();
    await waitForCharts(page);
    // The summary is read in the background once DuckDB is up (the landing charts were drawn before).
    await page.waitForFunction(
      () => performance.getEntriesByName('sql:summary.overview').length > 0 && performance.getEntriesByName('sql:summary.documents').length > 0,
      undefined,
      { timeout: 60_000 },
    );
    const chartQueries = () =>
      page.evaluate(() => performance.getEntriesByType('measure').filter((m) => /^sql:overview\.(totals|heatmap|byIndicator|byCity|byLevel|byBatch)$/.test(m.name)).length);
    const asked = await chartQueries();
    // The province with the fewest cases (not the first of the list: the filter must change every chart).
    const [{ province }] = await db.all('SELECT province FROM cases WHERE duplicate_of IS NULL AND province IS NOT NULL GROUP BY 1 ORDER BY count(*), 1 LIMIT 1');
    await page.locator('[data-filter="provinces"] .multi-select-button').click();
    await page.locator(`[data-filter="provinces"] input[value="${String(province)}"]`).check();
    await page.keyboard.press('Escape');
    await expect.poll(async () => ((await chartOption(page, 'overview.heatmap')).xAxis as { data: string[] }[])[0].data).toEqual([province]);
    // What the charts drew (and the CSVs hold) and the tiles say are the province's real counts.
    const [{ n }] = await db.all(`SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL AND province = '${String(province)}'`);
    const [{ docs }] = await db.all(`SELECT count(*) AS docs FROM documents WHERE province = '${String(province)}'`);
    await expect.poll(() => page.locator('[data-stat="cases"] dd').textContent()).toBe(Number(n).toLocaleString('en-US'));
    await expect.poll(() => page.locator('[data-stat="documents"] dd').textContent()).toBe(Number(docs).toLocaleString('en-US'));
    expect(await chartQueries()).toBe(asked);
    for (const id of ['overview.byLevel', 'overview.byCity']) {
      const { bytes } = await downloadCsv(page, id);
      const [header, ...lines] = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim()).data;
      const cases = header.indexOf('案例数');
      expect(lines.reduce((sum, l) => sum + Number(l[cases]), 0), id).toBe(n);
    }
    expect(errors).toEqual([]);
  });

  it('under one indicator the documents tile counts the documents with a case of it, summed from their counts per indicator without a totals query', async () => {
    const { page, errors } = await app.newPage();
    await waitForCharts(page);
    await page.waitForFunction(() => performance.getEntriesByName('sql:summary.overview').length > 0, undefined, { timeout: 60_000 });
    const totalsAsked = () => page.evaluate(() => performance.getEntriesByName('sql:overview.totals').length);
    // The indicator of the most documents, then the one of the fewest: the tile changes.
    const byDocuments = await db.all(`SELECT indicator, count(DISTINCT doc_id) AS docs FROM cases WHERE duplicate_of IS NULL AND indicator IS NOT NULL
      GROUP BY 1 ORDER BY 2 DESC, 1`);
    const picked = [byDocuments[0], byDocuments[byDocuments.length - 1]];
    const choose = async (indicator: unknown, checked: boolean) => {
      await page.locator('[data-filter="indicators"] .multi-select-button').click();
      await page.locator(`[data-filter="indicators"] input[value="${String(indicator)}"]`).setChecked(checked);
      await page.keyboard.press('Escape');
    };
    const asked = await totalsAsked();
    await choose(picked[0].indicator, true);
    await expect.poll(() => page.locator('[data-stat="documents"] dd').textContent()).toBe(Number(picked[0].docs).toLocaleString('en-US'));
    // The first such filter reads the documents per indicator (counted at export) and the tile waits for them rather
    // than ask its own query; the next is summed from them too.
    await page.waitForFunction(() => performance.getEntriesByName('sql:summary.documentsBy.indicator').length > 0, undefined, { timeout: 60_000 });
    expect(await totalsAsked()).toBe(asked);
    await choose(picked[0].indicator, false);
    await choose(picked[1].indicator, true);
    await expect.poll(() => page.locator('[data-stat="documents"] dd').textContent()).toBe(Number(picked[1].docs).toLocaleString('en-US'));
    expect(await totalsAsked()).toBe(asked);
    expect(errors).toEqual([]);
  });

  it('a year chosen in the bar: the bar shows it, the URL holds it, every chart redraws; the header and the bar still follow the URL', async () => {
    const { page, errors } = await app.newPage();
    await waitForCharts(page);
    await page.waitForFunction(() => performance.getEntriesByName('sql:summary.overview').length > 0, undefined, { timeout: 60_000 });
    // The year of the fewest cases: every chart's numbers change under it.
    const [{ year, n }] = await db.all('SELECT year, count(*) AS n FROM cases WHERE duplicate_of IS NULL AND year IS NOT NULL GROUP BY 1 ORDER BY 2, 1 LIMIT 1');
    const ids = ['overview.heatmap', 'overview.byIndicator', 'overview.byCity', 'overview.byLevel', 'overview.byBatch'];
    const seriesOf = async (id: string) => JSON.stringify(((await chartOption(page, id)).series as Series[]).map((x) => x.data));
    const before = await Promise.all(ids.map(seriesOf));
    const years = page.locator('[data-filter="years"]');
    await years.locator('.multi-select-button').click();
    await years.locator(`input[value="${String(year)}"]`).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(String(year));
    await expect.poll(() => years.locator('.multi-select-value').textContent()).toBe(String(year));
    expect(await page.locator('.clear-filters').count()).toBe(1);
    await expect.poll(() => page.locator('[data-stat="cases"] dd').textContent()).toBe(Number(n).toLocaleString('en-US'));
    for (const [i, id] of ids.entries()) await expect.poll(() => seriesOf(id), { message: id }).not.toBe(before[i]);
    // The header, the title and the bar after it: the language switch keeps the year; a tab marks its view.
    await page.locator('.lang-switch').click();
    await expect.poll(() => page.evaluate(() => document.title)).toMatch(/^Overview · /);
    await expect.poll(() => years.locator('.multi-select-label').textContent()).toBe('Year');
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(year));
    // Back twice: Chinese, then no year — the bar's list and its "clear" button follow.
    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.goBack();
    await expect.poll(() => years.locator('.multi-select-value').textContent()).toBe('全部');
    expect(await page.locator('.clear-filters').count()).toBe(0);
    for (const [i, id] of ids.entries()) await expect.poll(() => seriesOf(id), { message: id }).toBe(before[i]);
    await page.locator('nav.tabs a[data-view="cases"]').click();
    await expect.poll(() => page.locator('nav.tabs a[aria-current="page"]').getAttribute('data-view')).toBe('cases');
    expect(errors).toEqual([]);
  });

  it("a filter list's options are asked while its menu is open, not on later changes once it is closed", async () => {
    const { page, errors } = await app.newPage();
    await waitForCharts(page);
    const asked = () => page.evaluate(() => performance.getEntriesByName('sql:options.levels').length);
    const levels = page.locator('[data-filter="levels"]');
    await levels.locator('.multi-select-button').click();
    // Its options come with their case counts (the list's query).
    await levels.locator('.option-count').first().waitFor({ timeout: 60_000 });
    const once = await asked();
    expect(once).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await levels.locator('.multi-select-menu').waitFor({ state: 'detached' });
    // Another filter changes with the menu closed: the levels' counts are not asked again…
    const [{ province }] = await db.all('SELECT province FROM cases WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY count(*), 1 LIMIT 1');
    await page.evaluate((p) => {
      history.pushState(null, '', `?province=${encodeURIComponent(p)}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, String(province));
    await expect.poll(async () => ((await chartOption(page, 'overview.heatmap')).xAxis as { data: string[] }[])[0].data).toEqual([province]);
    await page.waitForFunction(() => !document.querySelector('.query-pending'));
    expect(await asked()).toBe(once);
    // …and are, under that province, when the menu opens again: the counts are the province's.
    await levels.locator('.multi-select-button').click();
    await expect.poll(asked).toBe(once + 1);
    const rows = await db.all(`SELECT level, count(*) AS n FROM cases WHERE duplicate_of IS NULL AND province = '${String(province)}' GROUP BY 1`);
    await expect
      .poll(async () => (await levels.locator('.option-count').allTextContents()).map(Number).sort((a, b) => a - b))
      .toEqual(rows.map((r) => Number(r.n)).sort((a, b) => a - b));
    expect(errors).toEqual([]);
  });

  it('on a phone a filter change redraws a chart far below when it is scrolled to; its description and CSV are the new ones at once', async () => {
    const { page, errors } = await app.newPage('', { viewport: { width: 390, height: 844 } });
    await waitForCharts(page);
    await page.waitForFunction(() => performance.getEntriesByName('sql:summary.overview').length > 0, undefined, { timeout: 60_000 });
    const card = page.locator('[data-query-id="overview.byBatch"]');
    const drawnYears = async () => ((await chartOption(page, 'overview.byBatch')).xAxis as { data: string[] }[])[0].data.map((label) => label.slice(0, 4));
    const landing = await drawnYears();
    expect(landing.length).toBeGreaterThan(1);
    const [{ year, n }] = await db.all('SELECT year, count(*) AS n FROM cases WHERE duplicate_of IS NULL AND year IS NOT NULL GROUP BY 1 ORDER BY 2, 1 LIMIT 1');
    const heatmapCases = async () =>
      ((await chartOption(page, 'overview.heatmap')).series as { data: number[][] }[]).flatMap((x) => x.data).reduce((sum, cell) => sum + cell[2], 0);
    await page.evaluate((y) => {
      history.pushState(null, '', `?year=${y}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, Number(year));
    // The heatmap at the top is redrawn with the year's cases; the chart by batch, screens below, waits…
    await expect.poll(heatmapCases).toBe(Number(n));
    await page.waitForTimeout(500);
    expect(await drawnYears()).toEqual(landing);
    // …while a screen reader already hears the new values, and its CSV holds the new rows.
    await expect.poll(() => card.locator('.echart').getAttribute('aria-label')).toContain(String(year));
    expect(await card.locator('.echart').getAttribute('aria-label')).not.toContain(landing.find((y) => y !== String(year))!);
    const { bytes } = await downloadCsv(page, 'overview.byBatch');
    const [, ...lines] = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim()).data;
    expect(new Set(lines.map((l) => l[0]))).toEqual(new Set([String(year)]));
    // Scrolled to, it is drawn with the new rows.
    await card.scrollIntoViewIfNeeded();
    await expect.poll(drawnYears).toEqual([String(year)]);
    expect(errors).toEqual([]);
  });

  it('the CSV of a chart has the BOM, readable headers, and the numbers the chart draws', async () => {
    const { page } = await app.newPage();
    await waitForCharts(page);
    const { bytes, filename } = await downloadCsv(page, 'overview.byLevel');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(filename).toMatch(/^overview\.byLevel_\d{4}-\d\d-\d\d_\d{4}\.csv$/);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim());
    const [header, ...lines] = parsed.data;
    expect(header).toEqual(['层级', '省份', '案例数']);
    // The chart: one series per province, one value per level category.
    const option = await chartOption(page, 'overview.byLevel');
    const levels = (option.xAxis as { data: string[] }[])[0].data;
    const series = option.series as Series[];
    // The CSV labels each level as the chart's axis does (省级, not province).
    for (const [level, province, cases] of lines) {
      const s = series.find((x) => x.name === province)!;
      expect(levels, level).toContain(level);
      expect(s.data[levels.indexOf(level)], `${level} ${province}`).toBe(Number(cases));
    }
    // …and they are the real counts.
    const total = lines.reduce((sum, l) => sum + Number(l[2]), 0);
    const [n] = await db.all('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL');
    expect(total).toBe(n.n);
  });

  it('the heatmap switches to shares (in the URL) and English follows the language switch', async () => {
    const { page, errors } = await app.newPage();
    await waitForCharts(page);
    await page.locator('[data-query-id="overview.heatmap"] button[data-share="1"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('share')).toBe('1');
    await expect.poll(() => page.locator('[data-query-id="overview.heatmap"] h3').textContent()).toContain('占本省案例比例');
    await page.locator('.lang-switch').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    await expect.poll(() => page.locator('nav.tabs').textContent()).toContain('Overview');
    const option = await chartOption(page, 'overview.heatmap');
    const indicators = (option.yAxis as { data: string[] }[])[0].data;
    expect(indicators.every((name) => /^[\x20-\x7e]+$/.test(name)), indicators.join('|')).toBe(true);
    expect(errors).toEqual([]);
  });
});
