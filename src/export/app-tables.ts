// Node only: the exported dashboard.duckdb opened exactly as the browser opens it (src/sql/tables.ts:
// attached read-only, base_* views, then the workspace views), with rows returned as the browser sees them.
// Used by the landing-view snapshot at export and by the tests that run the app's named queries.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { attachSql, DASHBOARD_DB_FILE, VIEWS_SQL } from '../sql/tables.ts';
import type { Row } from '../queries/types.ts';

export const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A DuckDB value as the browser gets it (castBigIntToDouble): BIGINT → number, DATE → 'YYYY-MM-DD'. */
export function browserValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(browserValue);
  return value;
}

export interface AppTables {
  connection: DuckDBConnection;
  /** Rows of `sql` as plain objects, values as the browser gets them. */
  rows(sql: string): Promise<Row[]>;
  close(): void;
}

/** Opens an in-memory DuckDB with dataDir/dashboard.duckdb attached and the app's views over it. */
export async function openAppTables(dataDir: string): Promise<AppTables> {
  const file = path.join(dataDir, DASHBOARD_DB_FILE);
  if (!existsSync(file)) throw new Error(`${DASHBOARD_DB_FILE} missing in ${dataDir} (run npm run etl)`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    await connection.run(attachSql(file));
    for (const sql of VIEWS_SQL) await connection.run(sql);
  } catch (error) {
    close();
    throw error;
  }
  return {
    connection,
    rows: async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, browserValue(v)])));
    },
    close,
  };
}
