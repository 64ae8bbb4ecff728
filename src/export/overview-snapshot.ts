// Node only: the Overview's landing numbers, computed at ingest so the browser can draw the landing view
// before DuckDB-wasm has started. The SAME named queries the view runs live
// (src/queries/overview.ts, no filter) run here in Node DuckDB over the exported dashboard.duckdb, opened
// exactly as the browser opens it (src/sql/tables.ts: attached read-only, base_* views + the workspace views).
// The browser uses a snapshot only for a query whose SQL text is identical (views/overview/overview-snapshot.ts);
// tests/export/overview-snapshot.test.ts proves the rows equal a live run of the same SQL.
import path from 'node:path';
import { OVERVIEW_SNAPSHOT_FILE, overviewSnapshotQueries, type OverviewSnapshot } from '../queries/overview.ts';
import type { Connector } from '../sql/connector.ts';
import { openAppTables } from './app-tables.ts';
import type { Logger } from './logger.ts';
import { writeJsonFile } from './parquet.ts';

/** Runs the Overview's default-state queries on `conn` (the app's tables). */
export async function overviewSnapshot(conn: Connector): Promise<OverviewSnapshot> {
  const queries: OverviewSnapshot['queries'] = [];
  for (const query of overviewSnapshotQueries()) queries.push({ id: query.id, sql: query.sql, rows: await conn.query(query.sql) });
  return { queries };
}

/** Runs the Overview's default-state queries over the dashboard.duckdb of `dataDir`. */
export async function computeOverviewSnapshot(dataDir: string): Promise<OverviewSnapshot> {
  const tables = await openAppTables(dataDir);
  try {
    return await overviewSnapshot(tables);
  } finally {
    tables.close();
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
