// Test helper for the view queries: an in-memory DuckDB (Node) with the exported Parquet files loaded
// the way the browser sees them (`cases` is a view). The data directory is public/data (npm run etl);
// QUERY_TEST_DATA overrides it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { NamedQuery, Row } from '../../src/queries/types.ts';

export const DATA_DIR = resolve(process.env.QUERY_TEST_DATA ?? 'public/data');

const TABLES: Record<string, string> = {
  documents: 'documents.parquet',
  base_cases: 'cases.parquet',
  metrics: 'metrics.parquet',
  indicators: 'indicators.parquet',
  similar: 'similar.parquet',
};

export interface TestDb {
  all(query: NamedQuery | string): Promise<Row[]>;
  /** Throws with DuckDB's message when the SQL does not bind (unknown column, bad syntax…). */
  explain(query: NamedQuery): Promise<void>;
  close(): void;
}

export async function openDataDb(): Promise<TestDb> {
  for (const file of Object.values(TABLES)) {
    const path = `${DATA_DIR}/${file}`;
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run etl\` first`);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  for (const [table, file] of Object.entries(TABLES)) {
    await connection.run(`CREATE TABLE "${table}" AS SELECT * FROM read_parquet('${DATA_DIR}/${file}')`);
  }
  await connection.run('CREATE VIEW cases AS SELECT * FROM base_cases');
  const all = async (query: NamedQuery | string): Promise<Row[]> => {
    const sql = typeof query === 'string' ? query : query.sql;
    const reader = await connection.runAndReadAll(sql);
    // JS values: BIGINT → bigint; convert to number so assertions read like the browser's rows.
    return reader.getRowObjectsJS().map((row) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
      return out;
    });
  };
  return {
    all,
    explain: async (query) => {
      await connection.run(`EXPLAIN ${query.sql}`);
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
