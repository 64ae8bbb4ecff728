// The views' saved answers (overview.json, view-*.json: each view's default state, exported at ingest) hold
// exactly what DuckDB computes live: written from the real export's dashboard.duckdb, read back as JSON, and
// compared query by query with the same SQL run over the published Parquet files (the app's views over
// read_parquet: an independent route). Where a view picks its next question from an answer (Compare's
// indicator, the measures' dimension), the plan run over that independent route asks the very same SQL texts.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppTables } from '../../src/export/app-tables.ts';
import { writeDashboardDb } from '../../src/export/dashboard-db.ts';
import { computeSnapshot, writeSnapshots } from '../../src/export/snapshots.ts';
import { snapshotPlans } from '../../src/queries/snapshot-plans.ts';
import { decodeSnapshot } from '../../src/queries/snapshot-format.ts';
import { casesListCandidates } from '../../src/queries/case-page-candidates.ts';
import { silentLogger } from '../../src/export/index.ts';
import { INDICATOR_CODES } from '../../src/ingest/indicators.ts';
import { searchCases } from '../../src/queries/cases.ts';
import { COMPARE_CASES_PER_PROVINCE, COMPARE_PAIRS_PER_PAGE, compareCases, defaultIndicator } from '../../src/queries/compare.ts';
import { compareKept } from '../../src/queries/compare-kept.ts';
import { caseCountOptions, indicatorCases, indicatorFigures, pickIndicator } from '../../src/queries/indicator.ts';
import { measureDimensions, measuresShown, pickDimension, type MeasureDimensionRow } from '../../src/queries/measures.ts';
import { storedMeasures } from '../../src/queries/measures-stored.ts';
import { casePageCandidates } from '../../src/queries/case-page-candidates.ts';
import { figureCandidates } from '../../src/queries/figure-candidates.ts';
import { caseSummaryRows, type CaseSummaryRow } from '../../src/queries/summaries.ts';
import { caseCountsFromSummary, caseSummaryRowsOf, dimensionsFromSummary, measureCountsOf, measureSummaryRowsOf, sharesFromSummary, type MeasureSummaryCountRow } from '../../src/queries/view-summaries.ts';
import { likelyDimensions } from '../../src/queries/likely-dimensions.ts';
import { likelyIndicators } from '../../src/queries/likely-indicators.ts';
import { OVERVIEW_QUERIES, overviewSnapshotQueries } from '../../src/queries/overview.ts';
import { CASES_READ_AHEAD_FILE, compareAheadFile, firstSnapshotFiles, indicatorMeasuresFile, indicatorReadAheadFile, indicatorSnapshotFile, OVERVIEW_SNAPSHOT_FILE, SNAPSHOT_FILES, unfiltered, VIEW_SNAPSHOT_FILES, type SavedQuery, type Snapshot } from '../../src/queries/snapshot.ts';
import { DASHBOARD_DB_FILE, DATA_FILES, readExportStamp } from '../../src/sql/tables.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { DEFAULT_STATE } from '../../src/state/url-state.ts';
import { openDataDb, openParquetAppDb, type DataDb } from '../helpers/data-db.ts';
import { DATA_DIR } from '../helpers/paths.ts';

/**
 * Queries that state no order of their rows (the summaries, read whole and summed: summaries.ts; Compare's kept
 * rows and the Indicator's figure candidates, which the view filters and orders itself: compare-cells.ts,
 * compare-pair-cells.ts, figure-candidates.ts; the measures panel's stored rows, grouped and ordered by measures-stored.ts):
 * equal as sets of rows, as DuckDB may return them in any order.
 */
const UNORDERED = new Set(['summary.cases', 'summary.casesOf', 'summary.units', 'summary.measures', 'summary.measuresOf', 'compare.kept', 'indicator.figureCandidates', 'measures.stored']);
const key = (row: object) => JSON.stringify(row);
function sameRows(saved: SavedQuery, live: object[], file: string): void {
  const label = `${file} ${saved.id}`;
  if (UNORDERED.has(saved.id)) expect(saved.rows.map(key).sort(), label).toEqual(live.map(key).sort());
  else expect(saved.rows, label).toEqual(live);
}

let db: DataDb;
let dir: string;
const files = new Map<string, Snapshot>();
const read = (file: string) => files.get(file)!;
const sqls = (file: string) => read(file).queries.map((q) => q.sql);

beforeAll(async () => {
  (await openDataDb()).close(); // runs the ETL first if there is no export yet
  db = await openParquetAppDb(DATA_DIR);
  // A copy of the export's database file, so the test writes the snapshots without touching public/data.
  dir = mkdtempSync(path.join(tmpdir(), 'snapshots-'));
  copyFileSync(path.join(DATA_DIR, DASHBOARD_DB_FILE), path.join(dir, DASHBOARD_DB_FILE));
  const written: string[] = [];
  await writeSnapshots(dir, silentLogger, (file) => void written.push(file));
  expect(written).toEqual(snapshotPlans().map((p) => p.file));
  for (const file of written) files.set(file, decodeSnapshot(readFileSync(path.join(dir, file), 'utf8')));
}, 120_000);
afterAll(() => db?.close());

describe('the snapshot files', () => {
  it('are the set the export publishes: one per view, one per indicator of the taxonomy and its list\'s read ahead, the Cases list\'s read ahead', () => {
    expect([...files.keys()].sort()).toEqual([...SNAPSHOT_FILES].sort());
    for (const code of INDICATOR_CODES) {
      expect([indicatorSnapshotFile(code)!, indicatorReadAheadFile(code)!, indicatorMeasuresFile(code)!].every((f) => files.has(f)), code).toBe(true);
    }
    // A code from a typed URL never names a file outside the set.
    expect(indicatorSnapshotFile('../overview')).toBeNull();
  });

  it('each carries the stamp of the dashboard.duckdb it was computed from, a stamp no other export has', async () => {
    const tables = await openAppTables(dir);
    let stamp: string | null;
    try {
      stamp = await readExportStamp(tables);
    } finally {
      tables.close();
    }
    expect(stamp).toMatch(/^[0-9a-f-]{36}$/);
    for (const [file, snapshot] of files) expect(snapshot.stamp, file).toBe(stamp);
    // Another export of the same data is another file: its stamp differs (its saved answers are not taken for this one's).
    const other = mkdtempSync(path.join(tmpdir(), 'stamp-'));
    for (const file of DATA_FILES) copyFileSync(path.join(DATA_DIR, file.file), path.join(other, file.file));
    await writeDashboardDb(other, silentLogger);
    const again = await openAppTables(other);
    try {
      expect(await readExportStamp(again)).not.toBe(stamp);
    } finally {
      again.close();
      rmSync(other, { recursive: true, force: true });
    }
  }, 120_000);

  it('overview.json holds every Overview query with no filter, under its own SQL text', () => {
    expect(read(OVERVIEW_SNAPSHOT_FILE).queries.map((q) => q.id)).toEqual(OVERVIEW_QUERIES.map((make) => make(EMPTY_FILTERS).id));
    expect(sqls(OVERVIEW_SNAPSHOT_FILE)).toEqual(overviewSnapshotQueries().map((q) => q.sql));
  });

  it('hold the default state only: a filter, another page or a search has other SQL, never found in them', () => {
    // A year: a filter every view applies (Compare and Indicator choose their own provinces and indicator).
    const year = { ...EMPTY_FILTERS, years: [2023] };
    expect(unfiltered(EMPTY_FILTERS)).toBe(true);
    expect(unfiltered(year)).toBe(false);
    const all = [...files.values()].flatMap((f) => f.queries.map((q) => q.sql));
    const base = { filters: EMPTY_FILTERS, search: '', sort: DEFAULT_STATE.sort, page: 0, simplify: null };
    expect(sqls(VIEW_SNAPSHOT_FILES.cases)).toEqual([searchCases(base).sql]);
    // The cells' first cases the list reads ahead (no filter: they are filtered in memory).
    expect(sqls(CASES_READ_AHEAD_FILE)).toEqual([casesListCandidates().sql]);
    const others = [
      ...OVERVIEW_QUERIES.map((make) => make(year).sql),
      searchCases({ ...base, page: 1 }).sql,
      searchCases({ ...base, sort: 'title' }).sql,
      searchCases({ ...base, search: '不动产' }).sql,
      searchCases({ ...base, filters: year }).sql,
      compareCases({ filters: year, a: DEFAULT_STATE.compareA, b: DEFAULT_STATE.compareB, indicator: 'tax', perProvince: COMPARE_CASES_PER_PROVINCE }).sql,
    ];
    for (const sql of others) expect(all.includes(sql), sql.slice(0, 80)).toBe(false);
  });

  it("the Indicator files: the list, and per indicator its charts' and list's first page; the default pick among them", () => {
    const summary = read(VIEW_SNAPSHOT_FILES.indicator).queries[0].rows as CaseSummaryRow[];
    expect(sqls(VIEW_SNAPSHOT_FILES.indicator)).toEqual([caseSummaryRows().sql]);
    const picked = pickIndicator(caseCountOptions(caseCountsFromSummary(summary, EMPTY_FILTERS)), null)!;
    expect(picked).not.toBeNull();
    const mine = sqls(indicatorSnapshotFile(picked)!);
    const params = { filters: EMPTY_FILTERS, indicator: picked };
    expect(mine).toContain(indicatorFigures({ ...params, unit: null }).sql);
    expect(mine).toContain(indicatorCases({ ...params, page: 0 }).sql);
    expect(mine).not.toContain(indicatorCases({ ...params, page: 1 }).sql);
    // The list's candidates, read ahead for a year or level change (IndicatorView), in a file of their own.
    expect(mine).not.toContain(casePageCandidates(picked).sql);
    expect(sqls(indicatorReadAheadFile(picked)!)).toEqual([figureCandidates(picked).sql, casePageCandidates(picked).sql]);
    // The largest indicator has measures: the dimensions and the picked dimension's rows and summary (one request).
    expect(read(indicatorSnapshotFile(picked)!).queries.map((q) => q.id)).toEqual(
      expect.arrayContaining(['summary.measures', 'indicator.measuresShown']),
    );
  });

  it("the measures panel's first stored rows: of the dimension whose rows the view's file holds, every year and level, in a file of their own", () => {
    const summary = read(VIEW_SNAPSHOT_FILES.indicator).queries[0].rows as CaseSummaryRow[];
    const picked = pickIndicator(caseCountOptions(caseCountsFromSummary(summary, EMPTY_FILTERS)), null)!;
    const saved = read(indicatorMeasuresFile(picked)!).queries;
    const dimensions = saved.find((q) => q.id === 'indicator.measureDimensions')!;
    expect(dimensions.sql).toBe(measureDimensions({ filters: EMPTY_FILTERS, indicator: picked }).sql);
    const dimension = pickDimension(dimensions.rows as MeasureDimensionRow[], null)!;
    expect(dimension).not.toBeNull();
    // The panel's own first answer (in the view's file) is of that dimension: the stored rows are the ones it reads next.
    expect(sqls(indicatorSnapshotFile(picked)!)).toContain(measuresShown({ filters: EMPTY_FILTERS, indicator: picked, dimension }).sql);
    expect(saved.map((q) => q.sql)).toEqual([dimensions.sql, storedMeasures(picked, dimension).sql]);
    // Every scope: no filter, a year, a level, a year with a level.
    const stored = saved[1].rows as { by_year: boolean; by_level: boolean }[];
    expect(new Set(stored.map((r) => `${r.by_year}/${r.by_level}`))).toEqual(new Set(['false/false', 'true/false', 'false/true', 'true/true']));
    // Not in the files the view reads before (its first drawing's, the read ahead of the charts and the list).
    for (const file of [indicatorSnapshotFile(picked)!, indicatorReadAheadFile(picked)!]) expect(sqls(file)).not.toContain(saved[1].sql);
  });

  it('the files fetched at start-up are those of the URL\'s view, none for a filtered one', () => {
    const state = (partial: Partial<typeof DEFAULT_STATE>) => ({ ...DEFAULT_STATE, ...partial });
    expect(firstSnapshotFiles(state({ view: 'overview' }))).toEqual([OVERVIEW_SNAPSHOT_FILE]);
    expect(firstSnapshotFiles(state({ view: 'cases' }))).toEqual([VIEW_SNAPSHOT_FILES.cases]);
    expect(firstSnapshotFiles(state({ view: 'cases', search: '不动产' }))).toEqual([]);
    expect(firstSnapshotFiles(state({ view: 'compare' }))).toEqual([VIEW_SNAPSHOT_FILES.compare]);
    expect(firstSnapshotFiles(state({ view: 'data' }))).toEqual([VIEW_SNAPSHOT_FILES.data]);
    expect(firstSnapshotFiles(state({ view: 'indicator' }))).toEqual([VIEW_SNAPSHOT_FILES.indicator]);
    expect(firstSnapshotFiles(state({ view: 'indicator', indicator: 'tax' }))).toEqual([VIEW_SNAPSHOT_FILES.indicator, indicatorSnapshotFile('tax')]);
    expect(firstSnapshotFiles(state({ view: 'indicator', indicator: 'no-such-code' }))).toEqual([VIEW_SNAPSHOT_FILES.indicator]);
    for (const view of ['overview', 'cases', 'compare', 'data', 'indicator'] as const) {
      expect(firstSnapshotFiles(state({ view, filters: { ...EMPTY_FILTERS, years: [2023] } })), view).toEqual([]);
    }
  });

  it('rows equal what DuckDB computes live over the Parquet files with the same SQL, query by query', async () => {
    for (const [file, snapshot] of files) {
      for (const saved of snapshot.queries) sameRows(saved, await db.all(saved.sql), file);
    }
  }, 120_000);

  it("a view's dependent questions (picked from an earlier answer) are the same when asked of the live data", async () => {
    for (const plan of snapshotPlans()) {
      const live = await computeSnapshot(db.conn, plan);
      expect(live.queries.map((q) => q.sql), plan.file).toEqual(sqls(plan.file));
    }
    // Compare's chain went past the shares: its indicator's cases, pairs and measures are saved too.
    const compare = read(VIEW_SNAPSHOT_FILES.compare).queries;
    expect(compare.map((q) => q.id)).toEqual(expect.arrayContaining(['summary.casesOf', 'compare.cases', 'compare.pairsPage', 'summary.measuresOf', 'compare.measuresShown']));
    // Only the default provinces' rows of case_summary (not the whole summary), and the first page of pairs only.
    const { compareA: a, compareB: b } = DEFAULT_STATE;
    // The measures panel's counts of the two provinces only (every indicator), not every province's of one indicator.
    expect(sqls(VIEW_SNAPSHOT_FILES.compare)).toContain(measureSummaryRowsOf([a, b]).sql);
    expect(compare.map((q) => q.id)).not.toContain('summary.measures');
    expect(sqls(VIEW_SNAPSHOT_FILES.compare)).toContain(caseSummaryRowsOf([a, b]).sql);
    expect(sqls(VIEW_SNAPSHOT_FILES.compare)).not.toContain(caseSummaryRows().sql);
    const pairs = compare.filter((q) => q.id === 'compare.pairsPage');
    expect(pairs).toHaveLength(1);
    const cases = new Set(pairs[0].rows.map((r) => r.a_case_id));
    expect(cases.size).toBeGreaterThan(0);
    expect(cases.size).toBeLessThanOrEqual(COMPARE_PAIRS_PER_PAGE);
    // Compare's first read ahead: the kept rows of the indicator the view shows with no filter, for the same provinces.
    const summary = compare.find((q) => q.id === 'summary.casesOf')!.rows as CaseSummaryRow[];
    const shown = defaultIndicator(sharesFromSummary(summary, EMPTY_FILTERS, a, b), DEFAULT_STATE.indicator)!;
    expect(compare.find((q) => q.id === 'compare.cases')!.sql).toBe(compareCases({ filters: EMPTY_FILTERS, a, b, indicator: shown, perProvince: COMPARE_CASES_PER_PROVINCE }).sql);
    // And the measures panel's first stored rows: the dimension it starts that indicator from, the two provinces'.
    const measured = compare.find((q) => q.id === 'summary.measuresOf')!.rows as MeasureSummaryCountRow[];
    const dimension = pickDimension(dimensionsFromSummary(measureCountsOf(measured, shown), EMPTY_FILTERS, [a, b]), null)!;
    expect(compare.find((q) => q.id === 'compare.measuresShown')!.sql).toBe(measuresShown({ filters: EMPTY_FILTERS, indicator: shown, provinces: [a, b], dimension }).sql);
    // Compare's reads ahead, one file per indicator: the kept rows of each indicator it shows or a year or level change
    // would show (at least the shown one and another on the corpus), with the panel's stored rows of each dimension
    // such a state starts it from (the shown one's first: the one it starts from now); any other indicator's file is empty.
    const likely = likelyIndicators(summary, EMPTY_FILTERS, a, b, null);
    expect(likely[0]).toBe(shown);
    expect(likely.length).toBeGreaterThan(1);
    const items = likelyDimensions(measured, likely, EMPTY_FILTERS, [a, b]);
    expect(items[0]).toEqual({ indicator: shown, dimension });
    for (const code of INDICATOR_CODES) {
      const expected = !likely.includes(code)
        ? []
        : [compareKept({ a, b, indicator: code }).sql, ...items.filter((x) => x.indicator === code).map((x) => storedMeasures(code, x.dimension, [a, b]).sql)];
      expect(sqls(compareAheadFile(code)!), code).toEqual(expected);
    }
  }, 120_000);

  it('the published files, when present, match the published Parquet files', async () => {
    for (const file of SNAPSHOT_FILES) {
      const published = path.join(DATA_DIR, file);
      if (!existsSync(published)) continue; // an export from before the file: the view then waits for DuckDB
      const saved = decodeSnapshot(readFileSync(published, 'utf8'));
      for (const q of saved.queries) sameRows(q, await db.all(q.sql), file);
    }
  }, 120_000);
});
