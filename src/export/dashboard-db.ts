// Node only: dashboard.duckdb — the Parquet files of a data directory copied, table for table, into one
// DuckDB database file that the browser attaches read-only over HTTP (src/sql/tables.ts says why).
// Built from the Parquet files themselves, so it holds exactly what analysts download, with the same types.
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ident, literal } from '../sql/quote.ts';
import { DASHBOARD_DB_FILE, DATA_FILES, PUBLISHED_TABLES } from '../sql/tables.ts';
import type { Logger } from './logger.ts';

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
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH ${literal(tmp)} AS out (STORAGE_VERSION '${BROWSER_STORAGE_VERSION}')`);
    for (const file of DATA_FILES) {
      const source = path.join(dataDir, file.file);
      await connection.run(`CREATE TABLE out.${ident(file.published)} AS SELECT * FROM read_parquet(${literal(source)})`);
    }
    // Derived tables (src/sql/tables.ts DERIVED_TABLES).
    await connection.run(`CREATE TABLE out.case_figures AS SELECT case_id, count(*)::INTEGER AS figures FROM out.metrics GROUP BY case_id`);
    // Detaching checkpoints: everything is in the file itself, no .wal beside it.
    await connection.run('DETACH out');
    await rename(tmp, target);
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(tmp, { force: true });
    await rm(`${tmp}.wal`, { force: true });
  }
  logger.info(`${DASHBOARD_DB_FILE}: ${PUBLISHED_TABLES.length} tables`);
  return target;
}
