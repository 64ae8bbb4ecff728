// End-to-end: once the Cases view has read each (level, year) cell's first cases in the background
// (src/queries/case-page-candidates.ts casesListCandidates), a year or level change shows the list's first page and
// its total without asking DuckDB — exactly what the list's own query (cases.search) answers for that state; a
// province filter, another page or a search still asks it, and coming back to a year shows that year's page, not the
// rows asked before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchCases } from '../../src/queries/cases.ts';
import { CASES_READ_AHEAD_FILE } from '../../src/queries/snapshot.ts';
import { decodeSnapshot, encodeSnapshot } from '../../src/queries/snapshot-format.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { DATA_DIR, useApp } from './harness.ts';
import { asked, go } from './in-page.ts';

const { app, db } = useApp({ db: true });

/** The case ids the list shows, in order, and its count line. */
const shown = (page: Page) =>
  page.evaluate(() => ({
    ids: [...document.querySelectorAll('[data-table-id="cases.search"] a[data-case-id]')].map((a) => a.getAttribute('data-case-id')),
    count: document.querySelector('[data-testid="case-count"]')?.textContent ?? null,
  }));

/** What the list's query answers for `filters` (first page, default order, no term): ids and the count line. */
async function expected(filters: Filters): Promise<{ ids: string[]; count: string }> {
  const rows = await db.all(searchCases({ filters, search: '', sort: '', page: 0 }));
  expect(rows.length).toBeGreaterThan(0);
  return { ids: rows.map((r) => r.case_id), count: `${rows[0].total} cases found` };
}

describe('cases view, first page summed in memory', () => {
  it('a year or level change asks no list query and shows its answer; a province filter asks it', async () => {
    const [{ year }] = await db.all(`SELECT year FROM cases WHERE duplicate_of IS NULL AND year IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const [{ level }] = await db.all(`SELECT level FROM cases WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`);
    const [{ province }] = await db.all(`SELECT province FROM cases WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`);
    const byYear = await expected({ ...EMPTY_FILTERS, years: [Number(year)] });
    const byLevel = await expected({ ...EMPTY_FILTERS, levels: [String(level)] as Filters['levels'] });
    const byProvince = await expected({ ...EMPTY_FILTERS, provinces: [String(province)] });
    expect(byYear.ids).not.toEqual(byLevel.ids);
    expect(byProvince.ids).not.toEqual(byYear.ids);

    const { page, errors } = await app.newPage('?view=cases&lang=en');
    await page.locator('[data-table-id="cases.search"] a[data-case-id]').first().waitFor({ timeout: 90_000 });
    // Read ahead: saved at export, its rows stand (nothing read on the worker).
    await page.waitForFunction(() => performance.getEntriesByName('saved:cases.listCandidates').length > 0, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => performance.getEntriesByName('start:background:cases.listCandidates').length)).toBe(0);
    const before = await asked(page, 'cases.search');

    await go(page, `?view=cases&lang=en&year=${Number(year)}`);
    await expect.poll(() => shown(page)).toEqual(byYear);
    await go(page, `?view=cases&lang=en&level=${String(level)}`);
    await expect.poll(() => shown(page)).toEqual(byLevel);
    expect(await asked(page, 'cases.search')).toBe(before);

    // A province filter is no union of (level, year) cells: asked, and its answer shown.
    await go(page, `?view=cases&lang=en&province=${encodeURIComponent(String(province))}`);
    await expect.poll(() => shown(page)).toEqual(byProvince);
    expect(await asked(page, 'cases.search')).toBe(before + 1);
    // Back to the year alone: its page again, summed, not the province's rows kept on screen.
    await go(page, `?view=cases&lang=en&year=${Number(year)}`);
    await expect.poll(() => shown(page)).toEqual(byYear);
    expect(await asked(page, 'cases.search')).toBe(before + 1);
    expect(errors).toEqual([]);
  });

  it('saved answers of another export (another stamp): the cells\' first cases are read of DuckDB, and a year change is still summed', async () => {
    const [{ year }] = await db.all(`SELECT year FROM cases WHERE duplicate_of IS NULL AND year IS NOT NULL GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`);
    const byYear = await expected({ ...EMPTY_FILTERS, years: [Number(year)] });
    const saved = decodeSnapshot(readFileSync(join(DATA_DIR, CASES_READ_AHEAD_FILE), 'utf8'));
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript('globalThis.__name = (f) => f');
      await context.route(`**/data/${CASES_READ_AHEAD_FILE}`, (route) =>
        route.fulfill({ contentType: 'application/json', body: encodeSnapshot({ ...saved, stamp: 'another-export' }) }),
      );
      const page = await context.newPage();
      await page.goto(`${app.url}/?view=cases&lang=en`);
      await page.waitForFunction(() => performance.getEntriesByName('background:cases.listCandidates').length > 0, undefined, { timeout: 60_000 });
      expect(await page.evaluate(() => performance.getEntriesByName('saved:cases.listCandidates').length)).toBe(0);
      const before = await asked(page, 'cases.search');
      await go(page, `?view=cases&lang=en&year=${Number(year)}`);
      await expect.poll(() => shown(page)).toEqual(byYear);
      expect(await asked(page, 'cases.search')).toBe(before);
    } finally {
      await context.close();
    }
  });
});
