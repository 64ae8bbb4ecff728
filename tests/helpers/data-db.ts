// The export opened in Node DuckDB (@duckdb/node-api), the ways tests read it back:
// - openDataDb(): dashboard.duckdb with the app's own views (src/sql/tables.ts, workspace views included),
//   so a named query is tested exactly as it runs in the browser. Reads public/data/, running the ETL first
//   if the dataset is missing or stale (helpers/dataset.ts).
// - openParquetAppDb(dir): the same views over the Parquet files instead (an independent route).
// - queryParquet(dir, sql): each Parquet file of `dir` as a view of its own name, to check the files
//   themselves (the export contract) rather than what the app layers over them.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATA_FILES } from '../../src/sql/tables.ts';
import { WORKSPACE_VIEWS_SQL } from '../../src/sql/workspace-views.ts';
import { EXPORTED_INDEXES, INDEX_VIEWS_SQL } from '../../src/sql/indexes.ts';
import { SEARCH_INDEXES } from '../../src/sql/search-index.ts';
import { openAppTables } from '../../src/export/app-tables.ts';
import { ident, literal } from '../../src/sql/quote.ts';
import { openMemoryDatabase } from '../../src/export/node-connector.ts';
import type { NamedQuery, Row } from '../../src/queries/types.ts';
import type { Connector } from '../../src/sql/connector.ts';
import { ensureDataset } from './dataset.ts';
import { DATA_DIR } from './paths.ts';

export interface DataDb {
  /** The same database as a Connector, for the code that takes one (the workspace modules, the export). */
  conn: Connector;
  /**
   * Run a named query (rows typed as it declares them) or SQL text (plain rows, or the `R` the test names),
   * rows as plain JS (BIGINT → number, DATE → 'YYYY-MM-DD') like the browser's.
   */
  all<R extends object = Row>(query: NamedQuery<R> | string): Promise<R[]>;
  /** Throws with DuckDB's message when the SQL does not bind (unknown table or column, bad syntax…), without running it. */
  explain(query: NamedQuery<object> | string): Promise<void>;
  close(): void;
}

const sqlOf = (query: NamedQuery<object> | string) => (typeof query === 'string' ? query : query.sql);

export async function openDataDb(): Promise<DataDb> {
  await ensureDataset();
  const tables = await openAppTables(DATA_DIR);
  return {
    conn: tables,
    all: <R extends object>(query: NamedQuery<R> | string) => tables.query<R>(sqlOf(query)),
    explain: async (query) => {
      await tables.connection.runAndReadAll(`EXPLAIN ${sqlOf(query)}`);
    },
    close: tables.close,
  };
}

/**
 * The app's views (workspace views included) over the Parquet files of `dir` instead of dashboard.duckdb:
 * an independent route to the same numbers, to check what the app is served against the contract's files.
 */
export async function openParquetAppDb(dir: string): Promise<DataDb> {
  const db = await openMemoryDatabase();
  for (const file of DATA_FILES) {
    await db.exec(`CREATE VIEW ${ident(file.base)} AS SELECT * FROM read_parquet(${literal(path.join(dir, file.file))})`);
  }
  // dashboard.duckdb's derived table, computed here from the figures file itself.
  const metrics = literal(path.join(dir, 'metrics.parquet'));
  await db.exec(`CREATE VIEW base_case_figures AS SELECT case_id, count(*)::INTEGER AS figures FROM read_parquet(${metrics}) GROUP BY case_id`);
  for (const sql of WORKSPACE_VIEWS_SQL) await db.exec(sql);
  // The indexes dashboard.duckdb carries, computed here from the files (the published rows: no workspace).
  const published = '(SELECT *, false AS imported FROM base_cases WHERE duplicate_of IS NULL)';
  for (const index of [...EXPORTED_INDEXES, ...SEARCH_INDEXES]) await db.exec(`CREATE VIEW ${ident(index.base)} AS ${index.select(published, 'base_metrics')}`);
  for (const sql of INDEX_VIEWS_SQL) await db.exec(sql);
  return {
    conn: db,
    all: <R extends object>(query: NamedQuery<R> | string) => db.query<R>(sqlOf(query)),
    explain: async (query) => {
      await db.connection.runAndReadAll(`EXPLAIN ${sqlOf(query)}`);
    },
    close: db.close,
  };
}

/**
 * Runs SQL with views documents/cases/metrics/indicators/"similar" (quoted: a DuckDB keyword) over the Parquet files of `dir`.
 * Rows come back as JSON-friendly objects (BIGINT → number where safe, DATE → 'YYYY-MM-DD', lists → arrays).
 */
export async function queryParquet(dir: string, sql: string): Promise<Row[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const table of ['documents', 'cases', 'metrics', 'indicators', 'similar']) {
      await connection.run(`CREATE VIEW ${ident(table)} AS SELECT * FROM read_parquet(${literal(path.join(dir, `${table}.parquet`))})`);
    }
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Row[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
