// The exported Parquet files opened in Node DuckDB (@duckdb/node-api), the one way tests read them back:
// - openDataDb(): the app's own tables and views (src/db/tables.ts, workspace views included), so a
//   named query is tested exactly as it runs in the browser. Reads public/data/, running the ETL first
//   if the dataset is missing.
// - queryParquet(dir, sql): each Parquet file of `dir` as a view of its own name, to check the files
//   themselves (the export contract) rather than what the app layers over them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DATA_FILES, VIEWS_SQL } from '../../src/db/tables.ts';
import type { NamedQuery, Row } from '../../src/queries/types.ts';
import { DATA_DIR, ROOT } from './paths.ts';

export interface DataDb {
  /** Run SQL (or a named query), rows as plain JS (BIGINT → number, DATE → 'YYYY-MM-DD') like the browser's. */
  all(query: NamedQuery | string): Promise<Row[]>;
  /** Throws with DuckDB's message when the SQL does not bind (unknown table or column, bad syntax…), without running it. */
  explain(query: NamedQuery | string): Promise<void>;
  close(): void;
}

const sqlOf = (query: NamedQuery | string) => (typeof query === 'string' ? query : query.sql);
const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

async function connect(): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(':memory:');
  return { instance, connection: await instance.connect() };
}

export async function openDataDb(): Promise<DataDb> {
  if (!existsSync(path.join(DATA_DIR, 'cases.parquet'))) {
    const result = spawnSync('npx', ['tsx', 'scripts/etl.ts'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run etl failed: no dataset to test against');
  }
  const { instance, connection } = await connect();
  for (const file of DATA_FILES) {
    const filePath = path.join(DATA_DIR, file.file);
    if (existsSync(filePath)) {
      await connection.run(`CREATE TABLE "${file.table}" AS SELECT * FROM read_parquet(${quoted(filePath)})`);
    } else if (file.emptySchema) {
      await connection.run(`CREATE TABLE "${file.table}" (${file.emptySchema})`);
    } else {
      throw new Error(`${file.file} missing in ${DATA_DIR}`);
    }
  }
  for (const sql of VIEWS_SQL) await connection.run(sql);
  return {
    all: async (query) => {
      const reader = await connection.runAndReadAll(sqlOf(query));
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    },
    explain: async (query) => {
      await connection.runAndReadAll(`EXPLAIN ${sqlOf(query)}`);
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Runs SQL with views documents/cases/metrics/indicators/"similar" (quoted: a DuckDB keyword) over the Parquet files of `dir`.
 * Rows come back as JSON-friendly objects (BIGINT → number where safe, DATE → 'YYYY-MM-DD', lists → arrays).
 */
export async function queryParquet(dir: string, sql: string): Promise<Row[]> {
  const { instance, connection } = await connect();
  try {
    for (const table of ['documents', 'cases', 'metrics', 'indicators', 'similar']) {
      await connection.run(`CREATE VIEW "${table}" AS SELECT * FROM read_parquet(${quoted(path.join(dir, `${table}.parquet`))})`);
    }
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Row[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
