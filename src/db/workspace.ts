// The analyst's workspace in the browser: a connection of its own for writes (imports, labels) so a
// transaction never mixes with the dashboard's queries, and the restore step run while the data loads
// (so the first charts already include imported documents and labels: no flash of the bare dataset).
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { getDb, tablesReady } from './duckdb.ts';
import { arrowToRows } from './arrow-rows.ts';
import type { Row } from '../queries/types.ts';
import { REFRESH_SUMMARY_SQL, type SqlColumn } from './workspace-sql.ts';

let connPromise: Promise<AsyncDuckDBConnection> | null = null;

/** The workspace's connection, once every table is loaded (imports write figures and similar pairs too). */
export function workspaceConnection(): Promise<AsyncDuckDBConnection> {
  connPromise ??= tablesReady()
    .then(() => getDb())
    .then((db) => db.connect());
  return connPromise;
}

export async function rows(conn: AsyncDuckDBConnection, sql: string): Promise<Row[]> {
  return arrowToRows(await conn.query(sql));
}

/** Column names and types of a table, in order (for typed INSERTs). */
export async function tableColumns(conn: AsyncDuckDBConnection, table: string): Promise<SqlColumn[]> {
  const described = await rows(conn, `DESCRIBE ${table}`);
  return described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}

/** Run statements all-or-nothing: on any error nothing of them stays, and the error is rethrown. */
export async function inTransaction(conn: AsyncDuckDBConnection, statements: string[]): Promise<void> {
  await conn.query('BEGIN TRANSACTION');
  try {
    for (const sql of statements) await conn.query(sql);
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Called by the loader (duckdb.ts) after the views exist, before the app is told the data is ready.
 * `imports`: whether stored imported documents exist (the loader then waits for every table first).
 * Never fails the load: what cannot be restored is reported in the console and skipped.
 */
export async function restoreWorkspace(conn: AsyncDuckDBConnection, { imports }: { imports: boolean }): Promise<void> {
  // Imported lazily: these modules stay off the first load's critical path; neither pulls in the ingest.
  const [{ restoreImports }, { restoreLabels }] = await Promise.all([import('./imported.ts'), import('./labels.ts')]);
  if (imports) {
    try {
      await restoreImports(conn);
    } catch (error) {
      console.warn('imported documents could not be restored:', error);
    }
  }
  try {
    await restoreLabels(conn);
  } catch (error) {
    console.warn('analyst labels could not be restored:', error);
  }
}

/**
 * Change the workspace tables (imports, labels) all-or-nothing, recomputing the Overview's case_summary
 * in the same transaction, so no query ever sees the summary and the cases disagree.
 */
export function changeWorkspace(conn: AsyncDuckDBConnection, statements: string[]): Promise<void> {
  return inTransaction(conn, [...statements, ...REFRESH_SUMMARY_SQL]);
}
