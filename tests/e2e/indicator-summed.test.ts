// End-to-end: once the Indicator view has read its figure candidates (src/queries/figure-candidates.ts) and the
// measures panel its stored rows (measures-stored.ts), a year change redraws the charts without asking DuckDB for
// them, and the money chart's CSV holds exactly what its own query (indicator.money) answers for that year.
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { indicatorMoney } from '../../src/queries/indicator.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { downloadCsv, useApp, waitForCharts } from './harness.ts';

const { app, db } = useApp({ db: true });

/** How many times the page asked a named query (useSql leaves a `sql:<id>` measure per run). */
const asked = (page: Page, id: string) => page.evaluate((name) => performance.getEntriesByName(name).length, `sql:${id}`);

describe('indicator view, figures summed in memory', () => {
  it('a year change asks no figure or measures query, and the money chart’s CSV is that year’s indicator.money answer', async () => {
    // The indicator with most money figures, and a year that has some of them but not all.
    const [{ indicator, year }] = await db.all(`SELECT indicator, year FROM figure_facts WHERE kind = 'money' AND year IS NOT NULL
      AND indicator = (SELECT indicator FROM figure_facts WHERE kind = 'money' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
      GROUP BY ALL ORDER BY count(*) DESC, year LIMIT 1`);
    const filters = { ...EMPTY_FILTERS, years: [Number(year)] };
    const expected = await db.all(indicatorMoney({ filters, indicator: String(indicator) }));
    const unfiltered = await db.all(indicatorMoney({ filters: EMPTY_FILTERS, indicator: String(indicator) }));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected).not.toEqual(unfiltered);

    const { page, errors } = await app.newPage(`?view=indicator&ind=${String(indicator)}&lang=en`);
    await waitForCharts(page, 90_000);
    // Read in the background once the view's first answers are in.
    await page.waitForFunction(() => ['sql:indicator.figureCandidates', 'sql:measures.stored'].every((name) => performance.getEntriesByName(name).length > 0), undefined, { timeout: 60_000 });
    const figuresBefore = await asked(page, 'indicator.figures');
    const measuresBefore = await asked(page, 'indicator.measuresShown');
    await page.evaluate((y) => {
      history.pushState(null, '', `?view=indicator&ind=${new URLSearchParams(location.search).get('ind')}&lang=en&year=${y}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, Number(year));
    await page.waitForFunction(
      (n) => (globalThis as unknown as { __charts: Map<string, { getOption: () => { yAxis: { data: unknown[] }[] } }> }).__charts.get('indicator.money')?.getOption().yAxis[0].data.length === n,
      expected.length,
      { timeout: 30_000 },
    );
    await waitForCharts(page);

    const { bytes } = await downloadCsv(page, 'indicator.money');
    const [header, ...rows] = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, '').trim(), { skipEmptyLines: true }).data;
    const [id, amount] = [header.indexOf('Case id'), header.indexOf('Amount (10k yuan)')];
    expect(id).toBeGreaterThanOrEqual(0);
    expect(amount).toBeGreaterThanOrEqual(0);
    expect(rows.map((r) => r[id])).toEqual(expected.map((r) => r.case_id));
    for (const [i, r] of rows.entries()) expect(Number(r[amount])).toBeCloseTo(Number(expected[i].wan_yuan), 6);
    // The change asked neither the figures request nor the chart's own query, nor the measures panel's (one year: stored).
    expect(await asked(page, 'indicator.figures')).toBe(figuresBefore);
    expect(await asked(page, 'indicator.measuresShown')).toBe(measuresBefore);
    expect(await asked(page, 'indicator.money')).toBe(0);
    expect(errors).toEqual([]);
  });
});
