// The analyst's workspace in the browser: a connection of its own for writes (imports, labels) so a
// transaction never mixes with the dashboard's queries.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { openConnection } from '../db/duckdb.ts';
import { arrowToRows } from '../db/arrow-rows.ts';
import type { Row } from '../queries/types.ts';
import { REFRESH_SUMMARY_SQL } from '../sql/workspace-views.ts';
import type { SqlColumn } from './workspace-sql.ts';

let connPromise: Promise<AsyncDuckDBConnection> | null = null;

/** The workspace's connection, once every table is loaded (imports write figures and similar pairs too). */
export function workspaceConnection(): Promise<AsyncDuckDBConnection> {
  connPromise ??= openConnection();
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
 * Change the workspace tables (imports, labels) all-or-nothing, recomputing the Overview's case_summary
 * in the same transaction, so no query ever sees the summary and the cases disagree.
 */
export function changeWorkspace(conn: AsyncDuckDBConnection, statements: string[]): Promise<void> {
  return inTransaction(conn, [...statements, ...REFRESH_SUMMARY_SQL]);
}
