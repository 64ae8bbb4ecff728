// End-to-end: the Indicator's charts after a year or level change. Once the view answered, each chart's options of
// the next states are drawn off the page in idle time (src/components/chart-warm-up.ts, ChartCard `warmUp`): the
// charts shown keep what their queries answer and no canvas is added. And a chart that a change moves near the
// viewport (the measures panel above it shrank) is drawn in that change's first frame, with the charts already near,
// not a frame or two later when its IntersectionObserver says so (EChart.tsx).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { indicatorByProvince } from '../../src/queries/indicator.ts';
import { yearAndLevelStatesOf } from '../../src/queries/next-states.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { DEFAULT_STATE, stateToSearch } from '../../src/state/url-state.ts';
import { literal } from '../../src/queries/sql.ts';
import { chartOption, useApp, waitForCharts } from './harness.ts';
import { show } from './in-page.ts';

const { app, db } = useApp({ db: true });

/** The provinces chart as drawn: each bar's province (zh: the name is the province) and cases. */
async function provincesDrawn(page: Page): Promise<Map<string, number>> {
  const option = (await chartOption(page, 'indicator.provinces')) as { xAxis: { data: string[] }[]; series: { data: { value: number }[] }[] };
  return new Map(option.xAxis[0].data.map((p, i): [string, number] => [p, option.series[0].data[i].value]));
}

/** What indicatorByProvince answers for the indicator under `filters`. */
async function provincesAnswer(indicator: string, filters: Filters): Promise<Map<string, number>> {
  const rows = await db.all(indicatorByProvince({ filters, indicator }));
  return new Map(rows.map((r): [string, number] => [String(r.province), Number(r.cases)]));
}

/** The largest indicator (the view's default one). */
async function largestIndicator(): Promise<string> {
  const [r] = await db.all(`SELECT indicator FROM cases GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  return String(r.indicator);
}

const search = (indicator: string, filters: Partial<Filters> = {}) =>
  stateToSearch({ ...DEFAULT_STATE, view: 'indicator', indicator, filters: { ...EMPTY_FILTERS, ...filters } });

/**
 * Until the page is still: no query pending, nothing busy, and the provinces chart's box where it was for the last
 * three animation frames. The IntersectionObserver answers after the frame in which the box moved, so by then it has
 * answered for where the box is. (A state, not a time.)
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = globalThis as unknown as { __lastTop?: number; __stillFrames?: number };
    delete seen.__lastTop;
    delete seen.__stillFrames;
  });
  await page.waitForFunction(
    () => {
      const seen = globalThis as unknown as { __lastTop?: number; __stillFrames?: number };
      const box = document.querySelector('[data-query-id="indicator.provinces"] .echart');
      const busy = !box || document.querySelector('.query-pending, main.view [aria-busy="true"]');
      const top = box?.getBoundingClientRect().top;
      seen.__stillFrames = !busy && top === seen.__lastTop ? (seen.__stillFrames ?? 0) + 1 : 0;
      seen.__lastTop = top;
      return seen.__stillFrames >= 3;
    },
    undefined,
    { polling: 'raf' },
  );
}

describe('indicator view, charts warmed and drawn in one frame', () => {
  // On a phone too, where the figure charts have a layout of their own (media options, given whole).
  for (const [screen, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`once the view answered, every chart shown is warmed off the page in idle time, and what it shows is untouched (${screen})`, async () => {
      const indicator = await largestIndicator();
      const { page, errors } = await app.newPage(search(indicator), { viewport });
      await waitForCharts(page, 90_000);
      const shownIds = () =>
        page.evaluate(() =>
          [...(globalThis as unknown as { __charts: Map<string, { getDom: () => HTMLElement }> }).__charts]
            .filter(([, chart]) => chart.getDom().isConnected && !chart.getDom().closest('[hidden]'))
            .map(([id]) => id)
            .sort(),
        );
      const options = async () => Promise.all((await shownIds()).map((id) => chartOption(page, id)));
      const canvases = () => page.locator('canvas').count();
      const before = { ids: await shownIds(), options: await options(), canvases: await canvases() };
      expect(before.ids).toEqual(expect.arrayContaining(['indicator.provinces', 'indicator.measures']));
      // Each warm-up leaves a measure (`warm-up:<updates>`, its chart's id as detail) once drawn and disposed of.
      await page.waitForFunction(
        (ids) => {
          const warmed = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('warm-up:')).map((m) => (m as PerformanceMeasure).detail);
          return ids.every((id) => warmed.includes(id));
        },
        before.ids,
        { timeout: 90_000 },
      );
      expect(await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('warm-up:')).every((m) => m.name === 'warm-up:40'))).toBe(true);
      expect(await shownIds()).toEqual(before.ids);
      expect(await options()).toEqual(before.options);
      expect(await canvases()).toBe(before.canvases);
      // And the provinces chart is the SQL's answer.
      expect(await provincesDrawn(page)).toEqual(await provincesAnswer(indicator, EMPTY_FILTERS));
      expect(errors).toEqual([]);
    });
  }

  it('a change that moves the provinces chart near the viewport draws it in the change’s first frame', async () => {
    const indicator = await largestIndicator();
    const cases = await db.all(`SELECT year, level FROM cases WHERE indicator = ${literal(indicator)} GROUP BY ALL`);
    const states = yearAndLevelStatesOf(cases.map((r) => ({ year: r.year === null ? null : Number(r.year), level: r.level === null ? null : String(r.level) })));
    const { page, errors } = await app.newPage(search(indicator));
    await waitForCharts(page, 90_000);
    // Where the chart's top is under each state, once drawn and settled (the observer has answered).
    const top = () => page.locator('[data-query-id="indicator.provinces"] .echart').evaluate((box) => box.getBoundingClientRect().top - innerHeight);
    const tops: [Partial<Filters>, number][] = [];
    for (const state of states) {
      await show(page, search(indicator, state));
      await waitForCharts(page);
      await settled(page);
      tops.push([state, await top()]);
    }
    // A state that leaves it well below the near margin (200 px), and one that brings it into view.
    const far = tops.find(([, t]) => t > 400);
    const near = tops.find(([, t]) => t < -100);
    expect(far, JSON.stringify(tops)).toBeDefined();
    expect(near, JSON.stringify(tops)).toBeDefined();
    await show(page, search(indicator, far![0]));
    await waitForCharts(page);
    await settled(page);
    // In the page: the change, then in each animation frame whether the chart was given an option since it.
    const firstFrame = await page.evaluate((next) => {
      type Chart = { setOption: (...a: unknown[]) => unknown };
      const chart = (globalThis as unknown as { __charts: Map<string, Chart> }).__charts.get('indicator.provinces')!;
      let given = false;
      const setOption = chart.setOption.bind(chart);
      chart.setOption = (...a: unknown[]) => ((given = true), setOption(...a));
      // Once the change is committed (a mutation observer's microtask), whether the chart was given its option by the
      // end of the next frame's callbacks: the observer's answer comes only after that frame.
      return new Promise<{ committed: boolean; given: boolean }>((resolve) => {
        const main = document.querySelector('main.view')!;
        const committedNow = () => main.getAttribute('data-state') === next;
        const seen = new MutationObserver(() => {
          if (!committedNow()) return;
          seen.disconnect();
          requestAnimationFrame(() => resolve({ committed: true, given }));
        });
        seen.observe(main, { attributes: true, attributeFilter: ['data-state'] });
        history.pushState(null, '', next);
        dispatchEvent(new PopStateEvent('popstate'));
      });
    }, search(indicator, near![0]));
    expect(firstFrame).toEqual({ committed: true, given: true });
    await waitForCharts(page);
    expect(await provincesDrawn(page)).toEqual(await provincesAnswer(indicator, { ...EMPTY_FILTERS, ...near![0] }));
    expect(errors).toEqual([]);
  });
});
