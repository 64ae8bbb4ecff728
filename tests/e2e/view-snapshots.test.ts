// Every view drawn from its saved answers (the export's view-*.json) while DuckDB cannot answer — the database
// file is held back — then, once the file is attached, the same on screen: the saved answers stand as the
// engine's when the file carries their stamp, and are asked again when it does not; and never from saved answers
// when the analyst's workspace holds anything (the saved rows are the published data's alone).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { casesListCandidates } from '../../src/queries/case-page-candidates.ts';
import { caseCountOptions, pickIndicator } from '../../src/queries/indicator.ts';
import { type CaseSummaryRow } from '../../src/queries/summaries.ts';
import { caseCountsFromSummary } from '../../src/queries/view-summaries.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { CASES_READ_AHEAD_FILE, indicatorReadAheadFile, indicatorSnapshotFile, VIEW_SNAPSHOT_FILES } from '../../src/queries/snapshot.ts';
import { decodeSnapshot, encodeSnapshot } from '../../src/queries/snapshot-format.ts';
import { LABELS_KEY } from '../../src/workspace/persist.ts';
import { useApp, DATA_DIR } from './harness.ts';

const { app, db } = useApp({ db: true });

const snapshot = (file: string) => decodeSnapshot(readFileSync(join(DATA_DIR, file), 'utf8'));

/** The Indicator view's default pick: the indicator with most cases, as the view picks it from the saved list. */
function pickedIndicator(): string {
  const rows = snapshot(VIEW_SNAPSHOT_FILES.indicator).queries[0].rows as CaseSummaryRow[];
  return pickIndicator(caseCountOptions(caseCountsFromSummary(rows, EMPTY_FILTERS)), null)!;
}

/** Each view with what shows it is drawn, and the snapshot files its default state is answered from. */
const VIEWS: { view: string; content: string; files: () => string[] }[] = [
  { view: 'cases', content: '[data-table-id="cases.search"] tbody tr', files: () => [VIEW_SNAPSHOT_FILES.cases] },
  // The Data view's quality report comes from quality.json, fetched alongside DuckDB's start: drawn once it is there too.
  { view: 'data', content: 'main.view:has(.quality-report) [data-table-id="data.taxonomy"] tbody tr', files: () => [VIEW_SNAPSHOT_FILES.data] },
  { view: 'compare', content: '[data-testid="compare-indicator"]', files: () => [VIEW_SNAPSHOT_FILES.compare] },
  { view: 'indicator', content: '[data-table-id="indicator.cases"] tbody tr', files: () => [VIEW_SNAPSHOT_FILES.indicator, indicatorSnapshotFile(pickedIndicator())!, indicatorReadAheadFile(pickedIndicator())!] },
];

/** A context whose requests for dashboard.duckdb wait until `release`; `requested` resolves when one arrives. */
async function holdDatabase(context: BrowserContext) {
  let release!: () => void;
  let requested!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await context.route('**/data/dashboard.duckdb', async (route) => {
    requested();
    await held;
    await route.continue();
  });
  return { release, asked };
}

/** The view drawn: its content there, nothing waiting, every chart card with its canvas. */
const DRAWN = (content: string) => {
  const main = document.querySelector('main.view');
  // (.query-activity: the header's "queries running" sign, there while DuckDB is held back.)
  if (!main || main.querySelector('[aria-busy="true"]:not(.query-activity)') || !main.querySelector(content)) return false;
  return [...main.querySelectorAll('.chart-card')].every((c) => c.querySelector('canvas') || c.querySelector('.query-empty, .query-error'));
};

/** What the view shows: its text and every chart's data. */
async function onScreen(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main.view') as HTMLElement;
    // Without the load progress line and the "queries running" sign (there while loading, by design).
    let text = main.innerText;
    for (const sign of main.querySelectorAll<HTMLElement>('.load-progress, .query-activity')) text = text.replace(sign.innerText, '');
    const registry = (globalThis as unknown as { __charts: Map<string, { getOption: () => Record<string, unknown> }> }).__charts;
    const charts: Record<string, unknown> = {};
    for (const card of main.querySelectorAll('.chart-card[data-query-id]')) {
      const id = card.getAttribute('data-query-id')!;
      const option = registry?.get(id)?.getOption();
      if (!option) continue;
      const axis = (a: unknown) => (Array.isArray(a) ? a.map((x: { data?: unknown }) => x.data ?? null) : null);
      charts[id] = {
        series: (option.series as { name?: string; data?: unknown }[]).map((s) => [s.name ?? null, s.data ?? null]),
        x: axis(option.xAxis),
        y: axis(option.yAxis),
      };
    }
    // The signs' lines, now empty, are dropped too (the view's hidden heading comes before them).
    return { text: text.replace(/\n\s*\n/g, '\n').trim(), charts };
  });
}

/**
 * Opens `view` with the database held back: drawn from its saved answers without DuckDB; then the database let
 * through, until every saved query of the view has its answer from the engine — the saved rows standing (`saved:`)
 * when the attached file carries their stamp, else asked again (`sql:`). Returns which of the two each query had,
 * and whether the screen changed.
 */
async function drawnThenLive({ view, content, files }: (typeof VIEWS)[number], servedStamp?: string) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript('globalThis.__name = (f) => f');
    // Saved answers computed from another export: the same files, another stamp.
    if (servedStamp !== undefined) {
      for (const file of files()) {
        await context.route(`**/data/${file}`, (route) => route.fulfill({ contentType: 'application/json', body: encodeSnapshot({ ...snapshot(file), stamp: servedStamp }) }));
      }
    }
    const { release } = await holdDatabase(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${app.url}/?view=${view}`);
    await page.waitForFunction(DRAWN, content, { timeout: 60_000 });
    // Drawn without DuckDB: still loading, no query answered.
    expect(await page.locator('.load-progress').count()).toBe(1);
    expect(await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => /^(sql|saved):/.test(m.name)).length)).toBe(0);
    const early = await onScreen(page);
    expect(early.text.length).toBeGreaterThan(0);

    release();
    const ids = [...new Set(files().flatMap((f) => snapshot(f).queries.map((q) => q.id)))];
    const answered = await page.waitForFunction(
      (wanted) => {
        const done = new Set(performance.getEntriesByType('measure').map((m) => m.name));
        if (document.querySelector('.load-progress') || !wanted.every((id) => done.has(`sql:${id}`) || done.has(`saved:${id}`))) return false;
        return wanted.map((id) => [id, done.has(`saved:${id}`) ? 'saved' : 'asked', done.has(`sql:${id}`)]);
      },
      ids,
      { timeout: 60_000 },
    );
    const how = (await answered.jsonValue()) as [string, 'saved' | 'asked', boolean][];
    await page.waitForFunction(DRAWN, content, { timeout: 60_000 });
    expect(await onScreen(page)).toEqual(early);
    expect(errors).toEqual([]);
    return how;
  } finally {
    await context.close();
  }
}

describe('views drawn from their saved answers before DuckDB', () => {
  for (const entry of VIEWS) {
    it(`${entry.view}: drawn while the database is held back; once it is attached, the saved answers stand (the file carries their stamp), none asked again`, async () => {
      const how = await drawnThenLive(entry);
      expect(how.length).toBeGreaterThan(0);
      // Every saved query answered from its saved rows, and its SQL never sent to DuckDB.
      for (const [id, answer, asked] of how) expect([id, answer, asked]).toEqual([id, 'saved', false]);
    });
  }

  it('saved answers of another export (another stamp): drawn, then every one asked of DuckDB, nothing changed on screen', async () => {
    const compare = VIEWS.find((v) => v.view === 'compare')!;
    const how = await drawnThenLive(compare, 'another-export');
    expect(how.length).toBeGreaterThan(1);
    for (const [id, answer] of how) expect([id, answer]).toEqual([id, 'asked']);
  });
});

describe('saved answers that stand, run again in the background to warm the cache', () => {
  /**
   * Opens `path` until the engine is ready and the saved answers of `files` stand; returns their ids, and the
   * background reads started: once the view's own queries' have landed (`'own'`: all but the saved read ahead), or
   * after ample time for one to start.
   */
  async function warmUps(path: string, files: string[], wanted: 'own' | 'none') {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${app.url}${path}`);
      const ids = [...new Set(files.flatMap((f) => snapshot(f).queries.map((q) => q.id)))];
      const standing = (ids: string[]) => ids.every((id) => performance.getEntriesByName(`saved:${id}`).length > 0);
      await page.waitForFunction(standing, ids, { timeout: 60_000 });
      if (wanted === 'own') {
        const own = ids.filter((id) => id !== casesListCandidates().id);
        await page.waitForFunction((ids) => ids.every((id) => performance.getEntriesByName(`background:${id}`).length > 0), own, { timeout: 60_000 });
      } else {
        // A warm-up starts once the view's queries have settled, a frame or so after they stood: ample time.
        await page.waitForTimeout(1500);
      }
      const started = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('start:background:')));
      return { ids, started };
    } finally {
      await page.close();
    }
  }

  it('a view whose filter changes ask DuckDB (Cases): each saved answer of its own queries is run once in the background, not its saved read ahead', async () => {
    const readAhead = casesListCandidates().id;
    const { ids, started } = await warmUps('/?view=cases', [VIEW_SNAPSHOT_FILES.cases, CASES_READ_AHEAD_FILE], 'own');
    const own = ids.filter((id) => id !== readAhead);
    expect(own.length).toBeGreaterThan(0);
    expect(ids).toContain(readAhead);
    for (const id of own) expect(started.filter((n) => n === `start:background:${id}`)).toHaveLength(1);
    expect(started).not.toContain(`start:background:${readAhead}`);
  });

  it('the Data view, which has no filter: its saved answers stand and nothing runs in the background', async () => {
    const { ids, started } = await warmUps('/?view=data', [VIEW_SNAPSHOT_FILES.data], 'none');
    expect(ids.length).toBeGreaterThan(0);
    expect(started).toEqual([]);
  });
});

describe('a workspace that is not empty', () => {
  it('no saved answer is fetched or shown: the views wait for DuckDB', async () => {
    const [c] = await db.all<{ case_id: string }>(
      "SELECT case_id FROM cases WHERE duplicate_of IS NULL AND indicator <> 'tax' ORDER BY case_id LIMIT 1",
    );
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript('globalThis.__name = (f) => f');
      // A label stored by an earlier visit (labels.ts keeps them in localStorage).
      const label = JSON.stringify([{ case_id: c.case_id, indicator: 'tax', labelled_at: '2026-01-01T00:00:00.000Z' }]);
      await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [LABELS_KEY, label] as const);
      const snapshotsAsked: string[] = [];
      context.on('request', (r) => {
        if (/\/data\/(overview|view-[\w-]+)\.json$/.test(new URL(r.url()).pathname)) snapshotsAsked.push(r.url());
      });
      const { release, asked } = await holdDatabase(context);
      const page = await context.newPage();
      await page.goto(`${app.url}/?view=cases`);
      // The engine starts at once, from the page's entry (it may ask for the database before the view is drawn): the
      // view waits for it, its rows not drawn.
      await asked;
      await page.locator('main.view .query-loading[aria-busy="true"]').first().waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-table-id="cases.search"] tbody tr').count()).toBe(0);
      release();
      await page.waitForFunction(DRAWN, '[data-table-id="cases.search"] tbody tr', { timeout: 60_000 });
      // Nor on the landing view, nor on the Indicator view (its list, and the picked indicator's file).
      await page.goto(`${app.url}/?view=indicator`);
      await page.waitForFunction(DRAWN, '[data-table-id="indicator.cases"] tbody tr', { timeout: 60_000 });
      await page.goto(`${app.url}/`);
      await page.waitForFunction(DRAWN, '.chart-card canvas', { timeout: 60_000 });
      // Nor Compare's, nor the rows it reads ahead (saved for its default provinces, one file per indicator): read of
      // DuckDB instead.
      await page.goto(`${app.url}/?view=compare`);
      await page.waitForFunction(DRAWN, '[data-testid="compare-indicator"]', { timeout: 60_000 });
      await page.waitForFunction(() => performance.getEntriesByName('background:compare.kept').length > 0, undefined, { timeout: 60_000 });
      expect(await page.evaluate(() => performance.getEntriesByName('saved:compare.kept').length)).toBe(0);
      expect(snapshotsAsked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
