// The Connector (sql/connector.ts) over a DuckDB-wasm connection: rows through arrow-rows.ts, bulk inserts
// through Arrow (import-arrow.ts).
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Connector } from '../sql/connector.ts';
import { arrowToRows } from './arrow-rows.ts';
import { insertRowsBulk } from './import-arrow.ts';

export function wasmConnector(conn: AsyncDuckDBConnection): Connector {
  return {
    query: async <R extends object>(sql: string) => arrowToRows(await conn.query(sql)) as R[],
    exec: async (sql) => {
      await conn.query(sql);
    },
    insertRows: (table, columns, rows) => insertRowsBulk(conn, table, columns, rows),
  };
}
