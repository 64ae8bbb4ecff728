// Node only: the exported Parquet files loaded into DuckDB exactly as the browser loads them
// (src/db/tables.ts: base_* tables + the workspace views), with rows returned as the browser sees them.
// Used by the landing-view snapshot at export and by the tests that run the app's named queries.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DATA_FILES, VIEWS_SQL } from '../db/tables.ts';
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

/** Opens an in-memory DuckDB with the app's tables and views over the Parquet files of `dataDir`. */
export async function openAppTables(dataDir: string): Promise<AppTables> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    for (const file of DATA_FILES) {
      const filePath = path.join(dataDir, file.file);
      if (existsSync(filePath)) {
        await connection.run(`CREATE TABLE "${file.table}" AS SELECT * FROM read_parquet(${sqlString(filePath)})`);
      } else if (file.emptySchema) {
        await connection.run(`CREATE TABLE "${file.table}" (${file.emptySchema})`);
      } else {
        throw new Error(`${file.file} missing in ${dataDir}`);
      }
    }
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
