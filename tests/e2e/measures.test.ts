// End-to-end: reform outcomes (time, steps, documents, visits, cost) in real headless Chromium on the real
// export — the analyst's question "Fujian vs Shaanxi: how long does 开办企业 take after reform, and by how
// much was it cut?" answered on the Compare view, with the phrases and cases behind every mark.
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp, chartOption, downloadCsv, waitForCharts } from './harness.ts';
import { openDataDb } from '../helpers/data-db.ts';
import { yearLevelStates, yearsAndLevels } from '../helpers/year-level-states.ts';
import { measureChartRows } from '../../src/components/cases/measure-chart-rows.ts';
import { compareShares, defaultIndicator } from '../../src/queries/compare.ts';
import { measureDimensions, measuresShown, pickDimension, splitMeasuresShown } from '../../src/queries/measures.ts';
import { literal } from '../../src/queries/sql.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';

const { app } = useApp();

interface Mark {
  value: [number, number];
  case_id: string;
  row: Record<string, unknown>;
}

/** The indicator for which both default provinces state most after-reform times (so the test uses data that exists). */
async function indicatorWithTimes(a: string, b: string): Promise<string> {
  const db = await openDataDb();
  try {
    const rows = await db.all(`SELECT c.indicator, count(DISTINCT c.province) AS provinces, count(*) AS n
      FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND m.dimension = 'time' AND m.after_value IS NOT NULL AND c.province IN ('${a}', '${b}')
      GROUP BY c.indicator ORDER BY provinces DESC, n DESC, c.indicator LIMIT 1`);
    expect(Number(rows[0].provinces)).toBe(2);
    return String(rows[0].indicator);
  } finally {
    db.close();
  }
}

describe('reform outcomes', () => {
  it('compare view: both provinces’ after-reform times and cuts on one screen, with phrases and cases', async () => {
    const indicator = await indicatorWithTimes('福建省', '陕西省');
    const { page, errors, foreignRequests } = await app.newPage(`?view=compare&indicator=${indicator}`);
    await waitForCharts(page, 90_000);
    const panel = page.locator('[data-testid="measures-panel"]');
    await panel.locator('[data-testid="measure-summary"] li').first().waitFor({ timeout: 60_000 });
    await waitForCharts(page, 60_000);
    // One line per province answers the question: median after reform and median cut.
    const lines = panel.locator('[data-testid="measure-summary"] li');
    expect(await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-province')))).toEqual(['福建省', '陕西省']);
    for (const text of await lines.allInnerTexts()) expect(text).toMatch(/改革后中位|压减中位/);
    expect(await panel.locator('button[data-dimension="time"]').getAttribute('aria-pressed')).toBe('true');

    // The after-reform chart: one mark per phrase, in days on a log axis, both provinces only.
    const option = (await chartOption(page, 'compare.measures')) as { xAxis: { type: string }[]; series: { data: Mark[] }[] };
    expect(option.xAxis[0].type).toBe('log');
    const marks = option.series[0].data;
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks.map((m) => m.row.province))).toEqual(new Set(['福建省', '陕西省']));
    for (const m of marks) expect(m.row.dimension).toBe('time');

    // Its CSV: the charted rows with the phrase each number came from.
    const { bytes } = await downloadCsv(page, 'compare.measures');
    const [header, ...rows] = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim(), { skipEmptyLines: true }).data;
    const col = (name: string) => header.indexOf(name);
    expect(col('原文表述')).toBeGreaterThanOrEqual(0);
    expect(rows.length).toBe(marks.length);
    for (const [i, r] of rows.entries()) {
      expect(r[col('原文表述')]).not.toBe('');
      expect(Number(r[col('改革后')])).toBeCloseTo(Number(marks[i].row.after_value), 9);
    }

    // Every phrase is listed with its case; the link opens the case page with the change inline.
    const link = panel.locator('.v-measure-list a.v-case-link').first();
    const caseId = await link.getAttribute('data-case-id');
    await link.click();
    await page.locator('[data-testid="case-measures"]').waitFor();
    expect(new URL(page.url()).searchParams.get('case')).toBe(caseId);
    expect(await page.locator('[data-testid="case-measures"] li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('compare view: a measures chart far below the viewport keeps its drawing through a year change and draws that year’s marks once scrolled near', async () => {
    const [a, b] = ['福建省', '陕西省'];
    const indicator = await indicatorWithTimes(a, b);
    // The after-reform times the chart marks (the panel's own query, as the chart derives them), and a year whose
    // marks are not those of all years.
    const db = await openDataDb();
    let year: number;
    let all: string[];
    let ofYear: string[];
    try {
      const marks = async (filters: Filters) =>
        measureChartRows(splitMeasuresShown(await db.all(measuresShown({ filters, indicator, dimension: 'time', provinces: [a, b] }))).sample).after.map(
          (r) => r.case_id,
        );
      all = await marks(EMPTY_FILTERS);
      const years = await db.all(`SELECT c.year FROM metrics m JOIN cases c USING (case_id)
        WHERE c.duplicate_of IS NULL AND c.indicator = ${literal(indicator)} AND m.dimension = 'time' AND m.after_value IS NOT NULL
          AND c.province IN (${literal(a)}, ${literal(b)}) AND c.year IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
      year = Number(years[0].year);
      ofYear = await marks({ ...EMPTY_FILTERS, years: [year] });
    } finally {
      db.close();
    }
    expect(ofYear.length).toBeGreaterThan(0);
    expect(ofYear).not.toEqual(all);
    const held = (page: Page) =>
      page.evaluate(
        () =>
          (globalThis as unknown as { __charts: Map<string, { getOption: () => { series: { data: { case_id: string }[] }[] } | null }> }).__charts
            .get('compare.measures')
            ?.getOption()
            ?.series[0].data.map((d) => d.case_id) ?? null,
      );
    const chart = '[data-query-id="compare.measures"]';
    // A laptop's window: the panel's charts start below the shares chart and the coverage.
    const { page, errors } = await app.newPage(`?view=compare&indicator=${indicator}`, { viewport: { width: 1280, height: 700 } });
    await waitForCharts(page, 90_000);
    await expect.poll(() => held(page), { timeout: 60_000 }).toEqual(all);
    await page.evaluate((s) => {
      history.pushState(null, '', s);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `?view=compare&indicator=${indicator}&year=${year}`);
    await expect.poll(() => page.locator('main.view').getAttribute('data-state')).toContain(`year=${year}`);
    await waitForCharts(page);
    await page.waitForFunction(() => !document.querySelector('.query-pending'));
    // Still far off screen (more than the 200 px EChart.tsx draws ahead): the previous drawing stays, clipped to its box.
    expect(await page.locator(chart).evaluate((el) => el.getBoundingClientRect().top - innerHeight)).toBeGreaterThan(300);
    expect(await held(page)).toEqual(all);
    // Scrolled to: the year's marks.
    await page.locator(chart).scrollIntoViewIfNeeded();
    await expect.poll(() => held(page)).toEqual(ofYear);
    expect(errors).toEqual([]);
  });

  it('compare view: a measures chart a year or level leaves empty is hidden, and the same chart draws the rows of a state that has some', async () => {
    const [a, b] = ['福建省', '陕西省'];
    const indicator = await indicatorWithTimes(a, b);
    const provinces = [a, b];
    // Per year / level state keeping the indicator: the case ids each of the two charts that may go empty marks.
    const db = await openDataDb();
    const states: { search: string; marks: Record<'reductions' | 'pairs', string[]> }[] = [];
    try {
      // Each year or level state as the URL says it.
      const candidates = yearLevelStates(EMPTY_FILTERS, await yearsAndLevels(db))
        .slice(1)
        .map((filters) => ({ filters, search: [...filters.years.map((y) => `year=${y}`), ...filters.levels.map((l) => `level=${l}`)].join('&') }));
      for (const { search, filters } of candidates) {
        if (defaultIndicator(await db.all(compareShares({ filters, a, b })), indicator) !== indicator) continue;
        const dimension = pickDimension(await db.all(measureDimensions({ filters, indicator, provinces })), null);
        if (dimension === null) continue;
        const drawn = measureChartRows(splitMeasuresShown(await db.all(measuresShown({ filters, indicator, dimension, provinces }))).sample);
        states.push({ search, marks: { reductions: drawn.reductions.map((r) => r.case_id), pairs: drawn.pairs.drawn.map((r) => r.case_id) } });
      }
    } finally {
      db.close();
    }
    // A chart with rows in one state, none in another, rows again in a third (the first one if no other has them).
    const kind = (['reductions', 'pairs'] as const).find((k) => states.some((s) => s.marks[k].length > 0) && states.some((s) => s.marks[k].length === 0));
    expect(kind).toBeDefined();
    const withRows = states.filter((s) => s.marks[kind!].length > 0);
    const [first, empty, again] = [withRows[0], states.find((s) => s.marks[kind!].length === 0)!, withRows[1] ?? withRows[0]];
    const id = `compare.measures.${kind}`;
    const card = (page: Page) => page.locator(`[data-query-id="${id}"]`);
    type Tagged = { __tag?: number; getOption: () => { series: { data: { case_id: string }[] }[] } | null };
    const go = (page: Page, search: string) =>
      page.evaluate((q) => {
        history.pushState(null, '', `?view=compare&indicator=${q}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, search);

    const { page, errors } = await app.newPage(`?view=compare&indicator=${indicator}&${first.search}`);
    await waitForCharts(page, 90_000);
    await card(page).scrollIntoViewIfNeeded();
    const marked = () =>
      page.evaluate((i) => {
        const chart = (globalThis as unknown as { __charts: Map<string, Tagged> }).__charts.get(i);
        // The marks' case ids (a series of the median carries none).
        return chart?.getOption()?.series.flatMap((s) => s.data.map((d) => d.case_id).filter((c) => typeof c === 'string')).sort() ?? null;
      }, id);
    await expect.poll(marked, { timeout: 60_000 }).toEqual([...first.marks[kind!]].sort());
    await page.evaluate((i) => ((globalThis as unknown as { __charts: Map<string, Tagged> }).__charts.get(i)!.__tag = 1), id);
    await go(page, `${indicator}&${empty.search}`);
    await expect.poll(() => card(page).isHidden()).toBe(true);
    await go(page, `${indicator}&${again.search}`);
    await expect.poll(() => card(page).isVisible()).toBe(true);
    await card(page).scrollIntoViewIfNeeded();
    await expect.poll(marked).toEqual([...again.marks[kind!]].sort());
    // The same ECharts instance: kept while hidden, not made anew.
    expect(await page.evaluate((i) => (globalThis as unknown as { __charts: Map<string, Tagged> }).__charts.get(i)!.__tag, id)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('indicator view: before → after per case in one unit, and counts one unit at a time', async () => {
    const db = await openDataDb();
    const [{ indicator }] = await db.all(`SELECT c.indicator FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND m.dimension = 'time' AND m.before_value IS NOT NULL AND m.after_value IS NOT NULL
      GROUP BY c.indicator ORDER BY count(*) DESC, c.indicator LIMIT 1`);
    db.close();
    const { page, errors } = await app.newPage(`?view=indicator&indicator=${String(indicator)}&lang=en`);
    await waitForCharts(page, 90_000);
    await page.locator('[data-testid="measures-panel"] [data-testid="measure-summary"] li').first().waitFor({ timeout: 60_000 });
    await waitForCharts(page, 60_000);
    const pairs = (await chartOption(page, 'indicator.measures.pairs')) as { series: { data: { value: number; row: Record<string, unknown> }[] }[] };
    const [before, after] = pairs.series;
    expect(before.data.length).toBeGreaterThan(0);
    for (const [i, d] of after.data.entries()) {
      expect(d.row.dimension).toBe('time');
      expect(Number(d.row.after_value)).toBeLessThanOrEqual(Number(before.data[i].row.before_value));
    }
    // The count chart never mixes units: its CSV has one unit.
    const units = await page.locator('[data-testid="count-unit"] option').count();
    if (units > 0) {
      const { bytes } = await downloadCsv(page, 'indicator.counts');
      const [header, ...rows] = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim(), { skipEmptyLines: true }).data;
      const unitCol = header.indexOf('Unit');
      expect(new Set(rows.map((r) => r[unitCol])).size).toBe(1);
    }
    expect(errors).toEqual([]);
  });
});
