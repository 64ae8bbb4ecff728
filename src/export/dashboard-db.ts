// Node only: dashboard.duckdb — the Parquet files of a data directory copied, table for table, into one
// DuckDB database file that the browser attaches read-only over HTTP (src/sql/tables.ts says why).
// Built from the Parquet files themselves, so it holds exactly what analysts download, with the same types.
import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ident, literal } from '../sql/quote.ts';
import { baseViewSql, DASHBOARD_DB_FILE, DATA_FILES, EXPORT_STAMP_TABLE, PUBLISHED_SCHEMA, PUBLISHED_TABLES } from '../sql/tables.ts';
import { EXPORTED_INDEXES } from '../sql/indexes.ts';
import { SEARCH_INDEXES, SEARCH_POSTINGS } from '../sql/search-index.ts';
import type { IndexTable } from '../sql/indexes.ts';
import { WORKSPACE_VIEWS_SQL } from '../sql/workspace-views.ts';
import type { Logger } from './logger.ts';
import { openMemoryDatabase, type NodeDatabase } from './node-connector.ts';

/**
 * The storage format DuckDB-wasm 1.32 (DuckDB 1.4.3 inside) reads. Node's DuckDB is newer; a file in its
 * own newest format would not open in the browser.
 */
export const BROWSER_STORAGE_VERSION = 'v1.4.0';

/**
 * Rows per row group of the search postings (search_chars, search_grams), sixteen times DuckDB's default.
 * Before a scan skips a row group by its zone maps, DuckDB reads that row group's column pointers and
 * statistics, and the browser reads them over HTTP: at the default (122,880 rows, merged in pairs at checkpoint)
 * search_grams at a million cases was 10,166 row groups, and looking up one term read ~8 MB of them. A term's
 * postings are one run of the sorted table, so larger groups read no more of its data. The other tables keep
 * the default: their zone maps stay as fine as the views' filters need.
 */
export const POSTINGS_ROW_GROUP_SIZE = 16 * 122_880;


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
    // Each index gets its base view at once: the search's postings are computed from its texts table.
    for (const index of [...EXPORTED_INDEXES, ...SEARCH_INDEXES.filter((t) => !SEARCH_POSTINGS.includes(t))]) await writeIndex(db, index);
    // Detaching checkpoints: everything is in the file itself, no .wal beside it.
    await db.exec(`DETACH ${out}`);
    // The postings in larger row groups, in a session of their own (attachForPostings).
    await attachForPostings(db, tmp);
    for (const index of SEARCH_POSTINGS) await writeIndex(db, index);
    // This file's stamp, which the snapshots computed from it carry (snapshots.ts).
    await db.exec(`CREATE TABLE ${out}.${EXPORT_STAMP_TABLE} AS SELECT ${literal(randomUUID())} AS stamp`);
    await db.exec(`DETACH ${out}`);
    await db.exec(`RESET max_vacuum_tasks`);
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

/** Writes an index table, sorted, into the attached file, and its base view (the next index may read it). */
export async function writeIndex(db: NodeDatabase, index: IndexTable): Promise<void> {
  await db.exec(`CREATE TABLE ${PUBLISHED_SCHEMA}.${ident(index.published)} AS
SELECT * FROM (${index.select('cases', 'metrics')}) ORDER BY ${index.order}`);
  await db.exec(baseViewSql(index));
}

/**
 * Attaches `file` (as PUBLISHED_SCHEMA) for the postings' session: DuckDB takes one row group size per attached
 * database, so the tables appended in this session get POSTINGS_ROW_GROUP_SIZE. Vacuuming is off until RESET
 * max_vacuum_tasks: the session's checkpoint would otherwise merge the other tables' row groups up to that size too.
 */
export async function attachForPostings(db: NodeDatabase, file: string): Promise<void> {
  await db.exec(`SET max_vacuum_tasks = 0`);
  await db.exec(`ATTACH ${literal(file)} AS ${PUBLISHED_SCHEMA} (STORAGE_VERSION '${BROWSER_STORAGE_VERSION}', ROW_GROUP_SIZE ${POSTINGS_ROW_GROUP_SIZE})`);
}
