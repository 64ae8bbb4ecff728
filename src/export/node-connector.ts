// Node only: the Connector (sql/connector.ts) over @duckdb/node-api, rows as the browser gets them, so the
// same code (and tests of it) sees the same values on both engines. The one module of the app that talks to
// @duckdb/node-api: the export's writers open their databases here too, and load the dataset through
// DuckDB's appender (appendRows), as fast as Node can hand rows to DuckDB.
import { DuckDBDateValue, DuckDBInstance, LIST, VARCHAR, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { Connector, SqlColumn } from '../sql/connector.ts';
import { insertRowsSql } from '../sql/insert.ts';

/** A DuckDB value as the browser gets it (castBigIntToDouble): BIGINT → number, DATE → 'YYYY-MM-DD'. */
export function browserValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(browserValue);
  return value;
}

export function nodeConnector(connection: DuckDBConnection): Connector {
  return {
    query: async <R extends object>(sql: string) => {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, browserValue(v)]))) as R[];
    },
    exec: async (sql) => {
      await connection.run(sql);
    },
    // Plain INSERT … VALUES: Node has no Arrow route here, and tests insert documents, not millions of rows.
    insertRows: async (table, columns, rows) => {
      for (const sql of insertRowsSql(table, columns, rows)) await connection.run(sql);
    },
  };
}

/** The column types the export writes (docs/data-contract.md), each appended as its own DuckDB type. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'VARCHAR[]';

/** A column to append: its type, and whether it may hold null (a null where it may not is an error naming it). */
export interface AppendColumn extends SqlColumn {
  type: ColumnType;
  nullable?: boolean;
}

export interface NodeDatabase extends Connector {
  connection: DuckDBConnection;
  /**
   * Append `rows` to `table` (every column of it, in order) through DuckDB's appender: the bulk load of the
   * export (millions of rows). Connector.insertRows writes INSERT statements instead, as the workspace does.
   */
  appendRows(table: string, columns: readonly AppendColumn[], rows: readonly object[]): Promise<void>;
  close(): void;
}

/** A fresh in-memory DuckDB with one connection; `options` are DuckDB settings (memory_limit, temp_directory…). */
export async function openMemoryDatabase(options?: Record<string, string>): Promise<NodeDatabase> {
  const instance = await DuckDBInstance.create(':memory:', options);
  const connection = await instance.connect();
  return {
    ...nodeConnector(connection),
    connection,
    appendRows: (table, columns, rows) => appendRows(connection, table, columns, rows),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function appendRows(connection: DuckDBConnection, table: string, columns: readonly AppendColumn[], rows: readonly object[]): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      for (const column of columns) appendValue(appender, column, record[column.name], table);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

function appendValue(appender: DuckDBAppender, column: AppendColumn, value: unknown, table: string): void {
  if (value === null || value === undefined) {
    if (!column.nullable) throw new Error(`${table}.${column.name}: null in a NOT NULL column`);
    appender.appendNull();
    return;
  }
  switch (column.type) {
    case 'VARCHAR':
      appender.appendVarchar(String(value));
      return;
    case 'INTEGER':
      appender.appendInteger(Number(value));
      return;
    case 'DOUBLE':
      appender.appendDouble(Number(value));
      return;
    case 'BOOLEAN':
      appender.appendBoolean(Boolean(value));
      return;
    case 'DATE': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
      if (!m) throw new Error(`${table}.${column.name}: not a YYYY-MM-DD date: ${String(value)}`);
      appender.appendDate(DuckDBDateValue.fromParts({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }));
      return;
    }
    case 'VARCHAR[]':
      appender.appendList((value as unknown[]).map(String), LIST(VARCHAR));
      return;
  }
}
