// Node only: the Overview's landing numbers, computed at ingest so the browser can draw the landing view
// before DuckDB-wasm has started (issue 5). The SAME named queries the view runs live
// (src/queries/overview.ts, no filter) run here in Node DuckDB over the exported Parquet files, loaded
// exactly as the browser loads them (src/db/tables.ts: base_* tables + the workspace views).
// The browser uses a snapshot only for a query whose SQL text is identical (views/overview-snapshot.ts);
// tests/export/overview-snapshot.test.ts proves the rows equal a live run of the same SQL.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATA_FILES, VIEWS_SQL } from '../db/tables.ts';
import { OVERVIEW_SNAPSHOT_FILE, overviewSnapshotQueries, type OverviewSnapshot } from '../queries/overview.ts';
import type { Row } from '../queries/types.ts';
import type { Logger } from './logger.ts';
import { writeJsonFile } from './parquet.ts';

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A DuckDB value as the browser gets it (castBigIntToDouble): BIGINT → number, DATE → 'YYYY-MM-DD'. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** Runs the Overview's default-state queries over the Parquet files of `dataDir`. */
export async function computeOverviewSnapshot(dataDir: string): Promise<OverviewSnapshot> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const file of DATA_FILES) {
      const filePath = path.join(dataDir, file.file);
      if (existsSync(filePath)) {
        await connection.run(`CREATE TABLE "${file.table}" AS SELECT * FROM read_parquet(${quoted(filePath)})`);
      } else if (file.emptySchema) {
        await connection.run(`CREATE TABLE "${file.table}" (${file.emptySchema})`);
      } else {
        throw new Error(`${file.file} missing in ${dataDir}`);
      }
    }
    for (const sql of VIEWS_SQL) await connection.run(sql);
    const queries: OverviewSnapshot['queries'] = [];
    for (const query of overviewSnapshotQueries()) {
      const reader = await connection.runAndReadAll(query.sql);
      const rows: Row[] = reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
      queries.push({ id: query.id, sql: query.sql, rows });
    }
    return { queries };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Writes overview.json beside the Parquet files of `dataDir` (atomically). Returns its path. */
export async function writeOverviewSnapshot(dataDir: string, logger: Logger): Promise<string> {
  const snapshot = await computeOverviewSnapshot(dataDir);
  const file = path.join(dataDir, OVERVIEW_SNAPSHOT_FILE);
  // Compact: it is fetched on the landing page's critical path.
  await writeJsonFile(file, snapshot, { compact: true });
  logger.info(`${OVERVIEW_SNAPSHOT_FILE}: ${snapshot.queries.length} queries`);
  return file;
}
