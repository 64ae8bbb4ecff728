// Where the dashboard's tables come from. The ingest publishes the dataset twice in public/data/:
// - the Parquet files of the contract (docs/data-contract.md): what analysts download;
// - dashboard.duckdb: the same five tables in one DuckDB database file, which the app ATTACHes
//   read-only over HTTP. Why: DuckDB-wasm then reads only the column segments a query needs, with HTTP
//   Range requests, and nothing is decoded or inserted up front — the dashboard opens 100k or 1M cases
//   in about the time it opens the corpus (docs/performance.md). (DuckDB-wasm cannot read Parquet offline.)
// Every query reads views named like the tables (`cases`, …) over `base_*` views of the attached file,
// which union the analyst's imported documents and overlay their labels (workspace-views.ts).
// Shared by the browser (db/duckdb.ts) and the Node export (src/export): nothing here is browser-only.
import { EXPORTED_INDEXES, INDEX_VIEWS_SQL } from './indexes.ts';
import type { Connector } from './connector.ts';
import { ident, literal } from './quote.ts';
import { SEARCH_INDEXES } from './search-index.ts';
import { WORKSPACE_VIEWS_SQL } from './workspace-views.ts';

/** The published DuckDB database file under public/data/ (written by src/export/dashboard-db.ts). */
export const DASHBOARD_DB_FILE = 'dashboard.duckdb';

/** The name the published database is attached under (read-only). */
export const PUBLISHED_SCHEMA = 'published';

export interface DataFile {
  /** Parquet file name under public/data/ (the Data view's downloads). */
  file: string;
  /** Table of that name in dashboard.duckdb. */
  published: string;
  /** The name queries read it by before the workspace views (`base_cases`; `indicators` has no overlay). */
  base: string;
  /** Shown in the Data view's download list. */
  label: { zh: string; en: string };
}

export const DATA_FILES: DataFile[] = [
  { file: 'documents.parquet', published: 'documents', base: 'base_documents', label: { zh: '来源文件', en: 'Source documents' } },
  { file: 'cases.parquet', published: 'cases', base: 'base_cases', label: { zh: '案例', en: 'Cases' } },
  { file: 'metrics.parquet', published: 'metrics', base: 'base_metrics', label: { zh: '数据指标（数字）', en: 'Figures' } },
  { file: 'indicators.parquet', published: 'indicators', base: 'indicators', label: { zh: '指标分类', en: 'Indicator taxonomy' } },
  { file: 'similar.parquet', published: 'similar', base: 'base_similar', label: { zh: '相似案例', en: 'Similar cases' } },
];

/**
 * Tables of dashboard.duckdb computed at export for the app, not part of the download contract:
 * case_figures (case_id, figures) — each case's number of figures, so counting figures under a filter never
 * scans the figures table itself; then the views' indexes (sql/indexes.ts) and the search index (sql/search-index.ts).
 */
export const DERIVED_TABLES: Pick<DataFile, 'published' | 'base'>[] = [
  { published: 'case_figures', base: 'base_case_figures' },
  ...[...EXPORTED_INDEXES, ...SEARCH_INDEXES].map(({ published, base }) => ({ published, base })),
];

/** Every table the app needs in dashboard.duckdb. */
export const PUBLISHED_TABLES: Pick<DataFile, 'published' | 'base'>[] = [...DATA_FILES, ...DERIVED_TABLES];


/** ATTACH the published database file (registered under its own name) read-only. */
export function attachSql(fileName: string = DASHBOARD_DB_FILE): string {
  return `ATTACH ${literal(fileName)} AS ${PUBLISHED_SCHEMA} (READ_ONLY)`;
}

/** Lists the tables the attached file has (to name a missing one in the error). */
/**
 * One row, one column: the export's stamp, a random id written with the file. The views' saved answers carry the
 * stamp of the file they were computed from; where the attached file has the same, they are its answers and are
 * not asked again (hooks/useSql.ts). Not a published table: a file without it still opens (its saved answers are
 * then re-asked, as before the stamp).
 */
export const EXPORT_STAMP_TABLE = 'export_stamp';
const EXPORT_STAMP_SQL = `SELECT stamp FROM ${PUBLISHED_SCHEMA}.${EXPORT_STAMP_TABLE}`;

/** The attached file's stamp; null for a file written before stamps (its saved answers are then asked again). */
export async function readExportStamp(conn: Connector): Promise<string | null> {
  try {
    const [row] = await conn.query<{ stamp: unknown }>(EXPORT_STAMP_SQL);
    return row ? String(row.stamp) : null;
  } catch (error) {
    if (/does not exist/i.test((error as Error).message)) return null;
    throw error;
  }
}

export const PUBLISHED_TABLES_SQL = `SELECT table_name FROM duckdb_tables() WHERE database_name = ${literal(PUBLISHED_SCHEMA)}`;

/**
 * Statements run once the file is attached: a base view per published table, then the workspace views.
 * Same statements in the browser (duckdb.ts) and in Node (src/export/app-tables.ts), so tests run the
 * app's queries over exactly what the browser sees.
 */
export const VIEWS_SQL: string[] = [
  ...PUBLISHED_TABLES.map(baseViewSql),
  ...WORKSPACE_VIEWS_SQL,
  ...INDEX_VIEWS_SQL,
];

/** The base view of one published table. */
export function baseViewSql(table: Pick<DataFile, 'published' | 'base'>): string {
  return `CREATE OR REPLACE VIEW ${ident(table.base)} AS SELECT * FROM ${PUBLISHED_SCHEMA}.${ident(table.published)}`;
}

/** The table name a user sees for a data file (`cases` rather than `base_cases`). */
export function publicTableName(file: DataFile): string {
  return file.published;
}
