// Query-test harness: the real exported Parquet (public/data/) opened in @duckdb/node-api with the same
// table and view names as the browser (src/db/tables.ts), so a named query is tested exactly as it
// runs in the app. Runs `npm run etl` first if the dataset is missing.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_FILES, VIEWS_SQL } from '../../src/db/tables.ts';
import type { Row } from '../../src/queries/types.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DATA_DIR = join(ROOT, 'public/data');

export interface Dataset {
  /** Run SQL, rows as plain JS (BIGINT → number, so results compare like the browser's). */
  all: (sql: string) => Promise<Row[]>;
  /** Throws if the SQL does not bind (EXPLAIN checks tables, columns and types without running it). */
  explain: (sql: string) => Promise<void>;
  close: () => void;
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

export async function openDataset(): Promise<Dataset> {
  if (!existsSync(join(DATA_DIR, 'cases.parquet'))) {
    const result = spawnSync('npx', ['tsx', 'scripts/etl.ts'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run etl failed: no dataset to test against');
  }
  const instance = await DuckDBInstance.create(':memory:');
  const conn: DuckDBConnection = await instance.connect();
  for (const file of DATA_FILES) {
    const path = join(DATA_DIR, file.file);
    if (existsSync(path)) {
      await conn.run(`CREATE TABLE "${file.table}" AS SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
    } else if (file.emptySchema) {
      await conn.run(`CREATE TABLE "${file.table}" (${file.emptySchema})`);
    } else {
      throw new Error(`${file.file} missing in ${DATA_DIR}`);
    }
  }
  for (const sql of VIEWS_SQL) await conn.run(sql);
  return {
    all: async (sql) => {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    },
    explain: async (sql) => {
      await conn.runAndReadAll(`EXPLAIN ${sql}`);
    },
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
