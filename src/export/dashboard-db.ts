// Node only: dashboard.duckdb — the Parquet files of a data directory copied, table for table, into one
// DuckDB database file that the browser attaches read-only over HTTP (src/sql/tables.ts says why).
// Built from the Parquet files themselves, so it holds exactly what analysts download, with the same types.
import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ident, literal } from '../sql/quote.ts';
import { baseViewSql, DASHBOARD_DB_FILE, DATA_FILES, EXPORT_STAMP_TABLE, PUBLISHED_SCHEMA, PUBLISHED_TABLES } from '../sql/tables.ts';
import { EXPORTED_INDEXES } from '../sql/indexes.ts';
import { SEARCH_INDEXES } from '../sql/search-index.ts';
import { WORKSPACE_VIEWS_SQL } from '../sql/workspace-views.ts';
import type { Logger } from './logger.ts';
import { openMemoryDatabase } from './node-connector.ts';

/**
 * The storage format DuckDB-wasm 1.32 (DuckDB 1.4.3 inside) reads. Node's DuckDB is newer; a file in its
 * own newest format would not open in the browser.
 */
export const BROWSER_STORAGE_VERSION = 'v1.4.0';


/** Writes `dataDir/dashboard.duckdb` from the Parquet files of `dataDir` (temp file + rename). Returns its path. */
export async function writeDashboardDb(dataDir: string, logger: Logger): Promise<string> {
  const target = path.join(dataDir, DASHBOARD_DB_FILE);
  const tmp = `${target}.tmp`;
  await rm(tmp, { force: true });
  await rm(`${tmp}.wal`, { force: true });
  // The indexes of a national dataset (a million cases, twelve million figures) need more memory than a
  // shared build machine gives: DuckDB spills to a directory beside the file instead.
  const spill = `${tmp}.spill`;
  const db = await openMemoryDatabase({ memory_limit: '6GB', temp_directory: spill });
  try {
    // Attached under the name the app reads it by, so the app's own views (src/sql/tables.ts) work over it.
    const out = PUBLISHED_SCHEMA;
    await db.exec(`ATTACH ${literal(tmp)} AS ${out} (STORAGE_VERSION '${BROWSER_STORAGE_VERSION}')`);
    for (const file of DATA_FILES) {
      const source = path.join(dataDir, file.file);
      await db.exec(`CREATE TABLE ${out}.${ident(file.published)} AS SELECT * FROM read_parquet(${literal(source)})`);
    }
    // Derived tables (src/sql/tables.ts DERIVED_TABLES): figures per case, then the views' indexes, each
    // computed over the app's views with an empty workspace (src/sql/indexes.ts), then the search index
    // (src/sql/search-index.ts).
    await db.exec(`CREATE TABLE ${out}.case_figures AS SELECT case_id, count(*)::INTEGER AS figures FROM ${out}.metrics GROUP BY case_id`);
    for (const table of [...DATA_FILES, { published: 'case_figures', base: 'base_case_figures' }]) await db.exec(baseViewSql(table));
    for (const sql of WORKSPACE_VIEWS_SQL) await db.exec(sql);
    // Each index gets its base view at once: the search's bigrams are computed from its texts table.
    for (const index of [...EXPORTED_INDEXES, ...SEARCH_INDEXES]) {
      await db.exec(`CREATE TABLE ${out}.${ident(index.published)} AS
SELECT * FROM (${index.select('cases', 'metrics')}) ORDER BY ${index.order}`);
      await db.exec(baseViewSql(index));
    }
    // This file's stamp, which the snapshots computed from it carry (snapshots.ts).
    await db.exec(`CREATE TABLE ${out}.${EXPORT_STAMP_TABLE} AS SELECT ${literal(randomUUID())} AS stamp`);
    // Detaching checkpoints: everything is in the file itself, no .wal beside it.
    await db.exec(`DETACH ${out}`);
    await rename(tmp, target);
  } finally {
    db.close();
    await rm(tmp, { force: true });
    await rm(`${tmp}.wal`, { force: true });
    await rm(spill, { recursive: true, force: true });
  }
  logger.info(`${DASHBOARD_DB_FILE}: ${PUBLISHED_TABLES.length} tables`);
  return target;
}
