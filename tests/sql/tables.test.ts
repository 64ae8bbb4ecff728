// The published database file as the app opens it: dashboard.duckdb written by the export holds the
// Parquet files' tables row for row, opens read-only in the storage format the browser's DuckDB reads,
// and a broken file is recognised before DuckDB is asked to attach it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDuckDbFile } from '../../src/db/database-file.ts';
import { DASHBOARD_DB_FILE, DATA_FILES } from '../../src/sql/tables.ts';
import { openAppTables, type AppTables } from '../../src/export/app-tables.ts';
import { openDataDb, queryParquet } from '../helpers/data-db.ts';
import { DATA_DIR } from '../helpers/paths.ts';

let app: AppTables;

beforeAll(async () => {
  (await openDataDb()).close(); // runs the ETL if the dataset is missing
  app = await openAppTables(DATA_DIR);
});
afterAll(() => app?.close());

describe('dashboard.duckdb', () => {
  it('holds every Parquet file of the contract with the same rows', async () => {
    for (const file of DATA_FILES) {
      const fromDb = await app.query(`SELECT count(*) AS n FROM published."${file.published}"`);
      const fromParquet = await queryParquet(DATA_DIR, `SELECT count(*)::INTEGER AS n FROM "${file.published}"`);
      expect(fromDb[0].n, file.file).toBe(fromParquet[0].n);
    }
    // Row for row, not just counts: the same set of (case, indicator, figures) either way.
    const digest = `SELECT count(DISTINCT case_id || indicator || coalesce(city, '') || length(measures))::INTEGER AS d FROM cases`;
    expect((await app.query(digest.replace('FROM cases', 'FROM published.cases')))[0].d).toBe((await queryParquet(DATA_DIR, digest))[0].d);
  });

  it('keeps the contract’s column types', async () => {
    const types = await app.query(`SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'published' AND table_name = 'cases'`);
    const byName = Object.fromEntries(types.map((r) => [r.column_name, r.data_type]));
    expect(byName).toMatchObject({ seq: 'INTEGER', has_body: 'BOOLEAN', flags: 'VARCHAR[]', year: 'INTEGER', measures: 'VARCHAR' });
  });

  it('is recognised by its header, and HTML or Parquet bytes are not', () => {
    const head = new Uint8Array(readFileSync(path.join(DATA_DIR, DASHBOARD_DB_FILE)).subarray(0, 16));
    expect(isDuckDbFile(head)).toBe(true);
    expect(isDuckDbFile(new TextEncoder().encode('<!doctype html><p>oops</p>'))).toBe(false);
    expect(isDuckDbFile(new Uint8Array(readFileSync(path.join(DATA_DIR, 'cases.parquet')).subarray(0, 16)))).toBe(false);
  });
});
