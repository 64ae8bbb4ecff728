// overview.json (the landing view's numbers, exported at ingest) holds exactly what DuckDB computes live:
// written from the real export's dashboard.duckdb, read back as JSON, and compared query by query with the
// same SQL run over the published Parquet files (the app's views over read_parquet: an independent route).
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DB_FILE } from '../../src/sql/tables.ts';
import { silentLogger } from '../../src/export/index.ts';
import { writeOverviewSnapshot } from '../../src/export/overview-snapshot.ts';
import { OVERVIEW_QUERIES, OVERVIEW_SNAPSHOT_FILE, overviewSnapshotQueries, type OverviewSnapshot } from '../../src/queries/overview.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { openDataDb, openParquetAppDb, type DataDb } from '../helpers/data-db.ts';
import { DATA_DIR } from '../helpers/paths.ts';

let db: DataDb;
let snapshot: OverviewSnapshot;
beforeAll(async () => {
  (await openDataDb()).close(); // runs the ETL first if there is no export yet
  db = await openParquetAppDb(DATA_DIR);
  // A copy of the export's database file, so the test writes overview.json without touching public/data.
  const dir = mkdtempSync(path.join(tmpdir(), 'overview-snapshot-'));
  copyFileSync(path.join(DATA_DIR, DASHBOARD_DB_FILE), path.join(dir, DASHBOARD_DB_FILE));
  const written = await writeOverviewSnapshot(dir, silentLogger);
  expect(written).toBe(path.join(dir, OVERVIEW_SNAPSHOT_FILE));
  snapshot = JSON.parse(readFileSync(written, 'utf8')) as OverviewSnapshot;
});
afterAll(() => db?.close());

describe('overview.json', () => {
  it('holds every Overview query with no filter, under its own SQL text', () => {
    expect(snapshot.queries.map((q) => q.id)).toEqual(OVERVIEW_QUERIES.map((make) => make(EMPTY_FILTERS).id));
    expect(snapshot.queries.map((q) => q.sql)).toEqual(overviewSnapshotQueries().map((q) => q.sql));
    // A filtered query has other SQL, so the browser never answers it from the snapshot.
    const filtered = OVERVIEW_QUERIES.map((make) => make({ ...EMPTY_FILTERS, provinces: ['福建省'] }).sql);
    for (const sql of filtered) expect(snapshot.queries.some((q) => q.sql === sql)).toBe(false);
  });

  it('rows equal what DuckDB computes live over the Parquet files with the same SQL, query by query', async () => {
    for (const saved of snapshot.queries) {
      const live = await db.all(saved.sql);
      expect(live.length, saved.id).toBeGreaterThan(0);
      expect(saved.rows, saved.id).toEqual(live);
    }
  });

  it('the published file, when present, matches the published Parquet files', async () => {
    const published = path.join(DATA_DIR, OVERVIEW_SNAPSHOT_FILE);
    if (!existsSync(published)) return; // an export from before overview.json: the app then waits for DuckDB
    const file = JSON.parse(readFileSync(published, 'utf8')) as OverviewSnapshot;
    for (const saved of file.queries) expect(saved.rows, saved.id).toEqual(await db.all(saved.sql));
  });
});
