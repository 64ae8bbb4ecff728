// One way to talk to DuckDB whichever engine runs it, as Mosaic's core does with its Connector: DuckDB-wasm
// in the browser (db/wasm-connector.ts), @duckdb/node-api in Node (export/node-connector.ts). Code that only
// needs SQL (the workspace's imports, labels and restore; the export's landing snapshot) takes a Connector
// as a parameter, so Node tests run it on a real in-memory DuckDB.

/** A result row as plain JS: numbers (BIGINT too), 'YYYY-MM-DD' dates, arrays for lists. */
export type SqlRow = Record<string, unknown>;

export interface SqlColumn {
  name: string;
  /** DuckDB type as DESCRIBE prints it: VARCHAR, INTEGER, DOUBLE, BOOLEAN, DATE, VARCHAR[] … */
  type: string;
}

export interface Connector {
  /** The rows of a query. */
  query<R extends object = SqlRow>(sql: string): Promise<R[]>;
  /** Run a statement for its effect. */
  exec(sql: string): Promise<void>;
  /** Insert rows into `table` in bulk, each column typed as `columns` says (Arrow in the browser). */
  insertRows(table: string, columns: SqlColumn[], rows: readonly object[]): Promise<void>;
}

/** Run `work` all-or-nothing: on any error nothing of it stays, and the error is rethrown. */
export async function inTransaction(conn: Connector, work: () => Promise<void>): Promise<void> {
  await conn.exec('BEGIN TRANSACTION');
  try {
    await work();
    await conn.exec('COMMIT');
  } catch (error) {
    await conn.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Column names and types of a table, in order (for typed INSERTs). */
export async function tableColumns(conn: Connector, table: string): Promise<SqlColumn[]> {
  const described = await conn.query<{ column_name: string; column_type: string }>(`DESCRIBE ${table}`);
  return described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}
