// Node only: the Connector (sql/connector.ts) over @duckdb/node-api, rows as the browser gets them, so the
// same code (and tests of it) sees the same values on both engines.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Connector } from '../sql/connector.ts';
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

export interface NodeDatabase extends Connector {
  connection: DuckDBConnection;
  close(): void;
}

/** A fresh in-memory DuckDB with one connection. */
export async function openMemoryDatabase(): Promise<NodeDatabase> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    ...nodeConnector(connection),
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
