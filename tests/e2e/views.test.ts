// End-to-end tests of the Compare, Cases and Case views in real headless Chromium on the real export.
import * as OpenCC from 'opencc-js';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp, chartOption, downloadCsv, waitForCharts } from './harness.ts';
import { show } from './in-page.ts';
import { openDataDb } from '../helpers/data-db.ts';
import { COMPARE_CASES_PER_PROVINCE, COMPARE_PAIRS_PER_PAGE, compareCases, comparePairsPage, compareShares, defaultIndicator } from '../../src/queries/compare.ts';
import type { Level } from '../../src/ingest/types.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { caseSummaryRowsOf } from '../../src/queries/view-summaries.ts';
import { likelyIndicators } from '../../src/queries/likely-indicators.ts';
import { literal } from '../../src/sql/quote.ts';

const { app } = useApp();

interface SeriesData {
  value: number;
  indicator: string;
}

describe('compare view', () => {
  it('shows both provinces: the mirrored chart and cases in both columns', async () => {
    const { page, errors, foreignRequests } = await app.newPage('?view=compare');
    await waitForCharts(page);
    const option = (await chartOption(page, 'compare.shares')) as { series: { name: string; data: SeriesData[] }[] };
    expect(option.series.map((s) => s.name)).toEqual(['福建省', '陕西省']);
    // A is drawn left of zero, B right of it; both have bars.
    expect(option.series[0].data.some((d) => d.value < 0)).toBe(true);
    expect(option.series[1].data.some((d) => d.value > 0)).toBe(true);
    const colA = page.locator('[data-testid="compare-col-a"]');
    const colB = page.locator('[data-testid="compare-col-b"]');
    await colA.locator('.v-case-item').first().waitFor();
    expect(await colA.getAttribute('data-province')).toBe('福建省');
    expect(await colB.getAttribute('data-province')).toBe('陕西省');
    expect(await colA.locator('.v-case-item').count()).toBeGreaterThan(0);
    expect(await colB.locator('.v-case-item').count()).toBeGreaterThan(0);
    // Pairs: each Fujian case of the indicator is listed with its nearest Shaanxi case, a page at a time.
    const pairs = page.locator('[data-testid="compare-pairs"]');
    await pairs.locator('tbody tr').first().waitFor();
    const listed = await colA.locator('.v-case-item a[data-case-id]').evaluateAll((links) => links.map((a) => a.getAttribute('data-case-id')));
    const paired: (string | null)[] = [];
    const pages = Math.ceil(listed.length / COMPARE_PAIRS_PER_PAGE);
    for (let i = 0; i < pages; i++) {
      if (i > 0) {
        await page.locator('[data-testid="compare-pairs-pager"] button').last().click();
        await expect.poll(() => page.locator('[data-testid="compare-pairs-page"]').textContent()).toMatch(new RegExp(`^第 ${i + 1} / ${pages} 页`));
        await expect.poll(() => pairs.locator('tbody tr td:first-child a[data-case-id]').first().getAttribute('data-case-id')).not.toBe(paired[0]);
      }
      const rows = await pairs.locator('tbody tr td:first-child a[data-case-id]').evaluateAll((links) => links.map((a) => a.getAttribute('data-case-id')));
      expect(rows.length).toBe(Math.min(COMPARE_PAIRS_PER_PAGE, listed.length - i * COMPARE_PAIRS_PER_PAGE));
      paired.push(...rows);
    }
    // Every case in the column (all of them: fewer than the column lists) once in the pages of pairs.
    expect(listed.length).toBeLessThan(COMPARE_CASES_PER_PROVINCE);
    expect([...paired].sort()).toEqual([...listed].sort());
    // A case of no city (the province's own body) is said to be province level, as the Overview's city chart says.
    const db = await openDataDb();
    try {
      const ids = listed.map((id) => literal(String(id))).join(', ');
      const provinceLevel = new Set((await db.all(`SELECT case_id FROM cases WHERE case_id IN (${ids}) AND city IS NULL`)).map((r) => String(r.case_id)));
      expect(provinceLevel.size).toBeGreaterThan(0);
      const metas = await colA.locator('.v-case-item').evaluateAll((items) =>
        items.map((li) => [li.querySelector('a[data-case-id]')?.getAttribute('data-case-id') ?? '', li.querySelector('.v-meta')?.textContent ?? '']),
      );
      for (const [id, meta] of metas) expect(meta.startsWith('（省级）'), `${id}: ${meta}`).toBe(provinceLevel.has(id));
    } finally {
      db.close();
    }
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('at desktop width each case column is as tall as its own cases, and the pairs under them are drawn when scrolled to', async () => {
    const { page, errors } = await app.newPage('?view=compare', { viewport: { width: 1440, height: 900 } });
    await waitForCharts(page);
    const columns = ['a', 'b'].map((side) => page.locator(`[data-testid="compare-col-${side}"]`));
    for (const column of columns) await column.locator('.v-case-item').first().waitFor();
    const heights = await Promise.all(columns.map((column) => column.evaluate((col) => {
      const items = col.querySelectorAll('.v-case-item');
      const style = getComputedStyle(col);
      // The column's box below its last case: its own padding and border, no more.
      return { below: col.getBoundingClientRect().bottom - items[items.length - 1].getBoundingClientRect().bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth), items: items.length };
    })));
    // The two provinces have different numbers of cases here: one column is the shorter (the test is of something).
    expect(heights[0].items).not.toBe(heights[1].items);
    for (const h of heights) expect(h.below).toBeLessThanOrEqual(24);
    // The pairs below are in the page, and drawn once scrolled to (they are skipped off screen: content-visibility).
    const pairs = page.locator('[data-testid="compare-pairs"]');
    await pairs.scrollIntoViewIfNeeded();
    await pairs.locator('tbody tr').first().waitFor();
    expect(await pairs.locator('tbody tr').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('downloads the shares chart as a CSV with BOM, headers and the charted numbers', async () => {
    const { page } = await app.newPage('?view=compare');
    await waitForCharts(page);
    const { bytes, filename } = await downloadCsv(page, 'compare.shares');
    expect(filename).toMatch(/^compare\.shares_.*\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim(), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    // One header per column: the code, the name in the UI's language, then each province's cases and share.
    expect(header).toEqual(['指标代码', '指标', '福建省 案例数', '福建省 占比（%）', '陕西省 案例数', '陕西省 占比（%）']);
    const option = (await chartOption(page, 'compare.shares')) as { series: { data: SeriesData[] }[] };
    const charted = (i: number) => new Map(option.series[i].data.map((d) => [d.indicator, Math.abs(d.value)]));
    const a = charted(0);
    const b = charted(1);
    expect(rows.length).toBe(a.size);
    for (const row of rows) {
      expect(Number(row[3])).toBe(a.get(row[0]));
      expect(Number(row[5])).toBe(b.get(row[0]));
    }
    // The shares of a province add up to 100 %.
    const sum = rows.reduce((s, r) => s + Number(r[3]), 0);
    expect(Math.abs(sum - 100)).toBeLessThan(0.05 * rows.length);
  });

  it('once the comparison’s rows are read in the background, a year or level change asks no query: the columns and pairs shown are the queries’ answers', async () => {
    const { page, errors } = await app.newPage('?view=compare');
    await waitForCharts(page);
    // The columns' cells and the pairs' rows (saved at export for the view with no filter: they stand, nothing read), and
    // the measures panel's stored rows, read in the background once the view's answers are in.
    await page.waitForFunction(() => performance.getEntriesByName('saved:compare.kept').length > 0, undefined, { timeout: 60_000 });
    // (The panel's first, saved at export too, stands: `saved:`.)
    await page.waitForFunction(() => performance.getEntriesByName('saved:measures.stored').length > 0, undefined, { timeout: 60_000 });
    const asked = (what: RegExp) => page.evaluate((source) => performance.getEntriesByType('measure').filter((m) => new RegExp(source).test(m.name)).length, what.source);
    // The columns' and the pairs' queries (and the shares'), and any query of the view.
    const theirs = /^sql:(compare\.(cases|pairsPage|shares)|summary\.casesOf)$/;
    const any = /^sql:/;
    const before = await asked(theirs);
    const db = await openDataDb();
    try {
      const [a, b] = ['福建省', '陕西省'];
      // The indicator shown, kept through the changes (a new indicator's rows are asked, then read in the background):
      // every year, level and year-and-level of it in either province.
      const indicator = await page.locator('[data-testid="compare-indicator"]').inputValue();
      const cells = await db.all(`SELECT DISTINCT year, level FROM cases WHERE duplicate_of IS NULL AND indicator = '${indicator}'
        AND province IN ('${a}', '${b}') AND year IS NOT NULL ORDER BY ALL`);
      const states = [
        ...[...new Set(cells.map((c) => Number(c.year)))].map((y) => ({ search: `year=${y}`, filters: { ...EMPTY_FILTERS, years: [y] } })),
        ...[...new Set(cells.map((c) => String(c.level) as Level))].map((l) => ({ search: `level=${l}`, filters: { ...EMPTY_FILTERS, levels: [l] } })),
        ...cells.map((c) => ({
          search: `year=${Number(c.year)}&level=${String(c.level)}`,
          filters: { ...EMPTY_FILTERS, years: [Number(c.year)], levels: [String(c.level) as Level] },
        })),
      ].map((st) => ({ ...st, search: `${st.search}&indicator=${indicator}` }));
      expect(states.length).toBeGreaterThan(3);
      // Twice: the second time the measures panel too has every dimension's stored rows (a state whose dimension is
      // new to it asks its query once, then reads that dimension's rows in the background).
      let secondPass = 0;
      let shownStates = 0;
      const ids = (selector: string) => page.locator(selector).evaluateAll((links) => links.map((l) => l.getAttribute('data-case-id')));
      for (const [pass, { search, filters }] of [...states.map((st) => [1, st] as const), ...states.map((st) => [2, st] as const)]) {
        if (pass === 2 && !secondPass) secondPass = await asked(any);
        await page.evaluate((q) => {
          history.pushState(null, '', `?view=compare&${q}`);
          dispatchEvent(new PopStateEvent('popstate'));
        }, search);
        // What the view shows, and what the queries answer for the indicator it picked for these filters (from the
        // shares, summed in memory): polled until they agree (the re-render follows the URL change), then compared.
        const shown = async () => ({
          a: await ids('[data-testid="compare-col-a"] .v-case-item a[data-case-id]'),
          b: await ids('[data-testid="compare-col-b"] .v-case-item a[data-case-id]'),
          pairs: await ids('[data-testid="compare-pairs"] tbody tr td:first-child a[data-case-id]'),
          counterparts: await page.locator('[data-testid="compare-pairs"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-has-counterpart'))),
        });
        const answered = async () => {
          const cases = await db.all(compareCases({ filters, a, b, indicator, perProvince: COMPARE_CASES_PER_PROVINCE }));
          const pairs = await db.all(comparePairsPage({ filters, a, b, indicator, page: 0 }));
          const firstOfA = pairs.filter((r, i) => i === 0 || pairs[i - 1].a_case_id !== r.a_case_id);
          return {
            a: cases.filter((r) => r.province === a).map((r) => r.case_id),
            b: cases.filter((r) => r.province === b).map((r) => r.case_id),
            pairs: firstOfA.map((r) => r.a_case_id),
            counterparts: firstOfA.map((r) => String(r.has_counterpart)),
          };
        };
        await expect.poll(async () => JSON.stringify(await shown()) === JSON.stringify(await answered()), { timeout: 30_000 }).toBe(true);
        const expected = await answered();
        expect(await shown(), search).toEqual(expected);
        expect(expected.a.length + expected.b.length, search).toBeGreaterThan(0);
        shownStates += Number(expected.a.length > 0 && expected.b.length > 0 && expected.pairs.length > 0);
      }
      // Not vacuous: both columns and pairs shown in some state.
      expect(shownStates).toBeGreaterThan(0);
      // Kept in memory: neither the columns, the pairs nor the shares were asked; the second time, no query at all.
      expect(await asked(theirs)).toBe(before);
      expect(await asked(any)).toBe(secondPass);
    } finally {
      db.close();
    }
    expect(errors).toEqual([]);
  });

  // The default provinces' rows read ahead are saved at export (one file per indicator: they stand, nothing read);
  // any other pair's are read in the background, one at a time.
  for (const { pair, saved } of [
    { pair: ['福建省', '陕西省'], saved: true },
    { pair: ['陕西省', '福建省'], saved: false },
  ]) {
    it(`reads ahead the indicators other years and levels show (${pair.join(' vs ')}: ${saved ? 'saved at export' : 'read in the background'}): a change that shows another indicator asks no query, and shows its answers`, async () => {
      const [a, b] = pair;
      const url = saved ? '?view=compare' : `?view=compare&a=${a}&b=${b}`;
      const { page, errors } = await app.newPage(url);
      await waitForCharts(page);
      const db = await openDataDb();
      try {
        const likely = likelyIndicators(await db.all(caseSummaryRowsOf([a, b])), EMPTY_FILTERS, a, b, null);
        // The unfiltered indicator and at least one other (else this test says nothing).
        expect(likely.length).toBeGreaterThan(1);
        const count = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);
        const measured = await db.all(`SELECT indicator FROM measure_summary WHERE province IN ('${a}', '${b}') GROUP BY indicator HAVING sum(measures) > 0`);
        const withMeasures = likely.filter((i) => measured.some((r) => r.indicator === i));
        const landed = async (id: string) => (await count(`background:${id}`)) + (await count(`saved:${id}`));
        // Every likely indicator's kept rows, and the stored measures of each with measures.
        await expect.poll(() => landed('compare.kept'), { timeout: 60_000 }).toBeGreaterThanOrEqual(likely.length);
        await expect.poll(() => landed('measures.stored'), { timeout: 60_000 }).toBeGreaterThanOrEqual(withMeasures.length);
        if (saved) {
          // Saved: each stands (`saved:`), none is read on DuckDB's worker.
          expect(await count('saved:compare.kept')).toBe(likely.length);
          expect(await count('start:background:compare.kept')).toBe(0);
          expect(await count('start:background:measures.stored')).toBe(0);
        } else {
          // Not saved for this pair: read, one at a time (useReadAhead): each of a kind starts once the one before it
          // has landed.
          expect(await count('saved:compare.kept')).toBe(0);
          for (const id of ['compare.kept', 'measures.stored']) {
            const spans = await page.evaluate((n) => performance.getEntriesByName(n).map((m) => [m.startTime, m.startTime + m.duration]), `background:${id}`);
            expect(spans.length, id).toBeGreaterThan(0);
            spans.sort((x, y) => x[0] - y[0]);
            for (let i = 1; i < spans.length; i++) expect(spans[i][0], id).toBeGreaterThanOrEqual(spans[i - 1][1]);
          }
        }
        const asked = () => page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sql:')).length);
        const before = await asked();
        // Each year and level whose shown indicator is not the unfiltered one.
        const years = (await db.all(`SELECT DISTINCT year FROM cases WHERE duplicate_of IS NULL AND year IS NOT NULL ORDER BY 1 DESC`)).map((r) => Number(r.year));
        const levels = (await db.all(`SELECT DISTINCT level FROM cases WHERE duplicate_of IS NULL AND level IS NOT NULL ORDER BY 1`)).map((r) => String(r.level) as Level);
        const states = [
          ...years.map((y) => ({ search: `year=${y}`, filters: { ...EMPTY_FILTERS, years: [y] } })),
          ...levels.map((l) => ({ search: `level=${l}`, filters: { ...EMPTY_FILTERS, levels: [l] } })),
        ];
        let other = 0;
        for (const { search, filters } of states) {
          const indicator = defaultIndicator(await db.all(compareShares({ filters, a, b })), null);
          if (indicator === null || indicator === likely[0]) continue;
          expect(likely).toContain(indicator);
          other++;
          await page.evaluate((q) => {
            history.pushState(null, '', `${q}`);
            dispatchEvent(new PopStateEvent('popstate'));
          }, `${url}&${search}`);
          await expect.poll(() => page.locator('[data-testid="compare-indicator"]').inputValue()).toBe(indicator);
          const cases = await db.all(compareCases({ filters, a, b, indicator, perProvince: COMPARE_CASES_PER_PROVINCE }));
          const expected = JSON.stringify(cases.filter((r) => r.province === a).map((r) => r.case_id));
          const shown = () => page.locator('[data-testid="compare-col-a"] .v-case-item a[data-case-id]').evaluateAll((l) => JSON.stringify(l.map((x) => x.getAttribute('data-case-id'))));
          await expect.poll(shown, { timeout: 30_000 }).toBe(expected);
          // The first page of pairs too: A's cases in its order.
          const pairs = await db.all(comparePairsPage({ filters, a, b, indicator, page: 0 }));
          const firstOfA = pairs.filter((r, i) => i === 0 || pairs[i - 1].a_case_id !== r.a_case_id).map((r) => r.a_case_id);
          const shownPairs = () => page.locator('[data-testid="compare-pairs"] tbody tr td:first-child a[data-case-id]').evaluateAll((l) => l.map((x) => x.getAttribute('data-case-id')));
          await expect.poll(shownPairs, { timeout: 30_000 }).toEqual(firstOfA);
          // The measures panel shows that indicator's summary too.
          await expect.poll(() => page.locator('[data-testid="measures-panel"] h3').first().textContent()).toContain(await page.locator('[data-testid="compare-indicator"] option:checked').evaluate((o) => o.textContent?.split(' (')[0] ?? ''));
        }
        expect(other).toBeGreaterThan(0);
        expect(await asked()).toBe(before);
      } finally {
        db.close();
      }
      expect(errors).toEqual([]);
    });
  }

  it('once the two provinces’ summary is read, a year filter redraws the shares without a query; the CSV holds the real counts', async () => {
    const { page, errors } = await app.newPage('?view=compare');
    await waitForCharts(page);
    // The two provinces' rows of case_summary, answered by the engine once it is up (the first drawing came from the
    // saved answers, which then stand: the attached file carries their stamp).
    await page.waitForFunction(() => performance.getEntriesByName('saved:summary.casesOf').length + performance.getEntriesByName('sql:summary.casesOf').length > 0, undefined, { timeout: 60_000 });
    const asked = () =>
      page.evaluate(() => performance.getEntriesByType('measure').filter((m) => /^sql:(summary\.cases|summary\.casesOf|compare\.shares)$/.test(m.name)).length);
    const before = await asked();
    // Fujian's (A's) least common year: its shares differ from the unfiltered ones.
    const db = await openDataDb();
    try {
      const [{ year }] = await db.all("SELECT year FROM cases WHERE duplicate_of IS NULL AND province = '福建省' GROUP BY year ORDER BY count(*), year LIMIT 1");
      const counted = async (province: string) =>
        new Map(
          (await db.all(`SELECT indicator, count(*) AS n FROM cases WHERE duplicate_of IS NULL AND province = '${province}' AND year = ${Number(year)} GROUP BY indicator`)).map(
            (r) => [String(r.indicator), Number(r.n)],
          ),
        );
      const [a, b] = [await counted('福建省'), await counted('陕西省')];
      await page.evaluate((y) => {
        history.pushState(null, '', `?view=compare&year=${y}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, Number(year));
      const aCases = async () => {
        const option = (await chartOption(page, 'compare.shares')) as { series: { data: (SeriesData & { cases: number })[] }[] };
        return new Map(option.series[0].data.filter((d) => d.cases > 0).map((d) => [d.indicator, d.cases]));
      };
      await expect.poll(aCases, { timeout: 30_000 }).toEqual(a);
      // Summed from the rows read before: neither the shares nor the summary were asked again.
      expect(await asked()).toBe(before);
      const { bytes } = await downloadCsv(page, 'compare.shares');
      const [header, ...rows] = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim(), { skipEmptyLines: true }).data;
      expect(header[2]).toBe('福建省 案例数');
      for (const [code, , aN, aPct, bN, bPct] of rows) {
        expect(Number(aN), code).toBe(a.get(code) ?? 0);
        expect(Number(bN), code).toBe(b.get(code) ?? 0);
        const aTotal = [...a.values()].reduce((x, y) => x + y, 0);
        const bTotal = [...b.values()].reduce((x, y) => x + y, 0);
        expect(Number(aPct), code).toBeCloseTo(aTotal ? (100 * Number(aN)) / aTotal : 0, 1);
        expect(Number(bPct), code).toBeCloseTo(bTotal ? (100 * Number(bN)) / bTotal : 0, 1);
      }
      expect(rows.reduce((n, r) => n + Number(r[2]), 0)).toBe([...a.values()].reduce((x, y) => x + y, 0));
    } finally {
      db.close();
    }
    expect(errors).toEqual([]);
  });

  it('once the view answered, the next states’ shares are drawn off the page in idle time, and the chart shown is untouched', async () => {
    const { page, errors } = await app.newPage('?view=compare');
    await waitForCharts(page);
    const shown = async () => {
      const option = (await chartOption(page, 'compare.shares')) as { series: { data: (SeriesData & { cases: number })[] }[] };
      return option.series.map((s) => s.data.map((d): [string, number] => [d.indicator, d.cases]));
    };
    const canvases = () => page.locator('canvas').count();
    const before = { option: await shown(), canvases: await canvases() };
    // The warm-up's measure (chart-warm-up.ts): every update drawn, its chart disposed.
    await page.waitForFunction(() => performance.getEntriesByType('measure').some((m) => m.name === 'warm-up:40'), undefined, { timeout: 60_000 });
    expect(await shown()).toEqual(before.option);
    expect(await canvases()).toBe(before.canvases);
    // And the unfiltered shares are the SQL answer's.
    const db = await openDataDb();
    try {
      const rows = (await db.all(compareShares({ filters: EMPTY_FILTERS, a: '福建省', b: '陕西省' }))) as { indicator: string; a_cases: number }[];
      const covered = (pairs: [string, number][]) => new Map(pairs.map(([k, n]): [string, number] => [k, Number(n)]).filter(([, n]) => n > 0));
      expect(covered(before.option[0])).toEqual(covered(rows.map((r): [string, number] => [r.indicator, r.a_cases])));
    } finally {
      db.close();
    }
    expect(errors).toEqual([]);
  });

  it('on a phone the names get a narrower column, and a filter change redraws the chart with it', async () => {
    const wide = await app.newPage('?view=compare');
    await waitForCharts(wide.page);
    const left = async (page: Page) => ((await chartOption(page, 'compare.shares')).grid as { left: number }[])[0].left;
    const { page, errors } = await app.newPage('?view=compare', { viewport: { width: 390, height: 844 } });
    await waitForCharts(page);
    const phoneLeft = await left(page);
    expect(phoneLeft).toBeLessThan(await left(wide.page));
    await show(page, '?view=compare&year=2023');
    // Re-optioned, still drawn (a grid moved by an ECharts media query broke the chart here: nothing drawn, a page error).
    await expect.poll(async () => ((await chartOption(page, 'compare.shares')).series as unknown[]).length).toBe(2);
    expect(await left(page)).toBe(phoneLeft);
    expect(errors).toEqual([]);
  });

  it('on a phone the Indicator’s figure charts (their own phone layout) are drawn again after a filter change', async () => {
    const db = await openDataDb();
    const years = (await db.all(`SELECT DISTINCT year FROM case_summary WHERE year IS NOT NULL ORDER BY 1`)).map((r) => Number(r.year));
    db.close();
    const { page, errors } = await app.newPage('?view=indicator', { viewport: { width: 390, height: 844 } });
    await waitForCharts(page);
    for (const year of years) {
      await show(page, `?view=indicator&year=${year}`);
      await waitForCharts(page);
    }
    // Every chart of the view still has its bars (an update that broke a chart left it blank, with a page error):
    // scrolled to (a chart far off screen is redrawn when it comes near), the money chart draws the rows its CSV holds.
    await page.locator('[data-query-id="indicator.money"]').scrollIntoViewIfNeeded();
    const csvRows = Papa.parse((await downloadCsv(page, 'indicator.money')).bytes.toString('utf8').trim(), { skipEmptyLines: true }).data.length - 1;
    expect(csvRows).toBeGreaterThan(0);
    await expect.poll(async () => ((await chartOption(page, 'indicator.money')).series as { data: unknown[] }[])[0].data.length, { timeout: 5000 }).toBe(csvRows);
    expect(errors).toEqual([]);
  });
});

describe('case search → case page', () => {
  it('finds a case by a term typed in traditional script and opens its page', async () => {
    // A piece of a real title whose traditional form differs from the simplified one.
    const db = await openDataDb();
    const titles = await db.all('SELECT case_id, title FROM cases WHERE duplicate_of IS NULL ORDER BY case_id');
    db.close();
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    let target: { id: string; title: string; typed: string } | null = null;
    for (const r of titles) {
      const title = String(r.title);
      for (let i = 0; i + 4 <= title.length && !target; i++) {
        const piece = title.slice(i, i + 4);
        if (toTraditional(piece) !== piece && !/[\s“”"'《》]/.test(piece)) target = { id: String(r.case_id), title, typed: toTraditional(piece) };
      }
      if (target) break;
    }
    expect(target).not.toBeNull();
    const { page, errors } = await app.newPage('?view=cases');
    const box = page.locator('[data-testid="case-search"]');
    await box.waitFor();
    await box.fill(target!.typed);
    await box.press('Enter');
    const link = page.locator(`main a.v-case-link[data-case-id="${target!.id}"]`).first();
    await link.waitFor();
    // The typed term, converted, is marked in the title.
    expect(await link.locator('mark').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe(target!.typed);
    await link.click();
    await page.locator('[data-testid="case-title"]').waitFor();
    expect(await page.locator('[data-testid="case-title"]').textContent()).toBe(target!.title);
    expect(new URL(page.url()).searchParams.get('case')).toBe(target!.id);
    // The three parts are text, figures marked with <mark> elements, the original opens on demand.
    await page.getByRole('button', { name: '显示发布原文' }).click();
    expect((await page.locator('[data-testid="case-original"]').textContent())?.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

/** Every live chart's box (its element) and the size ECharts drew it at. */
const chartSizes = (page: Page) =>
  page.evaluate(() => {
    type Chart = { isDisposed: () => boolean; getDom: () => HTMLElement; getWidth: () => number; getHeight: () => number };
    const charts = (globalThis as unknown as { __charts: Map<string, Chart> }).__charts;
    return [...charts]
      // Not a chart hidden while its rows are none (hidden-when-empty.ts): it has no box to fit.
      .filter(([, c]) => !c.isDisposed() && c.getDom().isConnected && c.getDom().checkVisibility())
      .map(([id, c]) => ({ id, box: [c.getDom().clientWidth, c.getDom().clientHeight], drawn: [c.getWidth(), c.getHeight()] }));
  });

/** Each live chart, scrolled into view in turn, is drawn at its box's size. */
async function everyChartFits(page: Page): Promise<void> {
  for (const { id } of await chartSizes(page)) {
    await page.locator(`[data-query-id="${id}"] .echart`).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await chartSizes(page)).filter((s) => s.id === id && s.drawn.join() !== s.box.join()), { timeout: 5000 }).toEqual([]);
  }
}

describe('chart sizes', () => {
  it('indicator view: each chart is drawn at its box’s size after a filter changes its height and after the window narrows', async () => {
    const db = await openDataDb();
    const years = (await db.all(`SELECT DISTINCT year FROM case_summary WHERE year IS NOT NULL ORDER BY 1`)).map((r) => Number(r.year));
    db.close();
    const { page, errors } = await app.newPage('?view=indicator');
    await waitForCharts(page);
    const before = await chartSizes(page);
    expect(before.length).toBeGreaterThan(2);
    const heightOf = (sizes: typeof before, id: string) => sizes.find((s) => s.id === id)?.box[1];
    // A year whose money figures are fewer or more than all years' gives that chart another height (a bar per figure).
    let changed = false;
    for (const year of years) {
      // Rendered in the new state first: waitForCharts alone could pass on the charts of the state it left.
      await show(page, `?view=indicator&year=${year}`);
      await waitForCharts(page);
      await page.waitForFunction(() => !document.querySelector('.query-pending'));
      // By the next frame (a ResizeObserver's answer comes after layout, before paint), once scrolled to (a chart
      // far off screen is redrawn when it comes near).
      await everyChartFits(page);
      const after = await chartSizes(page);
      if (heightOf(after, 'indicator.money') !== heightOf(before, 'indicator.money')) changed = true;
    }
    expect(changed).toBe(true);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.waitForFunction(() => document.documentElement.clientWidth <= 390);
    await everyChartFits(page);
    for (const s of await chartSizes(page)) expect(s.box[0]).toBeLessThan(390);
    expect(errors).toEqual([]);
  });
});
